/** Recognising a report's parts in whatever shape it arrives. */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/read/parse.js';
import { structure } from '../../src/structure/structure.js';
import { splitHeadingNumber } from '../../src/structure/headings.js';
import { runsText } from '../../src/structure/inline.js';

const report = (md: string, file = 'report.md') => structure(parseMarkdown(md, file), { file, baseDir: '.' }).value;

describe('section numbers', () => {
  it.each([
    ['1. Model Efficiency', '1', 'Model Efficiency'],
    ['2.1 Data Sources', '2.1', 'Data Sources'],
    ['3) Next Steps', '3', 'Next Steps'],
    ['IV. Appendix', 'IV', 'Appendix'],
    ['2024 Results', undefined, '2024 Results'],
    ['3D Printing Trends', undefined, '3D Printing Trends'],
  ])('%s → number %s, title %s', (text, number, title) => {
    expect(splitHeadingNumber(text)).toEqual(number ? { number, title } : { title });
  });
});

describe('structure', () => {
  it('uses the H1 as title and ## headings as sections', () => {
    const r = report('# Annual Review\n\nIntro text here.\n\n## 1. Sales\nSales rose.\n\n## 2. Costs\nCosts fell.\n');
    expect(r.meta.title).toBe('Annual Review');
    expect(r.sections.map((s) => [s.number, s.title])).toEqual([
      ['1', 'Sales'],
      ['2', 'Costs'],
    ]);
    expect(r.preamble.map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('falls back to the file name for the title when there is no H1 and no front matter', () => {
    expect(report('## Findings\nText.\n', 'docs/q3-findings.md').meta.title).toBe('q3-findings');
  });

  it('prefers the front matter title over the H1', () => {
    expect(report('---\ntitle: From Front Matter\n---\n# From Heading\n\n## A\nText.\n').meta.title).toBe('From Front Matter');
  });

  it('reads dollar amounts as money, not as math', () => {
    const r = report('## Money\nRevenue rose to $48.2M while costs fell to $12.5M this year.\n\nThe energy is $E = mc^2$ here.\n');
    const [money, physics] = r.sections[0].blocks as { kind: 'paragraph'; runs: { text: string; math?: boolean }[] }[];
    expect(runsText(money.runs)).toBe('Revenue rose to $48.2M while costs fell to $12.5M this year.');
    expect(money.runs.some((x) => x.math)).toBe(false);
    expect(physics.runs.find((x) => x.math)?.text).toBe('E = mc^2');
  });

  it('separates a closing paragraph that concludes the report from the last section', () => {
    const md = [
      '# Review',
      '## 1. Pricing\nPrices rose in every region this year.',
      '## 2. Staffing\nHiring kept pace with demand.',
      '## 3. Logistics\nDeliveries were faster than last year.\n\nOverall, pricing, staffing and logistics all moved in the right direction this year.',
    ].join('\n\n');
    const r = report(md);
    expect(r.sections[2].blocks).toHaveLength(1);
    expect(r.conclusion).toHaveLength(1);
  });

  it('leaves an ordinary last paragraph in the last section', () => {
    const md = '# Review\n\n## 1. Pricing\nPrices rose.\n\n## 2. Logistics\nDeliveries were faster.\n\nThe new depot opens in May.\n';
    const r = report(md);
    expect(r.sections[1].blocks).toHaveLength(2);
    expect(r.conclusion).toEqual([]);
  });

  it('treats a final "Conclusion" section as the conclusion', () => {
    const r = report('# R\n\n## Pricing\nUp.\n\n## Costs\nDown.\n\n## Conclusion\nA good year.\n');
    expect(r.sections.map((s) => s.title)).toEqual(['Pricing', 'Costs']);
    expect(r.conclusion).toHaveLength(1);
  });

  it('takes a quote attribution from a dashed last line', () => {
    const r = report('## Q\n\n> Quality is never an accident.\n> — John Ruskin\n');
    expect(r.sections[0].blocks[0]).toMatchObject({ kind: 'quote', cite: 'John Ruskin' });
  });
});

describe('front matter', () => {
  it('reads a YAML mapping, dates included', () => {
    const r = report('---\ntitle: Q3 Review\ndate: 2026-10-14\nauthor: [Ana Ruiz, Ben Okoye]\n---\n\n## A\nText.\n');
    expect(r.meta).toMatchObject({ title: 'Q3 Review', date: '2026-10-14', author: 'Ana Ruiz, Ben Okoye' });
  });

  it('reads a block that holds no mapping as Markdown, as CommonMark does', () => {
    const r = report('---\nQuarterly notes\n---\n\nBody text.\n', 'notes.md');
    // A thematic break, then a setext heading.
    expect(r.meta.title).toBe('notes');
    expect(r.sections.map((s) => s.title)).toEqual(['Quarterly notes']);
  });

  it('refuses front matter in another language than YAML', () => {
    expect(() => report('---js\n{ title: "x" }\n---\n')).toThrow(/report\.md:1: front matter must be YAML/);
  });
});
