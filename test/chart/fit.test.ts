/**
 * Fitting chart slides with the theme's real font metrics: the largest label size at which labels
 * and legend fit, wrapped or turned labels when needed, shortened labels (full ones in the notes)
 * when nothing else fits — and in every case no label on another, nothing outside the chart box.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChartBlock, Slide } from '../../src/types/deck.js';
import type { Theme } from '../../src/theme/types.js';
import { loadTheme } from '../../src/theme/load.js';
import { Measurer } from '../../src/measure/text.js';
import { LAYOUTS, px, slideSize } from '../../src/layout/specs.js';
import { fitSlide } from '../../src/plan/fit.js';
import { EN_LABELS } from '../../src/plan/labels.js';
import { chartFor, type ChartRequest } from '../../src/chart/choose.js';
import { chartGeometry, type ChartGeometry, type ChartLabel } from '../../src/chart/geometry.js';
import { excelFormat, formatValue, niceScale } from '../../src/chart/format.js';
import { chartPalette, GRAPHIC_CONTRAST } from '../../src/chart/palette.js';
import { contrast } from '../../src/theme/colors.js';
import { builtinThemeNames } from '../../src/theme/load.js';
import { table } from '../helpers/charts.js';

let theme: Theme;
let measurer: Measurer;
const size = slideSize('16:9');
const box = px(LAYOUTS.chart.boxes.body, size);

beforeAll(async () => {
  theme = loadTheme('default');
  measurer = await Measurer.load(theme.fonts);
});

function fitted(t: ReturnType<typeof table>, request?: ChartRequest): { slide: Slide; chart: ChartBlock; g: ChartGeometry } {
  const choice = chartFor(t, { mode: 'auto', request });
  if (!choice.chart) throw new Error(choice.problem ?? 'no chart');
  const slides = fitSlide({ layout: 'chart', title: 'Chart', blocks: [{ chart: choice.chart }], notes: 'Prose.', source: { section: 'S', line: 1 } }, { measurer, theme, size, labels: EN_LABELS });
  expect(slides).toHaveLength(1);
  const slide = slides[0];
  const chart = (slide.blocks[0] as { chart: ChartBlock }).chart;
  return { slide, chart, g: chartGeometry({ chart, box, size: slide.fit.body, lineHeight: theme.lineHeight.body, measurer }) };
}

/** A label's box on the slide, turned labels included. */
function bounds(l: ChartLabel, g: ChartGeometry) {
  const line = g.size * g.lineHeight;
  const x0 = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - l.width : l.x - l.width / 2;
  const rect = { x0, x1: x0 + l.width, y0: l.ys[0] - line / 2, y1: l.ys[l.ys.length - 1] + line / 2 };
  if (!l.rotate) return rect;
  const a = (l.rotate * Math.PI) / 180;
  const corners = [
    [rect.x0, rect.y0],
    [rect.x1, rect.y0],
    [rect.x0, rect.y1],
    [rect.x1, rect.y1],
  ].map(([x, y]) => [l.x + (x - l.x) * Math.cos(a) - (y - l.ys[0]) * Math.sin(a), l.ys[0] + (x - l.x) * Math.sin(a) + (y - l.ys[0]) * Math.cos(a)]);
  return { x0: Math.min(...corners.map((c) => c[0])), x1: Math.max(...corners.map((c) => c[0])), y0: Math.min(...corners.map((c) => c[1])), y1: Math.max(...corners.map((c) => c[1])) };
}

/** Pairs of labels whose boxes overlap (turned labels by their turned extent along the axis), and labels outside the box. */
function layoutProblems(g: ChartGeometry): string[] {
  const problems: string[] = [];
  const labels = [...g.categories.filter((l): l is ChartLabel => !!l), ...g.ticks.map((t) => t.label), ...g.legend.map((i) => i.label), ...(g.pie?.slices.map((s) => s.label) ?? [])];
  const inside = (b: ReturnType<typeof bounds>) => b.x0 >= g.box.x - 0.5 && b.x1 <= g.box.x + g.box.w + 0.5 && b.y0 >= g.box.y - 0.5 && b.y1 <= g.box.y + g.box.h + 0.5;
  for (const l of labels) if (!inside(bounds(l, g))) problems.push(`outside: ${l.lines.join(' ')}`);
  const flat = labels.filter((l) => !l.rotate);
  for (let i = 0; i < flat.length; i++) {
    for (let j = i + 1; j < flat.length; j++) {
      const a = bounds(flat[i], g);
      const b = bounds(flat[j], g);
      if (a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5) problems.push(`overlap: ${flat[i].lines.join(' ')} / ${flat[j].lines.join(' ')}`);
    }
  }
  // Turned labels: parallel lines, apart when their columns are a line / cos 45° apart.
  const turned = g.categories.filter((l): l is ChartLabel => !!l?.rotate);
  for (let i = 1; i < turned.length; i++) if ((turned[i].x - turned[i - 1].x) * Math.SQRT1_2 < g.size * g.lineHeight - 0.5) problems.push('turned labels too close');
  return problems;
}

