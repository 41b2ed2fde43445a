/**
 * A report parsed in pieces cut at its headings must give exactly the tree, positions included, that
 * parsing it whole gives: for every fixture, for all of them run together, and for text built to
 * reach across a cut (open fences, math, HTML, front matter, definitions, lists and quotes).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMath from 'remark-math';
import type { Root, RootContent } from 'mdast';
import { parseInPieces } from '../../src/read/pieces.js';
import { EXAMPLE, FIXTURES, fixtureReports } from '../helpers/fixtures.js';

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkMath).freeze();
const whole = (text: string) => remark.parse(text) as Root;

/** The tree in pieces, and how many pieces were parsed. */
function inPieces(text: string): { tree: Root; pieces: number } {
  let pieces = 0;
  const tree = parseInPieces(text, (piece) => {
    pieces++;
    return whole(piece);
  });
  return { tree, pieces };
}

/** Every node's type, value and position, in document order, gathered without recursion. */
function flatten(tree: Root): string[] {
  const out: string[] = [];
  const stack: Array<Root | RootContent> = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    out.push(JSON.stringify([node.type, 'value' in node ? node.value : null, node.position]));
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}

const reports = [EXAMPLE, ...fixtureReports().map((f) => path.join(FIXTURES, f))];

describe('parsing in pieces', () => {
  it('gives the whole-report tree for every fixture and the example, most of them cut', () => {
    let cut = 0;
    for (const file of reports) {
      const text = readFileSync(file, 'utf8');
      const { tree, pieces } = inPieces(text);
      expect(tree, path.basename(file)).toEqual(whole(text));
      if (pieces > 1) cut++;
    }
    expect(cut).toBeGreaterThan(reports.length / 2);
  });

  it('gives the whole-report tree for all the fixtures run together, cut into dozens of pieces', () => {
    const text = reports
      .map((f) => readFileSync(f, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''))
      .filter((t) => !t.includes(']:'))
      .join('\n\n');
    const { tree, pieces } = inPieces(text);
    expect(pieces).toBeGreaterThan(40);
    expect(tree).toEqual(whole(text));
  });

  const reaching: Record<string, string> = {
    'an open fence': '# Report\n\nIntro.\n\n```js\nconst a = 1;\n\n## not a heading\n\nstill code\n```\n\n## Next\n\nText.\n',
    'a fence never closed': '# Report\n\n~~~\ncode\n\n## inside the fence\n\n## still inside\n',
    'a longer fence than its look-alike closer': '# R\n\n````\n```\n\n## inside\n````\n\n## out\n',
    'an HTML comment': '# Report\n\n<!-- a note\n\n## commented out\n\n-->\n\n## Next\n',
    'a script block': '# R\n\n<script>\nlet x;\n\n# not a heading\n</script>\n\n## After\n',
    'display math': '# Report\n\n$$\nx = 1\n\n## inside the formula\n$$\n\n## Next\n',
    'front matter with a comment line': '---\ntitle: Plan\n\n# a YAML comment\nauthor: Ana\n---\n\n# Plan\n\n## One\n\nText.\n',
    'a list before a heading': '# R\n\n- one\n- two\n\n  still two\n\n## Next\n\n1. a\n\n   b\n\n## Last\n',
    'a quote and a fence in a list': '# R\n\n> quoted\n> more\n\n## A\n\n- item\n  ```\n  code\n\n## B\n\n- a\n  ```\n- b\n```\n\n## inside a top-level fence\n',
    'headings that are not cuts': '# R\nno blank line before\n## Tight\n\n    ## indented code\n\n #### one space in\n\n#hashtag\n\n##\n\n## Empty above\n',
    'many sections ending in code': Array.from({ length: 30 }, (_, i) => `## Part ${i}\n\nText ${i}.\n\n\`\`\`\ncode ${i}\n\`\`\`\n`).join('\n'),
    'tabs and spaces on the blank line': '# R\n\nText.\n \t \n## Next\n\t\n### Third\n',
  };
  for (const [name, text] of Object.entries(reaching)) {
    it(`gives the whole-report tree across ${name}`, () => {
      const { tree, pieces } = inPieces(text);
      expect(tree).toEqual(whole(text));
      expect(pieces).toBeGreaterThan(1);
    });
  }

  it('cuts after closed fences, math and HTML, and joins only a piece that ends with one left open', () => {
    const text = [
      '# A\n\n```\nclosed();\n```\n',
      '## B\n\n$$\nx = 1\n$$\n',
      '## C\n\n<!-- closed comment -->\n',
      '## D\n\n- item\n\n  ```\n  closed in a list\n  ```\n',
      '## E\n\n```\nnever closed\n',
      '## F, inside the fence\n',
    ].join('\n');
    const { tree, pieces } = inPieces(text);
    expect(tree).toEqual(whole(text));
    // A, B, C and D alone; E, then E joined with F.
    expect(pieces).toBe(6);
  });

  it('gives the whole-report tree for hundreds of reports assembled at random from blocks that reach across cuts', () => {
    // A fixed seed: the same reports every run.
    let seed = 20261129;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
    const blocks = [
      'A paragraph of prose.',
      'Two lines\nof one paragraph.',
      '- one\n- two',
      '- item\n\n  continued',
      '1. first\n2. second',
      '> quoted\n> text',
      '```\ncode\n```',
      '```js\nopen();',
      '~~~~\n```\n~~~~',
      '    indented code',
      '$$\nx^2\n$$',
      '$$\nleft open',
      '<!-- a comment -->',
      '<!--\nopen comment',
      '<div>\nhtml\n</div>',
      '| a | b |\n| - | - |\n| 1 | 2 |',
      '---',
      'Setext\n---',
      '- list\n  ```\n  fenced in a list',
      '> ```\n> fenced in a quote',
      '',
    ];
    let cut = 0;
    for (let n = 0; n < 300; n++) {
      const parts: string[] = ['# Report'];
      for (let i = 0, count = 2 + Math.floor(random() * 12); i < count; i++) {
        parts.push(random() < 0.4 ? `${'#'.repeat(1 + Math.floor(random() * 3))} Section ${i}` : pick(blocks));
      }
      const text = parts.join(random() < 0.8 ? '\n\n' : '\n') + '\n';
      const { tree, pieces } = inPieces(text);
      expect(tree, JSON.stringify(text)).toEqual(whole(text));
      if (pieces > 1) cut++;
    }
    expect(cut).toBeGreaterThan(100);
  });

  it('moves the positions of a tree nested deeper than recursion reaches', () => {
    const text = `# Deep\n\n${'>'.repeat(3000)} deep\n\n## After\n\n${'- '.repeat(2000)}item\n\n## Last\n`;
    const { tree, pieces } = inPieces(text);
    expect(pieces).toBe(3);
    // toEqual itself recurses: the trees are compared node by node, in a loop.
    expect(flatten(tree)).toEqual(flatten(whole(text)));
  });

  it('parses whole a report that holds a definition (references reach any distance), CR line ends or a byte-order mark', () => {
    for (const text of [
      '\uFEFF---\ntitle: Plan\n\n# a YAML comment\n---\n\n# Plan\n\n## One\n',
      '# R\r\n\r\nText.\r\n\r\n## Next\r\n\r\nMore.\r\n',
      '# R\rOld Mac line ends.\r\n\n## Next\n\nText.\n',
      '# R\n\nSee [the plan].\n\n## Later\n\n[the plan]: https://example.org/plan\n',
      '# R\n\nA claim.[^1]\n\n## Notes\n\n[^1]: The source.\n',
    ]) {
      const { tree, pieces } = inPieces(text);
      expect(pieces).toBe(1);
      expect(tree).toEqual(whole(text));
    }
  });
});
