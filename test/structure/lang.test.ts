/** Telling which language a report is written in when its front matter does not say. */
import { describe, expect, it } from 'vitest';
import { detectLang, isRtl } from '../../src/structure/lang.js';
import { parseMarkdown } from '../../src/read/parse.js';
import { structure } from '../../src/structure/structure.js';

const report = (md: string) => structure(parseMarkdown(md, 'report.md'), { file: 'report.md', baseDir: '.' }).value;

/** A few sentences of the kind a business report is made of, in Markdown, one per language. */
const REPORTS: Record<string, string> = {
  en: [
    '## 1. Revenue',
    'In the third quarter, revenue grew by 12 percent compared with the same period last year. The increase was driven mainly by new customers in the enterprise segment, while churn among small businesses remained stable.',
    '- We expect margins to improve further once the migration to the new platform is complete.',
    '- The board has approved an additional budget for hiring in sales and support.',
  ].join('\n\n'),
  de: [
    '## 1. Umsatz',
    'Im dritten Quartal ist der Umsatz im Vergleich zum Vorjahreszeitraum um 12 Prozent gestiegen. Der Anstieg wurde vor allem durch Neukunden im Großkundengeschäft getragen, während die Abwanderung bei kleinen Unternehmen stabil blieb.',
    '- Wir erwarten, dass sich die **Marge** weiter verbessert, sobald die Umstellung auf die neue Plattform abgeschlossen ist.',
    '- Der Vorstand hat zusätzliche Mittel für Neueinstellungen in Vertrieb und Kundenservice bewilligt.',
  ].join('\n\n'),
  fr: [
    '## 2. Logistique',
    "Les délais de livraison se sont nettement améliorés au cours du semestre. Le nouvel entrepôt de Lyon traite désormais près d'un tiers des commandes, ce qui a réduit la charge sur le site historique.",
    "Nous avons toutefois constaté une hausse des coûts de transport, liée à la renégociation des contrats avec nos principaux prestataires. Une revue complète des tarifs est prévue pour le mois de mars.",
  ].join('\n\n'),
  es: [
    '## 3. Clientes',
    'La satisfacción de los clientes alcanzó su nivel más alto desde que empezamos a medirla. Las llamadas al servicio de atención se redujeron un 18 %, sobre todo gracias a la nueva sección de preguntas frecuentes.',
    'Sin embargo, los tiempos de respuesta por correo siguen siendo largos y el equipo necesita dos personas más para cumplir el objetivo del año.',
  ].join('\n\n'),
  pt: [
    '## 4. Operações',
    'A produção da fábrica de Campinas ficou 6% acima do planejado, apesar de duas paradas não programadas em agosto. O índice de refugo caiu pela primeira vez em três trimestres.',
    'Os custos com energia, no entanto, continuam a pressionar a margem, e a diretoria está avaliando um contrato de longo prazo com um fornecedor de energia solar.',
  ].join('\n\n'),
  it: [
    '## 5. Personale',
    "Nel corso dell'anno abbiamo assunto 42 nuove persone, soprattutto nelle aree tecniche. Il tasso di uscita volontaria è sceso al 7%, il valore più basso degli ultimi cinque anni.",
    'Resta però difficile trovare profili con esperienza nella gestione dei dati, e per questo il piano di formazione interna sarà esteso anche alle sedi di Torino e Bari.',
  ].join('\n\n'),
  nl: [
    '## 6. Duurzaamheid',
    'Het energieverbruik per vestiging is dit jaar met 9 procent gedaald. Dat komt vooral door de nieuwe koelinstallaties en de overstap naar ledverlichting in alle winkels.',
    'We hebben de doelstelling voor afvalscheiding nog niet gehaald. In het tweede halfjaar starten we daarom een proef met een externe partner in de regio Utrecht.',
  ].join('\n\n'),
  ru: [
    '## 1. Выручка',
    'В третьем квартале выручка выросла на 12 % по сравнению с аналогичным периодом прошлого года. Рост обеспечили прежде всего новые корпоративные клиенты, а отток среди малого бизнеса остался на прежнем уровне.',
    'Мы ожидаем, что маржа продолжит расти после завершения перехода на новую платформу.',
  ].join('\n\n'),
  zh: '## 1. 收入\n\n本季度营业收入同比增长百分之十二，主要来自企业客户。小型企业客户的流失率保持稳定，我们预计新平台上线后利润率将进一步提高。',
  ja: '## 1. 売上\n\n第3四半期の売上高は前年同期比で12%増加しました。主に法人顧客の新規獲得によるもので、中小企業の解約率は横ばいでした。',
  ko: '## 1. 매출\n\n3분기 매출은 전년 동기 대비 12% 증가했습니다. 주로 기업 고객의 신규 유입에 힘입은 것이며, 중소기업 고객의 이탈률은 안정적으로 유지되었습니다.',
  ar: '## 1. الإيرادات\n\nارتفعت الإيرادات في الربع الثالث بنسبة 12% مقارنة بالفترة نفسها من العام الماضي، ويعود ذلك أساسا إلى العملاء الجدد من قطاع الشركات.',
  he: '## 1. הכנסות\n\nההכנסות ברבעון השלישי עלו ב-12% לעומת התקופה המקבילה אשתקד. העלייה נבעה בעיקר מלקוחות עסקיים חדשים, בעוד שנטישת הלקוחות הקטנים נותרה יציבה.',
  el: '## 1. Έσοδα\n\nΤα έσοδα του τρίτου τριμήνου αυξήθηκαν κατά 12% σε σύγκριση με την ίδια περίοδο του προηγούμενου έτους, κυρίως χάρη σε νέους εταιρικούς πελάτες.',
};

