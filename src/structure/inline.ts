/** Markdown inline content → runs: the only inline form later stages know (PPTX needs runs). */
import type { Definition, Html, Image, ImageReference, LinkReference, PhrasingContent } from 'mdast';
import type { Run } from '../types/deck.js';
import { inlineTag, type HtmlRemoval } from './html.js';

export interface InlineContext {
  links: string[];
  /** Inline images found while flattening: they become blocks of their own. */
  images: Image[];
  /** Raw HTML dropped, counted for one warning. */
  droppedHtml: { line: number }[];
  /**
   * `--allow-html`: raw HTML is read through a sanitising allow-list, its formatting, links and images
   * kept; otherwise only its text is.
   */
  allowHtml?: boolean;
  /** What the allow-list removed from raw HTML (with `allowHtml`), for one warning. */
  removedHtml: HtmlRemoval[];
  /** Link reference definitions of the whole document, by `referenceKey`. */
  definitions: Map<string, Definition>;
  /**
   * What a soft line break becomes. A space on the page, but a quote's attribution is found by the
   * source line it starts, so quotes ask for `SOFT_BREAK` and resolve it themselves.
   */
  softBreak?: string;
}

/** Stands in for a soft line break until the caller decides what it is (never reaches a report). */
export const SOFT_BREAK = '\uE000';

type Marks = Omit<Run, 'text'>;

/** CommonMark matches reference labels case-insensitively (Unicode case fold) and ignoring runs of whitespace. */
export function referenceKey(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}

export function toRuns(nodes: PhrasingContent[], ctx: InlineContext, base: Marks = {}): Run[] {
  const runs: Run[] = [];
  const opened = new Set<string>();
  // Inline HTML comes a tag at a time: what lies between an opening and a closing tag takes its marks.
  const tags = new OpenTags(base);
  for (const node of nodes) {
    if (node.type === 'html') {
      htmlRun(node, ctx, runs, opened, tags);
      continue;
    }
    // The text of a <script> or a <style> is not text.
    if (tags.dropping) continue;
    const marks = tags.marks;
    switch (node.type) {
      case 'text':
        // A soft line break in the source is a space on the page; only hard breaks break lines.
        push(runs, { ...marks, text: node.value.replace(/[ \t]*\n[ \t]*/g, ctx.softBreak ?? ' ') });
        break;
      case 'emphasis':
        runs.push(...toRuns(node.children, ctx, { ...marks, italic: true }));
        break;
      case 'strong':
        runs.push(...toRuns(node.children, ctx, { ...marks, bold: true }));
        break;
      case 'delete':
        runs.push(...toRuns(node.children, ctx, { ...marks, strike: true }));
        break;
      case 'inlineCode':
        push(runs, { ...marks, code: true, text: node.value });
        break;
      case 'inlineMath':
        push(runs, { ...marks, math: true, text: node.value });
        break;
      case 'break':
        push(runs, { ...marks, text: '\n' });
        break;
      case 'link': {
        const link = node.url ? linkIndex(ctx.links, node.url) : undefined;
        runs.push(...toRuns(node.children, ctx, link === undefined ? marks : { ...marks, link }));
        break;
      }
      case 'linkReference': {
        const def = lookup(ctx, node);
        if (def) {
          const link = def.url ? linkIndex(ctx.links, def.url) : undefined;
          runs.push(...toRuns(node.children, ctx, link === undefined ? marks : { ...marks, link }));
        } else {
          push(runs, { ...marks, text: '[' });
          runs.push(...toRuns(node.children, ctx, marks));
          push(runs, { ...marks, text: `]${referenceSuffix(node)}` });
        }
        break;
      }
      case 'image':
        ctx.images.push(node);
        break;
      case 'imageReference': {
        const def = lookup(ctx, node);
        if (def) {
          ctx.images.push({ type: 'image', url: def.url, alt: node.alt, title: def.title, position: node.position });
        } else {
          push(runs, { ...marks, text: `![${node.alt ?? ''}]${referenceSuffix(node)}` });
        }
        break;
      }
      case 'footnoteReference':
        push(runs, { ...marks, text: `[${node.label ?? node.identifier}]` });
        break;
      default:
        break;
    }
  }
  return runs;
}

