/**
 * Raw HTML in a report, read with a real HTML parser (parse5, as hast) and cleaned by an
 * allow-list (hast-util-sanitize, GitHub's schema), then mapped onto the report model. The deck model
 * holds no HTML, so nothing written here ever reaches a deck as markup: only text, marks, links (by
 * index) and images (through the same path as Markdown images).
 *
 * Without `--allow-html` a report keeps the text of its HTML and the shape of that text (paragraphs,
 * lists, tables, quotes, preformatted code) and nothing else: no formatting, no links, no images.
 * With it, formatting, links and images are kept as far as the allow-list lets them through.
 * Either way the content of scripts, styles, embedded documents and form controls is not text.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { fromParse5 } from 'hast-util-from-parse5';
import { VFile } from 'vfile';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { find, html as htmlSchema } from 'property-information';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Run } from '../types/deck.js';
import type { ReportBlock, ReportListItem } from '../types/report.js';
import type { InlineContext } from './inline.js';

type Marks = Omit<Run, 'text'>;

/** What the allow-list took out of one place, named as the author wrote it (`<script>`, `onclick`). */
export interface HtmlRemoval {
  line: number;
  what: string[];
}

/**
 * Elements whose content is not text to read: code, styles, embedded documents and media, form
 * controls, and what a browser never shows. They go with everything inside them.
 */
const NOT_TEXT = new Set([
  'script', 'style', 'template', 'noscript', 'title', 'base', 'link', 'meta',
  'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed', 'applet', 'noembed', 'param',
  'audio', 'video', 'canvas',
  'input', 'textarea', 'select', 'option', 'optgroup', 'datalist', 'button',
]);

/**
 * Plain containers and text-level elements outside GitHub's list whose only effect here is to divide
 * or hold text. Keeping them (without any attribute) keeps a `<header>` and a `<footer>` apart instead
 * of running their words together, and keeps `<u>` and `<mark>` out of the removal warning.
 */
const CONTAINERS = [
  'article', 'aside', 'header', 'footer', 'main', 'nav', 'figure', 'figcaption', 'address', 'center',
  'hgroup', 'caption', 'fieldset', 'legend', 'label', 'u', 'mark', 'small', 'abbr', 'cite', 'dfn',
  'time', 'bdi', 'bdo', 'wbr',
];

/** GitHub's allow-list, less the form control it lets through for task lists, plus plain containers. */
const SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => !NOT_TEXT.has(t)), ...CONTAINERS],
  strip: [...NOT_TEXT],
};

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements that start a block of their own: the text around them is a paragraph before and after. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * Attributes a deck would never carry even if allowed (its theme styles everything, it decides how
 * links open): removing them changes nothing, so the warning does not name them.
 */
const UNSAID = /^(class|style|target|rel|role|data-.*|aria-.*)$/;

/**
 * Deeper than this, elements are laid side by side instead of inside each other, as browsers do
 * (Chromium at 512): every step after parsing walks the tree recursively, and a report of ten
 * thousand nested tags must not overflow the stack.
 */
const MAX_DEPTH = 200;

type P5Node = DefaultTreeAdapterMap['node'];
type P5Parent = DefaultTreeAdapterMap['parentNode'];

function capDepth(fragment: P5Parent): void {
  const stack: { node: P5Parent; depth: number }[] = [{ node: fragment, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth < MAX_DEPTH) {
      for (const child of node.childNodes) if ('childNodes' in child) stack.push({ node: child, depth: depth + 1 });
      continue;
    }
    // Everything below, in document order, as children of this element with none of their own.
    const flat: P5Node[] = [];
    const todo: P5Node[] = [...node.childNodes].reverse();
    while (todo.length) {
      const next = todo.pop()!;
      flat.push(next);
      if ('childNodes' in next && next.childNodes.length) {
        for (let i = next.childNodes.length - 1; i >= 0; i--) todo.push(next.childNodes[i]);
        next.childNodes = [];
      }
    }
    for (const child of flat) (child as { parentNode: P5Parent | null }).parentNode = node;
    node.childNodes = flat as typeof node.childNodes;
  }
}

