/**
 * Text with nothing a bare link could be made of is parsed without remark-gfm's pass that looks for
 * bare links. The tree must be the one that pass would have left: every fixture and the example,
 * with and without such text, parse exactly as remark-gfm parses them; and text that spells a link
 * or an address only through character references still gets its link.
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
import { parseMarkdown } from '../../src/read/parse.js';
import { restoreCurrency } from '../../src/read/currency.js';
import { limitDepth } from '../../src/read/depth.js';
import { EXAMPLE, FIXTURES, fixtureReports } from '../helpers/fixtures.js';

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkMath);

/** The tree remark-gfm makes, then front matter taken off and currency put back as parseMarkdown does. */
function remarkTree(text: string): Root {
  const tree = remark.parse(text) as Root;
  if (tree.children[0]?.type === 'yaml') tree.children.shift();
  limitDepth(tree);
  restoreCurrency(tree, text);
  return tree;
}

const links = (tree: Root) => {
  const out: string[] = [];
  const walk = (n: Root | RootContent) => {
    if (n.type === 'link') out.push(n.url);
    if ('children' in n) n.children.forEach(walk);
  };
  walk(tree);
  return out;
};

describe('parsing without the bare-link pass', () => {
  const reports = [EXAMPLE, ...fixtureReports().map((f) => path.join(FIXTURES, f))];

  it('leaves the same tree as remark-gfm for every fixture and the example', () => {
    const skipped = reports.filter((file) => !/www|http|[@&]/i.test(readFileSync(file, 'utf8')));
    // Both kinds are covered: reports the pass is skipped for, and reports it runs for.
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.length).toBeLessThan(reports.length);
    for (const file of reports) {
      const text = readFileSync(file, 'utf8');
      expect(parseMarkdown(text, file).tree, path.basename(file)).toEqual(remarkTree(text));
    }
  });

  it('still links a bare address or site written with character references', () => {
    const text = '# Contacts\n\nWrite to ops&#64;northwind.example or see www&#46;northwind.example for the rota.\n';
    expect(links(parseMarkdown(text, 'contacts.md').tree)).toEqual(['mailto:ops@northwind.example', 'http://www.northwind.example']);
    expect(parseMarkdown(text, 'contacts.md').tree).toEqual(remarkTree(text));
  });

  it('leaves text without any of them unlinked, as remark-gfm does', () => {
    const text = '# Depots\n\nThe Leeds depot moved 236 000 pallets; see the appendix table for each site.\n';
    expect(links(parseMarkdown(text, 'depots.md').tree)).toEqual([]);
    expect(parseMarkdown(text, 'depots.md').tree).toEqual(remarkTree(text));
  });
});
