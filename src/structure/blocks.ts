/**
 * Markdown blocks → report blocks. The promise is that nothing is lost: whatever a slide cannot hold
 * where the author put it (an image in a table cell, a quote inside a list item) is moved next to it,
 * and whatever cannot be shown at all is counted for a warning.
 */
import type { BlockContent, Blockquote, DefinitionContent, FootnoteDefinition, List, RootContent, Table } from 'mdast';
import type { Run } from '../types/deck.js';
import type { Diagnostic } from '../types/diagnostics.js';
import type { ReportBlock, ReportListItem } from '../types/report.js';
import { mergeRuns, normaliseRuns, runsText, SOFT_BREAK, toRuns, type InlineContext } from './inline.js';
import { probeImage } from './images.js';
import { htmlBlocks } from './html.js';
import { onlyComments } from './directives.js';
import type { InputAllowances } from './structure.js';

export interface BlockEnv {
  ctx: InlineContext;
  diagnostics: Diagnostic[];
  /** Report path for diagnostics, and the folder images resolve against. */
  file: string;
  baseDir: string;
  /** What the user allowed the report to reach beyond its folder and its text. */
  allow: InputAllowances;
}

type Node = RootContent | BlockContent | DefinitionContent;

export function line(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 0;
}

export function convertBlock(node: Node, env: BlockEnv): ReportBlock[] {
  const { ctx } = env;
  const at = line(node);
  switch (node.type) {
    case 'paragraph':
    case 'heading': {
      const mark = ctx.images.length;
      // A heading that is not a section heading (inside a container) stays visible as bold text.
      const runs = normaliseRuns(toRuns(node.children, ctx, node.type === 'heading' ? { bold: true } : {}));
      const images = takeImages(env, mark, at);
      return runs.length ? [{ kind: 'paragraph', runs, line: at }, ...images] : images;
    }
    case 'list':
      return listBlocks(node, env);
    case 'table': {
      const mark = ctx.images.length;
      const table = tableBlock(node, ctx, at);
      return [table, ...takeImages(env, mark, at)];
    }
    case 'code':
      if (node.lang === 'math') return [{ kind: 'math', tex: node.value, line: at }];
      return [{ kind: 'code', lang: node.lang ?? undefined, text: codeText(node.value), line: at }];
    case 'math':
      return [{ kind: 'math', tex: node.value, line: at }];
    case 'blockquote':
      return quoteBlocks(node, env);
    case 'footnoteDefinition':
      return noteBlocks(node, env);
    case 'html':
      // A comment is never content (directives are read at the top level, where they mean something).
      if (onlyComments(node.value)) return [];
      // Without --allow-html the text is kept and the place counted for one warning.
      if (!ctx.allowHtml) ctx.droppedHtml.push({ line: at });
      return htmlBlocks(node.value, at, ctx).map((b) => (b.kind === 'image' ? imageBlock(b.src, b.alt, b.line, env) : b));
    // A rule has no text; a definition only supplies the target its references already carry.
    case 'thematicBreak':
    case 'definition':
    case 'yaml':
      return [];
    default: {
      const text = plainText(node);
      if (text.trim()) {
        env.diagnostics.push({
          level: 'warning',
          code: 'content-dropped',
          message: `"${node.type}" content is not supported and was left out: ${clip(text)}`,
          file: env.file,
          line: at || undefined,
        });
      }
      return [];
    }
  }
}

/** Images gathered into `ctx.images` since `mark`, as image blocks in the order they were written. */
function takeImages(env: BlockEnv, mark: number, at: number): ReportBlock[] {
  return env.ctx.images.splice(mark).map((img) => imageBlock(img.url, img.alt ?? '', line(img) || at, env));
}

export function imageBlock(src: string, alt: string, at: number, env: BlockEnv): ReportBlock {
  const { probe, diagnostic } = probeImage(src, env.baseDir, { file: env.file, line: at }, env.allow);
  if (diagnostic) env.diagnostics.push(diagnostic);
  return { kind: 'image', src, alt: alt.trim(), line: at, probe };
}

/**
 * Blocks that go right after a container (list, quote) because they cannot sit inside it. Images met
 * in the container's text are flushed before each moved block, so everything keeps the author's order.
 */
class Afterwards {
  readonly blocks: ReportBlock[] = [];
  private readonly mark: number;
  constructor(
    private readonly env: BlockEnv,
    private readonly at: number,
  ) {
    this.mark = env.ctx.images.length;
  }
  /** Images met since the container began, not yet placed. */
  pendingImages(): number {
    return this.env.ctx.images.length - this.mark;
  }
  add(blocks: ReportBlock[]): void {
    this.flush();
    this.blocks.push(...blocks);
  }
  flush(): void {
    this.blocks.push(...takeImages(this.env, this.mark, this.at));
  }
}

