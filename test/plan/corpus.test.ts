/**
 * Input no one here wrote: every example of the CommonMark spec, alone and inside a report section,
 * plus generated Markdown, arbitrary text and arbitrary bytes. Reading, structuring and planning must
 * never crash, every deck they give must be well formed, and every example renders to HTML and to a
 * strictly valid PPTX.
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
import { decodeReport } from '../../src/read/decode.js';
import { LAYOUTS, layoutSpec, px } from '../../src/layout/specs.js';
import type { Block, Deck, Run } from '../../src/types/deck.js';
import { BriefdeckError } from '../../src/types/diagnostics.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { pptxOf, readPptx, shapesOutside } from '../helpers/pptx.js';

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

  it('render as strictly valid PPTX, a hundred examples to a deck, every shape on its slide', async () => {
    const file = path.join(FIXTURES, 'corpus.md');
    for (let first = 0; first < spec.tests.length; first += 100) {
      const batch = spec.tests.slice(first, first + 100);
      const md = `# CommonMark ${batch[0].number}–${batch[batch.length - 1].number}\n\n${batch.map((t) => `## Example ${t.number}\n\n${t.markdown.replace(/→/g, '\t')}\n`).join('\n')}`;
      const deck = deckOf(md);
      const read = await readPptx(await pptxOf(deck, { theme, measurer, baseDir: FIXTURES, file }));
      const examples = `examples ${batch[0].number}–${batch[batch.length - 1].number}`;
      expect(read.problems, examples).toEqual([]);
      expect(read.slides.length, examples).toBe(deck.slides.length);
      expect(shapesOutside(read), examples).toEqual([]);
    }
  }, 180_000);
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

// ---------------------------------------------------------------- property tests: reader and planner

/** Every string of a run list, joined. */
const textOf = (runs: Run[]) => runs.map((r) => r.text).join('');

/**
 * What every renderer may rely on in a deck, beyond `wellFormed`: a known layout; font sizes that are
 * finite numbers inside the layout's range (the planner continues on another slide rather than go
 * below the minimum); table columns that fit the body; no empty title, paragraph or quote;
 * links and pictures that point at entries of the deck.
 */
function soundDeck(deck: Deck): void {
  wellFormed(deck);
  expect(deck.meta.title.trim()).not.toBe('');
  const body = px(LAYOUTS.bullets.boxes.body, deck.size);
  deck.slides.forEach((slide, i) => {
    const at = `slide ${i + 1} (${slide.layout} "${slide.title.slice(0, 40)}")`;
    expect(Object.keys(LAYOUTS), at).toContain(slide.layout);
    const spec = layoutSpec(slide.layout, theme.scale);
    expect(slide.title.trim(), at).not.toBe('');
    // "(cont.)", or the report language's word for it; "…" when the title itself was shortened.
    if (slide.continued) expect(slide.title, at).toMatch(/\(\S[^()]*\)$|…$/);
    for (const [name, size, range] of [
      ['title', slide.fit.title, spec.title],
      ['body', slide.fit.body, spec.body],
    ] as const) {
      expect(Number.isFinite(size), `${at}: fit.${name} ${size}`).toBe(true);
      expect(size, `${at}: fit.${name}`).toBeGreaterThanOrEqual(range.min);
      expect(size, `${at}: fit.${name}`).toBeLessThanOrEqual(range.pref);
    }
    if (slide.fit.byline !== undefined) expect(Number.isFinite(slide.fit.byline) && slide.fit.byline >= 14, at).toBe(true);
    if (slide.fit.columns) {
      for (const w of slide.fit.columns) expect(Number.isFinite(w) && w > 0, `${at}: column ${w}`).toBe(true);
      expect(slide.fit.columns.reduce((a, b) => a + b, 0), at).toBeLessThanOrEqual(body.w + 1);
    }
    expect(slide.source.line, at).toBeGreaterThanOrEqual(1);
    const runs: Run[] = [];
    for (const b of slide.blocks as Block[]) {
      if ('paragraph' in b) {
        expect(textOf(b.paragraph).trim(), `${at}: paragraph`).not.toBe('');
        runs.push(...b.paragraph);
      } else if ('list' in b) {
        expect(b.list.length, `${at}: list`).toBeGreaterThan(0);
        for (const item of b.list) {
          expect(Number.isInteger(item.level) && item.level >= 0, `${at}: item level`).toBe(true);
          runs.push(...item.runs);
        }
      } else if ('table' in b) {
        expect(b.table.head.length, `${at}: table head`).toBeGreaterThan(0);
        expect(b.table.align.length, `${at}: table align`).toBe(b.table.head.length);
        for (const row of b.table.rows) expect(row.length, `${at}: ragged row reaches the renderer`).toBe(b.table.head.length);
        runs.push(...b.table.head.flat(), ...b.table.rows.flat(2));
      } else if ('quote' in b) {
        expect(textOf(b.quote.runs).trim(), `${at}: quote`).not.toBe('');
        runs.push(...b.quote.runs);
      } else if ('image' in b) {
        expect(deck.assets[b.image.asset], `${at}: image asset`).toBeDefined();
      } else if ('code' in b) {
        expect(b.code.lines.length, `${at}: code`).toBeGreaterThan(0);
      } else if ('subtitle' in b) expect(b.subtitle.trim(), at).not.toBe('');
      else if ('byline' in b) expect(b.byline.trim(), at).not.toBe('');
    }
    for (const r of runs) {
      expect(typeof r.text, at).toBe('string');
      if (r.link !== undefined) expect(deck.links[r.link], `${at}: link ${r.link}`).toBeDefined();
    }
  });
}

