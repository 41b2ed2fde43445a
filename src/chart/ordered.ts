/**
 * Labels that name points in time — years, fiscal years, quarters, halves, months, weeks, ISO dates —
 * read as a position on a time line, so a table whose rows run through time becomes a line chart.
 * Month names are known in English and the common European languages.
 */

const MONTHS: Record<string, number> = {};
const NAMES: string[][] = [
  // English
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  // German
  ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  ['jän', 'feb', 'mrz', 'apr', 'mai', 'jun', 'jul', 'aug', 'sept', 'okt', 'nov', 'dez'],
  // French
  ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  ['janv', 'févr', 'mars', 'avr', 'mai', 'juin', 'juil', 'août', 'sept', 'oct', 'nov', 'déc'],
  // Spanish
  ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
  // Italian
  ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  // Portuguese
  ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'],
  // Dutch
  ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
];
for (const list of NAMES) list.forEach((name, i) => (MONTHS[name] = i));

/** A label's place in time: what kind of label it is and a number that sorts with its kind. */
export interface TimeKey {
  kind: string;
  key: number;
}

/** "2025", "'25" after a quarter or month; two digits mean 20xx. */
function year(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const digits = text.replace(/^['’]/, '');
  const y = digits.length === 2 ? 2000 + Number(digits) : Number(digits);
  return y >= 1800 && y <= 2199 ? y : undefined;
}

const YEAR = String.raw`(?:['’]?\d{2}|\d{4})`;
const RULES: { kind: string; re: RegExp; key: (m: RegExpExecArray) => number | undefined }[] = [
  // 2024, FY2024, FY24, FY 2024, CY2024, GJ 2024
  { kind: 'year', re: /^(?:(?:FY|CY|GJ)\s?)?(\d{4})$/i, key: (m) => year(m[1]) },
  { kind: 'year', re: /^(?:FY|CY|GJ)\s?['’]?(\d{2})$/i, key: (m) => year(m[1]) },
  // 2024/25, 2024-25, 2024–2025 (fiscal years)
  { kind: 'year', re: /^(\d{4})\s?[/–-]\s?(\d{2}|\d{4})$/, key: (m) => (Number(m[2]) % 100 === (Number(m[1]) + 1) % 100 ? year(m[1]) : undefined) },
  // ISO dates: 2025-03-31, 2025-03
  { kind: 'date', re: /^(\d{4})-(\d{2})-(\d{2})$/, key: (m) => (Number(m[2]) <= 12 && Number(m[3]) <= 31 ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined) },
  { kind: 'month+year', re: /^(\d{4})-(\d{2})$/, key: (m) => (Number(m[2]) >= 1 && Number(m[2]) <= 12 ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined) },
  // Q1, Q1 2025, Q1/25, Q1'25, Q1-2025, Q1 FY25, 1Q25, 2025 Q1, 2025-Q1
  { kind: 'quarter', re: /^Q([1-4])$/i, key: (m) => Number(m[1]) },
  { kind: 'quarter+year', re: new RegExp(String.raw`^Q([1-4])\s?[/'’-]?\s?(?:FY\s?)?(${YEAR})$`, 'i'), key: (m) => withYear(m[2], 4, m[1]) },
  { kind: 'quarter+year', re: new RegExp(String.raw`^([1-4])Q\s?(${YEAR})$`, 'i'), key: (m) => withYear(m[2], 4, m[1]) },
  { kind: 'quarter+year', re: /^(?:FY\s?)?(\d{4})\s?[-/]?\s?Q([1-4])$/i, key: (m) => withYear(m[1], 4, m[2]) },
  // H1, H2 2025, 1H25, 2025 H2
  { kind: 'half', re: /^H([12])$/i, key: (m) => Number(m[1]) },
  { kind: 'half+year', re: new RegExp(String.raw`^H([12])\s?[/'’-]?\s?(?:FY\s?)?(${YEAR})$`, 'i'), key: (m) => withYear(m[2], 2, m[1]) },
  { kind: 'half+year', re: new RegExp(String.raw`^([12])H\s?(${YEAR})$`, 'i'), key: (m) => withYear(m[2], 2, m[1]) },
  { kind: 'half+year', re: /^(\d{4})\s?[-/]?\s?H([12])$/i, key: (m) => withYear(m[1], 2, m[2]) },
  // W5, Week 5, KW 5, W5 2025
  { kind: 'week', re: /^(?:W|Wk\.?|Week|KW|Semaine|Semana|Settimana)\s?(\d{1,2})$/i, key: (m) => (Number(m[1]) <= 53 ? Number(m[1]) : undefined) },
  { kind: 'week+year', re: new RegExp(String.raw`^(?:W|Wk\.?|Week|KW)\s?(\d{1,2})\s?[/'’-]?\s?(${YEAR})$`, 'i'), key: (m) => (Number(m[1]) <= 53 ? withYear(m[2], 53, m[1]) : undefined) },
];

function withYear(y: string, per: number, n: string): number | undefined {
  const yr = year(y);
  return yr === undefined ? undefined : yr * per + Number(n) - 1;
}

/** Month names with an optional year: "Jan", "January 2025", "Jan '25", "Jan-25", "März 2024", "févr. 2025". */
function monthKey(label: string): TimeKey | undefined {
  const m = new RegExp(String.raw`^([\p{L}]+)\.?(?:\s?[-/ ]?\s?(${YEAR}))?$`, 'u').exec(label);
  if (!m) return undefined;
  const month = MONTHS[m[1].toLowerCase()];
  if (month === undefined) return undefined;
  if (!m[2]) return { kind: 'month', key: month };
  const y = year(m[2]);
  return y === undefined ? undefined : { kind: 'month+year', key: y * 12 + month };
}

/** Where a label sits in time, or undefined when it does not name a time. */
export function timeKey(label: string): TimeKey | undefined {
  const text = label.trim().replace(/\s+/g, ' ');
  for (const rule of RULES) {
    const m = rule.re.exec(text);
    if (!m) continue;
    const key = rule.key(m);
    if (key !== undefined) return { kind: rule.kind, key };
  }
  return monthKey(text);
}

/** Whether every label names a time of one kind (in any order): such a column is labels, not data. */
export function isTimeLabels(labels: string[]): boolean {
  if (!labels.length) return false;
  const keys = labels.map(timeKey);
  return keys.every((k) => k && k.kind === keys[0]!.kind);
}

/**
 * Whether labels run forward through time: each names a time of the same kind (all quarters with a
 * year, all months…) and each comes after the one before.
 */
export function isOrdered(labels: string[]): boolean {
  if (labels.length < 2) return false;
  const keys = labels.map(timeKey);
  if (keys.some((k) => !k)) return false;
  const kind = keys[0]!.kind;
  return keys.every((k, i) => k!.kind === kind && (i === 0 || k!.key > keys[i - 1]!.key));
}