function listBlocks(list: List, env: BlockEnv): ReportBlock[] {
  const at = line(list);
  const after = new Afterwards(env, at);
  const items = listItems(list, 0, env, after);
  after.flush();
  return items.length ? [{ kind: 'list', items, line: at }, ...after.blocks] : after.blocks;
}

function listItems(list: List, level: number, env: BlockEnv, after: Afterwards): ReportListItem[] {
  const { ctx } = env;
  const items: ReportListItem[] = [];
  let n = list.start ?? 1;
  for (const item of list.children) {
    const runs: Run[] = [];
    const nested: ReportListItem[] = [];
    const movedBefore = after.blocks.length + after.pendingImages();
    const gap = () => {
      if (runs.length) runs.push({ text: ' ' });
    };
    for (const child of item.children) {
      switch (child.type) {
        case 'paragraph':
          gap();
          runs.push(...toRuns(child.children, ctx));
          break;
        case 'heading':
          gap();
          runs.push(...toRuns(child.children, ctx, { bold: true }));
          break;
        case 'list':
          nested.push(...listItems(child, level + 1, env, after));
          break;
        case 'code':
          gap();
          runs.push({ text: codeText(child.value), code: true });
          break;
        case 'math':
          gap();
          runs.push({ text: child.value, math: true });
          break;
        case 'html':
          // The text of a block of HTML in an item is the item's; what cannot sit in a bullet follows.
          for (const b of convertBlock(child, env)) {
            if (b.kind === 'paragraph') {
              gap();
              runs.push(...b.runs);
            } else after.add([b]);
          }
          break;
        default:
          // A quote, table or footnote cannot sit inside a bullet: it follows the list instead.
          after.add(convertBlock(child, env));
      }
    }
    if (item.checked != null) runs.unshift({ text: item.checked ? '☑ ' : '☐ ' });
    const text = normaliseRuns(runs);
    const movedOut = after.blocks.length + after.pendingImages() > movedBefore;
    // An item whose only content moved after the list would be an empty bullet on the slide.
    if (text.length || nested.length || !movedOut) {
      items.push({ level, ordered: !!list.ordered, n: list.ordered ? n : undefined, runs: text });
    }
    items.push(...nested);
    n++;
  }
  return items;
}

function tableBlock(table: Table, ctx: InlineContext, at: number): ReportBlock {
  const rows = table.children.map((row) => row.children.map((cell) => normaliseRuns(toRuns(cell.children, ctx))));
  const width = Math.max(...rows.map((r) => r.length));
  // GFM lets rows be short; a slide table needs every row the same width.
  const padded = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => [])]);
  const align = Array.from({ length: width }, (_, i) => {
    const a = table.align?.[i];
    return a === 'center' ? 0.5 : a === 'right' ? 1 : 0;
  });
  return { kind: 'table', head: padded[0] ?? [], rows: padded.slice(1), align, line: at };
}

/**
 * A quote slide shows one run of text, so everything the quote holds is flattened into it, a line
 * each: paragraphs, list items, nested quotes, code. Images (and footnotes) follow the quote.
 */
function quoteBlocks(quote: Blockquote, env: BlockEnv): ReportBlock[] {
  const at = line(quote);
  const after = new Afterwards(env, at);
  const lines: Run[][] = [];
  flattenQuote(quote.children, env, lines, after);
  after.flush();
  const runs: Run[] = [];
  lines.forEach((l, i) => {
    if (i) runs.push({ text: '\n' });
    runs.push(...l);
  });
  const block = splitCite(runs, at);
  // A quote that held only an image has nothing left to show as a quote.
  const empty = block.kind === 'quote' && !block.runs.length && !block.cite;
  return empty ? after.blocks : [block, ...after.blocks];
}

function flattenQuote(children: Node[], env: BlockEnv, lines: Run[][], after: Afterwards): void {
  const { ctx } = env;
  for (const child of children) {
    switch (child.type) {
      case 'paragraph':
      case 'heading': {
        const saved = ctx.softBreak;
        ctx.softBreak = SOFT_BREAK;
        try {
          const runs = toRuns(child.children, ctx, child.type === 'heading' ? { bold: true } : {});
          if (runsText(runs).trim()) lines.push(runs);
        } finally {
          ctx.softBreak = saved;
        }
        break;
      }
      case 'list':
        for (const item of listItems(child, 0, env, after)) {
          lines.push([{ text: item.ordered ? `${item.n}. ` : '• ' }, ...item.runs]);
        }
        break;
      case 'blockquote':
        flattenQuote(child.children, env, lines, after);
        break;
      case 'code':
        if (child.value.trim()) lines.push([{ text: codeText(child.value), code: true }]);
        break;
      case 'math':
        if (child.value.trim()) lines.push([{ text: child.value, math: true }]);
        break;
      case 'table': {
        const mark = ctx.images.length;
        const table = tableBlock(child, ctx, line(child));
        if (table.kind === 'table') {
          for (const row of [table.head, ...table.rows]) {
            const cells: Run[] = [];
            row.forEach((cell, i) => {
              if (i) cells.push({ text: ' | ' });
              cells.push(...cell);
            });
            lines.push(cells);
          }
        }
        after.add(takeImages(env, mark, line(child)));
        break;
      }
      case 'html':
        // A block of HTML in a quote: its paragraphs are lines of the quote.
        for (const b of convertBlock(child, env)) {
          if (b.kind === 'paragraph') lines.push(b.runs);
          else after.add([b]);
        }
        break;
      default:
        after.add(convertBlock(child, env));
    }
  }
}

