/**
 * Chart slides in every output, each read back by a real consumer: the PPTX unzipped and parsed
 * strictly (chart parts, their embedded workbooks, series, categories and values), converted by
 * LibreOffice with the chart page drawn; the HTML deck in Chromium (SVG, labels, colours, no label
 * on another); the slides PDF and the briefing (chart and table) read back with poppler.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import type { ChartBlock, Slide } from '../../src/types/deck.js';
import { LAYOUTS, px } from '../../src/layout/specs.js';
import { chartGeometry, type ChartGeometry } from '../../src/chart/geometry.js';
import { chartColors } from '../../src/chart/svg.js';
import { checkChartPart, repairChartXml } from '../../src/render/pptx/chart-parts.js';
import { checkPackage } from '../../src/render/pptx/package.js';
import { PptxGen } from '../../src/render/pptx/pptxgen.js';
import { renderHtml } from '../../src/render/html/render.js';
import { RENDERERS } from '../../src/render/registry.js';
import { chartDeck, table, type ChartDeck, type ChartSpec } from '../helpers/charts.js';
import { all, first, parseXml, pptxOf, readPptx, shapesOutside, type El, type ReadPptx } from '../helpers/pptx.js';
import { convertToPdf, libreOfficeMissing, pdfWords } from '../helpers/libreoffice.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { layoutProblems, openDeck } from '../helpers/html-layout.js';
import { hasPoppler, pdfText } from '../helpers/pdf.js';
import { tempDir } from '../helpers/tmp.js';

const LONG = [
  'Customer onboarding and identity verification',
  'Warehouse automation in the south-west depot',
  'Fleet electrification, phase one',
  'Data platform migration to the cloud',
  'Regional marketing campaigns',
  'Legal, compliance and audit',
  'Facilities and office consolidation',
  'Driver training and retention programme',
  'Customer service tooling',
  'Security and access management',
];

const SPECS: (ChartSpec & { type: ChartBlock['type'] })[] = [
  {
    type: 'column',
    title: 'Revenue by region',
    table: table(['Region', 'Revenue', 'Cost'], [['North', '$12.5M', '$9.1M'], ['South', '$9.8M', '$7.2M'], ['East', '$14.2M', '$10.0M'], ['West', '$7.1M', '$6.6M'], ['Total', '$43.6M', '$32.9M']]),
  },
  {
    type: 'bar',
    title: 'Cost by programme',
    table: table(['Programme', 'Kosten'], [[LONG[0], '1.234,5 €'], [LONG[1], '2.010,0 €'], [LONG[2], '−350,0 €'], ['Marketing', '0 €'], [LONG[3], '1.500,0 €']]),
  },
  {
    type: 'line',
    title: 'Quarterly revenue',
    table: table(['Quarter', 'Actual', 'Forecast'], [['Q1 2025', '41.0', '40'], ['Q2 2025', '43.2', '42'], ['Q3 2025', '45.9', '44'], ['Q4 2025', '48.2', '46'], ['Q1 2026', '—', '48']]),
  },
  {
    type: 'pie',
    title: 'Market share',
    table: table(['Company', 'Share'], [['Northwind', '42%'], ['Contoso', '27%'], ['Fabrikam', '18%'], ['Others', '13%']]),
  },
  {
    type: 'column',
    title: 'Latency by service',
    table: table(['Service', 'p50', 'p95', 'p99'], [['API', '120 ms', '340 ms', '800 ms'], ['Search', '80 ms', '210 ms', '650 ms'], ['Checkout', '150 ms', '400 ms', '990 ms']]),
    request: { type: 'column', stacked: true },
  },
  {
    type: 'column',
    title: 'Spending by programme',
    table: table(['Programme', 'Spend'], LONG.map((l, i) => [l, `$${(i + 1) * 1.5}M`])),
    request: { type: 'column' },
  },
];
const LONG_LABELS = SPECS.length - 1;

const dir = tempDir('briefdeck-charts-');
let built: ChartDeck;
let pptx: Buffer;
let read: ReadPptx;

beforeAll(async () => {
  built = await chartDeck(SPECS, dir);
  pptx = await pptxOf(built.deck, built);
  writeFileSync(path.join(dir, 'charts.pptx'), pptx);
  read = await readPptx(pptx);
}, 60_000);

const chartOf = (i: number) => (built.deck.slides[built.chartSlides[i]].blocks[0] as { chart: ChartBlock }).chart;
const slideOf = (i: number) => built.deck.slides[built.chartSlides[i]];
const geometryOf = (slide: Slide, chart: ChartBlock): ChartGeometry =>
  chartGeometry({ chart, box: px(LAYOUTS.chart.boxes.body, built.deck.size), size: slide.fit.body, lineHeight: built.theme.lineHeight.body, measurer: built.measurer });

/** The chart part a slide's graphic frame points at (pptxgenjs writes absolute targets). */
function chartPart(i: number): { name: string; root: El; xml: string } {
  const s = read.slides[built.chartSlides[i]];
  const rels = read.xml.get(path.posix.join(path.posix.dirname(s.part), '_rels', `${path.posix.basename(s.part)}.rels`))!;
  const id = first(s.root, 'c:chart')!.attrs['r:id'];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
  const name = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(s.part), target));
  const xml = read.xml.get(name)!;
  return { name, root: parseXml(xml), xml };
}

