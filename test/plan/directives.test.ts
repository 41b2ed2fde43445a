/**
 * Directives: what an author writes into a report, as HTML comments, to steer the deck. Each is
 * checked on the deck model `plan()` returns, as a pipeline would read it.
 */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/index.js';
import type { Deck, Slide } from '../../src/types/deck.js';
import { slideText } from '../helpers/fixtures.js';

const PROSE = {
  costs:
    'Warehouse costs rose by nine percent over the year, mostly from energy. Rent stayed flat because the two main leases were renewed early. Staff costs grew with the new night shift. The energy contract ends in March and will be put out to tender.',
  routes:
    'Route planning moved to the new optimiser in April. Average route length fell by seven kilometres. Drivers needed two weeks to trust the new routes. Complaints about school-run traffic led to a manual override in three towns.',
  people:
    'Turnover among drivers fell to eleven percent, the lowest in five years. Exit interviews point to pay and rota stability as the main reasons to stay. The apprenticeship scheme filled all twelve places. Two depots still struggle to hire mechanics.',
};

async function deckOf(markdown: string) {
  return plan(markdown, { file: 'ops.md' });
}

const titled = (deck: Deck, title: string) => deck.slides.filter((s) => s.title === title || s.title.startsWith(`${title} (`));
const points = (s: Slide) => s.blocks.flatMap((b) => ('list' in b ? b.list.map((i) => i.runs.map((r) => r.text).join('')) : []));

const report = (sections: string) => `# Operations Review 2026\n\n${sections}`;

describe('<!-- keypoints: N -->', () => {
  it('gives a section that many key points, where the default would give another number', async () => {
    const base = await deckOf(report(`## 1. Costs\n\n${PROSE.costs}\n`));
    const three = await deckOf(report(`## 1. Costs\n\n<!-- keypoints: 3 -->\n\n${PROSE.costs}\n`));
    const one = await deckOf(report(`## 1. Costs\n\n<!-- keypoints: 1 -->\n\n${PROSE.costs}\n`));
    expect(points(titled(base.deck, 'Costs')[0])).toHaveLength(2);
    expect(points(titled(three.deck, 'Costs')[0])).toHaveLength(3);
    expect(points(titled(one.deck, 'Costs')[0])).toHaveLength(1);
    expect(three.diagnostics).toEqual([]);
  });

  it('0 leaves the section a title slide with its whole text in the notes', async () => {
    const { deck } = await deckOf(report(`## 1. Costs\n\n<!-- keypoints: 0 -->\n\n${PROSE.costs}\n`));
    const [slide] = titled(deck, 'Costs');
    expect(slide.blocks).toEqual([]);
    expect(slide.notes).toBe(PROSE.costs);
  });

  it('warns at its line about a count it cannot use, and keeps the default', async () => {
    const { deck, diagnostics } = await deckOf(report(`## 1. Costs\n\n<!-- keypoints: many -->\n\n${PROSE.costs}\n`));
    expect(diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'directive', file: 'ops.md', line: 5 })]);
    expect(diagnostics[0].message).toMatch(/keypoints: "many" is not a number/);
    expect(points(titled(deck, 'Costs')[0])).toHaveLength(2);
  });
});

describe('<!-- skip -->', () => {
  const md = report(
    `## 1. Costs\n\n${PROSE.costs}\n\n## 2. Routes\n\n${PROSE.routes}\n\n<!-- skip -->\n## 3. Appendix: data sources\n\nThe figures come from the finance ledger and the telematics export of 2 January.\n\n### 3.1 Ledger codes\n\nLedger codes 4100 to 4190 cover warehouse energy.\n\n## 4. People\n\n${PROSE.people}\n`,
  );

  it('written above a heading, drafts that section and its subsections hidden, and only them', async () => {
    const { deck, diagnostics } = await deckOf(md);
    expect(diagnostics).toEqual([]);
    const hidden = deck.slides.filter((s) => s.hidden);
    expect(hidden.map((s) => s.title)).toEqual(['Appendix: data sources', 'Ledger codes']);
    expect(slideText(hidden)).toContain('Ledger codes 4100 to 4190 cover warehouse energy.');
  });

  it('leaves the section out of the agenda and the takeaways', async () => {
    const { deck } = await deckOf(md);
    const agenda = deck.slides.find((s) => s.layout === 'agenda')!;
    const takeaways = deck.slides.find((s) => s.layout === 'takeaways')!;
    expect(points(agenda)).toEqual(['Costs', 'Routes', 'People']);
    expect(slideText(takeaways)).not.toContain('Appendix');
  });

  it('written under a heading, applies to that section', async () => {
    const { deck } = await deckOf(report(`## 1. Costs\n\n${PROSE.costs}\n\n## 2. Routes\n\n<!-- skip -->\n\n${PROSE.routes}\n\n## 3. People\n\n${PROSE.people}\n`));
    expect(deck.slides.filter((s) => s.hidden).map((s) => s.title)).toEqual(['Routes']);
  });
});

