/**
 * Whether a table becomes a chart, and which. Automatically only the clear cases: a column of labels
 * beside one to four numeric columns in one unit, two to twelve rows. Rows through time make a line,
 * one column of shares of a whole a pie, short labels columns and long or many labels horizontal bars.
 * A chart the author asks for (`<!-- chart: bar -->`) is drawn whenever the table can be charted at
 * all; when it cannot, the answer says why, for a warning.
 */
import type { ChartBlock, TableBlock } from '../types/deck.js';
import { runsText } from '../structure/inline.js';
import { readColumn, type NumericColumn, type Unit } from './numbers.js';
import { isOrdered, isTimeLabels } from './ordered.js';

export type ChartType = ChartBlock['type'];

/** `auto`: chart the clear cases; `off`: only what a directive requests. */
export type ChartsMode = 'auto' | 'off';

export interface ChartRequest {
  type: ChartType | 'none';
  /** Bars or columns of several series stacked. Only ever on request. */
  stacked?: boolean;
  /** A title for the chart slide. */
  title?: string;
}

export interface ChartOptions {
  /** What the author asked for, from a directive; honoured whatever `mode` is. */
  request?: ChartRequest;
  mode: ChartsMode;
  /** The report's language: decides "1,234" when nothing else in a column does. */
  lang?: string;
}

export interface ChartChoice {
  chart?: ChartBlock;
  /** The requested title of the chart slide, when the request gave one. */
  title?: string;
  /** Why a requested chart cannot be drawn (the caller adds file:line). */
  problem?: string;
}

/** The automatic rule's limits. */
export const AUTO = { minRows: 2, maxRows: 12, maxSeries: 4, maxPieSlices: 8, minLinePoints: 3 };
/** A requested chart's limits: beyond them no chart is legible on a slide. */
export const REQUESTED = { maxRows: 30, maxSeries: 8, maxPieSlices: 12 };

/**
 * Rows that sum the others ("Total", "Summe", "合计") would dwarf them: they are left out of the
 * chart (the table keeps them).
 */
