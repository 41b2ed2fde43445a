/** Markdown inline content → runs: the only inline form later stages know (PPTX needs runs). */
import type { PhrasingContent, Image } from 'mdast';
import type { Run } from '../types/deck.js';

export interface InlineContext {
  links: string[];
  /** Inline images found while flattening: they become blocks of their own. */
  images: Image[];
  /** Raw HTML dropped, counted for one warning. */
  droppedHtml: { line: number }[];
}

type Marks = Omit<Run, 'text'>;

export function toRuns(nodes: PhrasingContent[], ctx: InlineContext, marks: Marks = {}): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        // A soft line break in the source is a space on the page; only hard breaks break lines.
        push(runs, { ...marks, text: node.value.replace(/[ \t]*\n[ \t]*/g, ' ') });
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
      case 'link':
      case 'linkReference': {
        const url = node.type === 'link' ? node.url : undefined;
        const link = url ? linkIndex(ctx.links, url) : undefined;
        runs.push(...toRuns(node.children, ctx, link === undefined ? marks : { ...marks, link }));
        break;
      }
      case 'image':
        ctx.images.push(node);
        break;
      case 'imageReference':
        if (node.alt) push(runs, { ...marks, text: node.alt });
        break;
      case 'html':
        ctx.droppedHtml.push({ line: node.position?.start.line ?? 0 });
        break;
      case 'footnoteReference':
        push(runs, { ...marks, text: `[${node.label ?? node.identifier}]` });
        break;
      default:
        break;
    }
  }
  return runs;
}

function linkIndex(links: string[], url: string): number {
  const at = links.indexOf(url);
  if (at >= 0) return at;
  links.push(url);
  return links.length - 1;
}

/** Adjacent runs with the same marks merge, so renderers emit fewer spans and PPTX fewer runs. */
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
