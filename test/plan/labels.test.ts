/** The words the tool puts on slides and pages speak the report's language, and a theme can reword them. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EN_LABELS, LABEL_KEYS, LANGUAGES, labelsFor, type LabelOverrides, type Labels } from '../../src/plan/labels.js';
import { parseMarkdown } from '../../src/read/parse.js';
import { structure } from '../../src/structure/structure.js';
import { plan } from '../../src/plan/plan.js';
import { loadTheme } from '../../src/theme/load.js';
import { Measurer } from '../../src/measure/text.js';
import { FIXTURES } from '../helpers/fixtures.js';

describe('labels in the report language', () => {
  it('covers the languages a report is likely to be written in', () => {
    expect([...LANGUAGES].sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'he', 'it', 'ja', 'ko', 'nl', 'pt', 'ru', 'zh']);
  });

  it.each([
    ['en', { agenda: 'Agenda', takeaways: 'Key takeaways', continued: 'cont.', pageOf: 'Page {n} of {total}' }],
    ['de', { agenda: 'Agenda', takeaways: 'Das Wichtigste', conclusion: 'Fazit', continued: 'Forts.', slideOf: 'Folie {n} von {total}' }],
    ['fr', { agenda: 'Sommaire', takeaways: 'À retenir', continued: 'suite', pageOf: 'Page {n} sur {total}' }],
    ['es', { introduction: 'Introducción', takeaways: 'Ideas clave', contents: 'Índice', pageOf: 'Página {n} de {total}' }],
    ['pt', { introduction: 'Introdução', conclusion: 'Conclusão', keyPoints: 'Pontos-chave' }],
    ['it', { conclusion: 'Conclusioni', continued: 'segue', slideOf: 'Diapositiva {n} di {total}' }],
    ['nl', { introduction: 'Inleiding', continued: 'vervolg', slideOf: 'Dia {n} van {total}' }],
    ['ru', { introduction: 'Введение', takeaways: 'Ключевые выводы', pageOf: 'Страница {n} из {total}' }],
    ['zh', { conclusion: '结论', continued: '续', notes: '备注' }],
    ['ja', { contents: '目次', continued: '続き', slideOf: 'スライド {n} / {total}' }],
    ['ko', { takeaways: '핵심 요약', conclusion: '결론', continued: '계속' }],
    ['ar', { takeaways: 'أهم النقاط', continued: 'تابع', introduction: 'مقدمة' }],
    ['he', { introduction: 'מבוא', conclusion: 'סיכום', continued: 'המשך' }],
  ] satisfies [string, Partial<Labels>][])('%s', (lang, expected) => {
    expect(labelsFor(lang)).toMatchObject(expected);
  });

  it.each(LANGUAGES)('%s has every label, with the page and slide numbers kept', (lang) => {
    const labels = labelsFor(lang);
    expect(Object.keys(labels).sort()).toEqual([...LABEL_KEYS].sort());
    for (const key of LABEL_KEYS) expect(labels[key].trim(), key).not.toBe('');
    for (const key of ['pageOf', 'slideOf'] as const) {
      expect(labels[key].match(/\{n\}/g), `${lang} ${key}`).toHaveLength(1);
      expect(labels[key].match(/\{total\}/g), `${lang} ${key}`).toHaveLength(1);
      expect(labels[key].replace('{n}', '3').replace('{total}', '12')).not.toMatch(/[{}]/);
    }
  });

  it.each(LANGUAGES)('%s keeps "continued" short enough to follow a slide title', (lang) => {
    expect(labelsFor(lang).continued.length).toBeLessThanOrEqual(8);
  });

  it('translates what it can: outside English, most labels differ from the English ones', () => {
    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      const labels = labelsFor(lang);
      const same = LABEL_KEYS.filter((k) => labels[k] === EN_LABELS[k]);
      // Some words are the same in both ("Introduction", "Page {n}" in French): a third at most.
      expect(same.length, `${lang}: ${same.join(', ')}`).toBeLessThanOrEqual(LABEL_KEYS.length / 3);
    }
  });

  it.each([
    ['de-AT', 'Das Wichtigste'],
    ['de_CH', 'Das Wichtigste'],
    ['DE', 'Das Wichtigste'],
    ['pt-BR', 'Principais pontos'],
    ['pt-PT', 'Principais pontos'],
    ['es-419', 'Ideas clave'],
    ['fr-CA', 'À retenir'],
    ['zh-Hans', '核心要点'],
    ['zh-CN', '核心要点'],
    ['ZH', '核心要点'],
    ['en_US', 'Key takeaways'],
    [' ja-JP ', '主なポイント'],
  ])('reads the language of %s from its primary subtag', (tag, takeaways) => {
    expect(labelsFor(tag).takeaways).toBe(takeaways);
  });

  it('writes Traditional Chinese for zh-Hant, Taiwan and Hong Kong', () => {
    for (const tag of ['zh-Hant', 'zh-TW', 'zh-hant-HK', 'zh-MO']) {
      expect(labelsFor(tag)).toMatchObject({ takeaways: '核心要點', conclusion: '結論', contents: '目錄', continued: '續' });
    }
    expect(labelsFor('zh-Hans-HK').takeaways).toBe('核心要点');
  });

  it.each(['xx', 'tlh', 'pl', 'sv-SE', '', 'und', '--'])('falls back to English for %j', (tag) => {
    expect(labelsFor(tag)).toEqual(EN_LABELS);
  });

  it('hands out a copy: changing one deck’s labels does not change the next', () => {
    const labels = labelsFor('en');
    labels.agenda = 'Changed';
    expect(labelsFor('en').agenda).toBe('Agenda');
    expect(EN_LABELS.agenda).toBe('Agenda');
  });
});

describe('labels a theme overrides', () => {
  const overrides: LabelOverrides = {
    agenda: 'Plan',
    continued: 'contd.',
    de: { agenda: 'Ablauf', takeaways: 'Kernaussagen' },
    'pt-PT': { slideOf: 'Diapositivo {n} de {total}' },
    FR: { agenda: 'Au programme' },
  };

  it('replaces a label for every language', () => {
    expect(labelsFor('en', overrides)).toMatchObject({ agenda: 'Plan', continued: 'contd.', takeaways: 'Key takeaways' });
    expect(labelsFor('ja', overrides)).toMatchObject({ agenda: 'Plan', continued: 'contd.', takeaways: '主なポイント' });
  });

  it('replaces a label for one language, over the ones for every language', () => {
    expect(labelsFor('de', overrides)).toMatchObject({ agenda: 'Ablauf', takeaways: 'Kernaussagen', continued: 'contd.', conclusion: 'Fazit' });
    expect(labelsFor('de-AT', overrides).agenda).toBe('Ablauf');
    expect(labelsFor('fr-BE', overrides).agenda).toBe('Au programme');
    expect(labelsFor('es', overrides).agenda).toBe('Plan');
  });

  it('lets a full tag win over its language', () => {
    expect(labelsFor('pt-PT', overrides).slideOf).toBe('Diapositivo {n} de {total}');
    expect(labelsFor('pt_pt', overrides).slideOf).toBe('Diapositivo {n} de {total}');
    expect(labelsFor('pt-BR', overrides).slideOf).toBe('Slide {n} de {total}');
  });

  it('ignores what is not a label', () => {
    const odd = { agenda: 'Plan', nonsense: 'x', de: { nonsense: 'y', notes: 'Sprechernotizen' } } as unknown as LabelOverrides;
    const labels = labelsFor('de', odd);
    expect(Object.keys(labels).sort()).toEqual([...LABEL_KEYS].sort());
    expect(labels).toMatchObject({ agenda: 'Plan', notes: 'Sprechernotizen' });
  });

  it('changes nothing when there are none', () => {
    expect(labelsFor('it', {})).toEqual(labelsFor('it'));
    expect(labelsFor('it', undefined)).toEqual(labelsFor('it'));
  });
});

describe('a report that does not declare its language', () => {
  const theme = loadTheme();
  let measurer: Measurer;
  beforeAll(async () => {
    measurer = await Measurer.load(theme.fonts);
  });

  const deckOf = (markdown: string) => {
    const file = path.join(FIXTURES, 'labels.md');
    const report = structure(parseMarkdown(markdown, file), { file, baseDir: FIXTURES }).value;
    return plan(report, { theme, measurer, file }).value;
  };

  it('gets slide titles in the language it is written in', () => {
    const deck = deckOf(
      [
        '# Quartalsbericht',
        'Dieser Bericht fasst die Entwicklung des dritten Quartals zusammen und zeigt, wo wir im Vergleich zum Plan stehen.',
        '## 1. Umsatz',
        'Der Umsatz ist im Vergleich zum Vorjahr um 12 Prozent gestiegen. Der Anstieg wurde vor allem durch Neukunden getragen, während die Abwanderung stabil blieb.',
        '## 2. Kosten',
        'Die Kosten für Logistik sind gesunken, weil wir die Verträge mit unseren Dienstleistern neu verhandelt haben. Die Personalkosten lagen dagegen über dem Plan.',
        '## 3. Personal',
        'Im Vertrieb haben wir zwölf neue Stellen besetzt. Die Fluktuation ist auf sieben Prozent gesunken und liegt damit unter dem Wert des Vorjahres.',
        '## 4. Ausblick',
        'Wir erwarten, dass sich die Marge weiter verbessert, sobald die Umstellung auf die neue Plattform abgeschlossen ist.',
      ].join('\n\n'),
    );
    expect(deck.meta.lang).toBe('de');
    const titles = deck.slides.map((s) => s.title);
    expect(titles).toContain('Agenda');
    expect(titles).toContain('Einleitung');
    expect(titles).toContain('Das Wichtigste');
    expect(titles).not.toContain('Key takeaways');
  });
});