/** Parses a piece of HTML and cleans it, noting what the allow-list removed and on which line. */
function read(value: string, line: number): { root: Root; removed: HtmlRemoval[] } {
  const fragment = parseFragment(value, { sourceCodeLocationInfo: true });
  capDepth(fragment);
  const raw = fromParse5(fragment, { file: new VFile(value) }) as Root;
  // Each element is numbered in its data, which the sanitiser copies over to what it keeps.
  let next = 0;
  eachElement(raw, (el) => {
    el.data = { ...el.data, [ID]: next++ } as Element['data'];
  });
  const root = sanitize(raw, SCHEMA) as Root;
  const kept = new Map<number, Element>();
  eachElement(root, (el) => {
    const id = idOf(el);
    if (id !== undefined) kept.set(id, el);
  });
  const removed: HtmlRemoval[] = [];
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const clean = kept.get(idOf(child) ?? -1);
      const what: string[] = [];
      if (!clean) what.push(`<${child.tagName}>`);
      else {
        for (const [key, val] of Object.entries(child.properties)) {
          if (key in clean.properties) continue;
          const label = attributeLabel(key, val);
          if (label) what.push(label);
        }
      }
      if (what.length) removed.push({ line: line + (child.position?.start.line ?? 1) - 1, what });
      // What a stripped element held went with it; an unwrapped element's content is still read.
      if (clean || !NOT_TEXT.has(child.tagName)) visit(child);
    }
  };
  visit(raw);
  return { root, removed };
}

const ID = 'briefdeckId';
const idOf = (el: Element) => (el.data as Record<string, unknown> | undefined)?.[ID] as number | undefined;

function eachElement(node: Root | Element, fn: (el: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    fn(child);
    eachElement(child, fn);
  }
}

/** An attribute as the author wrote it; a link with a refused scheme is named by its scheme. */
function attributeLabel(key: string, value: unknown): string | undefined {
  const name = find(htmlSchema, key).attribute;
  if (UNSAID.test(name)) return undefined;
  const scheme = typeof value === 'string' ? /^[\s\u0000-\u001f]*([a-z][a-z0-9+.-]*):/i.exec(value)?.[1] : undefined;
  if (scheme && (name === 'href' || name === 'src')) return `${scheme.toLowerCase()}: ${name === 'href' ? 'link' : 'source'}`;
  return name;
}

function linkIndex(links: string[], url: string): number {
  const at = links.indexOf(url);
  if (at >= 0) return at;
  links.push(url);
  return links.length - 1;
}

/** The marks an element adds to the text inside it; only with `--allow-html`. */
function marksOf(el: Element, base: Marks, ctx: InlineContext): Marks {
  if (!ctx.allowHtml) return base;
  switch (el.tagName) {
    case 'b':
    case 'strong':
      return { ...base, bold: true };
    case 'i':
    case 'em':
      return { ...base, italic: true };
    case 's':
    case 'del':
    case 'strike':
      return { ...base, strike: true };
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
      return { ...base, code: true };
    case 'a': {
      const href = typeof el.properties.href === 'string' ? el.properties.href.trim() : '';
      return href ? { ...base, link: linkIndex(ctx.links, href) } : base;
    }
    default:
      return base;
  }
}

/** A tag met inline, between pieces of Markdown text: Markdown hands over each tag on its own. */
export type InlineTag =
  /** `drop`: what follows up to the closing tag is not text (`<script>`, `<style>`…). */
  | { kind: 'open'; name: string; marks: Marks; drop: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'break' }
  | { kind: 'image'; src: string; alt: string }
  | { kind: 'text'; text: string }
  | { kind: 'none' };

