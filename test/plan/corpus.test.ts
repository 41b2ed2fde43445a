/**
 * Input no one here wrote: every example of the CommonMark spec, alone and inside a report section,
 * plus generated Markdown. Reading, structuring and planning must never crash, and every deck they
 * give must be well formed.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/read/parse.js';
import { structure } from '../../src/structure/structure.js';
import { plan } from '../../src/plan/plan.js';
import { loadTheme } from '../../src/theme/load.js';
import { Measurer } from '../../src/measure/text.js';
import { renderHtml } from '../../src/render/html/render.js';
import type { Deck } from '../../src/types/deck.js';
import { BriefdeckError } from '../../src/types/diagnostics.js';
import { FIXTURES } from '../helpers/fixtures.js';

const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: { markdown: string; number: number }[] };
const theme = loadTheme();
let measurer: Measurer;
beforeAll(async () => {
  measurer = await Measurer.load(theme.fonts);
});

function deckOf(markdown: string): Deck {
  const file = path.join(FIXTURES, 'corpus.md');
  const parsed = parseMarkdown(markdown, file);
  const report = structure(parsed, { file, baseDir: FIXTURES }).value;
  return plan(report, { theme, measurer, file }).value;
}

function wellFormed(deck: Deck): void {
  expect(deck.slides.length).toBeGreaterThan(0);
  expect(deck.slides[0].layout).toBe('title');
  for (const slide of deck.slides) {
    expect(typeof slide.title).toBe('string');
    expect(typeof slide.notes).toBe('string');
    expect(slide.fit.body).toBeGreaterThan(0);
    expect(Number.isInteger(slide.source.line)).toBe(true);
  }
}

describe('the CommonMark spec examples', () => {
  it('each plans to a well-formed deck, alone and inside a section', () => {
    for (const example of spec.tests) {
      const md = example.markdown.replace(/→/g, '\t');
      for (const input of [md, `# Report\n\n## 1. Section\n\nSome prose first.\n\n${md}\n\n## 2. After\n\nMore prose.\n`]) {
        let deck: Deck | undefined;
        expect(() => (deck = deckOf(input)), `spec example ${example.number}`).not.toThrow();
        wellFormed(deck!);
      }
    }
  });

  it('render together as one HTML deck', async () => {
    const all = spec.tests.map((t) => `## Example ${t.number}\n\n${t.markdown.replace(/→/g, '\t')}\n`).join('\n');
    const deck = deckOf(all);
    const html = await renderHtml(deck, { theme, measurer, baseDir: FIXTURES, version: 'test' });
    const slides = html.slice(html.indexOf('<div class="slides">'), html.indexOf('<script>'));
    expect(slides.match(/<section class="layout-/g)?.length).toBe(deck.slides.length);
    // Raw HTML from the spec examples is never passed through: no element the templates did not write.
    const tags = new Set([...slides.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]));
    const ours = ['div', 'section', 'h1', 'h2', 'span', 'p', 'ul', 'li', 'aside', 'table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td', 'pre', 'code', 'figure', 'figcaption', 'img', 'blockquote', 'footer', 'strong', 'em', 's', 'a', 'br', 'svg', 'g', 'path', 'rect', 'use', 'defs', 'text', 'title'];
    expect([...tags].filter((t) => !ours.includes(t))).toEqual([]);
  });
});

describe('generated reports', () => {
  const fragment = fc.oneof(
    fc.constantFrom('# ', '## ', '### ', '#### ', '- ', '1. ', '> ', '| a | b |\n|---|---|\n| ', '```\n', '$$\n', '$', '**', '_', '`', '![x](y.png)', '[l](http://e.org)', '---\n', '\n\n', '\n', ' ', '. ', ', '),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('Revenue grew 12% to $48.2M.', 'However, costs rose.', 'Dr. Ruiz met the U.S. team on Jan. 3.', '数据显示增长。', 'النمو قوي.', 'x'.repeat(300)),
  );
  it('answer broken front matter, the one bad input they can produce, with a file:line:column error', () => {
    expect(() => deckOf('---\nk: v\n  x: [\n---\n# T\n')).toThrow(/^\S+corpus\.md:\d+:\d+: invalid front matter: /);
  });

  it('never crash the pipeline: a well-formed deck, or a one-line file:line error for bad input', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        let deck: Deck;
        try {
          deck = deckOf(parts.join(''));
        } catch (e) {
          // About one generated report in 50,000 opens with a `---` block of broken YAML: that is bad
          // input, and the answer is the error a user gets, not a crash.
          expect(e).toBeInstanceOf(BriefdeckError);
          expect((e as Error).message).toMatch(/^\S+\.md:\d+(:\d+)?: [^\n]+$/);
          return;
        }
        wellFormed(deck);
      }),
      { numRuns: 300 },
    );
  });
});
