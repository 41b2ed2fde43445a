/**
 * Chart slides as native PowerPoint charts (chart part + embedded workbook): a colleague clicks the
 * chart, edits its data in Excel, restyles it. The plot area is placed where the shared chart
 * geometry puts it, the value axis gets the same scale and number format as the SVG, labels the
 * planner's size, in the theme's body font and colours. Options that make pptxgenjs write XML
 * PowerPoint repairs (data label positions a chart type lacks, barDir on lines: PptxGenJS #859,
 * #768) are never passed; what it writes wrong regardless is fixed in chart-parts.ts.
 */
import { LAYOUTS, px } from '../../layout/specs.js';
import { chartGeometry } from '../../chart/geometry.js';
import { excelFormat } from '../../chart/format.js';
import { chartColors, chartSummary } from '../../chart/svg.js';
import { blockOf, type SlideCtx } from './context.js';
import { hex, points } from './units.js';
import { officeLang } from './scripts.js';
import { escapeXml } from './xml.js';
import { stripXmlIllegal } from '../../read/xml-chars.js';

type ChartOptions = NonNullable<Parameters<SlideCtx['out']['addChart']>[2]>;

/** PowerPoint's gap between clusters, in % of a bar: the geometry's BAR_GAP. */
const GAP_WIDTH = 80;

export function buildChart(c: SlideCtx): void {
  const block = blockOf(c.slide, 'chart');
  if (!block) return;
  const { chart } = block;
  const { theme, deck } = c;
  const body = px(LAYOUTS.chart.boxes.body, deck.size);
  const s = c.slide.fit.body;
  const g = chartGeometry({ chart, box: body, size: s, lineHeight: theme.lineHeight.body, measurer: c.measurer });
  const colors = chartColors(chart, theme).map(hex);
  // pptxgenjs writes font names into the XML as they are.
  const font = escapeXml(theme.fonts.body.name);
  const size = Math.round(points(s) * 100) / 100;
  const text = hex(theme.colors.text);
  const muted = hex(theme.colors.muted);
  const clean = stripXmlIllegal;
  const data = chart.series.map((x) => ({ name: clean(x.name), labels: chart.categories.map(clean), values: x.values }));

  // The plot area exactly where the SVG draws it, as fractions of the chart's frame.
  const frac = (v: number, of: number) => Math.min(1, Math.max(0, Math.round((v / of) * 10000) / 10000));
  const layout = { x: frac(g.plot.x - body.x, body.w), y: frac(g.plot.y - body.y, body.h), w: frac(g.plot.w, body.w), h: frac(g.plot.h, body.h) };

  const common: ChartOptions = {
    ...c.stage.place(body),
    objectName: 'Chart',
    altText: clean(`${c.slide.title}: ${chartSummary(chart, g)}`),
    lang: officeLang(deck.meta.lang),
    layout,
    chartColors: chart.type === 'pie' ? colors : colors.slice(0, chart.series.length),
    showLegend: true,
    legendPos: chart.type === 'pie' ? 'r' : 't',
    legendFontFace: font,
    legendFontSize: size,
    legendColor: text,
    showTitle: false,
    // Square corners, should a colleague give the chart a border.
    chartArea: { roundedCorners: false },
  };

  if (chart.type === 'pie') {
    c.out.addChart(c.pres.ChartType.pie, data.slice(0, 1), {
      ...common,
      firstSliceAng: 0,
      showValue: true,
      showPercent: false,
      showLabel: false,
      showLeaderLines: true,
      dataLabelPosition: 'outEnd',
      dataLabelFormatCode: excelFormat(g.decimals, g.style, chart.unit),
      dataLabelFontFace: font,
      dataLabelFontSize: size,
      dataLabelColor: text,
      dataBorder: { pt: 1.5, color: hex(theme.colors.background) },
      dataNoEffects: true,
    });
    return;
  }

  const scale = g.scale!;
  const axes: ChartOptions = {
    catAxisLabelFontFace: font,
    catAxisLabelFontSize: size,
    catAxisLabelColor: text,
    catAxisLineColor: muted,
    catAxisLineSize: 1.5 * 0.75,
    catAxisMajorTickMark: 'none',
    // Category labels at the plot's edge, as the SVG draws them, not beside a zero line inside it.
    catAxisLabelPos: 'low',
    catGridLine: { style: 'none' },
    valAxisLabelFontFace: font,
    valAxisLabelFontSize: size,
    valAxisLabelColor: muted,
    valAxisLineShow: false,
    valAxisMajorTickMark: 'none',
    valAxisMinVal: scale.min,
    valAxisMaxVal: scale.max,
    valAxisMajorUnit: scale.step,
    valAxisLabelFormatCode: excelFormat(scale.decimals, g.style, chart.unit),
    valGridLine: { color: hex(theme.colors.rule), size: 0.75, style: 'solid' },
    displayBlanksAs: 'gap',
    ...(g.rotated ? { catAxisLabelRotate: -45 } : {}),
    ...(g.every > 1 ? { catAxisLabelFrequency: String(g.every) } : {}),
  };

  if (chart.type === 'line') {
    c.out.addChart(c.pres.ChartType.line, data, {
      ...common,
      ...axes,
      lineSize: 2.25,
      lineDataSymbol: 'circle',
      lineDataSymbolSize: 7,
      lineDataSymbolLineColor: hex(theme.colors.background),
      lineDataSymbolLineSize: 1.1,
    });
    return;
  }

  c.out.addChart(c.pres.ChartType.bar, data, {
    ...common,
    ...axes,
    barDir: chart.type === 'bar' ? 'bar' : 'col',
    barGrouping: chart.stacked ? 'stacked' : 'clustered',
    barGapWidthPct: GAP_WIDTH,
    // Horizontal bars read top down in the table's order: the category axis runs from the top, and
    // the value axis stays at the bottom.
    ...(chart.type === 'bar' ? { catAxisOrientation: 'maxMin' as 'minMax', catAxisCrossesAt: 'max' as 'autoZero', valAxisLabelPos: 'nextTo' as const } : {}),
  });
}
