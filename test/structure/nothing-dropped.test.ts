/**
 * Nothing the author wrote is lost on the way into the Report: every piece of text lands in a block
 * (or a note for the speaker), and what cannot be shown is named in a warning.
 */
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { parseMarkdown } from '../../src/read/parse.js';
import { structure } from '../../src/structure/structure.js';
import { runsText } from '../../src/structure/inline.js';
import type { ReportBlock } from '../../src/types/report.js';

const run = (md: string, file = 'report.md') => structure(parseMarkdown(md, file), { file, baseDir: '.' });
const report = (md: string) => run(md).value;

/** Blocks without image probes, which depend on the disk. */
const plain = (blocks: ReportBlock[]) => blocks.map((b) => (b.kind === 'image' ? { ...b, probe: undefined } : b));
const kinds = (blocks: ReportBlock[]) => blocks.map((b) => b.kind);
const quoteOf = (b: ReportBlock | undefined) => {
  if (b?.kind !== 'quote') throw new Error(`expected a quote, got ${b?.kind}`);
  return { text: runsText(b.runs), cite: b.cite, runs: b.runs };
};

describe('footnote definitions', () => {
  const md = [
    '# Regional Operations Review', // 1
    '',
    'Revenue for the year reached $48.2M, ahead of plan.[^audit]', // 3
    '',
    '## 1. Costs', // 5
    '',
    'Warehouse costs rose 6% on higher energy prices.[^energy] Labour costs were flat.', // 7
    '',
    '[^energy]: Energy is billed quarterly in arrears; the Q4 invoice is an estimate.', // 9
    '    See the [tariff sheet](https://example.org/tariffs) for the rates used.',
    '',
    '## 2. Logistics', // 12
    '',
    'Deliveries were faster than last year.',
    '',
    '[^audit]: The audited figures will be published in March and may differ by up to 1%.', // 16
    '',
  ].join('\n');

  it('become notes in the section where they are written, labelled as the reference is', () => {
    const r = report(md);
    expect(runsText((r.preamble[0] as { runs: [] }).runs)).toContain('ahead of plan.[audit]');
    expect(r.sections[0].blocks[1]).toEqual({
      kind: 'note',
      text: '[energy] Energy is billed quarterly in arrears; the Q4 invoice is an estimate. See the tariff sheet (https://example.org/tariffs) for the rates used.',
      line: 9,
    });
    expect(r.sections[1].blocks).toContainEqual({
      kind: 'note',
      text: '[audit] The audited figures will be published in March and may differ by up to 1%.',
      line: 16,
    });
  });

  it('write their link targets into the note instead of the deck’s link list', () => {
    expect(report(md).links).toEqual([]);
  });

  it('keep every block of a long footnote, a line each', () => {
    const r = report(
      [
        '## Method',
        '',
        'Counts are taken weekly.[^2]',
        '',
        '[^2]: Two depots count differently:',
        '',
        '    - Leeds counts pallets',
        '    - Bristol counts cases',
        '',
        '    ```',
        '    cases = pallets * 40',
        '    ```',
      ].join('\n'),
    );
    expect(r.sections[0].blocks[1]).toEqual({
      kind: 'note',
      text: '[2] Two depots count differently:\n• Leeds counts pallets\n• Bristol counts cases\ncases = pallets * 40',
      line: 5,
    });
  });

  it('gathered at the end do not hide the concluding paragraph before them, and stay in their section', () => {
    const r = report(
      [
        '# Review',
        '## 1. Pricing\nPrices rose in every region this year.',
        '## 2. Staffing\nHiring kept pace with demand.[^1]',
        '## 3. Logistics\nDeliveries were faster than last year.\n\nOverall, pricing, staffing and logistics all moved in the right direction this year.',
        '[^1]: Seasonal staff are not counted.',
      ].join('\n\n'),
    );
    expect(kinds(r.conclusion)).toEqual(['paragraph']);
    expect(kinds(r.sections[2].blocks)).toEqual(['paragraph', 'note']);
  });
});

