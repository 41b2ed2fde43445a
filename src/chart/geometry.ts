/**
 * Where everything of a chart goes inside the slide's content box: the plot area, the value axis and
 * its tick labels, the category labels (on one line, wrapped, or turned 45°; every n-th only when
 * nothing else fits), the legend, the bars, points and slices. Pure and deterministic: the planner
 * measures with it, the SVG draws from it and the PPTX places its native plot area where it says,
 * so all three agree. Sizes in px at the deck's size.
 */
import type { ChartBlock } from '../types/deck.js';
import type { Measurer, TextStyle } from '../measure/text.js';
import { SLACK, type Box } from '../layout/specs.js';
import { formatValue, niceScale, numberStyle, type Scale } from './format.js';
import type { NumberStyle } from './numbers.js';

/** Spacing, in em of the label size. */
export const CHART_SPACING = {
  /** Between labels and what they label, and below the legend. */
  gap: 0.5,
  /** A legend swatch's side, and the space after it. */
  swatch: 0.8,
  swatchGap: 0.4,
  /** Between legend entries on one row. */
  legendGap: 1.2,
  /** Room kept free around a label in its slot. */
  labelPad: 0.4,
} as const;
/** Space between clusters of bars, as a share of one bar (PowerPoint's "gap width" 80%). */
export const BAR_GAP = 0.8;
/** Category labels wrap to this many lines at most. */
export const MAX_LABEL_LINES = 3;
/** Turned category labels: 45°, upwards to the left of their column. */
export const LABEL_ANGLE = -45;
/** The plot keeps at least this share of the box; a horizontal bar chart's labels at most that one. */
const MIN_PLOT = 0.4;
const MAX_LABEL_COLUMN = 0.38;
const COS45 = Math.SQRT1_2;

const STYLE: TextStyle = { role: 'body' };

/** A block of text: its lines, where it is anchored, and the vertical centre of each line. */
export interface ChartLabel {
  lines: string[];
  x: number;
  /** Centre of each line. */
  ys: number[];
  anchor: 'start' | 'middle' | 'end';
  /** Degrees, about (x, ys[0]). */
  rotate?: number;
  /** Widest line, px. */
  width: number;
}

export interface ChartGeometry {
  /** Everything is legible at this size: no label overlaps another or the plot, nothing cut. */
  fits: boolean;
  size: number;
  lineHeight: number;
  box: Box;
  plot: Box;
  /** Bars run across (a bar chart): categories down the side, values along the bottom. */
  horizontal: boolean;
  scale?: Scale;
  /** Value axis ticks: the value, its place along the value axis in px, its label. */
  ticks: { value: number; at: number; label: ChartLabel }[];
  /** Each category's band along the category axis (x for columns and lines, y for bars). */
  slots: { start: number; size: number; center: number }[];
  /** Category labels; undefined for one skipped (`every` > 1). */
  categories: (ChartLabel | undefined)[];
  /** Category labels turned 45°, and how often one is shown (1: every one). */
  rotated: boolean;
  every: number;
  legend: { series: number; swatch: Box; label: ChartLabel }[];
  bars: { series: number; category: number; rect: Box }[];
  /** Line charts: each series' points, undefined where a cell was empty. */
  lines: { series: number; points: ({ x: number; y: number } | undefined)[] }[];
  /** Pie slices, angles in radians clockwise from twelve o'clock; a leader line to a value moved off its slice. */
  pie?: { cx: number; cy: number; r: number; slices: { category: number; start: number; end: number; label: ChartLabel; leader?: { x1: number; y1: number; x2: number; y2: number } }[] };
  /** How values are written on this chart. */
  style: NumberStyle;
  /** Decimals of a value label (pie slices). */
  decimals: number;
}

export interface ChartInput {
  chart: ChartBlock;
  box: Box;
  /** Label size, px. */
  size: number;
  lineHeight: number;
  measurer: Measurer;
}

/** Decimals that show every value of the chart as written (at most three). */
export function valueDecimals(chart: ChartBlock): number {
  let d = 0;
  for (const s of chart.series) {
    for (const v of s.values) {
      if (!Number.isFinite(v)) continue;
      const text = Math.abs(v).toPrecision(12).replace(/0+$/, '');
      const frac = text.includes('.') ? text.split('.')[1].length : 0;
      d = Math.max(d, Math.min(3, frac));
    }
  }
  return d;
}

