/**
 * Numbers as reports write them in table cells: "1,234.5", "1.234,5", "1 234,5", "1'234", "(1,200)",
 * "−3.2%", "$48.2M", "48,2 €", "USD 12", "120 ms", "12.4¹", "—". A column is read as one locale: the
 * decimal separator is decided from all its cells together ("1,234" alone could be either), with the
 * report's language breaking a tie. A column is numeric when every cell is a number or empty and all
 * numbers carry the same unit.
 */

export interface Unit {
  /** Written before the number: "$", "€", "USD ". */
  prefix?: string;
  /** Written after it, with its space when the report had one: "%", " ms", "M", " €". */
  suffix?: string;
}

/** How the column writes its numbers, so a chart's axis can write them the same way. */
export interface NumberStyle {
  decimal: '.' | ',';
  /** The thousands separator the column used, '' when it used none. */
  group: string;
}

export interface NumericColumn {
  /** One per cell, NaN where a cell is empty ("", "—", "n/a"). */
  values: number[];
  unit?: Unit;
  /** The most decimals any cell was written with. */
  decimals: number;
  style: NumberStyle;
}

export type ColumnReading = { ok: true; column: NumericColumn } | { ok: false; reason: string; cell?: string };

/** Cells that say "no value": empty, a dash, n/a. */
const MISSING = /^(?:|[-‐‑‒–—―−]+|n\.?\s?\/?\s?a\.?|n\.?\s?d\.?|nil|null|none|\.\.+|…|\?+|tbd|tba|k\.\s?a\.)$/iu;
/** Minus signs: hyphen-minus, U+2212, the en dash and figure dash reports use for minus. */
const MINUS = /^[-−–‒]/u;
/** Spaces that group thousands: space, no-break, narrow no-break, thin, figure space. */
const SPACES = ' \u00a0\u202f\u2009\u2007\u2008\u200a';
const GROUP_CHARS = `.,'’${SPACES}`;
const CORE = new RegExp(`^(?:\\d(?:[${GROUP_CHARS}]?\\d)*(?:[.,]\\d+)?|[.,]\\d+)`, 'u');
/** Currency written before a number; a three-letter code only when a number follows it. */
const PREFIX = /^(?:(?:US|A|C|NZ|HK|S|R|MX|NT)\$|[$€£¥₹₩₽₺₪₫฿₴₦₱₡₲₵₸¢]|Fr\.|CHF|[A-Z]{3}(?=\s?[-−–‒+(]?\s?[\d.,]))\s?/u;
/** What may follow a number as its unit: letters, %, currency and unit signs, no digits. */
const SUFFIX = /^[\p{L}%‰‱°′″'$€£¥₹₩₽₺₪₫฿₴₦₱/²³µ·×.\s]{1,16}$/u;
/**
 * Footnote marks after a number: "12.4*", "12.4¹", "12.4†", "12.4[2]". Superscript digits only
 * right after a number: in "12 m²" the ² is the unit's.
 */
const FOOTNOTE = /(?:\s?(?:[*†‡§]+|\[\d+\])|(?<=[\d%)])[¹²³⁰⁴-⁹]+)$/u;

/** Magnitude words kept in the unit: "M" in "$48.2M". Rescaled only when a column mixes them. */
const MAGNITUDES: Record<string, number> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, mn: 1e6, mio: 1e6, Mio: 1e6, bn: 1e9, B: 1e9, Mrd: 1e9, mrd: 1e9 };
/** "m" and "B" are also metres and bytes: they count as million and billion only after a currency. */
const CURRENCY_ONLY = new Set(['m', 'B']);

interface Parsed {
  negative: boolean;
  prefix: string;
  core: string;
  /** The unit after the number, spaces kept. */
  suffix: string;
}