/** The pipeline's answer to a report: a deck, or undefined after the one-line error a user gets for bad input. */
function deckOrRefused(markdown: string): Deck | undefined {
  try {
    return deckOf(markdown);
  } catch (e) {
    expect(e).toBeInstanceOf(BriefdeckError);
    expect((e as Error).message).toMatch(/^\S+\.md:\d+(:\d+)?: [^\n]+$/);
    return undefined;
  }
}

/** A sound deck, or the one-line error a user gets for bad input. */
function soundOrRefused(markdown: string): void {
  const deck = deckOrRefused(markdown);
  if (deck) soundDeck(deck);
}

/** Single characters that trouble text handling: every plane, controls, marks, surrogates alone. */
const awkwardChar = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)) },
  { weight: 2, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((u) => String.fromCharCode(u)) },
  {
    weight: 4,
    arbitrary: fc.constantFrom('\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2069', '\u061c', '\ufeff', '\u00a0', '\u200b', '\u200d', '\u0301', '\u20dd', '\ufffd', '\ufffe', '\uffff', '\u0085', '\u2028', '\u2029', '\u007f', '😀', '👩‍👩‍👧', '🇬🇧', '𝔘', '𠀋', 'ﷺ', 'ع', 'ש', '中', '\r', '\r\n', '\t'),
  },
  { weight: 6, arbitrary: fc.constantFrom('#', '-', '*', '_', '`', '|', '>', '[', ']', '(', ')', '!', '$', '\\', '<', '&', ':', '~', '=', '+', '1.', ' ', '\n', '\n\n', 'a', 'word ') },
);
const awkwardText = fc.array(awkwardChar, { maxLength: 200 }).map((cs) => cs.join(''));

