/**
 * Opener rules: a language's opener words (openers.ts) compiled for matching at the start of every
 * candidate bullet, and the tests built on them: which connective can go, whether a sentence leans on
 * the one before, whether a clause sets a condition.
 */
import type { Ctx } from './clause.js';
import {
  BACK_REFERENCES,
  CONDITIONS,
  CONNECTIVES,
  DROP_WITHOUT_COMMA,
  LEAD_CONDITIONS,
  LEANING_CONDITIONS,
  LINKING_CONNECTIVES,
  NOT_AFTER_DETERMINER,
  NOT_A_SUBJECT,
  OPENER_WORDS,
  OPENING_DETERMINERS,
  TRAILING_CONDITIONS,
  type OpenerWords,
} from './openers.js';
import { scanWords, wordSpans } from './words.js';

/** Phrases by first word, longest first; or, in a language written without spaces, by length. */
export interface PhraseIndex {
  byFirst: Map<string, string[][]>;
  chars: string[];
}

/** Coordinators that can come before a trailing condition (", but only if …", ", and unless …"). */
export const COORDINATORS = new Set(['and', 'but', 'or', 'yet', 'nor']);
const COORDINATOR_INDEX: PhraseIndex = { byFirst: new Map([...COORDINATORS].map((w) => [w, [[w]]])), chars: [] };

/** A language's opener rules, compiled for matching at the start of every candidate bullet. */
export interface Openers {
  english: boolean;
  unspaced: boolean;
  elision: boolean;
  /** Dropped with a comma after them. */
  connectives: PhraseIndex;
  /** A sentence opening on one of these is not used as it is. */
  dangling: PhraseIndex;
  /** Conditions that a condensed sentence keeps after a clause boundary. */
  conditions: PhraseIndex;
  /** Conditions that a sentence can open on. */
  leadConditions: PhraseIndex;
  notLeaning: PhraseIndex;
  determiners: PhraseIndex;
  /** Keys (words joined by spaces) of connectives that go without a comma. */
  bare: Set<string>;
  /** Back-references that are also articles, leaning only when no noun follows ("Das" vs "Das Werk"). */
  articles: Set<string>;
  pronounCues: Set<string>;
  timeNouns: Set<string>;
  nounTest?: 'capital' | 'article';
  subjectStarts?: Set<string>;
  gluedTo?: RegExp;
}

/** Words of a phrase as openingTokens would give them. */
function phraseWords(phrase: string, elision: boolean): string[] {
  const out: string[] = [];
  for (const word of phrase.toLowerCase().replace(/’/g, "'").split(/[\s-]+/)) {
    if (!word) continue;
    const elided = elision ? /^\p{L}+'(?=\p{L})/u.exec(word) : null;
    if (elided) out.push(elided[0], word.slice(elided[0].length));
    else out.push(word);
  }
  return out;
}