describe('detectLang', () => {
  it.each(Object.entries(REPORTS))('tells a report written in %s', (lang, text) => {
    expect(detectLang(text)).toBe(lang);
  });

  it('keeps English prose with inline code, a code block, URLs and paths English', () => {
    const text = [
      '## Deployment',
      'The nightly job is defined in `etl/jobs/orders.py` and runs `python -m etl.run --region=de --dry-run` before the load step.',
      'Details of the schema are at https://example.com/docs/los-datos-de-la-empresa-y-el-informe and in <https://wiki.example.org/die/neue/plattform>.',
      '```sql\nSELECT * FROM orders o WHERE o.status = \'de\' AND o.region IN (\'es\', \'pt\', \'it\')\n```',
      'We will switch the job to the new scheduler once the team has reviewed the [runbook](https://example.com/le/manuel/des/operations).',
    ].join('\n\n');
    expect(detectLang(text)).toBe('en');
  });

  it('keeps a German report German despite English business words, figures and a link', () => {
    const text = [
      '## Roadmap',
      'Für das Onboarding der Enterprise-Kunden haben wir im Q3 ein eigenes Team aufgebaut. Die wichtigsten KPIs (Time-to-Value, Churn und NPS) liegen über dem Forecast; Details stehen im [Dashboard](https://bi.example.com/sales/overview).',
      'Das Budget für Cloud-Kosten wird im nächsten Jahr um 15 % erhöht, weil die Migration der Legacy-Systeme später als geplant abgeschlossen wird.',
    ].join('\n\n');
    expect(detectLang(text)).toBe('de');
  });

  it('goes by what most of the report is written in', () => {
    const quote = '> "The market will stay volatile for the rest of the year," the analyst said.';
    expect(detectLang(`${REPORTS.fr}\n\n${quote}`)).toBe('fr');
    expect(detectLang(`${REPORTS.en}\n\n> « La situation reste tendue », a déclaré le directeur.`)).toBe('en');
  });

  it.each([
    ['nothing', ''],
    ['a title', 'Quarterly Review Q3 2025'],
    ['a German heading', 'Die Lage im Vertrieb'],
    ['a Spanish phrase', 'Resumen de resultados'],
    ['numbers and symbols', '| 2024 | 2025 |\n|---|---|\n| 12 % | 14 % |'],
    ['a code snippet', '```js\nconst die = (und) => und.der;\n```'],
  ])('falls back to English for %s', (_what, text) => {
    expect(detectLang(text)).toBe('en');
  });

  it.each([
    [
      'Polish',
      'W trzecim kwartale przychody wzrosły o 12 procent w porównaniu z tym samym okresem ubiegłego roku. Wzrost wynikał głównie z pozyskania nowych klientów korporacyjnych, a odpływ małych firm pozostał na stabilnym poziomie. Do końca roku planujemy otworzyć dwa nowe biura, o ile pozwoli na to sytuacja na rynku.',
    ],
    [
      'Indonesian',
      'Pada kuartal ketiga, pendapatan naik 12 persen dibandingkan periode yang sama tahun lalu. Kenaikan ini terutama didorong oleh pelanggan baru di segmen korporasi, sedangkan tingkat kehilangan pelanggan usaha kecil tetap stabil. Direksi telah menyetujui anggaran tambahan untuk perekrutan di bagian penjualan.',
    ],
    [
      'Swedish',
      'Under tredje kvartalet ökade intäkterna med 12 procent jämfört med samma period förra året. Ökningen drevs främst av nya företagskunder, medan kundbortfallet bland småföretag var stabilt. Vi räknar med att marginalen förbättras när flytten till den nya plattformen är klar.',
    ],
    [
      'Turkish',
      'Üçüncü çeyrekte gelirler geçen yılın aynı dönemine göre yüzde 12 arttı. Bu artış esas olarak kurumsal segmentteki yeni müşterilerden kaynaklandı, küçük işletmelerdeki müşteri kaybı ise sabit kaldı.',
    ],
  ])('leaves a report in %s English rather than mistake it for a language it shares a few words with', (_language, text) => {
    expect(detectLang(text)).toBe('en');
  });

  it('falls back to English when two languages are evenly mixed', () => {
    const de = 'Der Umsatz ist im Quartal gestiegen, und die Kosten sind gesunken.';
    const fr = 'Le chiffre d’affaires a augmenté et les coûts sont en baisse dans la région.';
    expect(detectLang(`${de} ${fr}`)).toBe('en');
  });

  it('is fast on a long report', () => {
    const long = Array.from({ length: 200 }, () => REPORTS.nl).join('\n\n');
    const start = performance.now();
    expect(detectLang(long)).toBe('nl');
    expect(performance.now() - start).toBeLessThan(50);
  });
});

describe('a report that does not declare its language', () => {
  it('gets the language its prose is written in', () => {
    expect(report(`# Jahresbericht\n\n${REPORTS.de}`).meta.lang).toBe('de');
    expect(report(`# Relatório anual\n\n${REPORTS.pt}`).meta.lang).toBe('pt');
  });

  it('keeps the language its front matter declares', () => {
    expect(report(`---\nlang: de-CH\n---\n# Jahresbericht\n\n${REPORTS.de}`).meta.lang).toBe('de-CH');
    expect(report(`---\nlang: en\n---\n# Rapport\n\n${REPORTS.fr}`).meta.lang).toBe('en');
  });
});

describe('isRtl', () => {
  it.each([
    ['ar', true],
    ['he-IL', true],
    ['FA', true],
    ['en', false],
    ['de', false],
  ])('%s → %s', (lang, rtl) => {
    expect(isRtl(lang)).toBe(rtl);
  });
});
