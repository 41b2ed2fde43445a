/**
 * pptxgenjs 4.0.1 writes chart parts that LibreOffice draws but strict readers (PowerPoint among
 * them) reject or "repair":
 *  - bar and line charts name a third axis that does not exist (PptxGenJS #1534);
 *  - a line chart has no <c:grouping> (required) and its series carry <c:invertIfNegative> and put
 *    <c:marker> after the data labels, against the schema's order;
 *  - `tickLblSkip` is written after `noMultiLvlLbl`, out of order;
 *  - an empty cell becomes an empty <c:v>, and a zero an empty cell of the embedded workbook;
 *  - single-level categories are written as multi-level ones (PptxGenJS #1465);
 *  - the embedded workbook holds a table part whose range ends in a stray quote ("A1:C5'").
 * Each chart part is put right here, its workbook rebuilt from the chart's own caches (so the data
 * Excel opens is exactly what the chart shows), and `checkChartPart` proves the result.
 */
import path from 'node:path';
import { escapeXml } from './xml.js';
import { partText, readParts, writeParts, xmlParts, type DeflatedTexts, type Parts } from './zip-parts.js';

export const CHART_PART = /^ppt\/charts\/[^/]+\.xml$/;
const AXES = /<c:(?:catAx|valAx|dateAx|serAx)>\s*<c:axId val="(\d+)"\/>/g;

/** The chart part with pptxgenjs's mistakes put right. */
export function repairChartXml(text: string): string {
  let out = text;
  // Axis references: only to axes the part defines.
  const defined = new Set([...out.matchAll(AXES)].map((m) => m[1]));
  out = out.replace(/<c:axId val="(\d+)"\/>/g, (m, id: string) => (defined.has(id) ? m : ''));
  // Line charts: the required grouping; series elements in the schema's order.
  out = out.replace(/<c:lineChart>(?!\s*<c:grouping)/g, '<c:lineChart><c:grouping val="standard"/>');
  out = out.replace(/<c:lineChart>[\s\S]*?<\/c:lineChart>/g, (chart) =>
    chart.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, (ser) => {
      let s = ser.replace(/\s*<c:invertIfNegative val="[^"]*"\/>/g, '');
      const marker = /<c:marker>[\s\S]*?<\/c:marker>/.exec(s)?.[0];
      if (marker) {
        s = s.replace(marker, '');
        const end = s.indexOf('</c:spPr>', s.indexOf('</c:tx>'));
        if (end >= 0) s = s.slice(0, end + '</c:spPr>'.length) + marker + s.slice(end + '</c:spPr>'.length);
      }
      return s;
    }),
  );
  // Category axis: tickLblSkip before noMultiLvlLbl.
  out = out.replace(/(<c:noMultiLvlLbl val="[^"]*"\/>)(\s*)(<c:tickLblSkip val="[^"]*"\/>)/g, '$3$2$1');
  // A missing value is a missing point, not an empty one.
  out = out.replace(/<c:numCache>[\s\S]*?<\/c:numCache>/g, (cache) => cache.replace(/<c:pt idx="\d+">\s*<c:v>\s*<\/c:v>\s*<\/c:pt>/g, ''));
  // One level of categories is a plain string reference.
  out = out.replace(
    /<c:multiLvlStrRef>\s*(<c:f>[^<]*<\/c:f>)\s*<c:multiLvlStrCache>\s*(<c:ptCount val="\d+"\/>)\s*<c:lvl>([\s\S]*?)<\/c:lvl>\s*<\/c:multiLvlStrCache>\s*<\/c:multiLvlStrRef>/g,
    '<c:strRef>$1<c:strCache>$2$3</c:strCache></c:strRef>',
  );
  return out;
}

/** What a strict reader would reject in a chart part; empty when it is sound. */
export function checkChartPart(name: string, text: string): string[] {
  const problems: string[] = [];
  const defined = new Set([...text.matchAll(AXES)].map((m) => m[1]));
  for (const chart of text.matchAll(/<c:(bar|line|pie|area)Chart>([\s\S]*?)<\/c:\1Chart>/g)) {
    const refs = [...chart[2].matchAll(/<c:axId val="(\d+)"\/>/g)].map((m) => m[1]);
    for (const id of refs) if (!defined.has(id)) problems.push(`${name}: ${chart[1]}Chart names axis ${id}, which is not defined`);
    if (chart[1] !== 'pie' && refs.length !== 2) problems.push(`${name}: ${chart[1]}Chart names ${refs.length} axes, not 2`);
    if (chart[1] === 'line' && !/^\s*<c:grouping /.test(chart[2])) problems.push(`${name}: lineChart without grouping`);
    if (chart[1] === 'line' && /<c:invertIfNegative/.test(chart[2])) problems.push(`${name}: lineChart series with invertIfNegative`);
  }
  if (/<c:v>\s*<\/c:v>/.test(text)) problems.push(`${name}: empty value`);
  if (/<c:noMultiLvlLbl [^>]*\/>\s*<c:tickLblSkip/.test(text)) problems.push(`${name}: tickLblSkip after noMultiLvlLbl`);
  return problems;
}

/** A chart's caches: its categories, and each series' name and values by point index. */
interface ChartData {
  categories: string[];
  series: { name: string; values: Map<number, string> }[];
}

const unescape = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e.toLowerCase()],
  );