/** The inline HTML tags open at a point of a run of text, each with the marks in force inside it. */
class OpenTags {
  private readonly stack: { name: string; own: Marks; drop: boolean; inside: Marks; dropping: boolean }[] = [];
  constructor(private readonly base: Marks) {}
  get marks(): Marks {
    return this.stack[this.stack.length - 1]?.inside ?? this.base;
  }
  get dropping(): boolean {
    return this.stack[this.stack.length - 1]?.dropping ?? false;
  }
  open(name: string, own: Marks, drop: boolean): void {
    this.stack.push({ name, own, drop, inside: { ...this.marks, ...own }, dropping: this.dropping || drop });
  }
  /** Closes the innermost tag of that name; tags opened inside it and left open stay open. */
  close(name: string): void {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i].name !== name) continue;
      for (const t of this.stack.splice(i).slice(1)) this.open(t.name, t.own, t.drop);
      return;
    }
  }
}

function htmlRun(node: Html, ctx: InlineContext, runs: Run[], opened: Set<string>, tags: OpenTags): void {
  const at = node.position?.start.line ?? 0;
  // `<br>` is how GFM tables break a line inside a cell: dropping it would glue two words together.
  const plainBreak = /^<br\s*\/?>$/i.test(node.value.trim());
  if (!ctx.allowHtml && !plainBreak && !closesOpened(node.value, opened)) ctx.droppedHtml.push({ line: at });
  const tag = inlineTag(node.value, at, ctx);
  const { dropping, marks } = tags;
  switch (tag.kind) {
    case 'open':
      tags.open(tag.name, tag.marks, tag.drop);
      break;
    case 'close':
      tags.close(tag.name);
      break;
    case 'break':
      if (!dropping) push(runs, { ...marks, text: '\n' });
      break;
    case 'image':
      if (!dropping) ctx.images.push({ type: 'image', url: tag.src, alt: tag.alt, position: node.position });
      break;
    case 'text':
      if (!dropping) push(runs, { ...marks, text: tag.text });
      break;
    case 'none':
      break;
  }
}

/**
 * `<span>…</span>` is one place where HTML was dropped, not two: a closing tag whose opening tag
 * was already counted in the same run of text is not counted again.
 */
function closesOpened(html: string, opened: Set<string>): boolean {
  const close = /^<\/([a-z][\w-]*)\s*>$/i.exec(html.trim());
  if (close) return opened.delete(close[1].toLowerCase());
  const open = /^<([a-z][\w-]*)[^>]*?(\/)?>$/i.exec(html.trim());
  if (open && !open[2]) opened.add(open[1].toLowerCase());
  return false;
}

function lookup(ctx: InlineContext, node: LinkReference | ImageReference): Definition | undefined {
  return ctx.definitions.get(referenceKey(node.label ?? node.identifier));
}

/** The `[ref]` part of a reference as the author wrote it, for references that resolve to nothing. */
function referenceSuffix(node: LinkReference | ImageReference): string {
  if (node.referenceType === 'full') return `[${node.label ?? node.identifier}]`;
  if (node.referenceType === 'collapsed') return '[]';
  return '';
}

function linkIndex(links: string[], url: string): number {
  const at = links.indexOf(url);
  if (at >= 0) return at;
  links.push(url);
  return links.length - 1;
}

/** Adjacent runs with the same marks merge, so renderers emit fewer spans and PPTX fewer runs. */
export function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) push(out, { ...r });
  return out;
}

function push(runs: Run[], run: Run): void {
  const last = runs[runs.length - 1];
  if (last && sameMarks(last, run) && !last.math && !run.math) last.text += run.text;
  else runs.push(run);
}

function sameMarks(a: Run, b: Run): boolean {
  return (
    !!a.bold === !!b.bold &&
    !!a.italic === !!b.italic &&
    !!a.code === !!b.code &&
    !!a.strike === !!b.strike &&
    a.link === b.link
  );
}

export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** Collapse whitespace and trim the ends of a run list, as a browser would show it. */
export function normaliseRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const text = r.code || r.math ? r.text : r.text.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n');
    if (text) out.push({ ...r, text });
  }
  if (out.length) {
    out[0] = { ...out[0], text: out[0].text.replace(/^\s+/, '') };
    const last = out.length - 1;
    out[last] = { ...out[last], text: out[last].text.replace(/\s+$/, '') };
  }
  return out.filter((r) => r.text !== '');
}
