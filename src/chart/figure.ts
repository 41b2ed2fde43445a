/**
 * A chart slide's chart as a figure for a printed page (the briefing): the slide's own layout at the
 * size the planner fitted, drawn in the given (paper) colours and scaled to the page's width.
 */
import type { ChartBlock, Slide } from '../types/deck.js';
import type { Theme } from '../theme/types.js';
import type { Measurer } from '../measure/text.js';
import { LAYOUTS, px, type Size } from '../layout/specs.js';
import { chartGeometry } from './geometry.js';
import { chartSvg } from './svg.js';

export function chartFigure(chart: ChartBlock, slide: Pick<Slide, 'title' | 'fit'>, opts: { theme: Theme; measurer: Measurer; size: Size }): string {
  const box = px(LAYOUTS.chart.boxes.body, opts.size);
  const g = chartGeometry({ chart, box, size: slide.fit.body, lineHeight: opts.theme.lineHeight.body, measurer: opts.measurer });
  return chartSvg(chart, g, { theme: opts.theme, title: slide.title, fluid: true });
}
