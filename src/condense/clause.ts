/**
 * Clauses: one sentence turned into a short clause that stands on its own (at most N words), or
 * nothing when it cannot be. The candidates come from dropping a connective or a lead-in, cutting at
 * a clause boundary (clause-cuts.ts) or taking what follows a colon; the best one that fits wins.
 */
import { boundaryCut, PAST_PARTICIPLES, removeAsides, stripFinalStop, wordCut } from './clause-cuts.js';
import {
  dropsCondition,
  inside,
  isListComma,
  leadsIn,
  parse,
  wordAt,
  wordText,
  type Parsed,
} from './clause-parse.js';
import { dropConnective, openersFor, opensDangling, type Openers } from './opener-rules.js';
import { NOT_A_SUBJECT } from './openers.js';
import { countWords, isEnglish, roundWords, STOPWORDS } from './words.js';

export const DEFAULT_MAX_WORDS = 20;
/** A clause shorter than this is a fragment rather than a statement ("The new pricing plan"). */
const MIN_CLAUSE_WORDS = 5;
/** Above this share of the limit, a sentence that fits still loses a trailing elaboration. */
const SOFT_LIMIT = 0.7;

/** One short clause (≤ maxWords, default 20) from a sentence, or undefined if it cannot be made to stand alone. */
export function toClause(sentence: string, maxWords = DEFAULT_MAX_WORDS, lang = 'en'): string | undefined {
  const max = Number.isFinite(maxWords) ? Math.max(1, Math.floor(maxWords)) : DEFAULT_MAX_WORDS;
  const tag = typeof lang === 'string' && lang ? lang : 'en';
  return clause(String(sentence ?? ''), max, tag, isEnglish(tag));
}

export interface Ctx {
  max: number;
  lang: string;
  english: boolean;
  minWords: number;
  openers: Openers;
  /** The section's first sentence: nothing comes before it to lean on. */
  opening: boolean;
}

export function clause(sentence: string, max: number, lang: string, english: boolean, opening = false): string | undefined {
  const ctx: Ctx = { max, lang, english, minWords: Math.min(MIN_CLAUSE_WORDS, max), openers: openersFor(lang), opening };
  let s = stripLeadingPunctuation(/\s\s|[^\S ]/.test(sentence) ? sentence.replace(/\s+/g, ' ').trim() : sentence.trim());

  for (let round = 0; round < 3; round++) {
    const dropped = dropConnective(s, ctx);
    if (dropped === s) break;
    s = capitalise(stripLeadingPunctuation(dropped));
  }
  if (opensDangling(s, ctx)) {
    // "This year, …" leans on nothing once the lead-in goes; "This report reviews …" is fine as the
    // section's first sentence.
    const rest = english ? dropLeadIn(parse(s, lang), ctx) : undefined;
    if (rest !== undefined) s = rest;
    else if (!opening || opensDangling(s, ctx, true)) return undefined;
  }

  s = stripFinalStop(s);
  const whole = countWords(s, lang);
  if (whole === 0) return undefined;
  // Most sentences are short enough as they are; only the others are parsed for trimming.
  if (whole <= Math.round(max * SOFT_LIMIT)) return s;
  const parsed = parse(s, lang);
  if (whole <= max) {
    // A sentence that fits can still carry a second clause ("…, resulting in smaller models"); a
    // bullet reads better without it, as long as the main clause keeps most of the sentence.
    return boundaryCut(parsed, ctx, Math.max(ctx.minWords, Math.ceil(whole * 0.45))) ?? s;
  }

  let best: { text: string; value: number } | undefined;
  const offer = (text: string | undefined, value: number): void => {
    if (text === undefined || (best && value <= best.value)) return;
    // Dropping an aside can bring a new first word forward ("(…) However, …").
    if (text.slice(0, 40) !== s.slice(0, 40) && opensDangling(text, ctx, opening)) return;
    best = { text, value };
  };
  const consider = (p: Parsed, penalty: number): void => {
    const words = roundWords(p.cum[p.cum.length - 1] ?? 0);
    if (words === 0) return;
    if (words <= max) return offer(p.text, words - penalty);
    const cut = boundaryCut(p, ctx);
    if (cut !== undefined) offer(cut, countWords(cut, lang) - penalty);
    if (!english) return;
    const rest = dropLeadIn(p, ctx);
    if (rest === undefined) return;
    const restParsed = parse(rest, lang);
    const restWords = roundWords(restParsed.cum[restParsed.cum.length - 1]);
    const restClause = restWords <= max ? rest : boundaryCut(restParsed, ctx);
    // Losing the lead-in loses context, so it has to buy noticeably more of the main clause.
    if (restClause !== undefined) offer(restClause, countWords(restClause, lang) - penalty - 3);
  };
  consider(parsed, 0);
  if (english) offer(...afterColon(parsed, ctx));
  const bare = /[(（—]|, wh/.test(s) ? stripFinalStop(removeAsides(s, ctx)) : s;
  const bareParsed = bare !== s ? parse(bare, lang) : undefined;
  if (bareParsed) consider(bareParsed, 1);

  const chosen = best as { text: string; value: number } | undefined;
  if (chosen) return stripFinalStop(chosen.text);
  // An aside is what a reader misses least, so a cut-off bullet leaves it out when it can.
  const bareCut = bareParsed ? wordCut(bareParsed, ctx) : undefined;
  if (bareCut !== undefined && !opensDangling(bareCut, ctx, opening)) return bareCut;
  return wordCut(parsed, ctx);
}

/**
 * "The causes were concentrated: 62% of late shipments traced back to four suppliers." When a short
 * lead-up ends in a colon and a full clause follows, the clause after the colon is the point.
 */
function afterColon(p: Parsed, ctx: Ctx): [string | undefined, number] {
  const colon = p.text.indexOf(': ');
  if (colon < 0 || inside(p.groups, colon)) return [undefined, 0];
  const at = wordAt(p, colon);
  if (at === 0 || at > 6 || at >= p.spans.length) return [undefined, 0];
  const rest = p.text.slice(colon + 1).trim();
  // A list after the colon ("three factors: cost, speed and quality") is not a clause.
  const listy = /,/.test(rest) && /\b(?:and|or)\b/.test(rest);
  if (listy || dropsCondition(p, at, ctx) || !standsAlone(rest, p, at, ctx)) return [undefined, 0];
  const restParsed = parse(capitalise(rest), ctx.lang);
  const words = roundWords(restParsed.cum[restParsed.cum.length - 1] ?? 0);
  if (words < ctx.minWords) return [undefined, 0];
  const text = words <= ctx.max ? restParsed.text : boundaryCut(restParsed, ctx);
  return text === undefined ? [undefined, 0] : [text, countWords(text, ctx.lang) - 2];
}

function stripLeadingPunctuation(s: string): string {
  const c = s.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return s;
  return s.replace(/^(?:[\s,;:·•*…。，、；：،؛!?.)\]}]|[-–—](?!\p{N}))+/u, '');
}

