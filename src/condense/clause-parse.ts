/**
 * A sentence parsed once for all the ways of trimming it, and what the trimming asks about its
 * structure: where words and protected groups are, whether it opens on a lead-in, where it sets
 * conditions, and which commas separate the items of a list.
 */
import type { Ctx } from './clause.js';
import { COORDINATORS, startsCondition, type Openers } from './opener-rules.js';
import { wordSpans, type WordSpan } from './words.js';

/**
 * A sentence parsed once for all the ways of trimming it: its words, and the groups (brackets,
 * quotations) that no cut may enter.
 */
export interface Parsed {
  text: string;
  spans: WordSpan[];
  /** Weighted word count of spans[0..i] inclusive. */
  cum: number[];
  groups: Array<[number, number]>;
  /** First comma outside any group, or -1. */
  firstComma: number;
  /** Where conditions sit, once asked for (see conditions()). */
  conditions?: ConditionMarks;
}

export interface ConditionMarks {
  /** The comma that ends the condition the sentence opens with; -1 if none, the length if unclosed. */
  end: number;
  /** The first word of the main clause after that comma. */
  mainStart: number;
  /** The last word that opens a condition later in the sentence ("…, unless …"), or -1. */
  last: number;
}

export function parse(text: string, lang: string): Parsed {
  const spans = wordSpans(text, lang);
  const cum: number[] = [];
  let sum = 0;
  for (const w of spans) cum.push((sum += w.weight));
  const ranges = groups(text);
  let firstComma = -1;
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) {
    if (!inside(ranges, i)) {
      firstComma = i;
      break;
    }
  }
  return { text, spans, cum, groups: ranges, firstComma };
}

/** Index of the first word starting at or after `pos` (spans.length if none). */
export function wordAt(p: Parsed, pos: number): number {
  let lo = 0;
  let hi = p.spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (p.spans[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function wordText(p: Parsed, i: number): string {
  const w = p.spans[i];
  return w ? p.text.slice(w.start, w.end).toLowerCase() : '';
}

/** Protected groups — brackets and quotations — as [open, close] index pairs. Cuts never go inside. */
const GROUP_CHARS = /[()[\]{}"“”‘’«»（）「」『』]/;

function groups(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!GROUP_CHARS.test(s)) return out;
  const stack: Array<[string, number]> = [];
  const closers: Record<string, string> = { '(': ')', '[': ']', '{': '}', '“': '”', '«': '»', '‘': '’', '（': '）', '「': '」', '『': '』' };
  let quote = -1;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') {
      if (quote < 0) quote = i;
      else {
        out.push([quote, i]);
        quote = -1;
      }
    } else if (closers[ch] !== undefined) {
      stack.push([closers[ch], i]);
    } else if (stack.length > 0) {
      // "’" is also an apostrophe ("don’t"); only one not followed by a letter closes a quotation.
      if (ch === '’' && /\p{L}/u.test(s[i + 1] ?? '')) continue;
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k][0] === ch) {
          out.push([stack[k][1], i]);
          stack.length = k;
          break;
        }
      }
    }
  }
  return out;
}