function phraseIndex(phrases: Iterable<string>, elision: boolean): PhraseIndex {
  const byFirst = new Map<string, string[][]>();
  const chars = [...new Set(phrases)];
  for (const phrase of chars) {
    const words = phraseWords(phrase, elision);
    if (words.length === 0) continue;
    const list = byFirst.get(words[0]) ?? [];
    list.push(words);
    byFirst.set(words[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  chars.sort((a, b) => b.length - a.length);
  return { byFirst, chars };
}

/** English adds openers that set a condition only at the start of a sentence ("When …", "Including …"). */
type AnyOpenerWords = OpenerWords & { english?: boolean; leadConditions?: readonly string[] };

function compileOpeners(words: AnyOpenerWords): Openers {
  const elision = words.elision ?? false;
  const index = (phrases: Iterable<string>) => phraseIndex(phrases, elision);
  const key = (phrase: string) => (words.unspaced ? phrase : phraseWords(phrase, elision).join(' '));
  const bare = words.bare === 'all' ? words.linking : (words.bare ?? []);
  return {
    english: words.english ?? false,
    unspaced: words.unspaced ?? false,
    elision,
    connectives: index([...words.linking, ...(words.adverbials ?? [])]),
    dangling: index([...words.linking, ...words.backRefs]),
    conditions: index([...words.conditions, ...(words.trailingConditions ?? [])]),
    leadConditions: index([...words.conditions, ...(words.leadConditions ?? [])]),
    notLeaning: index(words.notLeaning ?? []),
    determiners: index(words.determiners ?? []),
    bare: new Set(bare.map(key)),
    articles: new Set((words.articles ?? []).map(key)),
    pronounCues: new Set((words.pronounCues ?? []).map(key)),
    timeNouns: new Set((words.timeNouns ?? []).map(key)),
    nounTest: words.nounTest,
    subjectStarts: words.subjectStarts ? new Set(words.subjectStarts.map(key)) : undefined,
    gluedTo: words.gluedTo,
  };
}

const ENGLISH_OPENERS = compileOpeners({
  english: true,
  linking: LINKING_CONNECTIVES,
  backRefs: [...BACK_REFERENCES, ...LEANING_CONDITIONS],
  adverbials: CONNECTIVES,
  bare: DROP_WITHOUT_COMMA,
  determiners: OPENING_DETERMINERS,
  conditions: CONDITIONS,
  trailingConditions: TRAILING_CONDITIONS,
  leadConditions: LEAD_CONDITIONS,
});

const NO_OPENERS = compileOpeners({ linking: [], backRefs: [], conditions: [] });

const openerCache = new Map<string, Openers>();

/** The opener rules for a BCP 47 tag: its first subtag picks the language. */
export function openersFor(lang: string): Openers {
  const primary = lang.split(/[-_]/)[0].toLowerCase();
  if (primary === 'en') return ENGLISH_OPENERS;
  let openers = openerCache.get(primary);
  if (!openers) {
    const words = Object.prototype.hasOwnProperty.call(OPENER_WORDS, primary) ? OPENER_WORDS[primary] : undefined;
    openers = words ? compileOpeners(words) : NO_OPENERS;
    openerCache.set(primary, openers);
  }
  return openers;
}

interface Token {
  /** Lower case, with a typographic apostrophe made straight. */
  word: string;
  start: number;
  end: number;
}

/** The first words of `s` (at most `n`), as ICU splits them; elided words split off their apostrophe. */
function openingTokens(s: string, lang: string, o: Openers, n = 7): Token[] {
  if (o.unspaced) return [];
  const out: Token[] = [];
  const head = s.length > 120 ? s.slice(0, 120) : s;
  const push = (start: number, end: number): void => {
    const word = head.slice(start, end).toLowerCase().replace(/’/g, "'");
    const elided = o.elision ? /^\p{L}+'(?=\p{L})/u.exec(word) : null;
    if (elided) {
      // Offsets come from the text as written: lower-casing may change a word's length ("İ").
      const cut = start + head.slice(start, end).search(/['’]/) + 1;
      out.push({ word: elided[0], start, end: cut }, { word: word.slice(elided[0].length), start: cut, end });
    } else {
      out.push({ word, start, end });
    }
  };
  if (scanWords(head, push, n) >= 0) return out;
  out.length = 0;
  const spans = wordSpans(head, lang);
  for (let i = 0; i < spans.length && i < n; i++) push(spans[i].start, spans[i].end);
  return out;
}

/**
 * Whether `s` can open on a phrase of one of `indexes`, judged by its first word alone: most
 * sentences open on none, and this runs several times for each candidate bullet.
 */
function mayOpenOn(s: string, lang: string, o: Openers, ...indexes: PhraseIndex[]): boolean {
  if (o.unspaced) return true;
  const head = s.length > 40 ? s.slice(0, 40) : s;
  let first = '';
  const take = (start: number, end: number): void => {
    first = head.slice(start, end);
  };
  if (scanWords(head, take, 1) < 0) {
    const span = wordSpans(head, lang)[0];
    if (span) first = head.slice(span.start, span.end);
  }
  if (!first) return false;
  let word = first.toLowerCase().replace(/’/g, "'");
  if (o.elision) word = /^\p{L}+'(?=\p{L})/u.exec(word)?.[0] ?? word;
  if (o.english) word = word.replace(/'(?:s|re|ll|d|ve)$/, '');
  return indexes.some((index) => index.byFirst.has(word));
}

interface OpenerMatch {
  /** The phrase's words joined by spaces (its characters, unspaced). */
  key: string;
  /** Words matched (characters, unspaced), to compare two matches. */
  size: number;
  /** Where the phrase ends in the text. */
  end: number;
  /** The word after it. */
  next?: Token;
}

/** The longest phrase of `index` that `s` opens with. */
function matchOpening(index: PhraseIndex, s: string, tokens: readonly Token[], o: Openers): OpenerMatch | undefined {
  if (o.unspaced) {
    for (const phrase of index.chars) if (s.startsWith(phrase)) return { key: phrase, size: phrase.length, end: phrase.length };
    return undefined;
  }
  const list = tokens.length ? index.byFirst.get(tokens[0].word) : undefined;
  if (!list) return undefined;
  for (const words of list) {
    if (words.length > tokens.length) continue;
    let matches = true;
    for (let i = 0; i < words.length && matches; i++) {
      // "As a result" is one phrase only when nothing but spaces (or hyphens) sits between its words.
      matches = tokens[i].word === words[i] && (i === 0 || /^[\s-]*$/.test(s.slice(tokens[i - 1].end, tokens[i].start)));
    }
    if (matches) return { key: words.join(' '), size: words.length, end: tokens[words.length - 1].end, next: tokens[words.length] };
  }
  return undefined;
}

/**
 * Whether `s` opens on a conditional, concessive or exceptive clause. `lead` adds those that only set
 * a condition at the start of a sentence; elsewhere a coordinator may come first (", but only if …").
 */
export function startsCondition(s: string, lang: string, o: Openers, lead: boolean): boolean {
  const index = lead ? o.leadConditions : o.conditions;
  if (!mayOpenOn(s, lang, o, index, COORDINATOR_INDEX)) return false;
  const tokens = openingTokens(s, lang, o);
  if (matchOpening(index, s, tokens, o)) return true;
  if (lead || !o.english || tokens.length < 2 || !COORDINATORS.has(tokens[0].word)) return false;
  return matchOpening(index, s, tokens.slice(1), o) !== undefined;
}

/** Size of the condition `s` opens with, to tell "Auch wenn …" (a condition) from "Auch …" (a connective). */
function conditionSize(s: string, o: Openers, tokens: readonly Token[]): number {
  return matchOpening(o.leadConditions, s, tokens, o)?.size ?? 0;
}

export function dropConnective(s: string, ctx: Ctx): string {
  const o = ctx.openers;
  if (!mayOpenOn(s, ctx.lang, o, o.connectives)) return s;
  const tokens = openingTokens(s, ctx.lang, o);
  const m = matchOpening(o.connectives, s, tokens, o);
  if (!m || conditionSize(s, o, tokens) > m.size) return s;
  const after = s.slice(m.end);
  const comma = /^\s*[,،，、]\s*/u.exec(after);
  if (comma) return after.slice(comma[0].length);
  if (!o.bare.has(m.key)) return s;
  if (o.unspaced) return /^[\p{L}\p{N}]/u.test(after) && !o.gluedTo?.test(after) ? after : s;
  if (!/^\s+[\p{L}\p{N}]/u.test(after)) return s;
  if (o.subjectStarts) {
    // "Aber die Kosten stiegen" loses "Aber"; "Deshalb hat der Vorstand …" would become a question.
    const next = m.next;
    const raw = next ? s.slice(next.start, next.end) : '';
    if (!next || !(/^[\p{Lu}\p{N}]/u.test(raw) || o.subjectStarts.has(next.word))) return s;
  }
  return after.trimStart();
}

/**
 * Whether `s` opens on a word that leans on the sentence before. In a section's `opening` sentence,
 * a demonstrative with a noun ("This report reviews …") has nothing to lean on and is fine.
 */
export function opensDangling(s: string, ctx: Ctx, opening = false): boolean {
  const o = ctx.openers;
  if (!mayOpenOn(s, ctx.lang, o, o.dangling)) return false;
  const tokens = openingTokens(s, ctx.lang, o);
  if (o.english && tokens.length) {
    // "It's" and "They're" lean back exactly like "It" and "They".
    tokens[0] = { ...tokens[0], word: tokens[0].word.replace(/'(?:s|re|ll|d|ve)$/, '') };
  }
  const m = matchOpening(o.dangling, s, tokens, o);
  if (!m || conditionSize(s, o, tokens) > m.size) return false;
  if (matchOpening(o.notLeaning, s, tokens, o)) return false;
  const next = m.next;
  const spaced = next !== undefined && /^\s+$/.test(s.slice(m.end, next.start));
  if (o.articles.has(m.key) && spaced && /^\p{Lu}/u.test(s.slice(next.start, next.end))) return false;
  const det = matchOpening(o.determiners, s, tokens, o);
  if (!det || det.size < m.size) return true;
  // "Cette année, …" points at the report's period.
  if (det.next && o.timeNouns.has(det.next.word) && joined(s, det)) return false;
  return !(opening && nounFollows(s, det, o));
}

/** Whether the word after `m` belongs with it: after a space, or straight after an elision ("Quest'anno"). */
function joined(s: string, m: OpenerMatch): boolean {
  const gap = m.next ? s.slice(m.end, m.next.start) : '-';
  return /^\s+$/.test(gap) || (gap === '' && m.key.endsWith("'"));
}

function nounFollows(s: string, det: OpenerMatch, o: Openers): boolean {
  if (o.unspaced) return /^[\p{L}\p{N}]/u.test(s.slice(det.end));
  const next = det.next;
  if (!next || !joined(s, det)) return false;
  const raw = s.slice(next.start, next.end);
  if (o.english) return englishNounAfter(det.key, next.word);
  if (o.nounTest === 'capital') return /^\p{Lu}/u.test(raw);
  if (o.nounTest === 'article') return next.word.startsWith('ال');
  return /^[\p{L}\p{N}]/u.test(raw) && !o.pronounCues.has(next.word);
}

/** Whether `word` after "This" or "These" is a noun ("This project …") rather than a verb ("This means …"). */
function englishNounAfter(det: string, word: string): boolean {
  if (/^\p{N}/u.test(word)) return true;
  if (!/^\p{L}/u.test(word) || NOT_A_SUBJECT.has(word) || NOT_AFTER_DETERMINER.has(word)) return false;
  if (/[^e]ed$/.test(word)) return false;
  // After "This", a verb ends in -s ("This shows"), a singular noun rarely does ("This analysis").
  return det !== 'this' || !/[^su]s$/.test(word) || /(?:is|ics|ness)$/.test(word);
}
