/**
 * Words as the condenser counts them: a fast scanner that reproduces Intl.Segmenter's word boundaries
 * for Latin text, Intl.Segmenter itself for everything else, and Chinese and Japanese runs weighted
 * at about one word per two characters.
 */
import { segmenter } from './segmenter.js';

export interface WordSpan {
  start: number;
  end: number;
  /** How much the word counts towards the limit: CJK runs count about one word per two characters. */
  weight: number;
}

const wordSegmenter = (lang: string): Intl.Segmenter => segmenter(lang, 'word');

/**
 * Character classes for the fast path, which reproduces Intl.Segmenter's word boundaries (UAX #29
 * rules WB5–WB13b) for Latin text. ICU costs about a microsecond per segment, too slow to count the
 * words of every candidate clause in a long report; anything outside these ranges goes to ICU.
 */
const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const CONNECTOR = 3;
/** MidLetter: joins letters only (":"). */
const MID_LETTER = 4;
/** MidNum: joins digits only (",", ";"). */
const MID_NUM = 5;
/** MidNumLet and single quote: join letters to letters and digits to digits (".", "'", "’"). */
const MID_BOTH = 6;
/** Outside the fast path's ranges: ask ICU. */
const SLOW = 7;

const CLASS = (() => {
  const table = new Uint8Array(0x2030).fill(SLOW);
  for (let c = 0; c < 0x250; c++) {
    const ch = String.fromCharCode(c);
    if (c < 0x80) table[c] = OTHER;
    else if (c >= 0xa0) table[c] = OTHER;
    if (/\p{L}/u.test(ch)) table[c] = LETTER;
  }
  for (let c = 0x30; c <= 0x39; c++) table[c] = DIGIT;
  table[0x5f] = CONNECTOR;
  table[0x3a] = MID_LETTER;
  table[0x2c] = MID_NUM;
  table[0x3b] = MID_NUM;
  table[0x2e] = MID_BOTH;
  table[0x27] = MID_BOTH;
  // Soft hyphen is a format character (ignored inside words), the others are numeric or mid-word
  // characters in UAX #29 that are rare enough to leave to ICU.
  for (const c of [0x80, 0x85, 0xad, 0xb8, 0xb2, 0xb3, 0xb7, 0xb9, 0xbc, 0xbd, 0xbe]) table[c] = SLOW;
  for (let c = 0x81; c < 0xa0; c++) table[c] = SLOW;
  for (let c = 0x2010; c <= 0x2023; c++) table[c] = OTHER;
  table[0x2018] = MID_BOTH;
  table[0x2019] = MID_BOTH;
  table[0x2025] = OTHER;
  table[0x2026] = OTHER;
  return table;
})();

function fastSpans(text: string): WordSpan[] | undefined {
  const spans: WordSpan[] = [];
  return scanWords(text, (start, end) => spans.push({ start, end, weight: 1 })) < 0 ? undefined : spans;
}

/**
 * Counts the word-like segments of `text` (reporting their bounds to `onWord` if given), or returns
 * -1 as soon as a character outside the fast path's ranges shows up.
 */