describe('label sizes', () => {
  it('sets short labels on one line at the preferred size', () => {
    const { slide, g } = fitted(table(['Region', 'Revenue', 'Cost'], [['North', '12', '9'], ['South', '10', '7'], ['East', '14', '10']]));
    expect(slide.fit.body).toBe(LAYOUTS.chart.body.pref);
    expect(g.fits).toBe(true);
    expect(g.rotated).toBe(false);
    expect(g.categories.every((c) => c!.lines.length === 1)).toBe(true);
    expect(g.legend.map((l) => l.label.lines[0])).toEqual(['Revenue', 'Cost']);
    expect(layoutProblems(g)).toEqual([]);
  });

  it('wraps long labels of columns to at most three lines', () => {
    const labels = ['Customer onboarding', 'Warehouse automation', 'Fleet electrification', 'Data platform migration', 'Marketing', 'Legal and compliance', 'Facilities'];
    const { slide, g } = fitted(table(['Programme', 'Cost'], labels.map((l, i) => [l, String(i + 1)])), { type: 'column' });
    expect(g.fits).toBe(true);
    expect(slide.fit.body).toBe(LAYOUTS.chart.body.pref);
    expect(Math.max(...g.categories.map((c) => c!.lines.length))).toBe(2);
    expect(g.categories.map((c) => c!.lines.join(' '))).toEqual(labels);
    expect(layoutProblems(g)).toEqual([]);
  });

  it('turns the labels of many columns, or sets them smaller, and never overlaps them', () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const t = table(['Month', 'Orders'], months.map((m, i) => [`${m} 2025 (provisional)`, String(1000 + i)]));
    const { slide, g } = fitted(t, { type: 'column' });
    expect(g.fits).toBe(true);
    expect(slide.fit.body).toBeGreaterThanOrEqual(LAYOUTS.chart.body.min);
    expect(g.rotated || slide.fit.body < LAYOUTS.chart.body.pref).toBe(true);
    expect(layoutProblems(g)).toEqual([]);
  });

  it('gives horizontal bars a label column, wrapping long labels', () => {
    const t = table(['Programme', 'Cost'], [
      ['Customer onboarding and identity verification for new business accounts', '1.2'],
      ['Warehouse automation in the south-west depot', '2.0'],
      ['Marketing', '0.9'],
    ]);
    const { g } = fitted(t);
    expect(g.horizontal).toBe(true);
    expect(g.fits).toBe(true);
    expect(g.categories[0]!.lines.length).toBeGreaterThan(1);
    expect(g.plot.x - g.box.x).toBeLessThanOrEqual(g.box.w * 0.4);
    expect(layoutProblems(g)).toEqual([]);
  });

  it('shortens labels that fit nowhere with "…", keeping the full labels in the notes', () => {
    const long = 'Supercalifragilisticexpialidocious-programme-with-an-unbreakable-name';
    const t = table(['Programme', 'Cost'], Array.from({ length: 20 }, (_, i) => [`${long}-${i + 1}`, String(i + 1)]));
    const { slide, chart, g } = fitted(t, { type: 'column' });
    expect(slide.fit.body).toBe(LAYOUTS.chart.body.min);
    expect(chart.categories.every((c) => c.endsWith('…'))).toBe(true);
    expect(chart.table.rows[0][0][0].text).toBe(`${long}-1`);
    for (let i = 1; i <= 20; i++) expect(slide.notes).toContain(`${long}-${i}`);
    expect(slide.notes.startsWith('Prose.')).toBe(true);
    expect(layoutProblems(g)).toEqual([]);
  });

  it('shows every n-th label of a chart too dense for any label', () => {
    const t = table(['Day', 'Visits'], Array.from({ length: 30 }, (_, i) => [`Day ${i + 1}`, String(100 + i)]));
    const { g } = fitted(t, { type: 'column' });
    expect(layoutProblems(g)).toEqual([]);
    expect(g.categories.filter(Boolean).length).toBeGreaterThan(1);
  });

  it('places pie values outside their slices, apart, and the legend beside the pie', () => {
    const t = table(['Company', 'Share'], [['Northwind', '90%'], ['A', '2%'], ['B', '2%'], ['C', '2%'], ['D', '2%'], ['E', '2%']]);
    const { g } = fitted(t, { type: 'pie' });
    expect(g.pie!.slices).toHaveLength(6);
    expect(g.legend).toHaveLength(6);
    expect(layoutProblems(g)).toEqual([]);
    // Values sit outside the pie.
    const { cx, cy, r } = g.pie!;
    for (const s of g.pie!.slices) {
      const b = bounds(s.label, g);
      const nearest = Math.hypot(Math.max(b.x0 - cx, 0, cx - b.x1), Math.max(b.y0 - cy, 0, cy - b.y1));
      expect(nearest, s.label.lines[0]).toBeGreaterThanOrEqual(r);
    }
  });

  it('keeps marks inside the plot, bars from zero, negative bars below it', () => {
    const { g } = fitted(table(['Region', 'Change'], [['North', '12'], ['South', '-4'], ['East', '7']]), { type: 'column' });
    const zero = g.ticks.find((t) => t.value === 0)!.at;
    for (const b of g.bars) {
      expect(b.rect.y).toBeGreaterThanOrEqual(g.plot.y - 0.01);
      expect(b.rect.y + b.rect.h).toBeLessThanOrEqual(g.plot.y + g.plot.h + 0.01);
    }
    const south = g.bars.find((b) => b.category === 1)!;
    expect(south.rect.y).toBeCloseTo(zero, 5);
  });
});