/** The chart laid out at one label size. */
export function chartGeometry(input: ChartInput): ChartGeometry {
  const { chart } = input;
  const style = numberStyle(chart);
  const base = { style, decimals: valueDecimals(chart) };
  if (chart.type === 'pie') return { ...pieGeometry(input), ...base };
  return { ...axisGeometry(input, chart.type === 'bar'), ...base };
}

/**
 * Where each series' legend entry goes: swatch and name in rows along the top, centred. A single
 * series gets one too: it says what the bars or the line are ("Revenue", "p95 latency").
 */
function topLegend(input: ChartInput): { items: ChartGeometry['legend']; height: number; fits: boolean } {
  const { chart, box, size: s, lineHeight: lh, measurer: m } = input;
  if (!chart.series.length) return { items: [], height: 0, fits: true };
  const widths = chart.series.map((x) => m.width(x.name, STYLE, s));
  const lead = (CHART_SPACING.swatch + CHART_SPACING.swatchGap) * s;
  const rows: number[][] = [[]];
  let used = 0;
  let fits = true;
  widths.forEach((w, i) => {
    const item = lead + w;
    const row = rows[rows.length - 1];
    const need = (row.length ? CHART_SPACING.legendGap * s : 0) + item;
    if (row.length && used + need > box.w * SLACK) {
      rows.push([i]);
      used = item;
    } else {
      row.push(i);
      used += need;
    }
    if (item > box.w * SLACK) fits = false;
  });
  if (rows.length > 2) fits = false;
  const items: ChartGeometry['legend'] = [];
  const rowH = s * lh;
  rows.forEach((row, r) => {
    const total = row.reduce((a, i, k) => a + lead + widths[i] + (k ? CHART_SPACING.legendGap * s : 0), 0);
    let x = box.x + (box.w - total) / 2;
    const cy = box.y + r * rowH + rowH / 2;
    for (const i of row) {
      const side = CHART_SPACING.swatch * s;
      items.push({ series: i, swatch: { x, y: cy - side / 2, w: side, h: side }, label: { lines: [chart.series[i].name], x: x + lead, ys: [cy], anchor: 'start', width: widths[i] } });
      x += lead + widths[i] + CHART_SPACING.legendGap * s;
    }
  });
  return { items, height: rows.length * rowH + CHART_SPACING.gap * s, fits };
}

/** A label wrapped into `width`; undefined when a word is wider than that (it would be cut). */
function wrapLabel(text: string, width: number, input: ChartInput): { lines: string[]; width: number } | undefined {
  const { size: s, measurer: m } = input;
  const max = width * SLACK;
  // Words of scripts that break between characters (Chinese, Japanese, Thai) may wrap anywhere.
  for (const word of text.split(/\s+/)) {
    if (word && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u.test(word) && m.width(word, STYLE, s) > max) return undefined;
  }
  const wrapped = m.wrap([{ text, style: STYLE }], max, s);
  const lines = wrapped.lines.map((l) => l.map((p) => p.text).join('').trim());
  return { lines: lines.length ? lines : [''], width: wrapped.widest };
}

function valueRange(chart: ChartBlock): { lo: number; hi: number } {
  const finite = (v: number) => Number.isFinite(v);
  if (chart.stacked) {
    const totals = chart.categories.map((_, i) => chart.series.reduce((a, s) => a + (finite(s.values[i]) ? s.values[i] : 0), 0));
    return { lo: Math.min(0, ...totals), hi: Math.max(0, ...totals) };
  }
  const all = chart.series.flatMap((s) => s.values.filter(finite));
  return all.length ? { lo: Math.min(...all), hi: Math.max(...all) } : { lo: 0, hi: 1 };
}

/** Bars and columns start at zero; a line may leave it out when its values sit far above (or below) it. */
function needsZero(chart: ChartBlock, lo: number, hi: number): boolean {
  if (chart.type !== 'line') return true;
  return !(lo > 0 && lo > hi * 0.5) && !(hi < 0 && hi < lo * 0.5);
}

function emptyGeometry(input: ChartInput, horizontal: boolean): Omit<ChartGeometry, 'style' | 'decimals'> {
  return {
    fits: false,
    size: input.size,
    lineHeight: input.lineHeight,
    box: input.box,
    plot: input.box,
    horizontal,
    // A chart with no categories (only a hand-made deck has one) still has an axis to draw.
    scale: niceScale(0, 1, 2, true),
    ticks: [],
    slots: [],
    categories: [],
    rotated: false,
    every: 1,
    legend: [],
    bars: [],
    lines: [],
  };
}

