/**
 * Fitting: each draft slide is measured against its layout's boxes with the theme's real font
 * metrics. Content that fits at a size between the layout's preferred and minimum size is set at the
 * largest such size; content that does not fit at the minimum continues on "(cont.)" slides.
 */
import type { Block, ListItem, Run, Slide, TableBlock } from '../types/deck.js';
import type { Theme, FontRole } from '../theme/types.js';
import type { Measurer, Piece } from '../measure/text.js';
import { columnBoxes, layoutSpec, SLACK, SPACING, listIndents, px, type Size, type LayoutSpec } from '../layout/specs.js';
import { typeset } from '../math/typeset.js';
import type { DraftSlide } from './draft.js';
import type { Labels } from './labels.js';
import { cellLines, rowHeight, tableColumns, tableRowHeights } from './table-geometry.js';
import { longestFit } from './cuts.js';
import { runsText } from '../structure/inline.js';
import { fitChart } from './fit-chart.js';
import { fitFigures } from './fit-figures.js';

export interface FitContext {
  measurer: Measurer;
  theme: Theme;
  size: Size;
  labels: Labels;
}

/** MathJax sizes formulas in ex; Carlito's x-height is 0.47 em, and 0.5 keeps us on the safe side. */
const EX = 0.5;

/**
 * The size in px a display formula is drawn at: its natural size at font size `s`, scaled down (the
 * SVG scales cleanly) when it is wider or taller than the box. The HTML renderer sets these numbers.
 */
export function mathBlockSize(tex: string, s: number, boxW: number, boxH: number): { width: number; height: number } {
  const t = typeset(tex, true);
  const w = t.width * EX * s;
  const h = t.height * EX * s;
  const scale = Math.min(1, boxW / (w || 1), boxH / (h || 1));
  return { width: w * scale, height: h * scale };
}

export function runsToPieces(runs: Run[], role: FontRole, extra: { bold?: boolean; italic?: boolean } = {}): Piece[] {
  return runs.map((r) => ({
    text: r.text,
    style: {
      role: r.code || r.math ? 'mono' : role,
      bold: extra.bold || r.bold,
      italic: extra.italic || r.italic,
    },
  }));
}

export function fitSlide(draft: DraftSlide, ctx: FitContext): Slide[] {
  const spec = layoutSpec(draft.layout, ctx.theme.scale);
  switch (draft.layout) {
    case 'table':
      return fitTable(draft, spec, ctx);
    case 'code':
      return fitCode(draft, spec, ctx);
    case 'image':
      return fitImage(draft, spec, ctx);
    case 'chart':
      return [fitChart(draft, spec, ctx, finish)];
    case 'two-column':
      return fitTwoColumns(draft, spec, ctx);
    case 'figures':
      return [fitFigures(draft, spec, ctx, finish)];
    case 'title':
      return [fitTitleSlide(draft, spec, ctx)];
    default:
      return fitFlow(draft, spec, ctx);
  }
}

// ---------------------------------------------------------------- titles

function fitTitle(title: string, spec: LayoutSpec, ctx: FitContext): { size: number; text: string; overflow: boolean } {
  const box = px(spec.boxes.title, ctx.size);
  const lh = ctx.theme.lineHeight[spec.title.role];
  const pieces = (text: string): Piece[] => [{ text, style: { role: spec.title.role, bold: true } }];
  for (let s = spec.title.pref; s >= spec.title.min; s -= 2) {
    const lines = ctx.measurer.lineCount(pieces(title), box.w * SLACK, s);
    if (lines * s * lh <= box.h) return { size: s, text: title, overflow: false };
  }
  // Too long for the title box at the smallest size: shorten it on the slide, keep it whole in the notes.
  const s = spec.title.min;
  const fits = (text: string) => ctx.measurer.lineCount(pieces(text), box.w * SLACK, s) * s * lh <= box.h;
  const end = longestFit(title, (at) => fits(`${title.slice(0, at).trimEnd()} …`)) ?? 1;
  return { size: s, text: `${title.slice(0, end).trimEnd()} …`, overflow: true };
}

