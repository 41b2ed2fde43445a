/** How a report becomes slides: the behaviour a presenter relies on. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFile } from '../../src/pipeline.js';
import { drawnImageSize } from '../../src/plan/fit.js';
import type { Deck, Slide } from '../../src/types/deck.js';
import { EXAMPLE, FIXTURES, slideText } from '../helpers/fixtures.js';

const fixture = (name: string) => planFile(path.join(FIXTURES, name));
const titles = (deck: Deck) => deck.slides.map((s) => s.title);
const items = (slide: Slide) => slide.blocks.flatMap((b) => ('list' in b ? b.list : []));

describe('an agent-written report (H1, numbered sections, closing paragraph)', async () => {
  const { deck } = await fixture('agent-report.md');

  it('opens on a title slide named after the H1', () => {
    expect(deck.slides[0].layout).toBe('title');
    expect(deck.slides[0].title).toBe('Report on Developments in Grid-Scale Energy Storage');
    expect(deck.meta.title).toBe(deck.slides[0].title);
  });

  it('has an agenda listing the sections without doubled numbers', () => {
    const agenda = deck.slides.find((s) => s.layout === 'agenda')!;
    expect(items(agenda).map((i) => i.runs[0].text)).toEqual([
      'Falling Battery Costs',
      'Long-Duration Storage Technologies',
      'Market Design and Revenue Stacking',
      'Safety and Standards',
      'Supply Chains and Recycling',
    ]);
    expect(items(agenda).map((i) => i.n)).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives each section a key-points slide titled without its number, the number kept as the kicker', () => {
    const first = deck.slides.find((s) => s.title === 'Falling Battery Costs')!;
    expect(first.kicker).toBe('1');
    expect(first.layout).toBe('bullets');
    expect(items(first).length).toBeGreaterThanOrEqual(2);
    expect(items(first).length).toBeLessThanOrEqual(5);
  });

  it('puts the full prose of each section in the speaker notes', () => {
    const first = deck.slides.find((s) => s.title === 'Falling Battery Costs')!;
    expect(first.notes).toContain('Manufacturing scale in Asia and improvements in cell chemistry have driven most of the decline.');
    expect(first.notes).toContain('These trends have made four-hour storage competitive with gas peaking plants in several markets.');
  });

  it('recognises the closing paragraph as the conclusion, not part of the last section', () => {
    const last = deck.slides.find((s) => s.title === 'Supply Chains and Recycling')!;
    expect(last.notes).not.toContain('In summary');
    expect(deck.slides.at(-2)!.layout).toBe('takeaways');
    const conclusion = deck.slides.at(-1)!;
    expect(conclusion.layout).toBe('conclusion');
    expect(conclusion.notes).toMatch(/^In summary, grid-scale storage has moved from pilot projects/);
  });

  it('ends with one takeaway line per section', () => {
    const takeaways = deck.slides.find((s) => s.layout === 'takeaways')!;
    const agenda = deck.slides.find((s) => s.layout === 'agenda')!;
    expect(items(takeaways).map((i) => i.runs[0].text)).toEqual(items(agenda).map((i) => i.runs[0].text));
  });
});

describe('a structured report (front matter, preamble, subsections, table, list)', async () => {
  const { deck, diagnostics } = await fixture('structured-report.md');

  it('takes title, subtitle, author and date from front matter', () => {
    expect(deck.meta).toMatchObject({
      title: 'Clinic Waiting Times: Annual Analysis 2025',
      subtitle: 'Outpatient services across four regional clinics',
      author: 'Dr. Amara Okafor',
      date: '2026-02-03',
    });
    const title = deck.slides[0];
    expect(slideText(title.blocks)).toContain('Outpatient services across four regional clinics');
    expect(slideText(title.blocks)).toContain('Dr. Amara Okafor');
  });

  it('treats an unnumbered opening section before numbered ones as the preamble', () => {
    expect(deck.slides[1].title).toBe('Executive summary');
    expect(deck.slides[1].notes).toContain('Median waiting time for a first outpatient appointment fell from 41 to 33 days in 2025.');
    const agenda = deck.slides.find((s) => s.layout === 'agenda')!;
    expect(items(agenda).map((i) => `${i.n} ${i.runs[0].text}`)).toEqual(['1 Data and Method', '2 Results', '3 Recommendations']);
  });

  it('gives subsections slides of their own, numbered as the author numbered them', () => {
    const sub = deck.slides.filter((s) => s.kicker?.includes('.'));
    expect(sub.map((s) => `${s.kicker} ${s.title}`)).toEqual(
      expect.arrayContaining(['1.1 Data Sources', '1.2 Definitions', '2.1 Waiting Times by Clinic', '2.2 Waiting Times by Specialty']),
    );
  });

  it('keeps an author-written list as written, nested levels included', () => {
    const recs = deck.slides.find((s) => s.title === 'Recommendations')!;
    const list = items(recs);
    expect(list.map((i) => [i.level, i.ordered, i.n])).toEqual([
      [0, true, 1],
      [0, true, 2],
      [0, true, 3],
      [1, false, undefined],
      [1, false, undefined],
    ]);
    expect(slideText(recs.blocks)).toContain('The analysis supports three changes for 2026:');
  });

  it('gives the table a table slide with its header', () => {
    const table = deck.slides.find((s) => s.layout === 'table')!;
    const block = table.blocks[0] as { table: { head: { text: string }[][]; rows: unknown[] } };
    expect(block.table.head.map((c) => c[0].text)).toEqual(['Clinic', 'Referrals', 'Median wait (days)', 'Within 60 days']);
    expect(block.table.rows).toHaveLength(4);
  });

  it('warns about the missing image with file and line, and still plans an image slide', () => {
    const warning = diagnostics.find((d) => d.code === 'image-missing')!;
    expect(warning.file).toMatch(/structured-report\.md$/);
    expect(warning.line).toBe(39);
    expect(deck.slides.some((s) => s.layout === 'image')).toBe(true);
  });
});

describe('reports of other shapes', () => {
  it('uses #-level headings as sections when there is more than one H1, and names the deck after the file', async () => {
    const { deck } = await fixture('deep-headings.md');
    expect(deck.meta.title).toBe('deep-headings');
    expect(deck.slides.find((s) => s.layout === 'agenda')).toBeDefined();
    // Headings six deep still become slides of their own.
    expect(titles(deck)).toEqual(expect.arrayContaining(['Regional Detail', 'Individual Stores']));
  });

  it('gives quotes, code, math, images and links layouts of their own', async () => {
    const { deck } = await fixture('blocks.md');
    const quote = deck.slides.find((s) => s.layout === 'quote')!;
    expect(quote.blocks[0]).toEqual({ quote: { runs: [{ text: 'Measure twice, cut once.' }], cite: "Carpenters' proverb" } });
    const code = deck.slides.find((s) => s.layout === 'code')!;
    expect(code.blocks[0]).toMatchObject({ code: { lang: 'typescript' } });
    expect(deck.slides.some((s) => s.blocks.some((b) => 'math' in b))).toBe(true);
    expect(deck.links).toEqual(['https://example.org/method', 'mailto:team@example.org']);
    const lists = deck.slides.flatMap(items);
    expect(Math.max(...lists.map((i) => i.level))).toBe(3);
  });

  it('continues content that does not fit on "(cont.)" slides, repeating the table header', async () => {
    const { deck } = await fixture('long-content.md');
    const tables = deck.slides.filter((s) => s.layout === 'table' && s.title.startsWith('Site Scorecard'));
    expect(tables.length).toBeGreaterThan(1);
    expect(tables.slice(1).every((s) => s.continued && s.title.endsWith('(cont.)'))).toBe(true);
    const rows = tables.flatMap((s) => (s.blocks[0] as { table: { head: unknown; rows: unknown[] } }).table.rows);
    expect(rows).toHaveLength(40);
    for (const t of tables) expect((t.blocks[0] as { table: { head: { text: string }[][] } }).table.head[0][0].text).toBe('Site');
    const checklist = deck.slides.filter((s) => s.title.startsWith('Checklist'));
    expect(checklist.length).toBeGreaterThan(1);
    expect(checklist.flatMap(items).filter((i) => !i.continued)).toHaveLength(18);
  });

  it('cuts a table row taller than a slide into rows that each fit, no text lost', async () => {
    const { deck } = await fixture('long-content.md');
    const audit = deck.slides.filter((s) => s.title.startsWith('Audit Notes'));
    expect(audit.length).toBeGreaterThan(2);
    const cells = audit.flatMap((s) => (s.blocks[0] as { table: { rows: { text: string }[][][] } }).table.rows.map((r) => r[1].map((x) => x.text).join('')));
    expect(cells.join(' ')).toMatch(/^Auditors sampled purchase order 1000 .* within the agreed tolerance\. No exceptions were found\.$/);
  });

  it('plans the example report with every kind of block', async () => {
    const { deck, diagnostics } = await planFile(EXAMPLE);
    expect(diagnostics).toEqual([]);
    expect(new Set(deck.slides.map((s) => s.layout))).toEqual(
      new Set(['title', 'figures', 'bullets', 'agenda', 'table', 'chart', 'image', 'quote', 'code', 'takeaways', 'conclusion']),
    );
  });
});

describe('the size a picture is drawn at', () => {
  it('fills the box at its own proportions, at most twice its size, and never vanishes', () => {
    expect(drawnImageSize(800, 450, 1137, 464)).toEqual({ width: 824, height: 464 });
    expect(drawnImageSize(100, 50, 1137, 464)).toEqual({ width: 200, height: 100 });
    expect(drawnImageSize(20000, 10, 1137, 464)).toEqual({ width: 1137, height: 1 });
    expect(drawnImageSize(10, 20000, 1137, 464)).toEqual({ width: 1, height: 463 });
  });
});