/**
 * Column, line and bar charts. Labels are tried on one line, then wrapped, then (columns and lines)
 * turned 45°; when none of these fits, only every n-th label is shown.
 */
function axisGeometry(input: ChartInput, horizontal: boolean): Omit<ChartGeometry, 'style' | 'decimals'> {
  const n = input.chart.categories.length;
  if (!n) return emptyGeometry(input, horizontal);
  let fallback: Omit<ChartGeometry, 'style' | 'decimals'> | undefined;
  for (let every = 1; every <= n; every++) {
    const g = horizontal ? barLayout(input, every) : columnLayout(input, every);
    if (g.fits) return g;
    fallback ??= g;
    // Skipping labels helps only labels; a legend that does not fit stays so.
    if (!g.labelsOnly) break;
  }
  return fallback!;
}

type Layout = Omit<ChartGeometry, 'style' | 'decimals'> & { labelsOnly: boolean };

/** What the column and bar layouts both start from: sizes, the legend, and which labels show. */
function layoutBasis(input: ChartInput, every: number) {
  const { chart, box, size: s, lineHeight: lh, measurer: m } = input;
  return {
    chart,
    box,
    s,
    m,
    n: chart.categories.length,
    line: s * lh,
    gap: CHART_SPACING.gap * s,
    legend: topLegend(input),
    shown: (i: number) => i % every === 0,
    widths: chart.categories.map((c) => m.width(c, STYLE, s)),
  };
}

function columnLayout(input: ChartInput, every: number): Layout {
  const { chart, box, s, m, n, line, gap, legend, shown, widths } = layoutBasis(input, every);
  const plotTop = box.y + legend.height + line / 2;
  const { lo, hi } = valueRange(chart);
  const zero = needsZero(chart, lo, hi);
  const style = numberStyle(chart);
  /** How far left of its column a turned label reaches: its length and half its line, at 45°. */
  const reach = (w: number) => (w + line / 2) * COS45;

  let plotH = box.y + box.h - plotTop - (gap + line);
  let result: Layout | undefined;
  // Tick labels set the plot's width, which sets how labels wrap, which sets its height: settle twice.
  for (let pass = 0; pass < 3; pass++) {
    const maxTicks = Math.max(2, Math.min(8, Math.floor(plotH / (line * 1.8)) + 1));
    const scale = niceScale(lo, hi, maxTicks, zero);
    const tickTexts = scale.ticks.map((t) => formatValue(t, scale.decimals, style, chart.unit));
    const tickW = Math.max(...tickTexts.map((t) => m.width(t, STYLE, s)));
    let plotX = box.x + tickW + gap;
    let plotW = box.x + box.w - plotX;
    let slotW = plotW / n;
    const room = slotW * every - CHART_SPACING.labelPad * s;

    // One line, wrapped, or turned: the first that fits.
    let labels: { lines: string[]; width: number }[] | undefined;
    let rotated = false;
    let labelH = 0;
    if (chart.categories.every((_, i) => !shown(i) || widths[i] <= room * SLACK)) {
      labels = chart.categories.map((c, i) => ({ lines: [c], width: widths[i] }));
      labelH = line;
    } else {
      const wrapped = chart.categories.map((c) => wrapLabel(c, room, input));
      if (wrapped.every((w, i) => !shown(i) || (w && w.lines.length <= MAX_LABEL_LINES))) {
        labels = wrapped.map((w, i) => w ?? { lines: [chart.categories[i]], width: widths[i] });
        labelH = Math.max(...labels.filter((_, i) => shown(i)).map((l) => l.lines.length)) * line;
      } else if (slotW * every >= line / COS45) {
        // Turned labels stand a line apart when their columns are at least a line / cos 45° apart.
        labels = chart.categories.map((c, i) => ({ lines: [c], width: widths[i] }));
        rotated = true;
        labelH = Math.max(...widths.filter((_, i) => shown(i))) * COS45 + line * COS45;
        // Turned labels run down-left from their column: the plot moves right until the first ones
        // stay in the box (Excel does the same).
        for (let k = 0; k < 4; k++) {
          const need = Math.max(0, ...chart.categories.map((_, i) => (shown(i) ? box.x + reach(widths[i]) - (plotX + (i + 0.5) * slotW) : 0)));
          if (need <= 0.01) break;
          plotX += need;
          plotW = box.x + box.w - plotX;
          slotW = plotW / n;
        }
        if (slotW * every < line / COS45 || plotW < box.w * 0.5) labels = undefined;
      }
    }
    const catH = gap + labelH;
    const nextH = box.y + box.h - catH - plotTop;
    const plot: Box = { x: plotX, y: plotTop, w: plotW, h: Math.max(1, nextH) };
    const slots = Array.from({ length: n }, (_, i) => ({ start: plot.x + i * slotW, size: slotW, center: plot.x + (i + 0.5) * slotW }));
    let labelsFit = !!labels;
    const categories = chart.categories.map((_, i): ChartLabel | undefined => {
      if (!labels || !shown(i)) return undefined;
      const l = labels[i];
      if (rotated) {
        const y = plot.y + plot.h + gap + (line * COS45) / 2;
        // The turned label runs down-left from its column; it must not leave the box.
        if (slots[i].center - reach(l.width) < box.x - 0.01) labelsFit = false;
        return { lines: l.lines, x: slots[i].center, ys: [y], anchor: 'end', rotate: LABEL_ANGLE, width: l.width };
      }
      const top = plot.y + plot.h + gap;
      return { lines: l.lines, x: slots[i].center, ys: l.lines.map((_, k) => top + (k + 0.5) * line), anchor: 'middle', width: l.width };
    });
    const yOf = (v: number) => plot.y + (plot.h * (scale.max - v)) / (scale.max - scale.min || 1);
    const ticks = scale.ticks.map((t, k) => ({ value: t, at: yOf(t), label: { lines: [tickTexts[k]], x: plot.x - gap, ys: [yOf(t)], anchor: 'end' as const, width: m.width(tickTexts[k], STYLE, s) } }));
    const plotFits = nextH >= MIN_PLOT * box.h && catH <= box.h * 0.45;
    result = {
      fits: labelsFit && plotFits && legend.fits,
      // The labels decide the plot's size too: only a legend that does not fit is beyond their help.
      labelsOnly: legend.fits,
      size: s,
      lineHeight: input.lineHeight,
      box,
      plot,
      horizontal: false,
      scale,
      ticks,
      slots,
      categories,
      rotated,
      every,
      legend: legend.items,
      ...marks(chart, slots, yOf, scale, false),
    };
    if (Math.abs(nextH - plotH) < 0.5) break;
    plotH = nextH;
  }
  return result!;
}