describe('block quotes keep everything they hold', () => {
  const md = [
    '## Customer feedback', // 1
    '',
    '> What we asked the depot for:', // 3
    '>',
    '> - faster unloading',
    '> - one contact person',
    '>',
    '> > The driver waited two hours.',
    '>',
    '> ```',
    '> ticket 4471: delayed',
    '> ```',
    '>',
    '> — Store manager, Leeds',
    '',
    '> 1. Count the cages', // 16
    '> 2. Sign the sheet',
    '',
    '> Churn fell to ~4% in Q3.', // 19
    '',
  ].join('\n');

  it('flattens lists, nested quotes and code into the quote, and keeps the attribution', () => {
    const [mixed] = report(md).sections[0].blocks;
    expect(mixed).toEqual({
      kind: 'quote',
      runs: [
        { text: 'What we asked the depot for:\n• faster unloading\n• one contact person\nThe driver waited two hours.\n' },
        { text: 'ticket 4471: delayed', code: true },
      ],
      cite: 'Store manager, Leeds',
      line: 3,
    });
  });

  it('gives a quote that is only a list its items, numbered as written', () => {
    expect(report(md).sections[0].blocks[1]).toEqual({ kind: 'quote', runs: [{ text: '1. Count the cages\n2. Sign the sheet' }], line: 16 });
  });

  it('takes a dash inside a line for text, not an attribution', () => {
    expect(quoteOf(report(md).sections[0].blocks[2])).toMatchObject({ text: 'Churn fell to ~4% in Q3.', cite: undefined });
    expect(quoteOf(report('> Volumes held -- mostly.\n').preamble[0])).toMatchObject({ text: 'Volumes held -- mostly.', cite: undefined });
  });

  it('takes the attribution from its own paragraph or from the last source line', () => {
    expect(quoteOf(report('> Stock is a liability.\n>\n> -- Taiichi Ohno\n').preamble[0])).toMatchObject({
      text: 'Stock is a liability.',
      cite: 'Taiichi Ohno',
    });
    expect(quoteOf(report('> Stock is a liability\n> until it is sold.\n> ~ Taiichi Ohno\n').preamble[0])).toMatchObject({
      text: 'Stock is a liability until it is sold.',
      cite: 'Taiichi Ohno',
    });
  });

  it('never reads a line of code as an attribution', () => {
    const q = quoteOf(report('> The query we ran:\n>\n> ```sql\n> SELECT count(*) FROM returns\n> -- end of report\n> ```\n').preamble[0]);
    expect(q.cite).toBeUndefined();
    expect(q.text).toContain('-- end of report');
  });

  it('puts an image in a quote on a slide of its own after it', () => {
    const r = report('> The new dock:\n>\n> ![Dock 4 after the refit](img/dock4.png)\n');
    expect(plain(r.preamble)).toEqual([
      { kind: 'quote', runs: [{ text: 'The new dock:' }], line: 1 },
      { kind: 'image', src: 'img/dock4.png', alt: 'Dock 4 after the refit', line: 3, probe: undefined },
    ]);
  });
});

describe('images inside lists and tables', () => {
  const md = [
    '## Figures', // 1
    '',
    '- Throughput by depot ![Throughput chart](figs/throughput.png)', // 3
    '- ![Dwell times](figs/dwell.png)', // 4
    '',
    '| Depot | Map |', // 6
    '|---|---|',
    '| Leeds | ![Leeds site plan](figs/leeds.png) |', // 8
    '| Hull | ![Hull site plan](figs/hull.png) |', // 9
  ].join('\n');

  it('get image blocks after the list or table, in order, each with its own line', () => {
    const { value, diagnostics } = run(md);
    const blocks = plain(value.sections[0].blocks);
    expect(kinds(blocks)).toEqual(['list', 'image', 'image', 'table', 'image', 'image']);
    expect(blocks.filter((b) => b.kind === 'image').map((b) => [b.kind === 'image' && b.alt, b.line])).toEqual([
      ['Throughput chart', 3],
      ['Dwell times', 4],
      ['Leeds site plan', 8],
      ['Hull site plan', 9],
    ]);
    // An item that held only an image would be an empty bullet: the image is shown instead.
    expect(blocks[0]).toMatchObject({ items: [{ runs: [{ text: 'Throughput by depot' }] }] });
    // Missing files are reported where they are named, not silently left off.
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['image-missing', 3],
      ['image-missing', 4],
      ['image-missing', 8],
      ['image-missing', 9],
    ]);
  });

  it('in a heading get a slide of their own at the start of the section', () => {
    const r = report('## Results ![Trend](figs/trend.png)\n\nVolumes rose.\n');
    expect(r.sections[0].title).toBe('Results');
    expect(kinds(r.sections[0].blocks)).toEqual(['image', 'paragraph']);
  });
});