function finish(draft: DraftSlide, blocks: Block[], body: number, ctx: FitContext, part: number): Slide {
  const spec = layoutSpec(draft.layout, ctx.theme.scale);
  const base = part === 0 ? draft.title : `${draft.title} (${ctx.labels.continued})`;
  const t = fitTitle(base, spec, ctx);
  let notes = part === 0 ? draft.notes : '';
  if (t.overflow && part === 0) notes = [draft.title, notes].filter(Boolean).join('\n\n');
  const slide: Slide = {
    layout: draft.layout,
    title: t.text,
    ...(draft.kicker ? { kicker: draft.kicker } : {}),
    blocks,
    notes,
    source: draft.source,
    ...(part > 0 ? { continued: true } : {}),
    ...(draft.hidden ? { hidden: true as const } : {}),
    ...(part === 0 && draft.presenterOnly ? { presenterOnly: draft.presenterOnly } : {}),
    fit: { title: t.size, body },
  };
  return slide;
}

// ---------------------------------------------------------------- flowing text (bullets, agenda…)

/**
 * One measurable piece of a flow: a paragraph, one list item (with where its marker and its text
 * start, in em), a quote or a formula. The PPTX builder walks the same pieces the planner measured.
 */
export type FlowUnit =
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'item'; item: ListItem; marker: number; text: number }
  | { kind: 'math'; tex: string }
  | { kind: 'quote'; runs: Run[]; cite?: string };
type Unit = FlowUnit;

export function flowUnits(blocks: Block[]): Unit[] {
  const out: Unit[] = [];
  for (const b of blocks) {
    if ('paragraph' in b) out.push({ kind: 'paragraph', runs: b.paragraph });
    else if ('list' in b) {
      const indents = listIndents(b.list);
      for (const item of b.list) out.push({ kind: 'item', item, ...indents(item.level) });
    }
    else if ('math' in b) out.push({ kind: 'math', tex: b.math.tex });
    else if ('quote' in b) out.push({ kind: 'quote', runs: b.quote.runs, cite: b.quote.cite });
  }
  return out;
}

/** Units back to blocks: consecutive list items become one list again. */
function blocksOf(us: Unit[]): Block[] {
  const out: Block[] = [];
  for (const u of us) {
    const last = out[out.length - 1];
    if (u.kind === 'item') {
      if (last && 'list' in last) last.list.push(u.item);
      else out.push({ list: [u.item] });
    } else if (u.kind === 'paragraph') out.push({ paragraph: u.runs });
    else if (u.kind === 'math') out.push({ math: { tex: u.tex } });
    else out.push({ quote: { runs: u.runs, ...(u.cite ? { cite: u.cite } : {}) } });
  }
  return out;
}

interface FlowMetrics {
  width: number;
  height: number;
  lh: number;
  role: FontRole;
  italic: boolean;
}

function unitHeight(u: Unit, s: number, first: boolean, m: FlowMetrics, ctx: FitContext): number {
  const gap = first ? 0 : (u.kind === 'item' && u.item.level > 0 ? SPACING.nestedGap : SPACING.itemGap) * s;
  const lines = (runs: Run[], width: number, size = s, italic = m.italic) =>
    ctx.measurer.lineCount(runsToPieces(runs, m.role, { italic }), width * SLACK, size);
  switch (u.kind) {
    case 'paragraph':
      return gap + lines(u.runs, m.width) * s * m.lh;
    case 'item':
      return gap + lines(u.item.runs, m.width - u.text * s) * s * m.lh;
    case 'math':
      return gap + mathBlockSize(u.tex, s, m.width, m.height).height;
    case 'quote': {
      const citeSize = Math.round(s * SPACING.citeScale);
      const cite = u.cite ? SPACING.citeGap * s + lines([{ text: `— ${u.cite}` }], m.width, citeSize, false) * citeSize * m.lh : 0;
      return gap + lines(u.runs, m.width) * s * m.lh + cite;
    }
  }
}

