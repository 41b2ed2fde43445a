/** Reports in shapes the usual title–sections–conclusion mould does not fit. */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/read/parse.js';
import { structure } from '../../src/structure/structure.js';
import { runsText } from '../../src/structure/inline.js';
import type { ReportBlock, Section } from '../../src/types/report.js';

const run = (md: string, file = 'report.md') => structure(parseMarkdown(md, file), { file, baseDir: '.' });
const texts = (blocks: ReportBlock[]) => blocks.map((b) => (b.kind === 'paragraph' ? runsText(b.runs) : b.kind));
const outline = (s: Section): unknown => [s.title, s.line, texts(s.blocks), ...(s.children.length ? [s.children.map(outline)] : [])];

describe('a report that is only a preamble', () => {
  const md = [
    '# Stock Count Summary', // 1
    '',
    'The warehouse team completed the stock count on Friday. Variances were below 0.5% at every site.[^1]', // 3
    '',
    '- Recount the Bristol returns cage on Monday.', // 5
    '',
    'In summary, the count went well and no write-off is needed.', // 7
    '',
    '[^1]: Bristol is excluded pending the returns recount.', // 9
  ].join('\n');

  it('keeps every block in the preamble, in order, with no sections and no split-off conclusion', () => {
    const { value: r, diagnostics } = run(md);
    expect(r.meta.title).toBe('Stock Count Summary');
    expect(texts(r.preamble)).toEqual([
      'The warehouse team completed the stock count on Friday. Variances were below 0.5% at every site.[1]',
      'list',
      'In summary, the count went well and no write-off is needed.',
      'note',
    ]);
    expect(r.preambleLine).toBe(3);
    expect(r.preambleTitle).toBeUndefined();
    expect(r.sections).toEqual([]);
    expect(r.conclusion).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it('without a title or anything else still has its text', () => {
    const r = run('Just one paragraph of notes.\n', 'notes.md').value;
    expect(r.meta.title).toBe('notes');
    expect(texts(r.preamble)).toEqual(['Just one paragraph of notes.']);
    expect(r.sections).toEqual([]);
  });
});

describe('duplicated section titles', () => {
  const md = [
    '# Depot Review', // 1
    '## Leeds', // 2
    '### Findings', // 3
    'Dock doors were idle 30% of the shift.',
    '### Actions', // 5
    'Move two loaders to the night shift.',
    '## Bristol', // 7
    '### Findings', // 8
    'Returns are mislabelled at intake.',
    '### Actions', // 10
    'Relabel the returns cage.',
    '## Findings', // 12
    'Both depots lose most time at the dock.',
  ].join('\n');

  it('stay separate sections, each with its own blocks and line', () => {
    const r = run(md).value;
    expect(r.sections.map(outline)).toEqual([
      [
        'Leeds',
        2,
        [],
        [
          ['Findings', 3, ['Dock doors were idle 30% of the shift.']],
          ['Actions', 5, ['Move two loaders to the night shift.']],
        ],
      ],
      [
        'Bristol',
        7,
        [],
        [
          ['Findings', 8, ['Returns are mislabelled at intake.']],
          ['Actions', 10, ['Relabel the returns cage.']],
        ],
      ],
      ['Findings', 12, ['Both depots lose most time at the dock.']],
    ]);
    expect(r.conclusion).toEqual([]);
  });

  it('two "Conclusion" sections: only the last closes the report', () => {
    const r = run('## Pricing\nUp.\n\n## Conclusion\nPricing is settled.\n\n## Costs\nDown.\n\n## Conclusion\nA good year.\n').value;
    expect(r.sections.map((s) => s.title)).toEqual(['Pricing', 'Conclusion', 'Costs']);
    expect(texts(r.conclusion)).toEqual(['A good year.']);
  });
});