/** Reads one inline tag, noting what the allow-list removed from it (with `--allow-html`). */
export function inlineTag(value: string, line: number, ctx: InlineContext): InlineTag {
  const v = value.trim();
  const close = /^<\/([a-z][a-z0-9-]*)\s*>$/i.exec(v);
  if (close) return { kind: 'close', name: close[1].toLowerCase() };
  const open = /^<([a-z][a-z0-9-]*)[^]*?(\/)?>$/i.exec(v);
  // A comment, a declaration, a processing instruction: never text.
  if (!open) return { kind: 'none' };
  const name = open[1].toLowerCase();
  const { root, removed } = read(v, line);
  if (ctx.allowHtml) ctx.removedHtml.push(...removed);
  if (name === 'br') return { kind: 'break' };
  const selfClosed = !!open[2] || VOID.has(name);
  if (NOT_TEXT.has(name)) return selfClosed ? { kind: 'none' } : { kind: 'open', name, marks: {}, drop: true };
  const el = root.children.find((c): c is Element => c.type === 'element' && c.tagName === name);
  if (name === 'img') {
    const img = el ? imageOf(el, ctx) : undefined;
    if (img?.kind === 'image') return { kind: 'image', src: img.src, alt: img.alt };
    return img?.text ? { kind: 'text', text: img.text } : { kind: 'none' };
  }
  if (selfClosed) return { kind: 'none' };
  return { kind: 'open', name, marks: el ? marksOf(el, {}, ctx) : {}, drop: false };
}

/**
 * An `<img>`: an image with `--allow-html` (read by the caller as Markdown images are), else its alt
 * text, which is text the author wrote for readers.
 */
function imageOf(el: Element, ctx: InlineContext): { kind: 'image'; src: string; alt: string } | { kind: 'text'; text: string } {
  const alt = typeof el.properties.alt === 'string' ? el.properties.alt.replace(/\s+/g, ' ').trim() : '';
  const src = typeof el.properties.src === 'string' ? el.properties.src.trim() : '';
  if (ctx.allowHtml && src) return { kind: 'image', src, alt };
  // Set off by spaces, as a browser shows the alt text of an image it does not load.
  return { kind: 'text', text: alt && ` ${alt} ` };
}

/**
 * A block of raw HTML as report blocks. Image blocks come without a probe: the caller reads the file
 * as it reads a Markdown image's.
 */
export function htmlBlocks(value: string, at: number, ctx: InlineContext): ReportBlock[] {
  const { root, removed } = read(value, at);
  if (ctx.allowHtml) ctx.removedHtml.push(...removed);
  return new Mapper(ctx, at).flow(root.children, {});
}

class Mapper {
  constructor(
    private readonly ctx: InlineContext,
    private readonly at: number,
  ) {}

  private lineOf(node: RootContent | ElementContent): number {
    return this.at + (node.position?.start.line ?? 1) - 1;
  }

  /** Flow content: inline content gathers into paragraphs; a block element makes blocks of its own. */
  flow(nodes: (RootContent | ElementContent)[], marks: Marks): ReportBlock[] {
    const out: ReportBlock[] = [];
    let runs: Run[] = [];
    let start = 0;
    const add = (run: Run, node: RootContent | ElementContent) => {
      if (!runs.length) start = this.lineOf(node);
      runs.push(run);
    };
    const flush = () => {
      const tidied = tidy(runs);
      if (tidied.length) out.push({ kind: 'paragraph', runs: tidied, line: start });
      runs = [];
    };
    const inline = (node: RootContent | ElementContent, m: Marks) => {
      if (node.type === 'text') add({ ...m, text: node.value.replace(/[ \t\n\r\f]+/g, ' ') }, node);
      if (node.type !== 'element') return;
      if (BLOCK.has(node.tagName)) {
        flush();
        out.push(...this.block(node, m));
      } else if (node.tagName === 'br') {
        add({ ...m, text: '\n' }, node);
      } else if (node.tagName === 'img') {
        const img = imageOf(node, this.ctx);
        if (img.kind === 'image') {
          flush();
          out.push({ kind: 'image', src: img.src, alt: img.alt, line: this.lineOf(node) });
        } else if (img.text) {
          add({ ...m, text: img.text }, node);
        }
      } else {
        const inner = marksOf(node, m, this.ctx);
        for (const child of node.children) inline(child, inner);
      }
    };
    for (const node of nodes) inline(node, marks);
    flush();
    return out;
  }