function flowHeight(us: Unit[], s: number, m: FlowMetrics, ctx: FitContext): number {
  return us.reduce((h, u, i) => h + unitHeight(u, s, i === 0, m, ctx), 0);
}

function fitFlow(draft: DraftSlide, spec: LayoutSpec, ctx: FitContext): Slide[] {
  const box = px(spec.boxes.body, ctx.size);
  const m: FlowMetrics = {
    width: box.w,
    height: box.h,
    lh: ctx.theme.lineHeight[spec.body.role],
    role: spec.body.role,
    italic: draft.layout === 'quote',
  };
  const all = flowUnits(draft.blocks);
  for (let s = spec.body.pref; s >= spec.body.min; s -= 2) {
    if (flowHeight(all, s, m, ctx) <= box.h) return [finish(draft, draft.blocks, s, ctx, 0)];
  }
  // Continue on more slides, at the preferred size so the deck keeps one rhythm.
  const s = spec.body.pref;
  const pages: Unit[][] = [[]];
  let used = 0;
  const queue = [...all];
  while (queue.length) {
    const u = queue.shift()!;
    const page = pages[pages.length - 1];
    const h = unitHeight(u, s, page.length === 0, m, ctx);
    if (used + h <= box.h) {
      page.push(u);
      used += h;
      continue;
    }
    const room = box.h - used;
    // Short items move whole to the next slide; only long ones are split where the slide ends.
    const splittable = (u.kind === 'paragraph' || u.kind === 'item' || u.kind === 'quote') && (page.length === 0 || h > box.h / 3);
    const split = splittable ? splitUnit(u, room, s, page.length === 0, m, ctx) : undefined;
    if (split) {
      page.push(split[0]);
      queue.unshift(split[1]);
    } else if (page.length === 0) {
      // A formula taller than the whole box: it is scaled to the box width already; show it alone.
      page.push(u);
      queue.length && pages.push([]);
      used = 0;
      continue;
    } else queue.unshift(u);
    pages.push([]);
    used = 0;
  }
  return pages.filter((p) => p.length).map((p, i) => finish(draft, blocksOf(p), s, ctx, i));
}

/** Splits a text unit at a word so that its head fits in `room`; undefined when not even a line fits. */
function splitUnit(u: Extract<Unit, { kind: 'paragraph' | 'item' | 'quote' }>, room: number, s: number, first: boolean, m: FlowMetrics, ctx: FitContext): [Unit, Unit] | undefined {
  const runs = u.kind === 'item' ? u.item.runs : u.runs;
  const text = runsText(runs);
  const make = (rs: Run[], head: boolean): Unit =>
    u.kind === 'item'
      ? { kind: 'item', item: { ...u.item, runs: rs }, marker: u.marker, text: u.text }
      : u.kind === 'quote'
        ? { kind: 'quote', runs: rs, ...(head ? {} : { cite: u.cite }) }
        : { kind: 'paragraph', runs: rs };
  const at = longestFit(text, (end) => unitHeight(make(sliceRuns(runs, 0, end), true), s, first, m, ctx) <= room);
  if (at === undefined) return undefined;
  const rest = sliceRuns(runs, at, text.length);
  rest[0] && (rest[0] = { ...rest[0], text: rest[0].text.replace(/^\s+/, '') });
  const tail = make(rest.filter((r) => r.text), false);
  if (tail.kind === 'item') tail.item = { ...tail.item, continued: true };
  return [make(sliceRuns(runs, 0, at), true), tail];
}