describe('value axis', () => {
  it('chooses round steps that cover the data', () => {
    expect(niceScale(0, 14.2, 7, true)).toMatchObject({ min: 0, max: 15, step: 2.5 });
    expect(niceScale(40, 48.2, 6, false)).toMatchObject({ min: 40, max: 50, step: 2 });
    expect(niceScale(-350, 2010, 8, true)).toMatchObject({ min: -500, max: 2500, step: 500 });
    expect(niceScale(0, 0, 5, true)).toMatchObject({ min: 0, max: 1 });
  });

  it('writes values the way the table did, with its unit', () => {
    expect(formatValue(12.5, 1, { decimal: '.', group: ',' }, { prefix: '$', suffix: 'M' })).toBe('$12.5M');
    expect(formatValue(-5, 0, { decimal: '.', group: '' }, { prefix: '$', suffix: 'M' })).toBe('-$5M');
    expect(formatValue(1234.5, 1, { decimal: ',', group: '.' }, { suffix: ' €' })).toBe('1.234,5 €');
    expect(formatValue(2500, 0, { decimal: ',', group: '\u202f' }, { suffix: ' %' })).toBe('2\u202f500 %');
    expect(formatValue(-0.0001, 1, { decimal: '.', group: '' })).toBe('0.0');
  });

  it('gives PowerPoint a number format that prints the same labels', () => {
    expect(excelFormat(1, { decimal: '.', group: '' }, { prefix: '$', suffix: 'M' })).toBe('"$"0.0"M";-"$"0.0"M"');
    // A bare % would multiply by 100: the unit is quoted.
    expect(excelFormat(0, { decimal: ',', group: '.' }, { suffix: '%' })).toBe('#,##0"%";-#,##0"%"');
  });
});

describe('palette', () => {
  it('gives distinct colours, each 3:1 against the background, in every built-in theme', () => {
    for (const name of builtinThemeNames()) {
      const t = loadTheme(name);
      const colours = chartPalette(t, 12);
      expect(new Set(colours).size, name).toBe(12);
      for (const c of colours) expect(contrast(c, t.colors.background), `${name} ${c}`).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
      // The theme's accent leads.
      expect(colours[0], name).toBe(contrast(t.colors.accent, t.colors.background) >= GRAPHIC_CONTRAST ? t.colors.accent.toUpperCase() : colours[0]);
    }
  });

  it('makes a theme colour too faint for the background dark enough to read', () => {
    const t = loadTheme('default');
    const faint = { ...t, colors: { ...t.colors, accent: '#A8E6EA' } };
    const [first] = chartPalette(faint, 1);
    expect(contrast(first, t.colors.background)).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
  });
});