  private block(el: Element, marks: Marks): ReportBlock[] {
    const at = this.lineOf(el);
    switch (el.tagName) {
      case 'ul':
      case 'ol': {
        const after: ReportBlock[] = [];
        const items = this.items(el, 0, after);
        return items.length ? [{ kind: 'list', items, line: at }, ...after] : after;
      }
      case 'blockquote': {
        const after: ReportBlock[] = [];
        const runs = tidy(this.joined(this.flow(el.children, marks), after, '\n'));
        return runs.length ? [{ kind: 'quote', runs, line: at }, ...after] : after;
      }
      case 'pre': {
        const code = el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
        const classes = code?.properties.className;
        const lang = Array.isArray(classes) ? classes.map(String).find((c) => c.startsWith('language-'))?.slice(9) : undefined;
        const text = textOf(el).replace(/\t/g, '    ').replace(/\n+$/, '');
        return text.trim() ? [{ kind: 'code', ...(lang ? { lang } : {}), text, line: at }] : [];
      }
      case 'table':
        return this.table(el, marks);
      case 'hr':
        return [];
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        // As a Markdown heading inside a container: bold text, not a section.
        return this.flow(el.children, this.ctx.allowHtml ? { ...marks, bold: true } : marks);
      default:
        return this.flow(el.children, marks);
    }
  }

  /** A list's items; what cannot sit in a bullet (an image, a table) goes to `after`. */
  private items(list: Element, level: number, after: ReportBlock[]): ReportListItem[] {
    const ordered = list.tagName === 'ol';
    const start = Number(list.properties.start);
    let n = Number.isInteger(start) ? start : 1;
    const items: ReportListItem[] = [];
    const item = (content: ElementContent[], nested: ReportListItem[]) => {
      const runs = tidy(this.joined(this.flow(content, {}), after, ' '));
      if (!runs.length && !nested.length) return;
      items.push({ level, ordered, n: ordered ? n : undefined, runs });
      n++;
      items.push(...nested);
    };
    for (const child of list.children) {
      if (child.type === 'element' && child.tagName === 'li') {
        const nested: ReportListItem[] = [];
        const content: ElementContent[] = [];
        for (const c of child.children) {
          if (c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')) nested.push(...this.items(c, level + 1, after));
          else content.push(c);
        }
        item(content, nested);
      } else {
        // Text outside any <li> is still text: it makes an item of its own.
        item([child], []);
      }
    }
    return items;
  }

  /**
   * Blocks flattened into one run of text, `sep` between them, for a bullet, a quote or a table cell.
   * Images and tables cannot be flattened: they go to `after`.
   */
  private joined(blocks: ReportBlock[], after: ReportBlock[], sep: string): Run[] {
    const parts: Run[][] = [];
    for (const b of blocks) {
      switch (b.kind) {
        case 'paragraph':
        case 'quote':
          parts.push(b.runs);
          break;
        case 'code':
          parts.push([{ text: b.text, code: true }]);
          break;
        case 'list':
          for (const i of b.items) parts.push([{ text: `${i.ordered ? `${i.n}.` : '•'} ` }, ...i.runs]);
          break;
        default:
          after.push(b);
      }
    }
    return parts.flatMap((p, i) => (i ? [{ text: sep }, ...p] : p));
  }

  /**
   * A table as a table block: the first row is its head (as in Markdown), a cell spanning columns or
   * rows leaves the cells it covers empty. A table of one row is a layout table, not data: its cells'
   * content is read as blocks in order.
   */
  private table(el: Element, marks: Marks): ReportBlock[] {
    const rows: Element[] = [];
    const loose: ElementContent[] = [];
    const collect = (parent: Element) => {
      for (const c of parent.children) {
        if (c.type === 'element' && c.tagName === 'tr') rows.push(c);
        else if (c.type === 'element' && ['thead', 'tbody', 'tfoot'].includes(c.tagName)) collect(c);
        else loose.push(c);
      }
    };
    collect(el);
    // A caption (or stray text) comes before the table.
    const before = this.flow(loose, marks);
    const cellsOf = (tr: Element) => tr.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
    if (rows.length < 2) return [...before, ...rows.flatMap((tr) => cellsOf(tr).flatMap((cell) => this.flow(cell.children, marks)))];

    const after: ReportBlock[] = [];
    const grid: Run[][][] = [];
    const align: number[] = [];
    const covered: number[] = [];
    for (const tr of rows) {
      const row: Run[][] = [];
      const skipCovered = () => {
        while ((covered[row.length] ?? 0) > 0) {
          covered[row.length]--;
          row.push([]);
        }
      };
      for (const cell of cellsOf(tr)) {
        skipCovered();
        const colSpan = Math.min(Math.max(Math.trunc(Number(cell.properties.colSpan)) || 1, 1), 50);
        const rowSpan = Math.min(Math.max(Math.trunc(Number(cell.properties.rowSpan)) || 1, 1), rows.length);
        const a = String(cell.properties.align ?? '').toLowerCase();
        align[row.length] ??= a === 'center' ? 0.5 : a === 'right' ? 1 : 0;
        for (let k = 0; k < colSpan; k++) {
          covered[row.length] = rowSpan - 1;
          row.push(k ? [] : tidy(this.joined(this.flow(cell.children, marks), after, '\n')));
        }
      }
      for (let col = row.length; col < covered.length; col++) {
        if ((covered[col] ?? 0) > 0) covered[col]--;
        row.push([]);
      }
      grid.push(row);
    }
    const width = Math.max(1, ...grid.map((r) => r.length));
    const padded = grid.map((r) => [...r, ...Array.from({ length: width - r.length }, () => [])]);
    const table: ReportBlock = {
      kind: 'table',
      head: padded[0],
      rows: padded.slice(1),
      align: Array.from({ length: width }, (_, i) => align[i] ?? 0),
      line: this.lineOf(el),
    };
    return [...before, table, ...after];
  }
}

/** Text as preformatted content shows it. */
function textOf(node: Root | Element): string {
  return node.children
    .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? (c.tagName === 'br' ? '\n' : textOf(c)) : ''))
    .join('');
}