export function sliceRuns(runs: Run[], start: number, end: number): Run[] {
  const out: Run[] = [];
  let pos = 0;
  for (const r of runs) {
    const a = Math.max(start, pos);
    const b = Math.min(end, pos + r.text.length);
    if (b > a) out.push({ ...r, text: r.text.slice(a - pos, b - pos) });
    pos += r.text.length;
  }
  return out;
}

// ---------------------------------------------------------------- title slide

function fitTitleSlide(draft: DraftSlide, spec: LayoutSpec, ctx: FitContext): Slide {
  const slide = finish(draft, [...draft.blocks], spec.body.pref, ctx, 0);
  const lh = ctx.theme.lineHeight.body;
  const overflow: string[] = [];
  const fitLine = (name: 'subtitle' | 'byline', pref: number, min: number): number => {
    const index = slide.blocks.findIndex((b) => name in b);
    if (index < 0) return pref;
    const text = (slide.blocks[index] as Record<string, string>)[name];
    const box = px(spec.boxes[name]!, ctx.size);
    const fits = (t: string, size: number) => ctx.measurer.lineCount([{ text: t, style: { role: 'body' } }], box.w * SLACK, size) * size * lh <= box.h;
    for (let size = pref; size >= min; size -= 2) if (fits(text, size)) return size;
    // Eight authors and a long affiliation: shortened on the slide, whole in the notes.
    const end = longestFit(text, (at) => fits(`${text.slice(0, at).trimEnd()} …`, min)) ?? 1;
    slide.blocks[index] = { [name]: `${text.slice(0, end).trimEnd()} …` } as Block;
    overflow.push(text);
    return min;
  };
  slide.fit.body = fitLine('subtitle', spec.body.pref, spec.body.min);
  slide.fit.byline = fitLine('byline', Math.round(spec.body.pref * SPACING.bylineScale), 14);
  if (overflow.length) slide.notes = [...overflow, slide.notes].filter(Boolean).join('\n\n');
  return slide;
}

// ---------------------------------------------------------------- tables

function fitTable(draft: DraftSlide, spec: LayoutSpec, ctx: FitContext): Slide[] {
  const table = (draft.blocks[0] as { table: TableBlock }).table;
  const box = px(spec.boxes.body, ctx.size);
  const lh = ctx.theme.lineHeight.body;
  const geometry = (s: number) => {
    const widths = tableColumns(table, box.w, s, ctx.measurer);
    return { widths, ...tableRowHeights(table, widths, s, lh, ctx.measurer) };
  };
  const withColumns = (slide: Slide, widths: number[]): Slide => ({ ...slide, fit: { ...slide.fit, columns: widths } });
  for (let s = spec.body.pref; s >= spec.body.min; s -= 1) {
    const g = geometry(s);
    if (g.head + g.rows.reduce((a, b) => a + b, 0) <= box.h) return [withColumns(finish(draft, draft.blocks, s, ctx, 0), g.widths)];
  }
  const s = spec.body.pref - 2;
  // Column widths come from the whole table, so columns stay put from one page to the next.
  const g = geometry(s);
  const rows = splitTallRows(table.rows, g.rows, g.widths, box.h - g.head, s, lh, ctx.measurer);
  const pages: Run[][][][] = [[]];
  let used = g.head;
  for (const { row, height } of rows) {
    if (used + height > box.h && pages[pages.length - 1].length) {
      pages.push([]);
      used = g.head;
    }
    pages[pages.length - 1].push(row);
    used += height;
  }
  return pages.map((page, i) =>
    withColumns(finish(draft, [{ table: { head: table.head, rows: page, align: table.align } }], s, ctx, i), g.widths),
  );
}

/**
 * A row taller than a whole slide (a cell holding a page of text) is cut into rows that each fit,
 * every cell carrying on in the row below where it stopped.
 */