function barLayout(input: ChartInput, every: number): Layout {
  const { chart, box, s, m, n, line, gap, legend, shown, widths } = layoutBasis(input, every);
  const plotTop = box.y + legend.height;
  const axisH = gap + line;
  const plotH = box.y + box.h - axisH - plotTop;
  const slotH = plotH / n;
  const natural = Math.max(...widths.filter((_, i) => shown(i)));
  const column = Math.min(natural / SLACK, box.w * MAX_LABEL_COLUMN);

  let labels: { lines: string[]; width: number }[] | undefined;
  if (natural <= column * SLACK && line <= slotH * every) labels = chart.categories.map((c, i) => ({ lines: [c], width: widths[i] }));
  else {
    const wrapped = chart.categories.map((c) => wrapLabel(c, column, input));
    if (wrapped.every((w, i) => !shown(i) || (w && w.lines.length <= MAX_LABEL_LINES && w.lines.length * line <= slotH * every))) {
      labels = wrapped.map((w, i) => w ?? { lines: [chart.categories[i]], width: widths[i] });
    }
  }
  const labelW = labels ? Math.max(...labels.filter((_, i) => shown(i)).map((l) => l.width)) : column;
  const plotX = box.x + labelW + gap;

  // As many ticks as the axis has room for side by side, from eight down to two.
  const { lo, hi } = valueRange(chart);
  const style = numberStyle(chart);
  let scale = niceScale(lo, hi, 2, true);
  let texts: string[] = [];
  let plotW = 0;
  for (let maxTicks = 8; maxTicks >= 2; maxTicks--) {
    scale = niceScale(lo, hi, maxTicks, true);
    texts = scale.ticks.map((t) => formatValue(t, scale.decimals, style, chart.unit));
    const ws = texts.map((t) => m.width(t, STYLE, s));
    plotW = box.x + box.w - plotX - ws[ws.length - 1] / 2;
    const spacing = plotW / Math.max(1, scale.ticks.length - 1);
    if (spacing >= Math.max(...ws) + CHART_SPACING.legendGap * s) break;
  }
  const plot: Box = { x: plotX, y: plotTop, w: Math.max(1, plotW), h: Math.max(1, plotH) };
  // The first category at the top, as the table reads.
  const slots = Array.from({ length: n }, (_, i) => ({ start: plot.y + i * slotH, size: slotH, center: plot.y + (i + 0.5) * slotH }));
  const categories = chart.categories.map((_, i): ChartLabel | undefined => {
    if (!labels || !shown(i)) return undefined;
    const l = labels[i];
    const top = slots[i].center - (l.lines.length * line) / 2;
    return { lines: l.lines, x: plot.x - gap, ys: l.lines.map((_, k) => top + (k + 0.5) * line), anchor: 'end', width: l.width };
  });
  const xOf = (v: number) => plot.x + (plot.w * (v - scale.min)) / (scale.max - scale.min || 1);
  const ticks = scale.ticks.map((t, k) => ({
    value: t,
    at: xOf(t),
    label: { lines: [texts[k]], x: xOf(t), ys: [plot.y + plot.h + gap + line / 2], anchor: 'middle' as const, width: m.width(texts[k], STYLE, s) },
  }));
  const plotFits = plotH >= MIN_PLOT * box.h && plot.w >= box.w * (1 - MAX_LABEL_COLUMN) * 0.7;
  return {
    fits: !!labels && plotFits && legend.fits,
    labelsOnly: legend.fits,
    size: s,
    lineHeight: input.lineHeight,
    box,
    plot,
    horizontal: true,
    scale,
    ticks,
    slots,
    categories,
    rotated: false,
    every,
    legend: legend.items,
    ...marks(chart, slots, xOf, scale, true),
  };
}