/** One cell: `missing`, a number still to be read, or not a number at all (undefined). */
function parseCell(text: string): Parsed | 'missing' | undefined {
  let s = text.trim().replace(FOOTNOTE, '').trim();
  if (MISSING.test(s)) return 'missing';
  let negative = false;
  const paren = /^\((.*)\)$/u.exec(s);
  if (paren) {
    negative = true;
    s = paren[1].trim();
  }
  const sign = () => {
    if (MINUS.test(s) && !/^[-−–‒]$/u.test(s)) {
      negative = !negative;
      s = s.slice(1).trimStart();
    } else if (s.startsWith('+')) s = s.slice(1).trimStart();
  };
  sign();
  const prefix = PREFIX.exec(s)?.[0] ?? '';
  s = s.slice(prefix.length);
  if (prefix) sign();
  const core = CORE.exec(s)?.[0];
  if (!core) return undefined;
  const rest = s.slice(core.length);
  // "12 ms" reads its space into the number: a core ends in a digit.
  const trimmedCore = core.replace(new RegExp(`[${GROUP_CHARS}]+$`, 'u'), '');
  const suffix = (core.slice(trimmedCore.length) + rest).replace(/\s+$/u, '');
  if (suffix.trim() && !SUFFIX.test(suffix.trim())) return undefined;
  return { negative, prefix: prefix.trim() ? prefix : '', core: trimmedCore, suffix };
}

/**
 * The number a core stands for when `decimal` is its decimal separator, or undefined when it cannot
 * be one: thousands groups must be three digits (two in Indian grouping), one decimal separator at most.
 */
function interpret(core: string, decimal: '.' | ','): { value: number; decimals: number; group: string } | undefined {
  const other = decimal === '.' ? ',' : '.';
  const at = core.lastIndexOf(decimal);
  let int = at >= 0 ? core.slice(0, at) : core;
  const frac = at >= 0 ? core.slice(at + 1) : '';
  if (!/^\d*$/.test(frac) || (at >= 0 && !frac)) return undefined;
  if (int.includes(decimal)) return undefined;
  let group = '';
  const groups = int.split(new RegExp(`[${SPACES}'’${other === '.' ? '.' : ','}]`, 'u'));
  if (groups.length > 1) {
    group = int.slice(groups[0].length, groups[0].length + 1);
    // One thousands separator per number, used the same way throughout.
    if (![...int].filter((c) => !/\d/.test(c)).every((c) => c === group)) return undefined;
    const [head, ...tail] = groups;
    const last = tail[tail.length - 1];
    const indian = tail.slice(0, -1).every((g) => g.length === 2) && tail.length > 1;
    if (!/^\d{1,3}$/.test(head) || head === '0' || last.length !== 3) return undefined;
    if (!tail.slice(0, -1).every((g) => g.length === 3) && !indian) return undefined;
    int = groups.join('');
  } else if (!/^\d*$/.test(int)) return undefined;
  const value = Number(`${int || '0'}.${frac || '0'}`);
  return Number.isFinite(value) ? { value, decimals: frac.length, group } : undefined;
}

/**
 * Whether the report's language writes decimals with a comma ("de", "fr", "pt-BR"; not "en",
 * "de-CH", "es-MX"), as the platform's locale data says.
 */
export function commaDecimal(lang?: string): boolean {
  if (!lang) return false;
  try {
    return new Intl.NumberFormat(lang).formatToParts(1.5).find((p) => p.type === 'decimal')?.value === ',';
  } catch {
    return false;
  }
}

/** A unit's magnitude word and the rest of it: "M" and "" in "M", "bn" and " EUR" in "bn EUR". */
function splitMagnitude(suffix: string, currency: boolean): { magnitude: string; rest: string } {
  const m = /^\s?([A-Za-z]{1,3})\.?(?=$|\s|[^\p{L}])(.*)$/u.exec(suffix);
  if (m && m[1] in MAGNITUDES && (currency || !CURRENCY_ONLY.has(m[1]))) return { magnitude: m[1], rest: m[2] };
  return { magnitude: '', rest: suffix };
}

/** Units compare without their spaces: "12%" and "12 %" are the same unit. */
const key = (s: string) => s.replace(/\s+/gu, '');