/** Each series of a chart part: name, categories and values (undefined where a point is missing). */
function seriesOf(root: El) {
  return all(root, 'c:ser').map((ser) => {
    const pts = (el: El | undefined) => {
      const n = Number(first(el!, 'c:ptCount')!.attrs.val);
      const out: (string | undefined)[] = new Array(n).fill(undefined);
      for (const pt of all(el!, 'c:pt')) out[Number(pt.attrs.idx)] = first(pt, 'c:v')!.text;
      return out;
    };
    return {
      name: first(first(ser, 'c:tx')!, 'c:v')!.text,
      categories: pts(first(ser, 'c:cat')),
      values: pts(first(ser, 'c:val')).map((v) => (v === undefined ? NaN : Number(v))),
      fill: first(first(ser, 'c:spPr')!, 'a:srgbClr')?.attrs.val,
    };
  });
}

describe('chart slides in the PPTX', () => {
  it('is a strictly valid package, every shape on the slide', () => {
    expect(read.problems).toEqual([]);
    expect(shapesOutside(read)).toEqual([]);
    const xml = new Map([...read.xml]);
    expect(checkPackage(new Set(read.parts), xml)).toEqual([]);
    for (const i of SPECS.keys()) expect(checkChartPart(chartPart(i).name, chartPart(i).xml)).toEqual([]);
  });

  it('holds a native chart of each type, with the series names, categories and values of the model', () => {
    SPECS.forEach((spec, i) => {
      const chart = chartOf(i);
      expect(chart.type, spec.title).toBe(spec.type);
      const { root } = chartPart(i);
      const kind = spec.type === 'pie' ? 'c:pieChart' : spec.type === 'line' ? 'c:lineChart' : 'c:barChart';
      const plot = first(root, kind)!;
      expect(plot, spec.title).toBeTruthy();
      if (spec.type === 'bar' || spec.type === 'column') expect(first(plot, 'c:barDir')!.attrs.val).toBe(spec.type === 'bar' ? 'bar' : 'col');
      expect(first(plot, 'c:grouping')?.attrs.val ?? 'none').toBe(chart.stacked ? 'stacked' : spec.type === 'line' ? 'standard' : spec.type === 'pie' ? 'none' : 'clustered');
      const series = seriesOf(root);
      expect(series.map((s) => s.name)).toEqual(chart.series.map((s) => s.name).slice(0, spec.type === 'pie' ? 1 : undefined));
      for (const [k, s] of series.entries()) {
        expect(s.categories).toEqual(chart.categories);
        expect(s.values).toEqual(chart.series[k].values);
      }
    });
    // The total row stays in the table, out of the chart.
    expect(chartOf(0).categories).toEqual(['North', 'South', 'East', 'West']);
    expect(seriesOf(chartPart(2).root)[0].values).toEqual([41, 43.2, 45.9, 48.2, NaN]);
    expect(seriesOf(chartPart(1).root)[0].values).toEqual([1234.5, 2010, -350, 0, 1500]);
  });

  it('keeps the data editable: the embedded workbook holds exactly what the chart shows', async () => {
    for (const i of SPECS.keys()) {
      const { name } = chartPart(i);
      const rels = read.xml.get(path.posix.join(path.posix.dirname(name), '_rels', `${path.posix.basename(name)}.rels`))!;
      const target = /Target="([^"]+\.xlsx)"/.exec(rels)![1];
      const file = path.posix.normalize(path.posix.join(path.posix.dirname(name), target));
      const zip = await JSZip.loadAsync(await (await JSZip.loadAsync(pptx)).file(file)!.async('uint8array'));
      const parts = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
      const xml = new Map<string, string>();
      for (const p of parts.filter((p) => /\.(xml|rels)$/.test(p))) xml.set(p, await zip.file(p)!.async('string'));
      expect(checkPackage(new Set(parts), xml)).toEqual([]);
      expect(parts.some((p) => p.startsWith('xl/tables/'))).toBe(false);
      const strings = all(parseXml(xml.get('xl/sharedStrings.xml')!), 't').map((t) => t.text);
      const cells = new Map(all(parseXml(xml.get('xl/worksheets/sheet1.xml')!), 'c').map((c) => [c.attrs.r, c.attrs.t === 's' ? strings[Number(first(c, 'v')!.text)] : Number(first(c, 'v')!.text)]));
      const chart = chartOf(i);
      const series = chart.type === 'pie' ? chart.series.slice(0, 1) : chart.series;
      series.forEach((s, j) => {
        const col = String.fromCharCode(66 + j);
        expect(cells.get(`${col}1`)).toBe(s.name);
        s.values.forEach((v, k) => expect(cells.get(`${col}${k + 2}`), `${chart.type} ${s.name} ${k}`).toBe(Number.isNaN(v) ? undefined : v));
      });
      chart.categories.forEach((c, k) => expect(cells.get(`A${k + 2}`)).toBe(c));
    }
  });

  it('draws in the theme: series colours, gridlines, the body font at the fitted size, the same scale as the SVG', () => {
    SPECS.forEach((spec, i) => {
      const chart = chartOf(i);
      const slide = slideOf(i);
      const { root, xml } = chartPart(i);
      const colours = chartColors(chart, built.theme).map((c) => c.slice(1).toUpperCase());
      if (chart.type === 'pie') {
        const points = all(root, 'c:dPt').map((p) => first(p, 'a:srgbClr')!.attrs.val);
        expect(points).toEqual(colours);
      } else {
        expect(seriesOf(root).map((s) => s.fill)).toEqual(colours);
        const grid = first(first(root, 'c:valAx')!, 'c:majorGridlines')!;
        expect(first(grid, 'a:srgbClr')!.attrs.val).toBe(built.theme.colors.rule.slice(1).toUpperCase());
        const g = geometryOf(slide, chart);
        const scaling = first(first(root, 'c:valAx')!, 'c:scaling')!;
        expect(Number(first(scaling, 'c:min')!.attrs.val)).toBe(g.scale!.min);
        expect(Number(first(scaling, 'c:max')!.attrs.val)).toBe(g.scale!.max);
        expect(Number(first(first(root, 'c:valAx')!, 'c:majorUnit')!.attrs.val)).toBe(g.scale!.step);
        // The plot area where the SVG draws it.
        const layout = first(root, 'c:manualLayout')!;
        expect(Number(first(layout, 'c:x')!.attrs.val)).toBeCloseTo((g.plot.x - g.box.x) / g.box.w, 3);
        expect(Number(first(layout, 'c:w')!.attrs.val)).toBeCloseTo(g.plot.w / g.box.w, 3);
      }
      const fonts = all(root, 'a:latin').map((l) => l.attrs.typeface);
      expect(fonts.filter((f) => f === built.theme.fonts.body.name).length, spec.title).toBeGreaterThanOrEqual(chart.type === 'pie' ? 1 : 2);
      expect(xml).toContain(`sz="${Math.round(slide.fit.body * 75)}"`);
    });
  });

  it('repairs what pptxgenjs writes wrong (PptxGenJS #1534: an axis that does not exist)', async () => {
    const pres = new PptxGen();
    const slide = pres.addSlide();
    const data = [{ name: 'A', labels: ['x', 'y'], values: [1, NaN] }];
    slide.addChart(pres.ChartType.line, data, { x: 0, y: 0, w: 4, h: 3 });
    slide.addChart(pres.ChartType.bar, data, { x: 4, y: 0, w: 4, h: 3, catAxisLabelFrequency: '2' });
    const zip = await JSZip.loadAsync((await pres.write({ outputType: 'nodebuffer' })) as Buffer);
    const charts = Object.keys(zip.files).filter((n) => /^ppt\/charts\/[^/]+\.xml$/.test(n));
    expect(charts).toHaveLength(2);
    for (const name of charts) {
      const raw = await zip.file(name)!.async('string');
      expect(checkChartPart(name, raw).some((p) => /not defined/.test(p))).toBe(true);
      expect(checkChartPart(name, repairChartXml(raw))).toEqual([]);
      expect(() => parseXml(repairChartXml(raw))).not.toThrow();
    }
  });

  it('renders degenerate charts of a hand-made deck JSON (null values, no categories) without failing', async () => {
    // JSON turns NaN into null; a deck file may hold charts no table would give.
    const deck = JSON.parse(JSON.stringify(built.deck)) as typeof built.deck;
    const base = deck.slides[built.chartSlides[2]];
    const variants: ChartBlock[] = [
      { ...chartOf(2), categories: [], series: [{ name: 'Empty', values: [] }] },
      { ...chartOf(0), type: 'bar', categories: ['Only'], series: [{ name: 'A', values: [null as unknown as number] }] },
      { ...chartOf(3), series: [{ name: 'Share', values: [null as unknown as number, 0, 0, 0] }] },
    ];
    for (const chart of variants) deck.slides.push({ ...base, blocks: [{ chart }] });
    const buffer = await pptxOf(deck, built);
    const back = await readPptx(buffer);
    expect(back.problems).toEqual([]);
    const html = await renderHtml(deck, { theme: built.theme, measurer: built.measurer, baseDir: built.baseDir, version: 'test' });
    expect(html.match(/<svg class="chart /g)!.length).toBe(SPECS.length + variants.length);
  });

  it('takes its colours from a dark theme too, in the PPTX and the SVG alike', async () => {
    const dark = await chartDeck(SPECS.slice(0, 1), tempDir('briefdeck-charts-dark-'), { theme: 'stage' });
    const chart = (dark.deck.slides[dark.chartSlides[0]].blocks[0] as { chart: ChartBlock }).chart;
    const colours = chartColors(chart, dark.theme);
    expect(colours[0]).toBe(dark.theme.colors.accent.toUpperCase());
    const back = await readPptx(await pptxOf(dark.deck, dark));
    expect(back.problems).toEqual([]);
    const part = [...back.xml.keys()].find((k) => /^ppt\/charts\/[^/]+\.xml$/.test(k))!;
    const root = parseXml(back.xml.get(part)!);
    expect(seriesOf(root).map((x) => `#${x.fill}`)).toEqual(colours);
    expect(first(first(first(root, 'c:valAx')!, 'c:majorGridlines')!, 'a:srgbClr')!.attrs.val).toBe(dark.theme.colors.rule.slice(1).toUpperCase());
    const html = await renderHtml(dark.deck, { theme: dark.theme, measurer: dark.measurer, baseDir: dark.baseDir, version: 'test' });
    const svg = /<svg class="chart [\s\S]*?<\/svg>/.exec(html)![0];
    expect(new Set([...svg.matchAll(/<rect class="bar"[^>]* fill="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set(colours));
    expect(svg).toContain(`stroke="${dark.theme.colors.rule}"`);
    expect(svg).toContain(`fill="${dark.theme.colors.text}"`);
  });

  const missing = libreOfficeMissing();
  it.skipIf(!!missing)('LibreOffice converts it and draws each chart', () => {
    const pdfDir = tempDir('briefdeck-charts-lo-');
    convertToPdf([path.join(dir, 'charts.pptx')], pdfDir);
    const pdf = path.join(pdfDir, 'charts.pdf');
    const pages = pdfWords(pdf);
    expect(pages.length).toBe(built.deck.slides.length);
    SPECS.forEach((spec, i) => {
      const n = built.chartSlides[i];
      const words = pages[n].words.map((w) => w.text).join(' ');
      const chart = chartOf(i);
      // Labels LibreOffice draws: pie slices are named in the legend, other charts on the axis.
      for (const label of chart.categories.slice(0, 4)) expect(words, `${spec.title}: ${label}`).toContain(label.split(' ')[0]);
      // The chart is drawn: many pixels of the body box are ink (the bars, lines or slices).
      const ppm = spawnSync('pdftoppm', ['-f', String(n + 1), '-l', String(n + 1), '-r', '24', pdf], { maxBuffer: 16 * 1024 * 1024 });
      const { width, height, pixels } = readPpm(ppm.stdout);
      const body = LAYOUTS.chart.boxes.body;
      const bg = built.theme.colors.background;
      const [br, bgG, bb] = [1, 3, 5].map((k) => parseInt(bg.slice(k, k + 2), 16));
      let ink = 0;
      let total = 0;
      for (let y = Math.floor(body.y * height); y < (body.y + body.h) * height; y++) {
        for (let x = Math.floor(body.x * width); x < (body.x + body.w) * width; x++) {
          const o = (y * width + x) * 3;
          total++;
          if (Math.abs(pixels[o] - br) + Math.abs(pixels[o + 1] - bgG) + Math.abs(pixels[o + 2] - bb) > 60) ink++;
        }
      }
      expect(ink / total, spec.title).toBeGreaterThan(spec.type === 'line' ? 0.01 : 0.08);
    });
  }, 240_000);
});

/** A binary PPM (P6) as pdftoppm writes it. */
function readPpm(buf: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), pixels: buf.subarray(header[0].length) };
}

describe.skipIf(!hasBrowser)('chart slides in Chromium', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let file: string;

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    file = path.join(dir, 'charts.html');
    writeFileSync(file, await renderHtml(built.deck, { theme: built.theme, measurer: built.measurer, baseDir: built.baseDir, version: 'test' }));
  });
  afterAll(async () => close?.());

  it('shows every chart as an SVG with its labels, in the theme, with nothing outside its box', async () => {
    const { page, errors, requests } = await openDeck(browser, file);
    try {
      expect(await layoutProblems(page)).toEqual([]);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      for (const [i, spec] of SPECS.entries()) {
        const n = built.chartSlides[i];
        const chart = chartOf(i);
        const found = await page.evaluate((n: number) => {
          const R = (window as unknown as { Reveal: { slide(i: number): void; getCurrentSlide(): HTMLElement } }).Reveal;
          R.slide(n);
          const svg = R.getCurrentSlide().querySelector('svg.chart')!;
          // A wrapped label is one <text>, a <tspan> per line.
          const texts = (sel: string) => Array.from(svg.querySelectorAll(sel)).map((t) => Array.from(t.querySelectorAll('tspan')).map((l) => l.textContent).join(' '));
          const fills = Array.from(svg.querySelectorAll('rect.bar, path.slice, circle.slice, rect.swatch')).map((e) => e.getAttribute('fill'));
          const strokes = Array.from(svg.querySelectorAll('path.line')).map((e) => e.getAttribute('stroke'));
          const text = svg.querySelector('text');
          return {
            role: svg.getAttribute('role'),
            label: svg.getAttribute('aria-label'),
            title: svg.querySelector('title')?.textContent,
            desc: svg.querySelector('desc')?.textContent ?? '',
            categories: texts('text.category'),
            legend: texts('text.legend'),
            ticks: texts('text.tick'),
            values: texts('text.value'),
            fills: [...fills, ...strokes],
            grid: Array.from(svg.querySelectorAll('line.grid')).map((e) => e.getAttribute('stroke')),
            font: text ? getComputedStyle(text).fontFamily : '',
            size: text ? getComputedStyle(text).fontSize : '',
          };
        }, n);
        expect(found.role).toBe('img');
        expect(found.label).toBe(spec.title);
        expect(found.title).toBe(spec.title);
        const colours = chartColors(chart, built.theme);
        expect(new Set(found.fills), spec.title).toEqual(new Set(colours));
        expect(found.font).toContain(`bd ${built.theme.fonts.body.family}`);
        expect(found.size).toBe(`${slideOf(i).fit.body}px`);
        if (chart.type === 'pie') {
          expect(found.legend).toEqual(chart.categories);
          expect(found.values).toEqual(['42%', '27%', '18%', '13%']);
        } else {
          expect(found.categories).toEqual(chart.categories);
          expect(new Set(found.grid)).toEqual(new Set([built.theme.colors.rule]));
          expect(found.legend).toEqual(chart.series.map((s) => s.name));
        }
        for (const c of chart.categories) expect(found.desc).toContain(c);
      }
      // Values written as the table wrote them, with its unit.
      expect(await ticksOf(page, built.chartSlides[0])).toContain('$15.0M');
      expect(await ticksOf(page, built.chartSlides[1])).toContain('1.000 €');
    } finally {
      await page.close();
    }
  });

  it('never sets a label on another label, even for long labels', async () => {
    const { page } = await openDeck(browser, file);
    try {
      for (const i of SPECS.keys()) {
        const overlaps = await page.evaluate(async (n: number) => {
          const R = (window as unknown as { Reveal: { configure(o: object): void; slide(i: number): void; getCurrentSlide(): HTMLElement } }).Reveal;
          R.configure({ transition: 'none' });
          await document.fonts.ready;
          R.slide(n);
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          const svg = R.getCurrentSlide().querySelector('svg.chart')!;
          const frame = svg.getBoundingClientRect();
          // Each line of each label: turned labels are checked by their lines' own boxes too.
          const boxes = Array.from(svg.querySelectorAll('text tspan')).map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
          const out: string[] = [];
          for (const b of boxes) {
            if (b.r.left < frame.left - 1 || b.r.right > frame.right + 1 || b.r.top < frame.top - 1 || b.r.bottom > frame.bottom + 1) out.push(`outside: ${b.text}`);
          }
          const turned = svg.querySelector('text.category[transform]');
          for (let a = 0; a < boxes.length; a++) {
            for (let c = a + 1; c < boxes.length; c++) {
              const p = boxes[a].r;
              const q = boxes[c].r;
              // A turned line's box is its bounding square; neighbours' squares may touch but their glyphs do not.
              const slack = turned ? Math.min(p.width, q.width) * 0.3 : 1;
              if (p.left < q.right - slack && q.left < p.right - slack && p.top < q.bottom - 1 && q.top < p.bottom - 1) out.push(`${boxes[a].text} / ${boxes[c].text}`);
            }
          }
          return out;
        }, built.chartSlides[i]);
        expect(overlaps, SPECS[i].title).toEqual([]);
      }
      // The long labels wrapped or turned, all of them shown whole or with "…".
      const chart = chartOf(LONG_LABELS);
      const geometry = geometryOf(slideOf(LONG_LABELS), chart);
      expect(geometry.fits).toBe(true);
      expect(geometry.categories.every((c) => c && (c.lines.length > 1 || c.rotate))).toBe(true);
    } finally {
      await page.close();
    }
  });
});