const TOTAL =
  /^(?:grand\s+total|sub-?total|totals?|sum|overall|gesamt(?:summe)?|summe|insgesamt|totaal|totale|totalt|total\s+general|yhteensä|razem|suma|итого|всего|合计|总计|合計|総計|총계|합계|المجموع|הכל|סה"כ)(?=$|[\s:,(])/iu;

export function isTotalLabel(label: string): boolean {
  return TOTAL.test(label.trim());
}

/** Headers that say a column holds shares of a whole. */
const SHARE = /share|percent|proportion|anteil|prozent|part\b|parts\b|cuota|quota|participación|participação|quote|aandeel|%/iu;

/** Whether labels read too long for columns side by side: then horizontal bars. */
const LONG_LABEL = 12;
const MAX_COLUMNS = 7;

export function chartFor(table: TableBlock, opts: ChartOptions): ChartChoice {
  const request = opts.request;
  if (request?.type === 'none') return {};
  if (!request && opts.mode === 'off') return {};
  const title = request?.title ? { title: request.title } : {};
  const fail = (problem: string): ChartChoice => (request ? { problem: `chart: ${problem}`, ...title } : {});

  const n = Math.max(table.head.length, table.align.length, ...table.rows.map((r) => r.length));
  const cellText = (row: TableBlock['head'], c: number) => runsText(row[c] ?? []).replace(/\s+/g, ' ').trim();
  const headers = Array.from({ length: n }, (_, c) => cellText(table.head, c));
  const rows = table.rows.map((r) => Array.from({ length: n }, (_, c) => cellText(r, c))).filter((r) => r.some(Boolean));
  if (n < 2) return fail('the table has a single column');
  if (!rows.length) return fail('the table has no rows');
  const column = (c: number, rs = rows) => rs.map((r) => r[c]);

  // The labels: the first column unless it is numeric and not times ("2023, 2024" are labels).
  const first = column(0);
  let labelAt = isTimeLabels(first) || !readColumn(first, opts).ok ? 0 : -1;
  if (labelAt < 0) for (let c = 1; c < n && labelAt < 0; c++) if (!readColumn(column(c), opts).ok) labelAt = c;
  // A requested chart of an all-numeric table reads its first column as the labels.
  if (labelAt < 0) {
    if (!request) return {};
    labelAt = 0;
  }

  const data = rows.filter((r) => !isTotalLabel(r[labelAt]));
  if (!data.length) return fail('the table has only a total row');
  const valueCols = [...Array(n).keys()].filter((c) => c !== labelAt);
  const series: { name: string; column: NumericColumn }[] = [];
  for (const c of valueCols) {
    const name = headers[c] || `Column ${c + 1}`;
    const read = readColumn(column(c, data), opts);
    if (!read.ok) {
      if (read.reason === 'no numbers') return fail(`column "${name}" has no numbers`);
      return fail(`column "${name}" ${read.reason === 'units differ' ? 'mixes units' : read.reason === 'mixed decimal separators' ? 'mixes decimal separators' : 'is not numeric'}${read.cell ? ` ("${read.cell}")` : ''}`);
    }
    series.push({ name, column: read.column });
  }
  const unit = series[0].column.unit;
  const other = series.find((s) => !sameUnit(s.column.unit, unit));
  if (other) return fail(`columns "${series[0].name}" and "${other.name}" are in different units`);

  const categories = column(labelAt, data);
  const limits = request ? REQUESTED : AUTO;
  if (series.length > limits.maxSeries) return fail(`${series.length} numeric columns are more than a chart can show (at most ${limits.maxSeries})`);
  if (categories.length > limits.maxRows) return fail(`${categories.length} rows are more than a chart can show (at most ${limits.maxRows})`);
  if (!request && categories.length < AUTO.minRows) return {};

  const values = series.map((s) => s.column.values);
  const all = values.flat();
  const negative = all.some((v) => v < 0);
  let type: ChartType;
  if (request) {
    type = request.type;
    if (type === 'pie') {
      if (series.length > 1) return fail(`a pie shows one column, the table has ${series.length}`);
      if (negative) return fail('a pie cannot show negative values');
      if (all.some((v) => Number.isNaN(v))) return fail('a pie cannot show empty cells');
      if (!all.some((v) => v > 0)) return fail('a pie needs a value above zero');
      if (categories.length > REQUESTED.maxPieSlices) return fail(`${categories.length} slices are more than a pie can show (at most ${REQUESTED.maxPieSlices})`);
    }
  } else type = autoType(categories, series, headers[valueCols[0]]);

  const stacked = !!request?.stacked && (type === 'bar' || type === 'column') && series.length > 1;
  if (stacked && negative) return fail('stacked bars cannot show negative values');

  const chart: ChartBlock = {
    type,
    ...(stacked ? { stacked: true } : {}),
    categories,
    series: series.map((s) => ({ name: s.name, values: s.column.values })),
    ...(unit ? { unit } : {}),
    table,
  };
  return { chart, ...title };
}

function sameUnit(a: Unit | undefined, b: Unit | undefined): boolean {
  const k = (u: Unit | undefined) => `${(u?.prefix ?? '').replace(/\s/g, '')}|${(u?.suffix ?? '').replace(/\s/g, '')}`;
  return k(a) === k(b);
}

function autoType(categories: string[], series: { name: string; column: NumericColumn }[], header: string): ChartType {
  if (categories.length >= AUTO.minLinePoints && isOrdered(categories)) return 'line';
  if (series.length === 1 && categories.length <= AUTO.maxPieSlices && isShares(series[0].column, header)) return 'pie';
  const long = Math.max(...categories.map((c) => [...c].length)) > LONG_LABEL;
  return long || categories.length > MAX_COLUMNS || categories.length * series.length > 16 ? 'bar' : 'column';
}

/** One column of parts of a whole: percentages summing to 100, or a share column summing to 100 or 1. */
function isShares(column: NumericColumn, header: string): boolean {
  const v = column.values;
  if (v.some((x) => Number.isNaN(x) || x < 0)) return false;
  const sum = v.reduce((a, b) => a + b, 0);
  const near = (target: number) => Math.abs(sum - target) <= target * 0.015;
  const percent = column.unit?.suffix?.trim() === '%';
  if (percent) return near(100);
  return SHARE.test(header) && (near(100) || near(1));
}