/** Reads one column's cells; says why when the column is not numeric. */
export function readColumn(cells: string[], opts: { lang?: string } = {}): ColumnReading {
  const parsed: (Parsed | 'missing')[] = [];
  for (const cell of cells) {
    const p = parseCell(cell);
    if (!p) return { ok: false, reason: 'not a number', cell: cell.trim() };
    parsed.push(p);
  }
  const numbers = parsed.filter((p): p is Parsed => p !== 'missing');
  if (!numbers.length) return { ok: false, reason: 'no numbers' };

  // One unit for the column; magnitude words may differ ("$950k", "$1.2M") and are then rescaled.
  const currency = numbers.some((n) => n.prefix) || numbers.some((n) => /[$€£¥₹₩₽₺₪₫฿₴₦₱]/u.test(n.suffix));
  const units = numbers.map((n) => ({ prefix: key(n.prefix), ...splitMagnitude(n.suffix, currency) }));
  const first = units[0];
  const differs = units.findIndex((u) => u.prefix !== first.prefix || key(u.rest) !== key(first.rest));
  if (differs >= 0) return { ok: false, reason: 'units differ', cell: cells[parsed.indexOf(numbers[differs])].trim() };
  const magnitudes = new Set(units.map((u) => u.magnitude));
  let target = first.magnitude;
  if (magnitudes.size > 1) {
    // The magnitude most cells use (the larger on a tie): "$950k" becomes 0.95 beside "$1.2M".
    const counts = [...magnitudes].map((m) => ({ m, n: units.filter((u) => u.magnitude === m).length, f: MAGNITUDES[m] ?? 1 }));
    counts.sort((a, b) => b.n - a.n || b.f - a.f);
    target = counts[0].m;
  }

  // The decimal separator: what every cell can be read with; the language decides when both can.
  const readAs = (d: '.' | ',') => numbers.map((n) => interpret(n.core, d));
  const dot = readAs('.');
  const comma = readAs(',');
  const dotOk = dot.every(Boolean);
  const commaOk = comma.every(Boolean);
  if (!dotOk && !commaOk) {
    const bad = numbers.findIndex((_, i) => !dot[i] && !comma[i]);
    return { ok: false, reason: bad >= 0 ? 'not a number' : 'mixed decimal separators', cell: cells[parsed.indexOf(numbers[Math.max(0, bad)])].trim() };
  }
  const decimal: '.' | ',' = dotOk && commaOk ? (commaDecimal(opts.lang) ? ',' : '.') : dotOk ? '.' : ',';
  const read = decimal === '.' ? dot : comma;

  let i = 0;
  let decimals = 0;
  const values = parsed.map((p) => {
    if (p === 'missing') return NaN;
    const r = read[i]!;
    const u = units[i++];
    const scale = (MAGNITUDES[u.magnitude] ?? 1) / (MAGNITUDES[target] ?? 1);
    // "$950k" beside "$1.2M" is 0.95: a rescaled cell needs the decimals it moved into.
    decimals = Math.max(decimals, r.decimals + Math.max(0, Math.round(-Math.log10(scale))));
    // Twelve significant digits: 950 × 0.001 is 0.95, not 0.9500000000000001.
    return (p.negative ? -1 : 1) * Number((r.value * scale).toPrecision(12));
  });
  const withTarget = numbers[units.findIndex((u) => u.magnitude === target)];
  const prefix = withTarget.prefix;
  const shown = splitMagnitude(withTarget.suffix, currency);
  // The magnitude keeps the place it had ("48.2M", "48,2 Mio. €"); the rest its spacing.
  const suffix = target ? withTarget.suffix : shown.rest;
  const unit: Unit = { ...(prefix ? { prefix } : {}), ...(suffix.trim() ? { suffix } : {}) };
  const group = read.find((r) => r!.group)?.group ?? '';
  return { ok: true, column: { values, ...(unit.prefix || unit.suffix ? { unit } : {}), decimals, style: { decimal, group } } };
}

/** One column's values and shared unit, or undefined when the column is not numeric. */
export function parseColumn(cells: string[], opts: { lang?: string } = {}): NumericColumn | undefined {
  const r = readColumn(cells, opts);
  return r.ok ? r.column : undefined;
}

/** Whether a single cell reads as a number (or is empty): a quick test before reading whole columns. */
export function isNumberCell(text: string): boolean {
  const p = parseCell(text);
  return p !== undefined && (p === 'missing' || interpret(p.core, '.') !== undefined || interpret(p.core, ',') !== undefined);
}