describe('reference-style links and images', () => {
  const md = [
    '## Sources', // 1
    '',
    'See the [method note][Method] and the [tariffs].', // 3
    '',
    '![Cost curve][COST  curve]', // 5
    '',
    '- ![Dwell times][dwell]', // 7
    '',
    '> [method]: https://example.org/method', // 9
    '',
    '[cost curve]: figs/cost.png "Cost curve by month"',
    '[dwell]: figs/dwell.png',
    '[tariffs]: https://example.org/tariffs',
    '[method]: https://example.org/ignored-second-definition',
  ].join('\n');

  it('resolve against definitions anywhere in the document, whatever the case', () => {
    const r = report(md);
    expect(r.links).toEqual(['https://example.org/method', 'https://example.org/tariffs']);
    const [para, cost, dwell] = plain(r.sections[0].blocks);
    expect(para).toEqual({
      kind: 'paragraph',
      runs: [{ text: 'See the ' }, { text: 'method note', link: 0 }, { text: ' and the ' }, { text: 'tariffs', link: 1 }, { text: '.' }],
      line: 3,
    });
    expect(cost).toEqual({ kind: 'image', src: 'figs/cost.png', alt: 'Cost curve', line: 5, probe: undefined });
    expect(dwell).toEqual({ kind: 'image', src: 'figs/dwell.png', alt: 'Dwell times', line: 7, probe: undefined });
  });

  it('keep their text as written when nothing defines them', () => {
    expect(runsText((report('An [unknown link][nowhere] and ![a chart][none].\n').preamble[0] as { runs: [] }).runs)).toBe(
      'An [unknown link][nowhere] and ![a chart][none].',
    );
    // A tree whose definitions were taken out (by a plugin, say) still shows the references as written.
    const parsed = parseMarkdown('See [the note][n], [the note][] and ![chart][c].\n\n[n]: https://example.org\n[c]: c.png\n[the note]: https://example.org\n', 'r.md');
    (parsed.tree as Root).children = parsed.tree.children.filter((n) => n.type !== 'definition');
    const r = structure(parsed, { file: 'r.md', baseDir: '.' }).value;
    expect(kinds(r.preamble)).toEqual(['paragraph']);
    expect(runsText((r.preamble[0] as { runs: [] }).runs)).toBe('See [the note][n], [the note][] and ![chart][c].');
    expect(r.links).toEqual([]);
  });
});

describe('blocks inside list items', () => {
  const md = [
    '## Actions', // 1
    '',
    '1. Close the Bristol gap ![Bristol OTIF](figs/bristol.png)', // 3
    '   > Bristol lost 11 days to the heat.', // 4
    '   > — Site manager',
    '2. Review the rota', // 6
    '',
    '   | Shift | Staff |', // 8
    '   |---|---|',
    '   | Early | 12 |',
    '3. ### Hire drivers', // 11
    '   Twelve posts are open.',
  ].join('\n');

  it('follow the list as blocks of their own, in the order written', () => {
    const blocks = plain(report(md).sections[0].blocks);
    expect(kinds(blocks)).toEqual(['list', 'image', 'quote', 'table']);
    expect(blocks[1]).toMatchObject({ kind: 'image', alt: 'Bristol OTIF', line: 3 });
    expect(blocks[2]).toEqual({ kind: 'quote', runs: [{ text: 'Bristol lost 11 days to the heat.' }], cite: 'Site manager', line: 4 });
    expect(blocks[3]).toEqual({
      kind: 'table',
      head: [[{ text: 'Shift' }], [{ text: 'Staff' }]],
      rows: [[[{ text: 'Early' }], [{ text: '12' }]]],
      align: [0, 0],
      line: 8,
    });
  });

  it('turn a heading into bold text in its item', () => {
    const [list] = report(md).sections[0].blocks;
    expect(list).toMatchObject({
      kind: 'list',
      items: [
        { n: 1, runs: [{ text: 'Close the Bristol gap' }] },
        { n: 2, runs: [{ text: 'Review the rota' }] },
        { n: 3, runs: [{ text: 'Hire drivers', bold: true }, { text: ' ' }, { text: 'Twelve posts are open.' }] },
      ],
    });
  });
});

describe('raw HTML', () => {
  const md = [
    '# Depot Report <small>draft</small>', // 1
    '',
    '<div class="banner">Internal only</div>', // 3
    '',
    '## 1. Sales',
    '',
    'Sales rose <span class="up">sharply</span> in May.', // 7
    '',
    '- Item with a block of HTML:',
    '',
    '  <details>hidden</details>', // 11
    '',
    '| Depot | Note |',
    '|---|---|',
    '| Leeds<br>North | <b>open</b> |', // 15
    '',
    '> Press <kbd>F5</kbd> to refresh.', // 17
    '',
    'Totals are provisional.[^1]',
    '',
    '[^1]: See the <em>draft</em> ledger.', // 21
  ].join('\n');

  it('is counted once per place, wherever it sits, in one warning', () => {
    const { diagnostics } = run(md);
    expect(diagnostics).toEqual([
      {
        level: 'warning',
        code: 'html-dropped',
        message: 'raw HTML is not passed through (7 places: lines 1, 3, 7, 11, 15, 17, 21)',
        file: 'report.md',
        line: 1,
      },
    ]);
  });

  it('keeps the text between tags, and reads <br> in a table cell as a line break', () => {
    const r = report(md);
    expect(r.meta.title).toBe('Depot Report draft');
    const [para, , table] = r.sections[0].blocks;
    expect(runsText((para as { runs: [] }).runs)).toBe('Sales rose sharply in May.');
    expect(table).toMatchObject({ rows: [[[{ text: 'Leeds\nNorth' }], [{ text: 'open' }]]] });
  });

  it('says one place when there is one', () => {
    expect(run('Text <!-- reviewer: check this -->.\n').diagnostics.map((d) => d.message)).toEqual(['raw HTML is not passed through (1 place)']);
  });
});
