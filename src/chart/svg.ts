/**
 * A chart as inline SVG for the HTML deck and the PDFs: drawn from the shared geometry (so it is what
 * the planner measured and what the PPTX shows), in the theme's colours and body font, with no
 * script, no external resource and no ids (a page may hold many charts). Screen readers get the
 * slide's title and the chart's data as text.
 */
import type { ChartBlock } from '../types/deck.js';
import type { Theme } from '../theme/types.js';
import type { ChartGeometry, ChartLabel } from './geometry.js';
import { formatValue } from './format.js';
import { chartPalette } from './palette.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ESC[c]);
const r = (n: number) => Math.round(n * 100) / 100;

export interface SvgOptions {
  theme: Pick<Theme, 'colors' | 'code'>;
  /** What the chart is called: the slide's title. */
  title: string;
  /** CSS font stack of the labels; the deck's body font variable by default. */
  font?: string;
  /** As wide as its container (a printed page), instead of the slide box's size in px. */
  fluid?: boolean;
}

/** The series colours of a chart: one per series, or one per slice of a pie. */
export function chartColors(chart: ChartBlock, theme: Pick<Theme, 'colors' | 'code'>): string[] {
  return chartPalette(theme, chart.type === 'pie' ? chart.categories.length : chart.series.length);
}

/** The chart's data as one line of text: "North: $12M, $9M; South: …" with the series named first. */
export function chartSummary(chart: ChartBlock, g: Pick<ChartGeometry, 'style' | 'decimals'>): string {
  const value = (v: number) => (Number.isFinite(v) ? formatValue(v, g.decimals, g.style, chart.unit) : '–');
  const names = chart.type !== 'pie' ? `${chart.series.map((s) => s.name).join(', ')}. ` : '';
  return names + chart.categories.map((c, i) => `${c}: ${chart.series.map((s) => value(s.values[i])).join(', ')}`).join('; ');
}