async function ticksOf(page: import('puppeteer-core').Page, n: number): Promise<string[]> {
  return page.evaluate((n: number) => {
    const R = (window as unknown as { Reveal: { slide(i: number): void; getCurrentSlide(): HTMLElement } }).Reveal;
    R.slide(n);
    return Array.from(R.getCurrentSlide().querySelectorAll('svg.chart text.tick')).map((t) => t.textContent ?? '');
  }, n);
}

describe.skipIf(!hasBrowser || !hasPoppler)('chart slides printed', () => {
  let close: () => Promise<void>;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    const launched = await launchBrowser();
    close = launched.close;
    for (const format of ['pdf', 'briefing']) {
      const renderer = await RENDERERS[format]();
      const data = await renderer.render({
        deck: built.deck,
        theme: built.theme,
        measurer: built.measurer,
        baseDir: built.baseDir,
        file: built.file,
        version: 'test',
        paper: 'a4',
        perPage: 3,
        browser: async () => launched.browser,
        warn: () => undefined,
      });
      files[format] = path.join(dir, `charts${renderer.extension}`);
      writeFileSync(files[format], data);
    }
  }, 180_000);
  afterAll(async () => close?.());

  it('prints each chart slide with its labels', () => {
    SPECS.forEach((spec, i) => {
      const text = pdfText(files.pdf, built.chartSlides[i] + 1);
      for (const c of chartOf(i).categories.slice(0, 3)) expect(text, spec.title).toContain(c.split(' ')[0]);
    });
  });

  it('shows both the chart and its table in the briefing', () => {
    const text = pdfText(files.briefing).replace(/\s+/g, ' ');
    // The table's cells, the total row included, and the chart's axis labels.
    for (const cell of ['$43.6M', '$32.9M', 'Northwind', '42%', '120 ms', '1.234,5 €']) expect(text).toContain(cell);
    expect(text).toContain('$15.0M');
    expect(text.match(/Northwind/g)!.length).toBeGreaterThanOrEqual(2);
  });
});