describe('arbitrary text', () => {
  it('never crashes reading, structuring or planning, whatever the characters: a sound deck or a one-line error', () => {
    fc.assert(
      fc.property(awkwardText, (text) => soundOrRefused(text)),
      { numRuns: 300 },
    );
  });

  it('inside a report section, as a heading, a list item and a table cell, gives a sound deck', () => {
    fc.assert(
      fc.property(awkwardText, awkwardText, awkwardText, (a, b, c) => {
        const one = (s: string) => s.replace(/\n/g, ' ');
        soundOrRefused(`# Report\n\n## ${one(a)}\n\n- ${one(b)}\n  - ${one(c)}\n\n| ${one(a)} | x |\n|---|---|\n| ${one(b)} | ${one(c)} |\n\n${c}\n`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('arbitrary bytes', () => {
  const bom = fc.constantFrom<number[]>([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]);
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 400 }),
    // Mostly text, with stray bytes: the usual shape of a badly saved file.
    fc.tuple(awkwardText, fc.uint8Array({ maxLength: 8 }), awkwardText).map(([a, junk, b]) => new Uint8Array([...Buffer.from(a), ...junk, ...Buffer.from(b)])),
    awkwardText.map((t) => new Uint8Array(Buffer.from(t, 'utf16le'))),
  );

  it('decodeReport throws nothing but "not a text file", and gives text with no CR, lone surrogate or XML-illegal character', () => {
    fc.assert(
      fc.property(bom, bytes, (prefix, body) => {
        const input = new Uint8Array([...prefix, ...body]);
        let decoded: ReturnType<typeof decodeReport>;
        try {
          decoded = decodeReport(input, 'r.md');
        } catch (e) {
          expect(e).toBeInstanceOf(BriefdeckError);
          expect((e as Error).message).toBe('r.md: not a text file');
          return;
        }
        expect(decoded.text).not.toMatch(/\r/);
        expect(decoded.text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        for (const d of decoded.diagnostics) expect(d.level).toBe('warning');
        soundOrRefused(decoded.text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('generated Markdown structure', () => {
  const words = fc.array(fc.constantFrom('Revenue', 'grew', '12%', 'in', 'the', 'north', '**bold**', '_it_', '`code`', '[site](https://example.com)', '[x](javascript:alert(1))', '$x^2$', '数据', 'النمو', '😀', '\u200f', 'x'.repeat(120), '{{x}}', '<b>', '&amp;', '\\*'), { minLength: 0, maxLength: 14 }).map((w) => w.join(' '));
  const heading = fc.tuple(fc.integer({ min: 1, max: 9 }), words).map(([d, t]) => `${'#'.repeat(d)} ${t}`);
  const setext = fc.tuple(words, fc.constantFrom('===', '---')).map(([t, u]) => `${t}\n${u}`);
  const list = fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('-', '*', '+', '1.', '3)'), words), { minLength: 1, maxLength: 25 }).map((items) => {
    // Each item nests at most one level below the one before, as an editor indents.
    let level = 0;
    return items
      .map(([want, marker, text]) => {
        level = Math.min(want, level + 1);
        return `${'    '.repeat(level)}${marker} ${text}`;
      })
      .join('\n');
  });
  const table = fc.tuple(fc.integer({ min: 1, max: 8 }), fc.array(fc.array(words, { maxLength: 11 }), { maxLength: 30 })).map(([cols, rows]) => {
    const head = `| ${Array.from({ length: cols }, (_, i) => `H${i}`).join(' | ')} |`;
    const rule = `|${Array.from({ length: cols }, (_, i) => ['---', ':--', '--:', ':-:'][i % 4]).join('|')}|`;
    // Rows with fewer and more cells than the head.
    return [head, rule, ...rows.map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
  });
  const fence = fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'ts', 'python', 'js {.x}', '<script>'), fc.array(words, { maxLength: 30 }), fc.boolean()).map(([f, lang, lines, closed]) => `${f}${lang}\n${lines.join('\n')}${closed ? `\n${f}` : ''}`);
  const quote = fc.tuple(fc.integer({ min: 1, max: 6 }), words).map(([d, t]) => `${'> '.repeat(d)}${t}`);
  const block = fc.oneof(heading, setext, list, table, fence, quote, words, fc.constant('---'), fc.constant('$$\nx^2\n$$'), fc.constant('![chart](missing.png)'), fc.constant('<div>raw</div>'));
  const frontMatter = fc.constantFrom(
    '',
    '---\ntitle: Quarterly Review\nauthor: Ops\ndate: 2027-01-31\n---\n',
    '---\n---\n',
    '---\ntitle: ""\n---\n',
    '---\ntitle: [a, b]\nsubtitle: 12\n---\n',
    '---\n- just\n- a list\n---\n',
    '---\ntitle: Q3\nlang: ar\n---\n',
    '---\ntitle: Q3\nlang: zh\n---\n',
    '---\ntitle: Unclosed\n',
    '---\ntitle: [broken\n---\n',
    '---js\nthrow 1\n---\n',
    '+++\ntitle = "toml"\n+++\n',
    '\ufeff---\ntitle: BOM first\n---\n',
  );

  it('never crashes the pipeline: headings 1–9 deep, lists 12 deep, ragged tables, unclosed fences, any front matter', () => {
    fc.assert(
      fc.property(frontMatter, fc.array(block, { maxLength: 25 }), (fm, blocks) => soundOrRefused(`${fm}${blocks.join('\n\n')}\n`)),
      { numRuns: 250 },
    );
  });

  it('render to HTML and to a strictly valid PPTX with every shape on its slide', async () => {
    const file = path.join(FIXTURES, 'corpus.md');
    await fc.assert(
      fc.asyncProperty(frontMatter.filter((fm) => !/js|broken|Unclosed/.test(fm)), fc.array(block, { minLength: 1, maxLength: 12 }), async (fm, blocks) => {
        // Blocks can make a front matter of their own ("---", a table, "---"): refused, nothing to render.
        const deck = deckOrRefused(`${fm}${blocks.join('\n\n')}\n`);
        if (!deck) return;
        const html = await renderHtml(deck, { theme, measurer, baseDir: FIXTURES, version: 'test' });
        expect(html.match(/<section class="layout-/g)?.length).toBe(deck.slides.length);
        const read = await readPptx(await pptxOf(deck, { theme, measurer, baseDir: FIXTURES, file }));
        expect(read.problems).toEqual([]);
        expect(read.slides.length).toBe(deck.slides.length);
        expect(shapesOutside(read)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('inputs the properties found', () => {
  // MathJax's TeX input throws a TypeError for any character between its operator ranges — the euro
  // sign and every currency symbol (U+20A0–U+20CF), IPA letters (U+0250–U+02AF), C1 controls, most
  // emoji from U+1F000 — where it reports other mistakes as errors in the formula.
  it('inline math with a character MathJax has no class for is planned, with a math warning at most', () => {
    for (const md of ['# Rates\n\n## Fees\n\nThe rate is $r = 5€$ per unit.\n', '# IPA\n\n## Vowels\n\nThe schwa $ə$ is unstressed.\n', '# Tokens\n\n## Price\n\nEach token costs $🪙$.\n']) {
      expect(() => deckOf(md), md).not.toThrow();
    }
  });

  // An empty ATX heading ("## " with nothing after it) once made a slide with a blank title, and a
  // takeaway line that read ": first point".
  it('an empty heading gives its slide a title, and the takeaways no line that starts with ":"', () => {
    const deck = deckOf('# Report\n\n## \n\n- First point about depots.\n\n## Costs\n\n- Costs fell.\n');
    for (const slide of deck.slides) expect(slide.title.trim(), slide.layout).not.toBe('');
    const takeaways = deck.slides.find((s) => s.layout === 'takeaways')!;
    const lines = takeaways.blocks.flatMap((b) => ('list' in b ? b.list.map((i) => textOf(i.runs)) : []));
    for (const line of lines) expect(line).not.toMatch(/^\s*:/);
  });
});