/**
 * Runs as a browser lays out HTML text: spaces collapse across runs, none at either end or around a
 * line break; runs with the same marks merge.
 */
function tidy(runs: Run[]): Run[] {
  const chars: { ch: string; run: number }[] = [];
  runs.forEach((r, i) => {
    for (const ch of r.text) chars.push({ ch, run: i });
  });
  const c = (i: number) => chars[i].ch;
  const keep = chars.map(() => true);
  let prev = '\n';
  chars.forEach((_, i) => {
    if (c(i) === ' ' && (prev === ' ' || prev === '\n')) keep[i] = false;
    else prev = c(i);
  });
  let next = '\n';
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!keep[i]) continue;
    if (c(i) === ' ' && next === '\n') keep[i] = false;
    else next = c(i);
  }
  // Line breaks at either end show nothing.
  for (let i = 0; i < chars.length && (!keep[i] || c(i) === '\n'); i++) keep[i] = false;
  for (let i = chars.length - 1; i >= 0 && (!keep[i] || c(i) === '\n'); i--) keep[i] = false;
  const texts = runs.map(() => '');
  chars.forEach((ch, i) => {
    if (keep[i]) texts[ch.run] += ch.ch;
  });
  const out: Run[] = [];
  runs.forEach((r, i) => {
    if (!texts[i]) return;
    const last = out[out.length - 1];
    if (last && sameMarks(last, r)) last.text += texts[i];
    else out.push({ ...r, text: texts[i] });
  });
  return out;
}

function sameMarks(a: Run, b: Run): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.code === !!b.code && !!a.strike === !!b.strike && a.link === b.link && !a.math && !b.math;
}
