/**
 * Fitting a chart slide: the largest label size between the layout's preferred and minimum size at
 * which the category labels and the legend fit the chart box: on one line or wrapped to three lines
 * down to the middle of that range, then level or turned 45° (columns and lines) at any size. A chart whose labels do not fit even at the minimum size keeps that
 * size and shortens its labels with "…" (the full labels go to the notes), and as a last resort shows
 * only every n-th label. A chart never continues on another slide: it is one picture.
 */
import type { Block, ChartBlock, Slide } from '../types/deck.js';
import { px, type LayoutSpec } from '../layout/specs.js';
import { chartGeometry, type ChartGeometry } from '../chart/geometry.js';
import type { DraftSlide } from './draft.js';
import type { FitContext } from './fit.js';

type Finish = (draft: DraftSlide, blocks: Block[], body: number, ctx: FitContext, part: number) => Slide;

/** A label cut to `chars` characters with "…", unless it is that short already. */
export function shorten(label: string, chars: number): string {
  const cps = [...label];
  return cps.length <= chars ? label : `${cps.slice(0, chars).join('').trimEnd()}…`;
}

export function fitChart(draft: DraftSlide, spec: LayoutSpec, ctx: FitContext, finish: Finish): Slide {
  const index = draft.blocks.findIndex((b) => 'chart' in b);
  if (index < 0) return finish(draft, draft.blocks, spec.body.pref, ctx, 0);
  const chart = (draft.blocks[index] as { chart: ChartBlock }).chart;
  const box = px(spec.boxes.body, ctx.size);
  const at = (c: ChartBlock, s: number): ChartGeometry => chartGeometry({ chart: c, box, size: s, lineHeight: ctx.theme.lineHeight.body, measurer: ctx.measurer });
  const done = (c: ChartBlock, s: number, notes = draft.notes) => {
    const blocks = draft.blocks.map((b, i) => (i === index ? { chart: c } : b));
    return finish({ ...draft, notes }, blocks, s, ctx, 0);
  };

  // Labels level down to the middle of the size range; below it, turned labels when they can be set
  // clearly larger than level ones (a label turned at 18 px reads better than a level one at 12 px).
  const middle = Math.max(spec.body.min, Math.round((spec.body.pref + spec.body.min) / 2));
  let turned: number | undefined;
  for (let s = spec.body.pref; s >= spec.body.min; s -= 1) {
    const g = at(chart, s);
    if (!g.fits || g.every !== 1) continue;
    if (!g.rotated && (s >= middle || turned === undefined || s >= turned - 2)) return done(chart, s);
    if (g.rotated) turned ??= s;
  }
  if (turned !== undefined) return done(chart, turned);

  // At the smallest size, labels and series names are cut to the longest length that fits; then,
  // if even that fails, only every n-th label is shown (what PowerPoint itself does).
  const s = spec.body.min;
  const longest = Math.max(1, ...[...chart.categories, ...chart.series.map((x) => x.name)].map((t) => [...t].length));
  const cut = (chars: number): ChartBlock => ({
    ...chart,
    categories: chart.categories.map((c) => shorten(c, chars)),
    series: chart.series.map((x) => ({ ...x, name: shorten(x.name, chars) })),
  });
  for (const anyEvery of [false, true]) {
    let lo = 1;
    let hi = longest - 1;
    let best: ChartBlock | undefined;
    while (lo <= hi) {
      const mid = Math.floor((lo + hi) / 2);
      const c = cut(mid);
      const g = at(c, s);
      if (g.fits && (anyEvery || g.every === 1)) {
        best = c;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (best) return done(best, s, notesWithLabels(draft.notes, chart, best));
  }
  // Nothing legible: the smallest size, labels as short as they go; the table is on the slide before.
  const c = cut(1);
  return done(c, s, notesWithLabels(draft.notes, chart, c));
}

/** The notes with the full text of every label or name the slide shows shortened. */
function notesWithLabels(notes: string, full: ChartBlock, shown: ChartBlock): string {
  const cut = [
    ...full.categories.filter((c, i) => c !== shown.categories[i]),
    ...full.series.map((x) => x.name).filter((name, i) => name !== shown.series[i].name),
  ];
  if (!cut.length) return notes;
  return [notes, cut.join(' · ')].filter(Boolean).join('\n\n');
}