/** Bars (side by side or stacked) or line points, in each category's slot. */
function marks(chart: ChartBlock, slots: ChartGeometry['slots'], at: (v: number) => number, scale: Scale, horizontal: boolean): Pick<ChartGeometry, 'bars' | 'lines'> {
  const base = at(Math.min(Math.max(0, scale.min), scale.max));
  if (chart.type === 'line') {
    return {
      bars: [],
      lines: chart.series.map((s, j) => ({ series: j, points: s.values.map((v, i) => (Number.isFinite(v) ? { x: slots[i].center, y: at(v) } : undefined)) })),
    };
  }
  const k = chart.stacked ? 1 : chart.series.length;
  const bars: ChartGeometry['bars'] = [];
  slots.forEach((slot, i) => {
    const thick = slot.size / (k + BAR_GAP);
    const offset = slot.start + (slot.size - k * thick) / 2;
    let stack = 0;
    chart.series.forEach((s, j) => {
      const v = s.values[i];
      if (!Number.isFinite(v)) return;
      const from = chart.stacked ? at(stack) : base;
      const to = at(chart.stacked ? stack + v : v);
      if (chart.stacked) stack += v;
      const lane = offset + (chart.stacked ? 0 : j) * thick;
      const lo = Math.min(from, to);
      const len = Math.abs(to - from);
      bars.push({ series: j, category: i, rect: horizontal ? { x: lo, y: lane, w: len, h: thick } : { x: lane, y: lo, w: thick, h: len } });
    });
  });
  return { bars, lines: [] };
}

/**
 * A pie: its legend down the right (each name wrapped to two lines at most), the pie in the space
 * left of it, each slice's value outside its edge, moved apart where slices are thin.
 */
