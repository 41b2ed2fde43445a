/**
 * A bound on how deep a Markdown tree nests. Every later stage walks the tree recursively, and a
 * report with thousands of nested quotes or lists (`>>>>…`) would overflow the stack. No real report
 * nests deeper than a few levels: below MAX_DEPTH, a container keeps only its text, as one paragraph.
 */
import type { Root } from 'mdast';

export const MAX_DEPTH = 48;

type Node = { type: string; value?: unknown; children?: Node[]; position?: { start: { line: number } } };

/** Nodes whose children are phrasing content: flattened to one text node, not a paragraph. */
const INLINE_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'footnoteReference']);

/** Every piece of text under `node`, in reading order, without recursion. */
function textOf(node: Node): string {
  const parts: string[] = [];
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n.value === 'string' && n.type !== 'html' && n.type !== 'yaml') parts.push(n.value);
    if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    if (n.type === 'paragraph' || n.type === 'heading') parts.push(' ');
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Flattens what nests deeper than MAX_DEPTH; returns the line of the first place it did, if any. */
export function limitDepth(tree: Root): number | undefined {
  let first: number | undefined;
  const stack: Array<[Node, number]> = [[tree as unknown as Node, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!node.children) continue;
    if (depth >= MAX_DEPTH && node.children.some((c) => c.children?.length)) {
      const text = textOf(node);
      const leaf: Node = { type: 'text', value: text };
      node.children = INLINE_PARENTS.has(node.type) ? [leaf] : text ? [{ type: 'paragraph', children: [leaf] }] : [];
      first ??= node.position?.start.line;
      continue;
    }
    for (const child of node.children) stack.push([child, depth + 1]);
  }
  return first;
}