const CITE = /^\s*(?:—|–|―|-{2,3}|~)\s*(\S[^]*)$/u;

/**
 * A quote's attribution is its last line when that line starts with a dash: "— Ada Lovelace". The
 * line may be a line of the source (a soft break), not only a paragraph of its own; a dash inside a
 * line ("fell to ~4%") or a line of code ("-- end") is not an attribution.
 */
function splitCite(raw: Run[], at: number): ReportBlock {
  const resolve = (runs: Run[]) => mergeRuns(normaliseRuns(runs.map((r) => ({ ...r, text: r.text.split(SOFT_BREAK).join(' ') }))));
  const text = runsText(raw);
  const end = text.replace(/\s+$/u, '').length;
  const cut = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf(SOFT_BREAK, end - 1));
  const m = cut > 0 && text.slice(0, cut).trim() ? CITE.exec(text.slice(cut + 1, end)) : null;
  if (m && !spansCode(raw, cut + 1, end)) {
    const kept: Run[] = [];
    let left = cut;
    for (const r of raw) {
      if (left <= 0) break;
      kept.push(r.text.length <= left ? r : { ...r, text: r.text.slice(0, left) });
      left -= r.text.length;
    }
    const cite = m[1].split(SOFT_BREAK).join(' ').trim();
    return { kind: 'quote', runs: resolve(kept), cite, line: at };
  }
  return { kind: 'quote', runs: resolve(raw), line: at };
}

function spansCode(runs: Run[], from: number, to: number): boolean {
  let pos = 0;
  for (const r of runs) {
    const next = pos + r.text.length;
    if (next > from && pos < to && (r.code || r.math)) return true;
    pos = next;
  }
  return false;
}

/**
 * A footnote is read aloud, not shown: its text goes to the speaker notes as "[label] text", with
 * link targets written out since notes are plain text. Images in it still get slides of their own.
 */
function noteBlocks(def: FootnoteDefinition, env: BlockEnv): ReportBlock[] {
  const at = line(def);
  // Targets are written into the note, so they do not join the deck's link list.
  const noteEnv: BlockEnv = { ...env, ctx: { ...env.ctx, links: [] } };
  const blocks = def.children.flatMap((c) => convertBlock(c, noteEnv));
  const links = noteEnv.ctx.links;
  const text = blocks
    .filter((b) => b.kind !== 'image')
    .map((b) => blockText(b, links))
    .filter((t) => t.trim())
    .join('\n');
  const images = blocks.filter((b) => b.kind === 'image');
  const label = def.label ?? def.identifier;
  return text ? [{ kind: 'note', text: `[${label}] ${text}`, line: at }, ...images] : images;
}

/** A block as plain text, for the speaker notes: link targets written after their text. */
export function blockText(b: ReportBlock, links: string[]): string {
  const plain = (runs: Run[]) =>
    runs
      .map((r) => {
        const url = r.link === undefined ? undefined : links[r.link];
        return url && url !== r.text && `mailto:${r.text}` !== url ? `${r.text} (${url})` : r.text;
      })
      .join('');
  switch (b.kind) {
    case 'paragraph':
      return plain(b.runs);
    case 'list':
      return b.items.map((i) => `${'  '.repeat(i.level)}${i.ordered ? `${i.n}.` : '•'} ${plain(i.runs)}`).join('\n');
    case 'table':
      return [b.head, ...b.rows].map((row) => row.map(plain).join(' | ')).join('\n');
    case 'quote':
      return `${plain(b.runs)}${b.cite ? `\n— ${b.cite}` : ''}`;
    case 'code':
      return b.text;
    case 'math':
      return b.tex;
    case 'note':
    case 'speaker':
      return b.text;
    case 'split':
      return '';
    case 'image':
      return b.alt;
  }
}

function codeText(value: string): string {
  return value.replace(/\t/g, '    ');
}

function plainText(node: unknown): string {
  const n = node as { value?: unknown; alt?: unknown; children?: unknown[] };
  if (typeof n.value === 'string') return n.value;
  if (typeof n.alt === 'string') return n.alt;
  return (n.children ?? []).map(plainText).join(' ');
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