function pieGeometry(input: ChartInput): Omit<ChartGeometry, 'style' | 'decimals'> {
  const { chart, box, size: s, lineHeight: lh, measurer: m } = input;
  const line = s * lh;
  const gap = CHART_SPACING.gap * s;
  const values = chart.series[0]?.values ?? [];
  const lead = (CHART_SPACING.swatch + CHART_SPACING.swatchGap) * s;
  let fits = true;

  // Legend entries, wrapped into at most a third of the box.
  const textW = box.w * 0.34 - lead;
  const entries = chart.categories.map((c) => {
    const w = wrapLabel(c, textW, input);
    if (!w || w.lines.length > 2) fits = false;
    return w ?? { lines: [c], width: m.width(c, STYLE, s) };
  });
  const legendW = lead + Math.max(0, ...entries.map((e) => e.width));
  const legendH = entries.reduce((a, e) => a + e.lines.length * line, 0) + Math.max(0, entries.length - 1) * gap * 0.6;
  if (legendH > box.h) fits = false;
  const legendX = box.x + box.w - legendW;
  let y = box.y + Math.max(0, (box.h - legendH) / 2);
  const legend: ChartGeometry['legend'] = entries.map((e, i) => {
    const side = CHART_SPACING.swatch * s;
    const item = { series: i, swatch: { x: legendX, y: y + line / 2 - side / 2, w: side, h: side }, label: { lines: e.lines, x: legendX + lead, ys: e.lines.map((_, k) => y + (k + 0.5) * line), anchor: 'start' as const, width: e.width } };
    y += e.lines.length * line + gap * 0.6;
    return item;
  });

  // The pie: as large as the space beside the legend allows with its value labels outside it.
  const style = numberStyle(chart);
  const decimals = valueDecimals(chart);
  const texts = values.map((v) => formatValue(v, decimals, style, chart.unit));
  const textWs = texts.map((t) => m.width(t, STYLE, s));
  const areaW = legendX - 2 * gap - box.x;
  const labelW = Math.max(0, ...textWs);
  const r = Math.max(1, Math.min(areaW / 2 - labelW - gap, box.h / 2 - line - gap / 2));
  if (r < box.h * 0.22) fits = false;
  const cx = box.x + areaW / 2;
  const cy = box.y + box.h / 2;
  const total = values.reduce((a, v) => a + (Number.isFinite(v) && v > 0 ? v : 0), 0) || 1;

  // Angles from twelve o'clock, clockwise (as PowerPoint draws its pies).
  let angle = 0;
  const slices: NonNullable<ChartGeometry['pie']>['slices'] = [];
  values.forEach((v, i) => {
    if (!Number.isFinite(v) || v <= 0) return;
    const start = angle;
    angle += (v / total) * 2 * Math.PI;
    const mid = (start + angle) / 2;
    const sin = Math.sin(mid);
    const x = cx + (r + gap) * sin;
    const ly = cy - (r + gap) * Math.cos(mid);
    // Right half: the value reads away from the pie to the right; left half: to the left.
    const anchor = sin >= 0 ? 'start' : 'end';
    slices.push({ category: i, start, end: angle, label: { lines: [texts[i]], x, ys: [ly], anchor, width: textWs[i] } });
  });
  // Labels of thin neighbouring slices would overlap: on each side, push them a line apart, then out
  // from the pie far enough that no label's box reaches into it.
  for (const side of ['start', 'end'] as const) {
    const group = slices.filter((sl) => sl.label.anchor === side).sort((a, b) => a.label.ys[0] - b.label.ys[0]);
    for (let k = 1; k < group.length; k++) group[k].label.ys[0] = Math.max(group[k].label.ys[0], group[k - 1].label.ys[0] + line);
    const bottom = box.y + box.h - line / 2;
    for (let k = group.length - 1; k >= 0; k--) {
      const limit = k === group.length - 1 ? bottom : group[k + 1].label.ys[0] - line;
      group[k].label.ys[0] = Math.min(group[k].label.ys[0], limit);
    }
    if (group.length && group[0].label.ys[0] < box.y + line / 2 - 0.5) fits = false;
    for (const sl of group) {
      const yc = sl.label.ys[0];
      const near = Math.abs(yc - cy) <= line / 2 ? 0 : Math.abs(yc - cy) - line / 2;
      const out = Math.sqrt(Math.max(0, (r + gap) ** 2 - near ** 2));
      const natural = { x: sl.label.x, y: cy - (r + gap) * Math.cos((sl.start + sl.end) / 2) };
      sl.label.x = side === 'start' ? Math.max(sl.label.x, cx + out) : Math.min(sl.label.x, cx - out);
      // A value moved away from its slice is tied to it by a line, as PowerPoint's leader lines do.
      if (Math.hypot(sl.label.x - natural.x, yc - natural.y) > gap) {
        const mid = (sl.start + sl.end) / 2;
        const pad = gap * 0.3;
        sl.leader = { x1: cx + r * Math.sin(mid), y1: cy - r * Math.cos(mid), x2: sl.label.x + (side === 'start' ? -pad : pad), y2: yc };
      }
    }
  }
  if (!slices.length) fits = false;
  return {
    ...emptyGeometry(input, false),
    fits,
    plot: { x: cx - r, y: cy - r, w: 2 * r, h: 2 * r },
    categories: [],
    legend,
    pie: { cx, cy, r, slices },
  };
}
