/** A report's closing words, recognised in the languages reports come in. */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/read/parse.js';
import { structure } from '../../src/structure/structure.js';
import { runsText } from '../../src/structure/inline.js';
import { isConcludingOpener, isConclusionTitle } from '../../src/structure/conclusion.js';
import type { ReportBlock } from '../../src/types/report.js';

const report = (md: string) => structure(parseMarkdown(md, 'report.md'), { file: 'report.md', baseDir: '.' }).value;
const texts = (blocks: ReportBlock[]) => blocks.map((b) => (b.kind === 'paragraph' ? runsText(b.runs) : b.kind));

describe('a closing paragraph that concludes', () => {
  it('is found in a German report', () => {
    const r = report(
      [
        '# Quartalsbericht Logistik Süd',
        '## 1. Umsatz\n\nDer Umsatz stieg im dritten Quartal um 12 % auf 48 Mio. Euro, getragen von zwei neuen Handelskunden.',
        '## 2. Lieferquote\n\nDie Lieferquote lag bei 96,1 % und damit knapp unter dem Ziel von 97 %. Die Lücke entstand fast vollständig im Lager Bruchsal.',
        '## 3. Personal\n\nDie Zeitarbeitskosten lagen 0,9 Mio. Euro über Plan, weil Stellen langsamer besetzt wurden als geplant.',
        'Zusammenfassend war das Quartal wirtschaftlich erfolgreich; die Schwäche im Süden ist erkannt und lösbar.',
      ].join('\n\n'),
    );
    expect(r.sections.map((s) => s.title)).toEqual(['Umsatz', 'Lieferquote', 'Personal']);
    expect(texts(r.sections[2].blocks)).toEqual(['Die Zeitarbeitskosten lagen 0,9 Mio. Euro über Plan, weil Stellen langsamer besetzt wurden als geplant.']);
    expect(texts(r.conclusion)).toEqual(['Zusammenfassend war das Quartal wirtschaftlich erfolgreich; die Schwäche im Süden ist erkannt und lösbar.']);
  });

  it('is found in a Chinese report', () => {
    const r = report(
      [
        '# 华南区域运营季度报告',
        '## 1. 收入\n\n本季度营业收入同比增长百分之十二，主要来自两家新签约的连锁超市客户。',
        '## 2. 准时交付\n\n准时交付率为百分之九十六点一，略低于百分之九十七的目标，差距主要来自佛山仓库。',
        '## 3. 人员\n\n临时用工成本比预算高出九百万元，原因是正式员工招聘进度落后。',
        '综上所述，本季度网络实现了盈利增长，佛山仓库的短板已经明确并且可以解决。',
      ].join('\n\n'),
    );
    expect(r.meta.lang).toBe('zh');
    expect(texts(r.sections[2].blocks)).toEqual(['临时用工成本比预算高出九百万元，原因是正式员工招聘进度落后。']);
    expect(texts(r.conclusion)).toEqual(['综上所述，本季度网络实现了盈利增长，佛山仓库的短板已经明确并且可以解决。']);
  });

  it.each([
    ['de', 'Insgesamt zeigt das Quartal, dass der Süden aufholt.'],
    ['de', 'Abschließend lässt sich festhalten, dass die Ziele erreicht wurden.'],
    ['fr', 'En conclusion, le trimestre a été rentable.'],
    ['fr', 'Pour conclure, le réseau a tenu ses engagements.'],
    ['fr', 'Au total, le trimestre est positif.'],
    ['fr', 'Dans l’ensemble, les résultats sont solides.'],
    ['es', 'En conclusión, el trimestre fue rentable.'],
    ['es', 'En definitiva, la red cumplió sus objetivos.'],
    ['pt', 'Em suma, o trimestre foi rentável.'],
    ['it', 'In conclusione, il trimestre è stato redditizio.'],
    ['nl', 'Kortom, het kwartaal was winstgevend.'],
    ['ru', 'В заключение, квартал был прибыльным.'],
    ['ru', 'Таким образом, сеть выполнила свои обязательства.'],
    ['zh', '总之，本季度实现了增长。'],
    ['zh', '總的來說，本季度實現了增長。'],
    ['ja', 'まとめると、今四半期は増益となった。'],
    ['ja', '以上のように、課題は明確になった。'],
    ['ko', '결론적으로 이번 분기는 흑자를 기록했다.'],
    ['ar', 'في الختام، كان الربع مربحًا.'],
    ['ar', 'وخلاصة القول إن الشبكة حققت أهدافها.'],
  ])('opens a conclusion in %s: %s', (_lang, text) => {
    expect(isConcludingOpener(text)).toBe(true);
  });

  it.each([
    'Insgesamt 40 Filialen wurden umgebaut.',
    'Insgesamtkosten sind gestiegen.',
    'Au total, 40 magasins ont fermé.',
    'En general se observa un aumento.',
    'Итого 12 складов.',
    'The overall picture is mixed.',
  ])('does not take a plain statement for a conclusion: %s', (text) => {
    expect(isConcludingOpener(text)).toBe(false);
  });
});

describe('a closing section titled as a conclusion', () => {
  it.each(['Fazit', 'Fazit und Ausblick', 'Conclusion', 'Conclusión', 'Conclusões', 'Conclusioni', 'Conclusie', 'Заключение', '结论', '总结', '五、结论', '第六章 总结', 'まとめ', 'おわりに', '결론', 'الخاتمة', 'Zusammenfassung:'])(
    '%s',
    (title) => {
      expect(isConclusionTitle(title)).toBe(true);
    },
  );

  it.each(['Fazitbericht', 'Conclusion du contrat de bail', '结论依据', 'Results'])('not %s', (title) => {
    expect(isConclusionTitle(title)).toBe(false);
  });

  it('becomes the conclusion of a German and a Chinese report', () => {
    const de = report('## 1. Umsatz\nDer Umsatz stieg.\n\n## 2. Kosten\nDie Kosten sanken.\n\n## 3. Fazit\nEin gutes Quartal.\n');
    expect(de.sections.map((s) => s.title)).toEqual(['Umsatz', 'Kosten']);
    expect(texts(de.conclusion)).toEqual(['Ein gutes Quartal.']);
    const zh = report('## 一、收入\n收入增长。\n\n## 二、成本\n成本下降。\n\n## 三、结论\n本季度表现良好。\n');
    expect(zh.sections).toHaveLength(2);
    expect(texts(zh.conclusion)).toEqual(['本季度表现良好。']);
  });
});
