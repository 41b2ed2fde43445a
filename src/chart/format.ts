/**
 * A chart's value axis: round tick steps (1, 2, 2.5, 5 × 10ⁿ) and its numbers written the way the
 * table wrote them — its decimal and thousands separators and its unit ("$40M", "12,5 %"). The HTML
 * draws these labels and the PPTX gets the same scale and an Excel number format that prints them.
 */
import type { ChartBlock } from '../types/deck.js';
import { runsText } from '../structure/inline.js';
import { readColumn, type NumberStyle, type Unit } from './numbers.js';

export interface Scale {
  min: number;
  max: number;
  step: number;
  /** Decimals a tick label needs to tell the ticks apart. */
  decimals: number;
  ticks: number[];
}

const STEPS = [1, 2, 2.5, 5, 10];

/** Decimals of a step: 0.25 needs two, 5 none. */
function decimalsOf(step: number): number {
  for (let d = 0; d < 10; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9 * 10 ** d) return d;
  return 10;
}

/**
 * Round ticks from `lo` to `hi` with at most `maxTicks` ticks (at least two). Bars and columns start at
 * zero so their lengths compare; `zero` says whether zero must be on the axis.
 */
export function niceScale(lo: number, hi: number, maxTicks: number, zero: boolean): Scale {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) lo = hi = 0;
  if (zero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (hi === lo) {
    const pad = hi === 0 ? 1 : Math.abs(hi) / 2;
    hi += zero && hi === 0 ? 1 : pad;
    if (!(zero && lo === 0)) lo -= zero ? 0 : pad;
  }
  const span = hi - lo;
  const intervals = Math.max(1, maxTicks - 1);
  const raw = span / intervals;
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = mag * 10;
  for (const s of STEPS) {
    const candidate = s * mag;
    if (Math.ceil(hi / candidate - 1e-9) - Math.floor(lo / candidate + 1e-9) <= intervals) {
      step = candidate;
      break;
    }
  }
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.ceil(hi / step - 1e-9) * step;
  const decimals = decimalsOf(step);
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Number(v.toFixed(decimals)));
  return { min: Number(min.toFixed(decimals)), max: Number(max.toFixed(decimals)), step, decimals, ticks };
}

/** The number style of a chart's table: the separators of its first value column that shows them. */
export function numberStyle(chart: ChartBlock): NumberStyle {
  const { table } = chart;
  const n = Math.max(table.head.length, table.align.length);
  let style: NumberStyle | undefined;
  for (let c = 0; c < n; c++) {
    const read = readColumn(table.rows.map((r) => runsText(r[c] ?? []).trim()));
    if (!read.ok) continue;
    style ??= read.column.style;
    if (read.column.style.decimal === ',' || read.column.style.group) return read.column.style;
  }
  return style ?? { decimal: '.', group: '' };
}

/** `v` with `decimals` decimals, in the table's separators; a minus sign for negatives. */
export function formatNumber(v: number, decimals: number, style: NumberStyle): string {
  const fixed = Math.abs(v).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = style.group && int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, style.group) : int;
  const sign = v < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${frac ? style.decimal + frac : ''}`;
}

/** A value with its unit: "-$5M", "12,5 %", "120 ms". */
export function formatValue(v: number, decimals: number, style: NumberStyle, unit?: Unit): string {
  const text = formatNumber(Math.abs(v), decimals, style);
  const sign = v < 0 && text.replace(/[^1-9]/g, '') !== '' ? '-' : '';
  return `${sign}${unit?.prefix ?? ''}${text}${unit?.suffix ?? ''}`;
}

/**
 * The Excel number format that prints values as `formatValue` does: unit text quoted (a bare "%"
 * would multiply by 100), thousands grouped when the table grouped them. Office applies the
 * reader's own separators.
 */
export function excelFormat(decimals: number, style: NumberStyle, unit?: Unit): string {
  const quote = (s: string) => (s ? `"${s.replace(/["\\]/g, '')}"` : '');
  const body = `${style.group ? '#,##0' : '0'}${decimals ? `.${'0'.repeat(decimals)}` : ''}`;
  const positive = `${quote(unit?.prefix ?? '')}${body}${quote(unit?.suffix ?? '')}`;
  return `${positive};-${positive}`;
}