/** Scripts that start a sentence with a capital; Chinese, Arabic or Korean have no case to change. */
const CASED_SCRIPT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}]/u;

function capitalise(s: string): string {
  const first = /^\S+/u.exec(s)?.[0] ?? '';
  // "iPhone" and "eBay" keep their spelling; only an all-lower-case word is capitalised.
  if (!first || /\p{Lu}/u.test(first)) return s;
  const ch = String.fromCodePoint(s.codePointAt(0) ?? 0);
  // Georgian has capitals since Unicode 11, but its sentences never start with one.
  if (!CASED_SCRIPT.test(ch)) return s;
  const upper = ch.toUpperCase();
  // "ß" would become "SS": a different word, so it stays as written.
  return upper.length === ch.length ? upper + s.slice(ch.length) : s;
}

/**
 * The main clause after an introductory phrase, when the phrase can go: "By consolidating vendors,
 * the team cut costs by 12%" → "The team cut costs by 12%". Undefined when the rest would not stand
 * alone (too short, or it starts on a preposition, a verb or another word leaning backwards).
 */
function dropLeadIn(p: Parsed, ctx: Ctx): string | undefined {
  if (p.firstComma < 0 || p.spans.length === 0) return undefined;
  const total = p.cum[p.cum.length - 1];
  const first = wordText(p, 0);
  const second = wordText(p, 1);
  let commas = 0;
  for (let i = p.firstComma; i >= 0 && commas < 4; i = p.text.indexOf(',', i + 1)) {
    if (inside(p.groups, i)) continue;
    commas++;
    const restStart = wordAt(p, i);
    if (restStart === 0 || restStart >= p.spans.length) continue;
    if (!leadsIn(first, second, restStart) || isListComma(p, i, restStart)) continue;
    const restWords = roundWords(total - p.cum[restStart - 1]);
    if (restWords < ctx.minWords) continue;
    // The lead-in may set a condition ("Unless funding is approved by March, …"); without it the main
    // clause would claim something the report does not. A longer lead-in only holds more of it.
    if (dropsCondition(p, restStart, ctx)) return undefined;
    const rest = p.text.slice(i + 1).trim();
    if (standsAlone(rest, p, restStart, ctx)) return capitalise(rest);
  }
  return undefined;
}

function standsAlone(rest: string, p: Parsed, at: number, ctx: Ctx): boolean {
  if (!/^[\p{L}\p{N}"“'‘$€£¥(]/u.test(rest)) return false;
  const first = wordText(p, at);
  if (NOT_A_SUBJECT.has(first) || PAST_PARTICIPLES.has(first) || opensDangling(rest, ctx)) return false;
  if (dropConnective(rest, ctx) !== rest) return false;
  // "…, leveraging the data" or "…, built in 2020" are participle phrases, not a subject.
  if (/^\p{Ll}+(?:ing|ed)$/u.test(p.text.slice(p.spans[at].start, p.spans[at].end))) {
    const next = p.spans[at + 1];
    const gap = next ? p.text.slice(p.spans[at].end, next.start) : '';
    if (/[,;:]/.test(gap) || STOPWORDS.has(wordText(p, at + 1))) return false;
  }
  return true;
}