function splitTallRows(rows: Run[][][], heights: number[], widths: number[], room: number, s: number, lh: number, m: Measurer) {
  const out: { row: Run[][]; height: number }[] = [];
  const maxLines = Math.max(1, Math.floor((room - rowHeight(0, s, lh)) / (s * lh)));
  rows.forEach((row, i) => {
    if (heights[i] <= room) return void out.push({ row, height: heights[i] });
    let rest = row;
    while (rest.some((cell) => cell.length)) {
      const head: Run[][] = [];
      const tail: Run[][] = [];
      widths.forEach((w, c) => {
        const cell = rest[c] ?? [];
        const text = runsText(cell);
        if (cellLines(cell, w, s, m) <= maxLines) {
          head.push(cell);
          tail.push([]);
          return;
        }
        const at = longestFit(text, (end) => cellLines(sliceRuns(cell, 0, end), w, s, m) <= maxLines) ?? 1;
        head.push(sliceRuns(cell, 0, at));
        tail.push(sliceRuns(cell, at, text.length).map((r, k) => (k === 0 ? { ...r, text: r.text.replace(/^\s+/, '') } : r)).filter((r) => r.text));
      });
      out.push({ row: head, height: rowHeight(Math.max(1, ...widths.map((w, c) => cellLines(head[c], w, s, m))), s, lh) });
      rest = tail;
    }
  });
  return out;
}

// ---------------------------------------------------------------- code

/**
 * Code keeps its spaces (white-space: pre-wrap) while our line breaker collapses them as CSS
 * `normal` does: indentation and runs of spaces become no-break spaces of the same width, so they
 * are measured, and the last space of a run stays a place to break.
 */
function preWrap(line: string): string {
  return line.replace(/^ +/, (m) => '\u00a0'.repeat(m.length)).replace(/ {2,}/g, (m) => `${'\u00a0'.repeat(m.length - 1)} `);
}

function fitCode(draft: DraftSlide, spec: LayoutSpec, ctx: FitContext): Slide[] {
  const code = (draft.blocks[0] as { code: { lang?: string; lines: string[] } }).code;
  const box = px(spec.boxes.body, ctx.size);
  const lh = ctx.theme.lineHeight.mono;
  const inner = (s: number) => ({
    w: box.w - 2 * SPACING.codePad * s,
    h: box.h - 2 * SPACING.codePad * s - (code.lang ? SPACING.codeLabel * s : 0),
  });
  const height = (line: string, s: number) =>
    Math.max(1, ctx.measurer.lineCount([{ text: preWrap(line) || ' ', style: { role: 'mono' } }], inner(s).w * SLACK, s)) * s * lh;
  for (let s = spec.body.pref; s >= spec.body.min; s -= 1) {
    if (code.lines.reduce((a, l) => a + height(l, s), 0) <= inner(s).h) return [finish(draft, draft.blocks, s, ctx, 0)];
  }
  const s = spec.body.min + 2;
  // A line taller than a whole slide (minified code, a data dump) is cut into slide-sized pieces.
  const lines: string[] = [];
  for (const line of code.lines) {
    let rest = line;
    while (height(rest, s) > inner(s).h) {
      const at = longestFit(rest, (end) => height(rest.slice(0, end), s) <= inner(s).h) ?? 1;
      lines.push(rest.slice(0, at));
      rest = rest.slice(at);
    }
    lines.push(rest);
  }
  const pages: string[][] = [[]];
  let used = 0;
  for (const line of lines) {
    const h = height(line, s);
    if (used + h > inner(s).h && pages[pages.length - 1].length) {
      pages.push([]);
      used = 0;
    }
    pages[pages.length - 1].push(line);
    used += h;
  }
  return pages.map((page, i) => finish(draft, [{ code: { ...(code.lang ? { lang: code.lang } : {}), lines: page } }], s, ctx, i));
}

// ---------------------------------------------------------------- images

