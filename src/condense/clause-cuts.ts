/**
 * Ways of cutting a sentence short: at a clause boundary, by dropping its asides, or, as a last
 * resort, at a word with "…"; and the tidying of what a cut leaves at the end.
 */
import type { Ctx } from './clause.js';
import {
  conditions,
  inColonList,
  inList,
  inside,
  mayOpenCondition,
  opensLeadIn,
  wordAt,
  wordText,
  type Parsed,
} from './clause-parse.js';
import { startsCondition } from './opener-rules.js';
import { countWords, roundWords } from './words.js';

/** Words after a comma that start a trailing elaboration: cutting there loses least. */
const TAIL_WORDS = new Set(['which', 'where', 'whereas', 'thus', 'thereby', 'as', 'including', 'particularly', 'especially', 'albeit']);
const TAIL_PAIRS = new Set(['so that', 'such as']);
/** Words after a comma that start a subordinate or contrasting clause, cut only when over the limit. */
const CLAUSE_WORDS = new Set([
  'while', 'but', 'so', 'because', 'since', 'given', 'despite', 'compared', 'unlike', 'whether', 'although',
  'though', 'until', 'once', 'with', 'without', 'from', 'according', 'not', 'even', 'only', 'partly',
  'primarily', 'largely', 'mainly', 'mostly',
]);
const CLAUSE_PAIRS = new Set([
  'due to', 'up from', 'down from', 'rather than', 'in turn', 'in part', 'along with', 'together with',
  'most of', 'many of', 'some of', 'all of', 'none of', 'half of',
]);
/** Irregular past participles that open an elaborating phrase after a comma. */
export const PAST_PARTICIPLES = new Set(['driven', 'led', 'built', 'held', 'shown', 'brought', 'taken', 'made', 'known', 'seen', 'written', 'chosen', 'grown', 'drawn']);
/** Words that open the subject of a new clause after ", and". */
const NEW_SUBJECT = new Set([
  'each', 'the', 'its', 'their', 'it', 'they', 'we', 'our', 'this', 'these', 'those', 'many', 'most', 'some',
  'every', 'he', 'she', 'there', 'both', 'several', 'all',
]);
const BOUNDARY_MARKS = /[—–;:,\-；：，]/g;

/**
 * The longest leading clause that ends at a clause boundary and fits the limit. With `minWords` set,
 * only trailing elaborations are cut (", which …", ", allowing …", "; …", "— …"), and only when at
 * least that much of the sentence remains.
 */
export function boundaryCut(p: Parsed, ctx: Ctx, minWords?: number): string | undefined {
  const s = p.text;
  const soft = minWords !== undefined;
  const asides = s.includes('—') ? dashPairs(s) : [];
  const cond = conditions(p, ctx);
  let best: string | undefined;
  let bestWords = 0;
  BOUNDARY_MARKS.lastIndex = 0;
  for (let m = BOUNDARY_MARKS.exec(s); m; m = BOUNDARY_MARKS.exec(s)) {
    const i = m.index;
    const ch = s[i];
    const next = wordAt(p, i);
    let tail = false;
    let hard = false;
    if (ch === '—' || ch === ';' || ch === '；') tail = true;
    else if (ch === '–' || ch === '-') hard = s[i - 1] === ' ' && s[i + 1] === ' ';
    else if (ch === ':') hard = s[i + 1] === ' ' || (!ctx.english && s[i + 1] !== undefined && s.charCodeAt(i + 1) > 0x7f);
    else if (ch === '：' || ch === '，') hard = !ctx.english;
    else if (ch === ',' && ctx.english && next < p.spans.length && /^\s+$/.test(s.slice(i + 1, p.spans[next].start))) {
      const w1 = wordText(p, next);
      const pair = `${w1} ${wordText(p, next + 1)}`;
      const raw = s.slice(p.spans[next].start, p.spans[next].end);
      tail = TAIL_PAIRS.has(pair) || TAIL_WORDS.has(w1) || /^\p{Ll}+ing$/u.test(raw);
      // ", and each of those costs …": "and" followed by a determiner or pronoun starts a new clause.
      hard =
        CLAUSE_PAIRS.has(pair) ||
        CLAUSE_WORDS.has(w1) ||
        (w1 === 'and' && NEW_SUBJECT.has(wordText(p, next + 1))) ||
        // ", driven mainly by …", ", led by …": a participle phrase elaborating the main clause.
        PAST_PARTICIPLES.has(w1) ||
        (/^\p{Ll}{3,}ed$/u.test(raw) && /^(by|in|to|with|from|at|on|as|for)$/.test(wordText(p, next + 1)));
      // "…suppliers, distributors, marketing agencies": a noun in -ing inside a list starts no clause.
      if ((tail || hard) && inList(p, i, next)) tail = hard = false;
    }
    if (!(tail || (hard && !soft))) continue;
    if (inside(p.groups, i) || inside(asides, i + 1)) continue;
    const words = next > 0 ? roundWords(p.cum[next - 1]) : 0;
    if (words < (minWords ?? ctx.minWords) || words > ctx.max || words <= bestWords) continue;
    // "In light of increasing pressure on lenders" is a lead-in with no main clause after it.
    if (ctx.english && (p.firstComma < 0 || p.firstComma >= i) && opensLeadIn(wordText(p, 0), wordText(p, 1))) continue;
    if (cond.end >= 0 && (cond.end >= i || next - cond.mainStart < 2)) continue;
    if (cond.last >= next || !keepsWhatFollows(p, i, next, ctx)) continue;
    best = trimEndOf(s.slice(0, i), ' ,;:—–-');
    bestWords = words;
  }
  return best;
}