export function chartSvg(chart: ChartBlock, g: ChartGeometry, opts: SvgOptions): string {
  const { colors } = opts.theme;
  const palette = chartColors(chart, opts.theme);
  const { box } = g;
  const X = (x: number) => r(x - box.x);
  const Y = (y: number) => r(y - box.y);
  const parts: string[] = [];

  const text = (l: ChartLabel, fill: string, cls: string) => {
    const anchor = l.anchor === 'start' ? '' : ` text-anchor="${l.anchor}"`;
    const turn = l.rotate ? ` transform="rotate(${l.rotate} ${X(l.x)} ${Y(l.ys[0])})"` : '';
    const spans = l.lines.map((line, k) => `<tspan x="${X(l.x)}" y="${Y(l.ys[k])}">${esc(line)}</tspan>`).join('');
    return `<text class="${cls}" fill="${fill}"${anchor}${turn}>${spans}</text>`;
  };

  if (g.pie) {
    const { cx, cy, r: radius, slices } = g.pie;
    const point = (a: number) => `${X(cx + radius * Math.sin(a))} ${Y(cy - radius * Math.cos(a))}`;
    for (const sl of slices) {
      const fill = palette[sl.category % palette.length];
      const data = ` data-category="${sl.category}" data-value="${chart.series[0].values[sl.category]}"`;
      if (sl.end - sl.start >= 2 * Math.PI - 1e-9) parts.push(`<circle class="slice" cx="${X(cx)}" cy="${Y(cy)}" r="${r(radius)}" fill="${fill}"${data}/>`);
      else {
        const large = sl.end - sl.start > Math.PI ? 1 : 0;
        parts.push(`<path class="slice" d="M${X(cx)} ${Y(cy)}L${point(sl.start)}A${r(radius)} ${r(radius)} 0 ${large} 1 ${point(sl.end)}Z" fill="${fill}" stroke="${colors.background}" stroke-width="2" stroke-linejoin="round"${data}/>`);
      }
    }
    for (const sl of slices) {
      const l = sl.leader;
      if (l) parts.push(`<line class="leader" x1="${X(l.x1)}" y1="${Y(l.y1)}" x2="${X(l.x2)}" y2="${Y(l.y2)}" stroke="${colors.muted}" stroke-width="1"/>`);
      parts.push(text(sl.label, colors.text, 'value'));
    }
  } else {
    // Gridlines at the ticks, under the marks; the axis the bars stand on, over them.
    for (const t of g.ticks) {
      parts.push(
        g.horizontal
          ? `<line class="grid" x1="${X(t.at)}" y1="${Y(g.plot.y)}" x2="${X(t.at)}" y2="${Y(g.plot.y + g.plot.h)}" stroke="${colors.rule}" stroke-width="1"/>`
          : `<line class="grid" x1="${X(g.plot.x)}" y1="${Y(t.at)}" x2="${X(g.plot.x + g.plot.w)}" y2="${Y(t.at)}" stroke="${colors.rule}" stroke-width="1"/>`,
      );
    }
    for (const b of g.bars) {
      const v = chart.series[b.series].values[b.category];
      parts.push(`<rect class="bar" x="${X(b.rect.x)}" y="${Y(b.rect.y)}" width="${r(b.rect.w)}" height="${r(b.rect.h)}" fill="${palette[b.series % palette.length]}" data-series="${b.series}" data-category="${b.category}" data-value="${v}"/>`);
    }
    for (const l of g.lines) {
      const colour = palette[l.series % palette.length];
      let d = '';
      let pen = false;
      for (const p of l.points) {
        if (!p) {
          pen = false;
          continue;
        }
        d += `${pen ? 'L' : 'M'}${X(p.x)} ${Y(p.y)}`;
        pen = true;
      }
      if (d) parts.push(`<path class="line" d="${d}" fill="none" stroke="${colour}" stroke-width="3" stroke-linejoin="round" stroke-linecap="round" data-series="${l.series}"/>`);
      l.points.forEach((p, i) => {
        if (p) parts.push(`<circle class="point" cx="${X(p.x)}" cy="${Y(p.y)}" r="4.5" fill="${colour}" stroke="${colors.background}" stroke-width="1.5" data-series="${l.series}" data-category="${i}" data-value="${chart.series[l.series].values[i]}"/>`);
      });
    }
    const scale = g.scale!;
    const zero = Math.min(Math.max(0, scale.min), scale.max);
    const base = g.ticks.find((t) => t.value === zero)?.at ?? (g.horizontal ? g.plot.x : g.plot.y + g.plot.h);
    parts.push(
      g.horizontal
        ? `<line class="axis" x1="${X(base)}" y1="${Y(g.plot.y)}" x2="${X(base)}" y2="${Y(g.plot.y + g.plot.h)}" stroke="${colors.muted}" stroke-width="1.5"/>`
        : `<line class="axis" x1="${X(g.plot.x)}" y1="${Y(base)}" x2="${X(g.plot.x + g.plot.w)}" y2="${Y(base)}" stroke="${colors.muted}" stroke-width="1.5"/>`,
    );
    for (const t of g.ticks) parts.push(text(t.label, colors.muted, 'tick'));
    for (const c of g.categories) if (c) parts.push(text(c, colors.text, 'category'));
  }
  for (const item of g.legend) {
    const fill = palette[item.series % palette.length];
    parts.push(`<rect class="swatch" x="${X(item.swatch.x)}" y="${Y(item.swatch.y)}" width="${r(item.swatch.w)}" height="${r(item.swatch.h)}" rx="2" fill="${fill}"/>`);
    parts.push(text(item.label, colors.text, 'legend'));
  }

  const font = opts.font ?? 'var(--bd-font-body)';
  const summary = chartSummary(chart, g);
  return (
    `<svg class="chart chart-${chart.type}" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(opts.title)}" ` +
    (opts.fluid ? 'width="100%" ' : `width="${r(box.w)}" height="${r(box.h)}" `) +
    `viewBox="0 0 ${r(box.w)} ${r(box.h)}" ` +
    `style="font-family:${esc(font)};font-size:${g.size}px${opts.fluid ? ';max-width:100%;height:auto;display:block' : ''}" dominant-baseline="central" data-chart="${chart.type}">` +
    `<title>${esc(opts.title)}</title><desc>${esc(summary)}</desc>${parts.join('')}</svg>`
  );
}
