/**
 * "$48.2M … $0.9M" is money, not math. remark-math pairs any two dollar signs; pandoc's rule is
 * stricter and matches how reports are written: the opening `$` is followed by a non-space, the
 * closing `$` is preceded by a non-space and not followed by a digit. Inline math that breaks the
 * rule is turned back into the text it was.
 */
import type { Root, Parent, Text } from 'mdast';

interface InlineMath {
  type: 'inlineMath';
  value: string;
  position?: Text['position'];
}

export function restoreCurrency(tree: Root, source: string): void {
  const visit = (node: Parent) => {
    node.children.forEach((child, i) => {
      if ((child.type as string) === 'inlineMath') {
        const text = asText(child as unknown as InlineMath, source);
        if (text) node.children[i] = text;
      } else if ('children' in child) visit(child as Parent);
    });
  };
  visit(tree);
}

function asText(node: InlineMath, source: string): Text | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const raw = source.slice(start, end);
  if (raw.startsWith('$$')) return undefined;
  const inner = raw.slice(1, -1);
  const next = source[end] ?? '';
  if (/^\s/.test(inner) || /\s$/.test(inner) || /\d/.test(next)) return { type: 'text', value: raw, position: node.position };
  return undefined;
}