describe('<!-- notes: … --> and ::: notes', () => {
  it('puts the author’s notes on the slide of the block that follows them, and out of the briefing’s text', async () => {
    const md = report(
      `## 1. Costs\n\n${PROSE.costs}\n\n<!-- notes: Ask finance whether the March tender date still holds. -->\n\n| Cost | 2025 | 2026 |\n|---|--:|--:|\n| Energy | 1.2 | 1.5 |\n| Rent | 2.0 | 2.0 |\n`,
    );
    const { deck } = await deckOf(md);
    const [bullets, table] = titled(deck, 'Costs');
    expect(table.layout).toBe('table');
    expect(table.notes).toBe('Ask finance whether the March tender date still holds.');
    expect(table.presenterOnly).toEqual(['Ask finance whether the March tender date still holds.']);
    expect(bullets.notes).toBe(PROSE.costs);
  });

  it('reads a ::: notes block of several paragraphs, with Markdown, as plain notes text', async () => {
    const md = report(`## 1. Routes\n\n${PROSE.routes}\n\n::: notes\nSay the **override** towns by name.\n\nThey are Ashby, Brill and Cole.\n:::\n`);
    const { deck, diagnostics } = await deckOf(md);
    expect(diagnostics).toEqual([]);
    const [slide] = titled(deck, 'Routes');
    expect(slide.notes).toBe(`${PROSE.routes}\n\nSay the override towns by name.\n\nThey are Ashby, Brill and Cole.`);
    expect(slideText(slide.blocks)).not.toContain('Ashby');
  });

  it('accepts Pandoc’s ::: {.notes} and warns when the block is never closed', async () => {
    const md = report(`## 1. Routes\n\n${PROSE.routes}\n\n::: {.notes}\nMention the pilot depot.\n\n## 2. People\n\n${PROSE.people}\n`);
    const { deck, diagnostics } = await deckOf(md);
    expect(titled(deck, 'Routes')[0].notes).toContain('Mention the pilot depot.');
    expect(titled(deck, 'People')[0].notes).toBe(PROSE.people);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'directive', line: 7 })]);
    expect(diagnostics[0].message).toMatch(/not closed/);
  });
});

describe('<!-- split -->', () => {
  it('starts a new slide: the prose before and after it is condensed on slides of its own', async () => {
    const md = report(`## 1. Costs\n\n${PROSE.costs}\n\n<!-- split -->\n\n${PROSE.people}\n`);
    const { deck } = await deckOf(md);
    const slides = titled(deck, 'Costs');
    expect(slides).toHaveLength(2);
    expect(slides[0].notes).toBe(PROSE.costs);
    expect(slides[1].notes).toBe(PROSE.people);
    expect(slideText(slides[0].blocks)).not.toMatch(/Turnover|apprenticeship|mechanics/);
    expect(slideText(slides[1].blocks)).not.toMatch(/Warehouse|energy|Rent/);
  });
});