/** Whether cutting `s` just before index `pos` would split a group. */
export function inside(ranges: ReadonlyArray<[number, number]>, pos: number): boolean {
  for (const [open, close] of ranges) if (open < pos && pos <= close) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Lead-ins

/** First words of a phrase that introduces the main clause ("In light of …, banks …"). */
const INTRO_WORDS = new Set([
  'in', 'on', 'at', 'by', 'with', 'without', 'given', 'despite', 'after', 'before', 'during',
  'following', 'as', 'since', 'although', 'though', 'while', 'when', 'whenever', 'once', 'because',
  'through', 'throughout', 'under', 'across', 'over', 'for', 'to', 'from', 'amid', 'amidst', 'among',
  'unlike', 'like', 'compared', 'according', 'based', 'beyond', 'within', 'upon', 'if', 'unless',
  'until', 'whereas', 'against', 'between', 'instead', 'rather', 'thanks', 'due', 'regardless',
  'apart', 'aside', 'alongside', 'along', 'toward', 'towards', 'via', 'whether', 'where', 'now',
  'today', 'besides', 'outside', 'inside', 'beside', 'except', 'around', 'about', 'above', 'below',
  'even', 'especially', 'particularly', 'together', 'combined',
]);

const TIME_NOUNS = new Set([
  'year', 'quarter', 'month', 'week', 'spring', 'summer', 'autumn', 'fall', 'winter', 'time',
  'morning', 'period', 'decade', 'season', 'cycle', 'half', 'round', 'phase', 'release', 'sprint',
]);

/** Whether words[0..count) form an introductory phrase that can be dropped before its comma. */
export function leadsIn(first: string, second: string, count: number): boolean {
  if (count >= 2 && (INTRO_WORDS.has(first) || /^\p{L}{3,}(?:ing|ed)$/u.test(first))) return true;
  if (count === 1 && (/^\p{L}{3,}ly$/u.test(first) || /^\p{N}{4}$/u.test(first))) return true;
  // "This year, …", "Last quarter, …": a demonstrative pointing at time, not at the previous sentence.
  return count === 2 && /^(?:this|that|last|next|each|every|later|early)$/.test(first) && TIME_NOUNS.has(second);
}

/**
 * "Using the new data, …" opens on a participle phrase; "Operating profit rose …" opens on its
 * subject. An -ing word counts as a lead-in only when an object follows it (a determiner).
 */
export function opensLeadIn(first: string, second: string): boolean {
  return INTRO_WORDS.has(first) || (/^\p{L}{3,}ing$/u.test(first) && LEAD_IN_OBJECT.has(second));
}

const LEAD_IN_OBJECT = new Set(['the', 'a', 'an', 'our', 'their', 'its', 'this', 'these', 'those', 'all', 'more', 'new', 'each', 'every', 'his', 'her', 'some', 'both']);

// ---------------------------------------------------------------------------------------------------
// Conditions

/** Condition words that keep a lead-in wherever they appear in it ("In March, unless …, "). */
const CONDITION_WORDS = new Set([
  'if', 'unless', 'although', 'though', 'albeit', 'otherwise', 'except', 'excluding', 'notwithstanding', 'whereas',
]);

/** Whether words [0, upTo) of `p`, about to be dropped, hold a condition, a concession or an exception. */
export function dropsCondition(p: Parsed, upTo: number, ctx: Ctx): boolean {
  for (let k = 0; k < upTo && k < p.spans.length; k++) {
    if (ctx.english && CONDITION_WORDS.has(wordText(p, k))) return true;
    const opensClause = k === 0 || /[,;:(—–]/.test(p.text.slice(p.spans[k - 1].end, p.spans[k].start));
    if (opensClause && startsCondition(p.text.slice(p.spans[k].start, p.spans[k].start + 120), ctx.lang, ctx.openers, k === 0)) return true;
  }
  return false;
}

/**
 * Where `p` sets conditions. A sentence opening on one ("If …, the group will close two wards") is cut
 * after the comma that ends it, or the bullet would state the condition without what depends on it.
 * One set later ("…, unless funding is approved") must not be cut away, silently or with "…".
 */
export function conditions(p: Parsed, ctx: Ctx): ConditionMarks {
  if (!p.conditions) {
    const end = conditionEnd(p, ctx);
    const mainStart = end < 0 ? 0 : end < p.text.length ? wordAt(p, end) : p.spans.length;
    p.conditions = { end, mainStart, last: lastCondition(p, ctx, end < 0 ? 1 : mainStart) };
  }
  return p.conditions;
}

function conditionEnd(p: Parsed, ctx: Ctx): number {
  const s = p.text;
  let from = 0;
  if (!startsCondition(s, ctx.lang, ctx.openers, true)) {
    // "In the first quarter, unless the landlord agrees, …": the main clause still comes after it.
    const lead = p.firstComma;
    if (!ctx.english || lead < 0 || !opensLeadIn(wordText(p, 0), wordText(p, 1))) return -1;
    const next = wordAt(p, lead);
    if (next >= p.spans.length) return -1;
    const start = p.spans[next].start;
    if (!startsCondition(s.slice(start, start + 120), ctx.lang, ctx.openers, true)) return -1;
    from = lead + 1;
  }
  for (let i = from; i < s.length; i++) {
    const ch = s[i];
    if (ch !== ',' && ch !== '，' && ch !== '、' && ch !== '،') continue;
    if (inside(p.groups, i)) continue;
    const next = wordAt(p, i);
    if (next >= p.spans.length) break;
    // "If costs in Spain, Italy, and France keep rising, …": list commas sit inside the condition.
    if (ctx.english) {
      const w = wordText(p, next);
      if (w === 'and' || w === 'or') continue;
      let end = s.indexOf(',', i + 1);
      while (end >= 0 && inside(p.groups, end)) end = s.indexOf(',', end + 1);
      if (end >= 0 && wordAt(p, end) - next <= 2) continue;
    }
    return i;
  }
  return s.length;
}

/** Subordinators that open a condition in English even without a comma before them. */
const SUBORDINATE_CONDITIONS = new Set(['if', 'unless', 'provided', 'providing', 'although', 'though', 'albeit', 'except', 'excluding']);
/** First letters of those and of COMPOUND_CONDITION, to skip most words without reading them. */
const CONDITION_INITIALS = new Set([...'iupateos'].map((c) => c.charCodeAt(0)));
/** Conditions of two or more words ("as long as", "even if", "only when"), and their first words. */
const COMPOUND_FIRST = new Set(['as', 'so', 'even', 'only']);
const COMPOUND_CONDITION = /^(?:as|so) long as\b|^as soon as\b|^(?:even|only) (?:if|though|when|once|after|until)\b/;

/** Punctuation after which a new clause, and so a condition, can start. */
const CLAUSE_PUNCTUATION = new Set([',', ';', ':', '(', '—', '–', '，', '、', '；', '：', '،']);

function lastCondition(p: Parsed, ctx: Ctx, from: number): number {
  const o = ctx.openers;
  const s = p.text;
  let last = -1;
  // This runs over every word of every long sentence: no slices unless a word might open a condition.
  for (let k = Math.max(1, from); k < p.spans.length; k++) {
    const start = p.spans[k].start;
    let punctuated = false;
    for (let c = p.spans[k - 1].end; c < start && !punctuated; c++) punctuated = CLAUSE_PUNCTUATION.has(s[c]);
    if (!punctuated && (!ctx.english || !CONDITION_INITIALS.has(s.charCodeAt(start) | 0x20))) continue;
    const w = wordText(p, k);
    if (punctuated) {
      if (mayOpenCondition(w, o) && startsCondition(s.slice(start, start + 120), ctx.lang, o, false)) last = k;
    } else if (SUBORDINATE_CONDITIONS.has(w)) {
      last = k;
    } else if (COMPOUND_FIRST.has(w) && COMPOUND_CONDITION.test(s.slice(start, start + 20).toLowerCase())) {
      last = k;
    }
  }
  return last;
}

/** A cheap test before startsCondition: whether `word` can be the first of a condition. */
export function mayOpenCondition(word: string, o: Openers): boolean {
  return o.unspaced || o.conditions.byFirst.has(word) || (o.english && COORDINATORS.has(word)) || (o.elision && /['’]/.test(word));
}

// ---------------------------------------------------------------------------------------------------
// Lists

/**
 * Whether the comma at `i` separates items of a list ("over pay, pensions and working hours"): what
 * follows it is then another item, not a clause.
 */
export function isListComma(p: Parsed, i: number, next: number): boolean {
  let end = p.text.indexOf(',', i + 1);
  while (end >= 0 && inside(p.groups, end)) end = p.text.indexOf(',', end + 1);
  const chunkEnd = end < 0 ? p.spans.length : wordAt(p, end);
  const chunk = chunkEnd - next;
  if (chunk <= 6) {
    for (let k = next; k < Math.min(chunkEnd, next + 4); k++) {
      const w = wordText(p, k);
      if (w === 'and' || w === 'or') return true;
    }
  }
  const after = wordText(p, chunkEnd);
  return end >= 0 && chunk <= 4 && (after === 'and' || after === 'or');
}

/** Items longer than this are clauses rather than list items. */
const LIST_ITEM_WORDS = 6;

/**
 * Whether the comma at `i` sits in a list, so that cutting there would drop items without saying so:
 * a short item before it that no "and" or "or" has closed ("the weak demand, the high fixed costs, and
 * the late deliveries"), a list that a colon opened, or "…, X, and Y" ahead.
 */
export function inList(p: Parsed, i: number, next: number): boolean {
  let prev = p.text.lastIndexOf(',', i - 1);
  while (prev >= 0 && inside(p.groups, prev)) prev = p.text.lastIndexOf(',', prev - 1);
  if (prev >= 0) {
    const from = wordAt(p, prev);
    // The comma after "In light of …" or "If …" closes a lead-in, not a list item.
    const leadIn = prev === p.firstComma && opensLeadIn(wordText(p, 0), wordText(p, 1));
    if (!leadIn && next - from <= LIST_ITEM_WORDS) {
      let closed = false;
      for (let k = from; k < next && !closed; k++) closed = wordText(p, k) === 'and' || wordText(p, k) === 'or';
      if (!closed) return true;
    }
  }
  return inColonList(p, i) || isListComma(p, i, next);
}

/** "Three risks: pricing, including discounts; staffing; and logistics": separators after a colon. */
export function inColonList(p: Parsed, i: number): boolean {
  let colon = p.text.lastIndexOf(': ', i - 1);
  while (colon >= 0 && inside(p.groups, colon)) colon = p.text.lastIndexOf(': ', colon - 1);
  return colon >= 0 && /[,;]\s+(?:and|or)\s/.test(p.text.slice(i));
}
