/**
 * Sentence splitting for report prose.
 *
 * Intl.Segmenter follows UAX #29, which knows nothing about abbreviations: it breaks after "Dr." or
 * "U.S." whenever a capital follows, and after "Dec." or "Fig." when a bare number follows. It also
 * breaks after "?" or "!" inside a quotation that the sentence carries on past. A repair pass glues
 * such fragments back, so the condenser always sees whole sentences.
 */
import { segmenter } from './segmenter.js';

const sentenceSegmenter = (lang: string): Intl.Segmenter => segmenter(lang, 'sentence');

/** Abbreviations that practically never end a sentence, so whatever follows belongs to them. */
const ALWAYS_JOIN = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'rev', 'hon', 'gen', 'col', 'capt', 'lt', 'sgt', 'st', 'mt',
  'messrs', 'fig', 'figs', 'eq', 'eqs', 'vs', 'e.g', 'i.e', 'cf', 'approx', 'ca', 'incl', 'esp', 'viz',
  'resp',
]);

/**
 * Abbreviations that can end a sentence ("… founded by Acme Inc. The firm …"), so they only hold on
 * to what follows when it is a number ("Jan. 3", "No. 5", "Vol. 2") or lower case.
 */
const JOIN_BEFORE_NUMBER = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos',
  'p', 'pp', 'vol', 'vols', 'ch', 'chap', 'sec', 'art', 'para', 'ref', 'refs', 'est', 'min', 'max',
  'inc', 'ltd', 'co', 'corp', 'plc', 'jr', 'sr', 'etc', 'al', 'a.m', 'p.m', 'u.s', 'u.k', 'e.u', 'u.n',
  'dept', 'univ', 'bros', 'ave', 'rd', 'blvd', 'tel', 'ext', 'ed', 'eds', 'tab', 'op', 'ibid', 'nr',
]);

/** Country abbreviations are mostly adjectives ("U.S. Treasury"), so a following proper noun stays. */
const PLACE_ABBREVIATIONS = new Set(['u.s', 'u.k', 'e.u', 'u.n', 'u.s.a']);
const TIME_SUFFIXES = new Set(['a.m', 'p.m']);
const TIME_ZONES = new Set([
  'et', 'est', 'edt', 'ct', 'cst', 'cdt', 'mt', 'mst', 'mdt', 'pt', 'pst', 'pdt', 'gmt', 'utc', 'bst',
  'cet', 'cest', 'eastern', 'central', 'mountain', 'pacific', 'local',
]);

/** Words that usually open a new sentence: after an ambiguous abbreviation they mean a real break. */
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'they', 'their', 'we', 'our', 'i',
  'he', 'she', 'his', 'her', 'you', 'your', 'there', 'here', 'in', 'on', 'at', 'by', 'for', 'with',
  'from', 'to', 'of', 'as', 'after', 'before', 'during', 'since', 'while', 'when', 'if', 'although',
  'though', 'but', 'and', 'or', 'so', 'yet', 'however', 'moreover', 'furthermore', 'additionally',
  'also', 'thus', 'therefore', 'meanwhile', 'still', 'instead', 'then', 'finally', 'first', 'second',
  'third', 'next', 'last', 'overall', 'today', 'now', 'some', 'many', 'most', 'all', 'each', 'every',
  'no', 'not', 'one', 'two', 'both', 'other', 'another', 'such', 'what', 'which', 'who', 'why', 'how',
  'where', 'despite', 'given', 'because', 'over', 'under', 'across', 'through', 'among', 'unlike',
  'similarly', 'consequently', 'accordingly', 'nevertheless', 'nonetheless', 'indeed', 'hence',
]);

const OPENERS = '"\'“‘«([{';
const MAX_CHUNK = 2000;

/**
 * The sentences of `text`, trimmed. Joined with single spaces they give back the text up to
 * whitespace: nothing is dropped. A blank line always ends a sentence, punctuation or not.
 */
export function splitSentences(text: string, lang = 'en'): string[] {
  if (typeof text !== 'string' || !/\S/.test(text)) return [];
  const out: string[] = [];
  // A blank line ends a sentence even without punctuation; single newlines are only soft wraps,
  // which ICU would otherwise treat as hard breaks.
  for (const block of text.includes('\n') ? text.split(/\n\s*\n/) : [text]) {
    const flat = (/\s\s|[^\S ]/.test(block) ? block.replace(/\s+/g, ' ') : block).trim();
    if (flat) for (const sentence of splitBlock(flat, lang)) out.push(sentence);
  }
  return out;
}

type Range = [start: number, end: number];

function splitBlock(flat: string, lang: string): string[] {
  const sentences = sentenceSegmenter(lang);
  const resplit = /\. +\d/.test(flat);
  const fragments: Range[] = [];
  for (const [from, to] of flat.length <= MAX_CHUNK ? [[0, flat.length] as Range] : chunks(flat)) {
    for (const seg of sentences.segment(from === 0 && to === flat.length ? flat : flat.slice(from, to))) {
      // `flat` has no whitespace but single spaces, so trimming is a matter of skipping them.
      let start = from + seg.index;
      let end = start + seg.segment.length;
      while (start < end && flat.charCodeAt(start) === 32) start++;
      while (end > start && flat.charCodeAt(end - 1) === 32) end--;
      if (start === end) continue;
      if (resplit) pushResplit(flat, [start, end], fragments);
      else fragments.push([start, end]);
    }
  }
  if (fragments.length === 1) return [flat.slice(fragments[0][0], fragments[0][1])];

  const merged: Range[] = [];
  for (const range of fragments) {
    const prev = merged[merged.length - 1];
    if (prev && shouldJoin(flat.slice(prev[0], prev[1]), flat.slice(range[0], range[1]))) prev[1] = range[1];
    else merged.push([range[0], range[1]]);
  }
  return merged.map(([a, b]) => flat.slice(a, b));
}