function readChartData(text: string): ChartData {
  const series: ChartData['series'] = [];
  let categories: string[] = [];
  for (const ser of text.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)) {
    const body = ser[1];
    const name = /<c:tx>[\s\S]*?<c:v>([\s\S]*?)<\/c:v>/.exec(body)?.[1] ?? '';
    const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(body)?.[1] ?? '';
    const count = Number(/<c:ptCount val="(\d+)"\/>/.exec(cat)?.[1] ?? 0);
    const labels = new Array<string>(count).fill('');
    for (const pt of cat.matchAll(/<c:pt idx="(\d+)">\s*<c:v>([\s\S]*?)<\/c:v>/g)) labels[Number(pt[1])] = unescape(pt[2]);
    if (!categories.length) categories = labels;
    const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(body)?.[1] ?? '';
    const values = new Map<number, string>();
    for (const pt of val.matchAll(/<c:pt idx="(\d+)">\s*<c:v>([^<]+)<\/c:v>/g)) values.set(Number(pt[1]), pt[2].trim());
    series.push({ name: unescape(name), values });
  }
  return { categories, series };
}

/** Excel's name of the n-th column (1-based): A, B, … Z, AA. */
function column(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The embedded workbook rebuilt from the chart, as its parts: A1 empty, series names along row 1,
 * categories down column A, values beside them (an empty cell where the chart has no point) — the
 * cells the chart's formulas (Sheet1!$B$1, Sheet1!$A$2:$A$n) point at. Its unused, malformed table
 * part is dropped.
 */
export function rebuildWorkbook(bytes: Uint8Array, chartXml: string): Parts {
  const data = readChartData(chartXml);
  const parts = readParts(bytes);
  const strings = new Map<string, number>();
  const str = (s: string) => {
    if (!strings.has(s)) strings.set(s, strings.size);
    return strings.get(s)!;
  };
  str('');
  const cols = data.series.length + 1;
  const rows: string[] = [];
  const head = [`<c r="A1" t="s"><v>${str('')}</v></c>`, ...data.series.map((s, j) => `<c r="${column(j + 2)}1" t="s"><v>${str(s.name)}</v></c>`)];
  rows.push(`<row r="1" spans="1:${cols}">${head.join('')}</row>`);
  data.categories.forEach((cat, i) => {
    const r = i + 2;
    const cells = [`<c r="A${r}" t="s"><v>${str(cat)}</v></c>`];
    data.series.forEach((s, j) => {
      const v = s.values.get(i);
      if (v !== undefined && Number.isFinite(Number(v))) cells.push(`<c r="${column(j + 2)}${r}"><v>${v}</v></c>`);
    });
    rows.push(`<row r="${r}" spans="1:${cols}">${cells.join('')}</row>`);
  });
  const sheet =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="A1:${column(cols)}${data.categories.length + 1}"/>` +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    `<sheetData>${rows.join('')}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  const sst =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">` +
    [...strings.keys()].map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('') +
    '</sst>';
  parts.set('xl/worksheets/sheet1.xml', sheet);
  parts.set('xl/sharedStrings.xml', sst);
  // The table part is never linked from the sheet (pptxgenjs says linking it breaks the chart) and its
  // range is malformed: drop it, its relationship and its content type.
  parts.delete('xl/tables/table1.xml');
  parts.delete('xl/worksheets/_rels/sheet1.xml.rels');
  const types = partText(parts.get('[Content_Types].xml') ?? new Uint8Array());
  parts.set('[Content_Types].xml', types.replace(/\s*<Override PartName="\/xl\/tables\/[^"]*"[^>]*\/>/g, ''));
  return parts;
}

/** The embedded workbook a chart part links to, by its relationships. */
export function workbookOf(chartPart: string, xml: Map<string, string>): string | undefined {
  const rels = xml.get(path.posix.join(path.posix.dirname(chartPart), '_rels', `${path.posix.basename(chartPart)}.rels`));
  const target = rels && /Target="([^"]+\.xlsx)"/.exec(rels)?.[1];
  return target ? path.posix.normalize(path.posix.join(path.posix.dirname(chartPart), target)) : undefined;
}

/**
 * Repairs every chart part of a package and rebuilds its workbook; returns what a strict reader would
 * still reject inside the workbooks (`check` is the package check, applied to each workbook's parts).
 */
export function repairCharts(parts: Parts, xml: Map<string, string>, check: (parts: Set<string>, xml: Map<string, string>) => string[]): string[] {
  const problems: string[] = [];
  // The workbooks share most of their parts word for word: each is deflated once.
  const deflated: DeflatedTexts = new Map();
  for (const [name, text] of [...xml]) {
    if (!CHART_PART.test(name)) continue;
    const fixed = repairChartXml(text);
    xml.set(name, fixed);
    const workbook = workbookOf(name, xml);
    const file = workbook && parts.get(workbook);
    if (!workbook || !(file instanceof Uint8Array)) {
      problems.push(`${name}: no embedded workbook`);
      continue;
    }
    // Checked from its parts, exactly the bytes and text that are zipped, rather than unzipped again.
    const rebuilt = rebuildWorkbook(file, fixed);
    parts.set(workbook, writeParts(rebuilt, { deflated }));
    problems.push(...check(new Set(rebuilt.keys()), xmlParts(rebuilt)).map((p) => `${workbook}: ${p}`));
  }
  return problems;
}