export function scanWords(text: string, onWord?: (start: number, end: number) => void, limit = Infinity): number {
  // The class lookups are written out inline: this loop runs over every character of the report,
  // mostly before the JIT has optimised anything, when each function call still costs.
  const table = CLASS;
  const size = table.length;
  const n = text.length;
  let count = 0;
  let i = 0;
  while (i < n && count < limit) {
    let code = text.charCodeAt(i);
    let cls = code < size ? table[code] : SLOW;
    if (cls === SLOW) return -1;
    if (cls < LETTER || cls > CONNECTOR) {
      i++;
      continue;
    }
    const start = i;
    let last = cls;
    i++;
    while (i < n) {
      code = text.charCodeAt(i);
      cls = code < size ? table[code] : SLOW;
      if (cls >= LETTER && cls <= CONNECTOR) {
        last = cls;
        i++;
        continue;
      }
      if (cls === SLOW) return -1;
      if (cls >= MID_LETTER && i + 1 < n) {
        const nextCode = text.charCodeAt(i + 1);
        const after = nextCode < size ? table[nextCode] : SLOW;
        const letters = last === LETTER && after === LETTER && cls !== MID_NUM;
        const digits = last === DIGIT && after === DIGIT && cls !== MID_LETTER;
        if (letters || digits) {
          last = after;
          i += 2;
          continue;
        }
      }
      break;
    }
    // ICU gives a lone "_" no word status, though "__" and "a_" have one.
    if (i - start > 1 || last !== CONNECTOR) {
      count++;
      if (onWord) onWord(start, i);
    }
  }
  return count;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

export function wordSpans(text: string, lang: string): WordSpan[] {
  const fast = fastSpans(text);
  if (fast) return fast;
  const spans: WordSpan[] = [];
  for (const seg of wordSegmenter(lang).segment(text)) {
    if (!seg.isWordLike) continue;
    const cjk = seg.segment.match(CJK)?.length ?? 0;
    spans.push({ start: seg.index, end: seg.index + seg.segment.length, weight: cjk > 0 ? Math.max(0.5, cjk / 2) : 1 });
  }
  return spans;
}

export function weightOf(spans: readonly WordSpan[], upTo = spans.length): number {
  let sum = 0;
  for (let i = 0; i < upTo; i++) sum += spans[i].weight;
  return roundWords(sum);
}

export function roundWords(weight: number): number {
  return Math.max(0, Math.ceil(weight - 1e-9));
}

/**
 * Words in `text` as the limits count them: Intl.Segmenter word segments that are word-like, with a
 * run of Chinese or Japanese characters counting one word per two characters.
 */
export function countWords(text: string, lang = 'en'): number {
  const fast = scanWords(text);
  return fast >= 0 ? fast : weightOf(wordSpans(text, lang));
}

export function isEnglish(lang: string): boolean {
  return /^en(?:$|[-_])/i.test(lang);
}

/** English words that carry no content: they are left out of a sentence's terms. */
export const STOPWORDS = new Set([
  'a', 'about', 'above', 'across', 'after', 'again', 'against', 'all', 'also', 'although', 'am', 'among',
  'an', 'and', 'another', 'any', 'are', 'around', 'as', 'at', 'be', 'because', 'been', 'before', 'being',
  'below', 'between', 'both', 'but', 'by', 'can', 'could', 'did', 'do', 'does', 'doing', 'down',
  'during', 'each', 'either', 'even', 'ever', 'every', 'few', 'for', 'from', 'further', 'had', 'has',
  'have', 'having', 'he', 'her', 'here', 'hers', 'him', 'his', 'how', 'however', 'i', 'if', 'in',
  'into', 'is', 'it', 'its', 'itself', 'just', 'many', 'may', 'me', 'might', 'more', 'most', 'much',
  'must', 'my', 'neither', 'no', 'nor', 'not', 'now', 'of', 'off', 'often', 'on', 'once', 'one', 'only',
  'or', 'other', 'our', 'ours', 'out', 'over', 'own', 'per', 'rather', 'same', 'several', 'shall',
  'she', 'should', 'since', 'so', 'some', 'such', 'than', 'that', 'the', 'their', 'theirs', 'them',
  'then', 'there', 'therefore', 'these', 'they', 'this', 'those', 'though', 'through', 'thus', 'to',
  'too', 'toward', 'towards', 'under', 'until', 'up', 'upon', 'us', 'very', 'via', 'was', 'we', 'well',
  'were', 'what', 'when', 'where', 'whether', 'which', 'while', 'who', 'whom', 'whose', 'why', 'will',
  'with', 'within', 'without', 'would', 'yet', 'you', 'your', 'moreover', 'furthermore',
  'additionally', 'consequently', 'meanwhile', 'instead', 'still', 'finally', 'similarly', 'new',
  'also', 'like', 'including', 'based', 'across', 'make', 'makes', 'made', 'use', 'used', 'using',
]);