/**
 * ICU's sentence iterator slows down sharply on long strings (it is roughly quadratic beyond a few
 * thousand characters), so long blocks are cut where ICU would break anyway: a full stop, question or
 * exclamation mark, a space and a capital. Only text with no such point is cut at a plain space.
 */
function chunks(flat: string): Range[] {
  if (flat.length <= MAX_CHUNK) return [[0, flat.length]];
  const out: Range[] = [];
  let start = 0;
  while (flat.length - start > MAX_CHUNK) {
    const window = flat.slice(start, start + MAX_CHUNK);
    let cut = -1;
    const re = /[.!?] (?=\p{Lu})/gu;
    for (let m = re.exec(window); m; m = re.exec(window)) if (m.index > MAX_CHUNK / 4) cut = m.index + 2;
    if (cut < 0) cut = window.lastIndexOf(' ') + 1;
    if (cut <= 0) cut = MAX_CHUNK;
    // Never cut between the halves of a surrogate pair.
    const code = flat.charCodeAt(start + cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut += 1;
    out.push([start, start + cut]);
    start += cut;
  }
  out.push([start, flat.length]);
  return out;
}

/**
 * ICU never breaks "shipped. 2024 was a record" because a lower-case word follows the number; when the
 * word before the stop is an ordinary word ("shipped", "March"), not an abbreviation, it is a real break.
 */
function pushResplit(flat: string, range: Range, out: Range[]): void {
  const text = flat.slice(range[0], range[1]);
  if (!/\. +\d/.test(text)) {
    out.push(range);
    return;
  }
  const re = /(\p{Lu}?\p{Ll}{2,})\.( +)(?=\p{Nd})/gu;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = m.index > 0 ? text[m.index - 1] : ' ';
    if (/[\p{L}\p{N}.'’-]/u.test(before)) continue;
    const word = m[1].toLowerCase();
    if (ALWAYS_JOIN.has(word) || JOIN_BEFORE_NUMBER.has(word)) continue;
    const stop = m.index + m[1].length + 1;
    out.push([range[0] + start, range[0] + stop]);
    start = stop + m[2].length;
  }
  out.push([range[0] + start, range[1]]);
}

function shouldJoin(prev: string, next: string): boolean {
  let i = 0;
  while (i < next.length && OPENERS.includes(next[i])) i++;
  const code = next.codePointAt(i) ?? 32;
  // Plain ASCII is decided without Unicode-property regexes: this runs for every sentence.
  const ascii = code < 0x80;
  const lower = ascii ? code >= 97 && code <= 122 : /\p{Ll}/u.test(String.fromCodePoint(code));
  const digit = ascii ? code >= 48 && code <= 57 : /\p{N}/u.test(String.fromCodePoint(code));
  const alnum = lower || digit || (ascii ? code >= 65 && code <= 90 : /[\p{L}\p{N}]/u.test(String.fromCodePoint(code)));
  // A fragment with nothing to say (a stray ")" or "”") belongs to the sentence before.
  if (!alnum && !/[\p{L}\p{N}]/u.test(next)) return true;
  // English sentences never start in lower case: ICU broke after "?" or "!" inside a quotation.
  if (lower) return true;
  if (prev.length < 2000 && closesOpenGroup(prev, next)) return true;

  if (!prev.endsWith('.')) return false;
  const lastToken = prev.slice(prev.lastIndexOf(' ') + 1);
  let start = 0;
  while (start < lastToken.length && OPENERS.includes(lastToken[start])) start++;
  const raw = lastToken.slice(start, -1);
  const token = raw.toLowerCase();
  if (ALWAYS_JOIN.has(token)) return true;
  if (digit && JOIN_BEFORE_NUMBER.has(token)) return true;
  const initial = raw.length === 1 && /^\p{Lu}$/u.test(raw);
  if (!initial && !PLACE_ABBREVIATIONS.has(token) && !TIME_SUFFIXES.has(token)) return false;

  const lead = next.slice(i);
  const nextWord = (/^[\p{L}\p{N}][\p{L}\p{N}'’.-]*/u.exec(lead)?.[0] ?? '').replace(/\.$/, '');
  const capital = /^\p{Lu}/u.test(nextWord);
  const starter = SENTENCE_STARTERS.has(nextWord.toLowerCase());
  if (PLACE_ABBREVIATIONS.has(token) && capital && !starter) return true;
  if (TIME_SUFFIXES.has(token) && TIME_ZONES.has(nextWord.toLowerCase())) return true;
  if (initial && capital && !starter) {
    // An initial ("John F. Kennedy", "Dr. A. B. Smith") follows a name, a title or another initial.
    const before = prev.slice(0, prev.length - lastToken.length).trimEnd();
    const previousToken = before.slice(before.lastIndexOf(' ') + 1).replace(/^[("'“‘«[]+/u, '');
    if (/^\p{Lu}/u.test(previousToken)) return true;
  }
  return false;
}

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['(', ')'],
  ['[', ']'],
  ['“', '”'],
  ['«', '»'],
];

/** "(see Fig. 2)." or “She said: ‘Go.’ Then…” must not be cut in the middle of the group. */
function closesOpenGroup(prev: string, next: string): boolean {
  for (const [open, close] of PAIRS) {
    if (count(prev, open) > count(prev, close) && next.includes(close)) return true;
  }
  return count(prev, '"') % 2 === 1 && next.includes('"');
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