describe('<!-- layout: … -->', () => {
  it('quote: shows the section’s strongest sentence as a pull quote, its text in the notes', async () => {
    const { deck } = await deckOf(report(`## 1. People\n\n<!-- layout: quote -->\n\n${PROSE.people}\n`));
    const [slide] = titled(deck, 'People');
    expect(slide.layout).toBe('quote');
    const quote = slide.blocks.find((b) => 'quote' in b) as { quote: { runs: { text: string }[] } };
    expect(PROSE.people).toContain(quote.quote.runs[0].text);
    expect(slide.notes).toBe(PROSE.people);
  });

  it('table: lets the table carry the section, its prose in the table slide’s notes', async () => {
    const md = report(`## 1. Costs\n\n<!-- layout: table -->\n\n${PROSE.costs}\n\n| Cost | 2025 | 2026 |\n|---|--:|--:|\n| Energy | 1.2 | 1.5 |\n`);
    const { deck } = await deckOf(md);
    const slides = titled(deck, 'Costs');
    expect(slides.map((s) => s.layout)).toEqual(['table']);
    expect(slides[0].notes).toBe(PROSE.costs);
  });

  it('two-column: key points beside the section’s list, on one slide', async () => {
    const md = report(`## 1. Routes\n\n<!-- layout: two-column -->\n\n${PROSE.routes}\n\n- Seven kilometres shorter\n- Two weeks to trust\n- Three towns overridden\n`);
    const { deck, diagnostics } = await deckOf(md);
    expect(diagnostics).toEqual([]);
    const slides = titled(deck, 'Routes');
    expect(slides.map((s) => s.layout)).toEqual(['two-column']);
    const [slide] = slides;
    const cut = slide.fit.columnStart!;
    expect(cut).toBeGreaterThan(0);
    expect(points({ ...slide, blocks: slide.blocks.slice(cut) })).toEqual(['Seven kilometres shorter', 'Two weeks to trust', 'Three towns overridden']);
    expect(points({ ...slide, blocks: slide.blocks.slice(0, cut) }).every((p) => PROSE.routes.includes(p))).toBe(true);
  });

  it('two-column with only one list cuts it in half', async () => {
    const md = report(`## 1. Actions\n\n<!-- layout: two-column -->\n\n- Tender the energy contract\n- Renew the north lease\n- Hire two mechanics\n- Extend the override towns\n- Review night-shift pay\n`);
    const { deck } = await deckOf(md);
    const [slide] = titled(deck, 'Actions');
    expect(slide.layout).toBe('two-column');
    expect(points({ ...slide, blocks: slide.blocks.slice(0, slide.fit.columnStart) })).toHaveLength(3);
    expect(points({ ...slide, blocks: slide.blocks.slice(slide.fit.columnStart) })).toHaveLength(2);
  });

  it('two-column too full for half a slide falls back to the slides the section would have had', async () => {
    const long = Array.from({ length: 16 }, (_, i) => `- Item ${i + 1}: a line long enough to need two lines of a column even at the smallest size the layout allows`).join('\n');
    const md = report(`## 1. Actions\n\n<!-- layout: two-column -->\n\n${PROSE.costs}\n\n${long}\n`);
    const { deck } = await deckOf(md);
    const slides = titled(deck, 'Actions');
    expect(slides.some((s) => s.layout === 'two-column')).toBe(false);
    expect(slides[0].layout).toBe('bullets');
    expect(slideText(slides)).toContain('Item 16');
  });

  it('warns at its line about a layout it does not have, or one the section cannot take', async () => {
    const { diagnostics } = await deckOf(report(`## 1. Costs\n\n<!-- layout: grid -->\n\n${PROSE.costs}\n\n## 2. Routes\n\n<!-- layout: image -->\n\n${PROSE.routes}\n`));
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [5, expect.stringMatching(/layout: "grid" is not a layout briefdeck has \(bullets, quote, two-column, figures, image, table, code\)/)],
      [11, expect.stringMatching(/layout: image: the section has no picture; shown as key points/)],
    ]);
  });
});

describe('key figures', () => {
  it('<!-- layout: figures --> shows the figure of the section’s key point large, with its label and sentence', async () => {
    const md = report(`## 1. Revenue\n\n<!-- layout: figures -->\n\nRevenue rose 12% to $48.2M, driven by two new grocery contracts. Parcel volumes were flat after the loss of the marketplace account.\n`);
    const { deck, diagnostics } = await deckOf(md);
    expect(diagnostics).toEqual([]);
    const [slide] = titled(deck, 'Revenue');
    expect(slide.layout).toBe('figures');
    expect(slide.blocks).toEqual([{ figure: { value: '$48.2M', label: 'Revenue', sentence: 'Revenue rose 12% to $48.2M, driven by two new grocery contracts' } }]);
    expect(slide.fit.figure).toBeGreaterThan(slide.fit.body);
  });

  it('warns when the section has no figure to show, and keeps its key points', async () => {
    const { deck, diagnostics } = await deckOf(report(`## 1. People\n\n<!-- layout: figures -->\n\nDrivers were sceptical at first. Most came round within weeks.\n`));
    expect(titled(deck, 'People')[0].layout).toBe('bullets');
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/layout: figures: the section's key points hold no figure/)]);
  });

  it('an executive summary whose one point hinges on one figure becomes a figures slide by itself', async () => {
    const auto = await deckOf(report(`Operating margin recovered to 9.4% in the third quarter.\n\n## 1. Costs\n\n${PROSE.costs}\n`));
    expect(auto.deck.slides[1].layout).toBe('figures');
    expect(auto.deck.slides[1].blocks).toEqual([{ figure: expect.objectContaining({ value: '9.4%', label: 'Operating margin' }) }]);
    // A summary that says more than its figures keeps its key points.
    const mixed = await deckOf(report(`Revenue rose 12% to $48.2M and margin recovered to 9.4%, but delivery slipped below target.\n\n## 1. Costs\n\n${PROSE.costs}\n`));
    expect(mixed.deck.slides[1].layout).toBe('bullets');
  });
});