/** Image layout: the caption takes the lines it needs at the bottom of the box, the image the rest. */
export function imageGeometry(alt: string, s: number, boxW: number, boxH: number, lh: number, measurer: Measurer) {
  const captionLines = alt ? measurer.lineCount([{ text: alt, style: { role: 'body', italic: true } }], boxW * SLACK, s) : 0;
  const caption = captionLines ? captionLines * s * lh + SPACING.captionGap * s : 0;
  return { caption, imageH: boxH - caption };
}

/**
 * The size a picture is drawn at above its caption: as large as the box allows, never blown up past
 * twice its own size, and at least a pixel each way (a 20 000 × 10 strip must not vanish).
 */
export function drawnImageSize(width: number, height: number, boxW: number, imageH: number): { width: number; height: number } {
  const scale = Math.min(boxW / width, imageH / height, 2);
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

function fitImage(draft: DraftSlide, spec: LayoutSpec, ctx: FitContext): Slide[] {
  const image = (draft.blocks[0] as { image: { asset: number; alt: string } }).image;
  const box = px(spec.boxes.body, ctx.size);
  const lh = ctx.theme.lineHeight.body;
  let s = spec.body.pref;
  // The picture keeps at least 60% of the box; a caption longer than that is shortened on the slide.
  while (s > spec.body.min && imageGeometry(image.alt, s, box.w, box.h, lh, ctx.measurer).caption > box.h * 0.4) s -= 1;
  let alt = image.alt;
  let notes = draft.notes;
  if (imageGeometry(alt, s, box.w, box.h, lh, ctx.measurer).caption > box.h * 0.4) {
    const end = longestFit(alt, (at) => imageGeometry(`${alt.slice(0, at).trimEnd()} …`, s, box.w, box.h, lh, ctx.measurer).caption <= box.h * 0.4) ?? 1;
    alt = `${alt.slice(0, end).trimEnd()} …`;
    notes = [image.alt, notes].filter(Boolean).join('\n\n');
  }
  return [finish({ ...draft, notes }, [{ image: { asset: image.asset, alt } }], s, ctx, 0)];
}

// ---------------------------------------------------------------- two columns

/** A picture's caption size in a column beside text of size `s`. */
export const columnCaption = (s: number) => Math.round(s * SPACING.columnCaptionScale);

/**
 * Two columns at one size, the largest at which both fit. Columns do not continue over slides: a
 * slide too full for half its width is shown as the separate slides the section would have had.
 */
function fitTwoColumns(draft: DraftSlide, spec: LayoutSpec, ctx: FitContext): Slide[] {
  const cut = draft.columnStart ?? draft.blocks.length;
  const columns = [draft.blocks.slice(0, cut), draft.blocks.slice(cut)];
  const boxes = columnBoxes().map((b) => px(b, ctx.size));
  const lh = ctx.theme.lineHeight[spec.body.role];
  const fits = (blocks: Block[], box: { w: number; h: number }, s: number) => {
    const image = blocks.find((b): b is { image: { asset: number; alt: string } } => 'image' in b);
    if (image) return imageGeometry(image.image.alt, columnCaption(s), box.w, box.h, lh, ctx.measurer).caption <= box.h * 0.4;
    const m: FlowMetrics = { width: box.w, height: box.h, lh, role: spec.body.role, italic: false };
    return flowHeight(flowUnits(blocks), s, m, ctx) <= box.h;
  };
  for (let s = spec.body.pref; s >= spec.body.min; s -= 2) {
    if (columns.every((blocks, i) => fits(blocks, boxes[i], s))) {
      const slide = finish(draft, draft.blocks, s, ctx, 0);
      return [{ ...slide, fit: { ...slide.fit, columnStart: cut } }];
    }
  }
  return columns.flatMap((blocks, i) => {
    const layout = blocks.some((b) => 'image' in b) ? 'image' : 'bullets';
    return fitSlide({ ...draft, layout, blocks, notes: i === 0 ? draft.notes : '', presenterOnly: i === 0 ? draft.presenterOnly : undefined, columnStart: undefined }, ctx);
  });
}
