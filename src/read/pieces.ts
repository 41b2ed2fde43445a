/**
 * A long report parsed in pieces cut at its headings. micromark holds every event of a document
 * until it has read all of it, so each section of a long report costs more than one of a short
 * report: 200 sections parse about a sixth faster in pieces, 2000 sections in half the time.
 *
 * A cut must not change the tree, so it is made only where nothing can reach across it:
 * - Not at all when the report holds a definition (`[label]: …`, `[^note]: …`): a reference
 *   anywhere resolves against definitions anywhere, before or after it.
 * - Only before a heading that starts a line after a blank one, and after the front matter. Such a
 *   line closes every list, quote and paragraph, so only a fenced code, math or HTML block still
 *   open could run on past it, or keep the blank line a piece ends with. A block left open runs to
 *   the end of its piece, where a closed one ends before the piece's blank line: a piece whose last
 *   block, at any depth, is one of those and reaches its end is joined to the next.
 * Positions are then moved to where each piece sits in the report.
 */
import type { Root, RootContent } from 'mdast';

/** Blocks that may be left open at the end of a piece. */
const MAY_RUN_ON = new Set(['code', 'math', 'html', 'yaml']);
/** Pieces joined in a row before the rest of the report is parsed whole, so joins never grow quadratic. */
const MAX_JOINED = 8;

export function parseInPieces(text: string, parse: (text: string) => Root): Root {
  // Reports reach here with "\n" line ends and no byte-order mark. Other text (parseMarkdown is a
  // library export) is parsed whole: micromark counts "\r" as a line end and leaves a mark out of offsets.
  if (text.includes(']:') || text.includes('\r') || text.startsWith('\uFEFF')) return parse(text);
  const cuts = headingCuts(text);
  if (!cuts.length) return parse(text);

  const root: Root = { type: 'root', children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
  let start = 0;
  let line = 1;
  let next = 0;
  while (start < text.length) {
    let joined = 0;
    let end: number;
    let tree: Root;
    for (;;) {
      end = next < cuts.length && joined < MAX_JOINED ? cuts[next++] : text.length;
      tree = parse(text.slice(start, end));
      if (end === text.length || !endsOpen(tree, end - start)) break;
      joined++;
    }
    moveBy(tree, line - 1, start);
    root.children.push(...tree.children);
    if (tree.position) root.position!.end = tree.position.end;
    line += countLines(text, start, end);
    start = end;
  }
  return root;
}

/** Whether the last block of a piece `length` long, at any depth, may be open: one that can be, reaching the end. */
function endsOpen(tree: Root, length: number): boolean {
  for (let node: Root | RootContent | undefined = tree; node && 'children' in node; ) {
    node = node.children.at(-1);
    // A closed block ends on its own line, before the blank line that ends the piece: two characters short at least.
    if (node && MAY_RUN_ON.has(node.type) && (node.position?.end.offset ?? length) >= length - 1) return true;
  }
  return false;
}

/**
 * Offsets of the lines where a piece may start: a heading at the margin, after a blank line and
 * after the front matter. Front matter ends at the first line of exactly `---`: a YAML comment
 * inside it looks like a heading.
 */
function headingCuts(text: string): number[] {
  const cuts: number[] = [];
  const heading = /\n[ \t]*\n(?=#{1,6}(?:[ \t\n]|$))/g;
  if (text.startsWith('---')) {
    const close = /\n---\n/.exec(text);
    if (!close) return cuts;
    heading.lastIndex = close.index + close[0].length - 1;
  }
  for (let m = heading.exec(text); m; m = heading.exec(text)) {
    cuts.push(m.index + m[0].length);
  }
  return cuts;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Moves every position in the tree down by `lines` and on by `offset`; a loop, as trees can be deep. */
function moveBy(tree: Root, lines: number, offset: number): void {
  if (!lines && !offset) return;
  const stack: Array<Root | RootContent> = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    const { position } = node;
    if (position) {
      for (const point of [position.start, position.end]) {
        point.line += lines;
        if (point.offset !== undefined) point.offset += offset;
      }
    }
    if ('children' in node) stack.push(...node.children);
  }
}