/** Conjunctions that join the last item of a list after a comma. */
const LIST_JOINERS = /^\s*(?:以及|及|和|与|或者|或|还有|および|及び|並びに|ならびに|または)/u;

/**
 * Whether a cut at mark `i` drops only what can go silently: not a condition or concession on the
 * clause before it ("…, unless funding is approved"), nor the remaining items of a list.
 */
function keepsWhatFollows(p: Parsed, i: number, next: number, ctx: Ctx): boolean {
  const s = p.text;
  const ch = s[i];
  if (ctx.english && ch === ';' && (inColonList(p, i) || /;\s+(?:and|or)\s/.test(s.slice(i + 1)))) return false;
  if (!ctx.english && (ch === '，' || ch === ',') && LIST_JOINERS.test(s.slice(i + 1))) return false;
  if (next >= p.spans.length || !mayOpenCondition(wordText(p, next), ctx.openers)) return true;
  return !startsCondition(s.slice(p.spans[next].start, p.spans[next].start + 120), ctx.lang, ctx.openers, false);
}

/**
 * Em dashes in pairs enclose an aside ("The plan — approved in May — cut costs"): cutting at either
 * dash would leave a subject without its verb. Returned as ranges that cover both dashes.
 */
function dashPairs(s: string): Array<[number, number]> {
  const dashes: number[] = [];
  for (let i = s.indexOf('—'); i >= 0; i = s.indexOf('—', i + 1)) dashes.push(i);
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < dashes.length; i += 2) out.push([dashes[i], dashes[i + 1] + 1]);
  return out;
}

/**
 * Drops asides — "(…)", "— … —", ", who …," — which a bullet can do without, except one that sets a
 * condition: "The plan (if approved) starts in May" does not say the plan starts in May.
 */
export function removeAsides(s: string, ctx: Ctx): string {
  const lang = ctx.lang;
  const conditional = (inner: string): boolean => startsCondition(inner.trim(), lang, ctx.openers, false);
  let out = s.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => (conditional(inner) ? whole : ''));
  out = out.replace(/\s*（([^（）]*)）/g, (whole, inner: string) => (conditional(inner) ? whole : ''));
  out = out.replace(/\s*—([^—]*)—\s*/g, (whole, inner: string) => (countWords(inner, lang) <= 12 && !conditional(inner) ? ' ' : whole));
  // A non-restrictive relative clause: "Ms. Ortiz, who joined in January, now leads …".
  out = out.replace(/,\s+(?:who|which|whose)\s([^,;:—()]*),\s*/g, (whole, inner: string) => (countWords(inner, lang) <= 12 ? ' ' : whole));
  return out.replace(/\s+([,.;:!?])/g, '$1').replace(/\s+/g, ' ').trim();
}

/** Words a cut-off bullet should not end on: "Revenue grew in the …" says less than "Revenue grew …". */
const WEAK_ENDINGS = new Set([
  'the', 'a', 'an', 'of', 'to', 'and', 'or', 'but', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as',
  'that', 'which', 'who', 'its', 'their', 'our', 'his', 'her', 'is', 'are', 'was', 'were', 'be', 'been',
  'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'into', 'than',
  'this', 'these', 'those', 'such', 'via', 'per', 'about', 'over', 'under', 'between', 'across',
  'through', 'not', 'no', 'if', 'when', 'while', 'whose', 'where', 'both', 'either', 'more', 'most',
  'less', 'very', 'its', 'also', 'whether', 'among', 'toward', 'towards', 'including', 'like',
]);