describe('<!-- chart: … -->', () => {
  const table = '| Quarter | Revenue ($M) | Costs ($M) |\n|---|--:|--:|\n| Q1 2026 | 41.2 | 36.0 |\n| Q2 2026 | 43.9 | 37.1 |\n| Q3 2026 | 48.2 | 39.4 |\n';
  const section = (directive = '') => report(`## 1. Revenue\n\nRevenue grew in every quarter, with the strongest gain in the third.\n\n${directive}${table}`);
  const charts = (deck: Deck) => deck.slides.filter((s) => s.layout === 'chart');
  const chartOf = (s: Slide) => (s.blocks[0] as { chart: { type: string; stacked?: boolean; categories: string[]; series: { name: string; values: number[] }[] } }).chart;

  it('without a directive, a clear numeric table gets a chart slide right after its table slide', async () => {
    const { deck } = await deckOf(section());
    const at = deck.slides.findIndex((s) => s.layout === 'table');
    expect(deck.slides[at + 1].layout).toBe('chart');
    const chart = chartOf(deck.slides[at + 1]);
    expect(chart.type).toBe('line');
    expect(chart.categories).toEqual(['Q1 2026', 'Q2 2026', 'Q3 2026']);
    expect(chart.series).toEqual([
      { name: 'Revenue ($M)', values: [41.2, 43.9, 48.2] },
      { name: 'Costs ($M)', values: [36.0, 37.1, 39.4] },
    ]);
  });

  it('none leaves the table alone; a type and a title override the automatic choice', async () => {
    expect(charts((await deckOf(section('<!-- chart: none -->\n\n'))).deck)).toEqual([]);
    const { deck, diagnostics } = await deckOf(section('<!-- chart: stacked column, title: Revenue and costs by quarter -->\n\n'));
    expect(diagnostics).toEqual([]);
    const [slide] = charts(deck);
    expect(slide.title).toBe('Revenue and costs by quarter');
    expect(chartOf(slide)).toMatchObject({ type: 'column', stacked: true });
    expect(deck.slides.some((s) => s.layout === 'table')).toBe(true);
  });

  it('asked of a table that cannot be charted, warns at the directive’s line and keeps the table', async () => {
    const md = report(`## 1. Depots\n\nBoth depots reopened after the storm.\n\n<!-- chart: bar -->\n| Depot | Status |\n|---|---|\n| Leeds | open |\n| Hull | closed |\n`);
    const { deck, diagnostics } = await deckOf(md);
    expect(charts(deck)).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'directive', line: 7 })]);
    expect(diagnostics[0].message).toMatch(/^chart: .*"Status".*; the table is shown as a table$/);
  });

  it('warns when no table follows it, or it names no chart briefdeck draws', async () => {
    const { diagnostics } = await deckOf(report(`## 1. Revenue\n\n<!-- chart: donut -->\n\nRevenue grew in every quarter.\n\n<!-- chart: bar -->\n\nCosts grew more slowly.\n`));
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [5, expect.stringMatching(/chart: "donut" is not a chart briefdeck draws/)],
      [9, 'chart: no table follows this directive; ignored'],
    ]);
  });
});

describe('comments', () => {
  it('that are not directives are passed over: no slide text, no warning', async () => {
    const { deck, diagnostics } = await deckOf(report(`## 1. Costs\n\n<!-- TODO: check the energy figure with finance -->\n\n${PROSE.costs}\n`));
    expect(diagnostics).toEqual([]);
    expect(slideText(deck.slides)).not.toContain('TODO');
  });
});