/** Words that open a new phrase: cutting just before one leaves a complete phrase behind. */
const PHRASE_STARTS = new Set([
  'in', 'on', 'at', 'by', 'for', 'with', 'from', 'to', 'into', 'during', 'after', 'before', 'through',
  'across', 'over', 'under', 'and', 'or', 'but', 'while', 'because', 'which', 'that', 'who', 'where',
  'when', 'as', 'would', 'could', 'will', 'can', 'should', 'may', 'might', 'than', 'via', 'including',
  'without', 'within', 'among', 'against', 'between', 'whose', 'if', 'unless', 'until', 'since',
  'despite', 'although', 'though', 'whereas', 'so',
]);

const NUMBER = /^[\p{N}.,]+$/u;

/** Last resort: cut at a word boundary and say so with "…". */
export function wordCut(p: Parsed, ctx: Ctx): string | undefined {
  const { text: s, spans, cum, groups: ranges } = p;
  // A sentence opening on a condition is cut inside its main clause, or not at all: a bullet holding
  // only "If vacancy rates stay above 12% through the winter…" says nothing. A later condition keeps
  // its first words at least, so that the "…" does not hide it.
  const cond = conditions(p, ctx);

  type Level = 'phrase' | 'tidy' | 'any';
  const cutAt = (k: number, level: Level): string | undefined => {
    if (Math.ceil(cum[k] - 1e-9) > ctx.max) return undefined;
    if ((cond.end >= 0 && k + 1 - cond.mainStart < 3) || (cond.last >= 0 && k < cond.last + 2)) return undefined;
    const next = spans[k + 1];
    let end = spans[k].end;
    const limit = next ? next.start : s.length;
    while (end < limit && !/\s/.test(s[end])) end++;
    if (inside(ranges, end)) return undefined;
    const word = s.slice(spans[k].start, spans[k].end);
    if (level !== 'any') {
      // A number belongs with its unit or noun: "12 ms", "3.5 million", "40 suppliers".
      if (NUMBER.test(word) && next && /^\s+$/.test(s.slice(spans[k].end, next.start))) return undefined;
      if (ctx.english && WEAK_ENDINGS.has(word.toLowerCase())) return undefined;
      // "walk-in" cut after "walk", or "eu-west-1" after "eu", leaves half a token.
      const gap = next ? s.slice(spans[k].end, next.start) : '';
      if (gap !== '' && !/[\s,;:，、；：。]/.test(gap)) return undefined;
    }
    if (level === 'phrase') {
      // Best of all, the cut falls where a phrase ends: at a comma, or before "in", "and", "which"…
      if (cum[k] < Math.max(ctx.minWords, ctx.max * 0.6)) return undefined;
      const gap = next ? s.slice(spans[k].end, next.start) : '';
      const nextWord = next ? s.slice(next.start, next.end).toLowerCase() : '';
      if (!/^[^\s]*[,;:]/.test(gap) && !(ctx.english && PHRASE_STARTS.has(nextWord))) return undefined;
    }
    let text = trimEndOf(s.slice(0, end), ',;:—–-([{“‘«。，、；：');
    // A straight quote left over at the end opens a quotation only if it is unpaired.
    while (text.endsWith('"') && (text.split('"').length - 1) % 2 === 1) text = trimEndOf(text.slice(0, -1), ',;:—–-([{“‘«');
    return text && cum[k] >= ctx.minWords ? `${text}…` : undefined;
  };

  for (const level of ['phrase', 'tidy', 'any'] as const) {
    for (let k = spans.length - 1; k >= 0; k--) {
      const text = cutAt(k, level);
      if (text) return text;
    }
  }
  // Everything that fits is inside one quotation or bracket: no cut would stand alone.
  return undefined;
}

/** Trims any of `chars` (and whitespace) from the end; a regex anchored at $ is quadratic here. */
function trimEndOf(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && (chars.includes(s[end - 1]) || /\s/.test(s[end - 1]))) end--;
  return end === s.length ? s : s.slice(0, end);
}

const KEEP_STOP = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'al', 'plc']);

const CLOSING = '"”’\')]»」';

export function stripFinalStop(s: string): string {
  const out = trimEndOf(s, ' ,;:');
  let end = out.length;
  while (end > 0 && CLOSING.includes(out[end - 1])) end--;
  const stop = out[end - 1];
  if (stop !== '.' && stop !== '。' && stop !== '．') return out;
  const body = out.slice(0, end - 1);
  // "..." is an ellipsis, and "U.S." or "etc." keep the full stop that belongs to them.
  if (body.endsWith('..')) return out;
  if (stop === '.' && end === out.length) {
    const token = body.slice(body.lastIndexOf(' ') + 1).toLowerCase();
    if (token.includes('.') || KEEP_STOP.has(token)) return out;
  }
  return trimEndOf(body + out.slice(end), ' ,;:');
}
