/**
 * Key points: a few short bullets condensed from a section's prose.
 *
 * Everything here is extractive and deterministic. A bullet is one sentence of the section, trimmed to
 * a clause that stands on its own: the reader sees it on a slide without the sentence before it, and
 * the full prose is in the speaker notes anyway.
 */
import { OPENER_WORDS, type OpenerWords } from './openers.js';
import { splitSentences } from './sentences.js';

export interface SectionText {
  heading: string;
  paragraphs: string[];
}

export interface KeyPoint {
  text: string;
  /** Index of the paragraph in the section. */
  paragraph: number;
  /** Index of the sentence within that paragraph. */
  sentence: number;
  score: number;
}

export interface KeyPointOptions {
  /**
   * Bullets wanted. By default it grows with the section's sentences n: n for n ≤ 2, 2 for n ≤ 4, 3 for
   * n ≤ 7, 4 for n ≤ 11 and 5 beyond. Fewer come back when too few sentences can stand alone.
   */
  count?: number;
  /** Hard limit on a bullet's words (default 20). */
  maxWords?: number;
  /**
   * BCP 47 tag of the report's language (default "en"). Its first subtag picks the opener rules: English,
   * German, French, Spanish, Portuguese, Italian, Dutch, Russian, Chinese, Japanese, Korean and Arabic
   * have them; other languages are condensed without.
   */
  lang?: string;
}

const DEFAULT_MAX_WORDS = 20;
/** A clause shorter than this is a fragment rather than a statement ("The new pricing plan"). */
const MIN_CLAUSE_WORDS = 5;
/** Above this share of the limit, a sentence that fits still loses a trailing elaboration. */
const SOFT_LIMIT = 0.7;

/** Openers that point back at something the previous sentence named. */
const BACK_REFERENCES = [
  'this', 'these', 'that', 'those', 'such', 'it', 'its', 'they', 'them', 'their', 'theirs', 'he', 'she',
  'his', 'her', 'him', 'hers', 'another', 'the latter', 'the former', 'the same', 'the above',
  'the aforementioned',
];

/**
 * Openers that make the sentence conditional on the previous one ("Otherwise, the migration is
 * cancelled"): dropping them would turn a condition into a fact, so the sentence is not used at all.
 */
const LEANING_CONDITIONS = [
  'otherwise', 'if so', 'in that case', 'in this case', 'in which case', 'in such a case', 'in such cases',
  'failing that', 'or else', 'until then', 'by then', 'under these conditions', 'under those conditions',
  'under such conditions', 'under these circumstances', 'under those circumstances', 'in these circumstances',
  'in those circumstances', 'if this happens', 'if that happens',
];

/** Connectives that continue an argument; on their own they say nothing. */
const LINKING_CONNECTIVES = [
  'however', 'additionally', 'moreover', 'furthermore', 'also', 'thus', 'therefore', 'consequently',
  'instead', 'meanwhile', 'still', 'yet', 'but', 'and', 'or', 'nor', 'so', 'then', 'finally',
  'similarly', 'likewise', 'hence', 'accordingly', 'nevertheless', 'nonetheless', 'conversely',
  'besides', 'indeed', 'again', 'plus', 'lastly', 'subsequently', 'thereafter',
  'afterwards', 'here', 'as a result', 'in addition', 'as such', 'in turn', 'in contrast',
  'by contrast', 'on the other hand', 'at the same time', 'that said', 'even so', 'in other words',
  'to that end', 'to this end', 'in this way', 'in doing so', 'as a consequence', 'for example',
  'for instance',
];

/**
 * Words and phrases (lower case) that a bullet never starts with, because they lean on the sentence
 * before. Connectives followed by a comma are dropped instead ("However, costs rose" → "Costs rose");
 * a sentence opening on a pronoun or demonstrative is not used at all (except a section's first
 * sentence opening on "This …" or "These …" with a noun: there is nothing before it to lean on).
 */
export const DANGLING_OPENERS: ReadonlySet<string> = new Set([...LINKING_CONNECTIVES, ...BACK_REFERENCES, ...LEANING_CONDITIONS]);

/**
 * Lead-ins that point back, but only as a whole phrase before a comma: "Because of this, …" leans,
 * "Because of this year's drought …" does not. They go with their comma.
 */
const BACK_LEAD_INS = [
  'after that', 'after this', 'before that', 'because of this', 'because of that', 'despite this',
  'despite that', 'in spite of this', 'in spite of that', 'since then', 'for this reason', 'for that reason',
  'due to this', 'owing to this', 'in response to this', 'in response to that', 'in addition to this',
  'apart from this', 'apart from that', 'aside from this', 'aside from that', 'besides this',
  'with this in mind', 'on this basis', 'against this background', 'against this backdrop',
  'in light of this', 'in view of this', 'given this', 'as a result of this', 'on top of this',
  'following this', 'with this', 'with that',
];

/** Sentence adverbials that can be dropped with their comma without changing what the clause says. */
const CONNECTIVES = [
  ...LINKING_CONNECTIVES,
  ...BACK_LEAD_INS,
  'in short', 'in summary', 'in sum', 'in conclusion', 'in particular', 'in fact', 'in practice',
  'of course', 'after all', 'above all', 'on top of that', 'beyond that', 'beyond this', 'as noted',
  'as mentioned', 'as expected', 'equally', 'alternatively', 'ultimately', 'notably', 'importantly',
  'crucially', 'critically', 'interestingly', 'specifically', 'namely', 'overall', 'first', 'firstly',
  'second', 'secondly', 'third', 'thirdly', 'next', 'further', 'later', 'now', 'today', 'currently',
  'clearly', 'of note', 'in general', 'generally', 'typically', 'in essence', 'essentially', 'so far',
  'to date', 'for now', 'going forward', 'looking ahead', 'in the meantime', 'on balance', 'all in all',
  'by and large', 'in any case', 'at present', 'in total', 'in aggregate', 'put simply', 'simply put',
];

/** Connectives that are dropped even without a comma ("But the board declined …"). */
const DROP_WITHOUT_COMMA = [
  'and', 'but', 'yet', 'moreover', 'furthermore', 'additionally', 'consequently', 'therefore', 'thus',
  'hence', 'however',
];

/**
 * Openers of a conditional, concessive or exceptive clause, or of a qualifier on a figure. Dropping
 * one changes what the sentence claims: "Unless funding is approved by March, the migration will be
 * cancelled" is not "The migration will be cancelled". A bullet keeps them, at the start or at the end.
 */
const CONDITIONS = [
  'if', 'unless', 'whether', 'although', 'though', 'albeit', 'even', 'provided', 'providing', 'assuming',
  'supposing', 'only if', 'only when', 'only after', 'only once', 'only until', 'only where', 'until', 'till',
  'once', 'as long as', 'so long as', 'as soon as', 'in case',
  'in the event', 'on condition', 'on the condition', 'despite', 'in spite of', 'notwithstanding', 'except',
  'excepting', 'excluding', 'barring', 'absent', 'without', 'but for', 'save for', 'other than',
  'apart from', 'aside from', 'with the exception of', 'subject to', 'depending on', 'dependent on',
  'conditional on', 'conditional upon', 'contingent on', 'contingent upon', 'pending',
  ...LEANING_CONDITIONS,
];

/**
 * Openers that set a condition or qualify the figures only at the start of a sentence: after a comma,
 * "…, where demand is highest" or "…, including Spain" elaborate and can go.
 */
const LEAD_CONDITIONS = [
  'when', 'whenever', 'where', 'wherever', 'while', 'whilst', 'whereas', 'should', 'were', 'had',
  'including', 'adjusted', 'after adjusting', 'like-for-like', 'on a like-for-like basis', 'at constant',
  'in constant', 'on an adjusted', 'on an underlying', 'on an organic', 'organically',
];

/** "Only" restricts the clause before it ("…, but only in two regions"); opening one, it sets no condition. */
const TRAILING_CONDITIONS = ['only'];

/** Condition words that keep a lead-in wherever they appear in it ("In March, unless …, "). */
const CONDITION_WORDS = new Set([
  'if', 'unless', 'although', 'though', 'albeit', 'otherwise', 'except', 'excluding', 'notwithstanding', 'whereas',
]);

/** Coordinators that can come before a trailing condition (", but only if …", ", and unless …"). */
const COORDINATORS = new Set(['and', 'but', 'or', 'yet', 'nor']);
const COORDINATOR_INDEX: PhraseIndex = { byFirst: new Map([...COORDINATORS].map((w) => [w, [[w]]])), chars: [] };

/** Words after "This" or "These" that make it a pronoun ("This means …", "These include …", "This also …"). */
const NOT_AFTER_DETERMINER = new Set([
  'it', 'its', 'they', 'them', 'their', 'he', 'she', 'him', 'his', 'her', 'we', 'us', 'our', 'you', 'your',
  'i', 'me', 'my', 'a', 'an', 'the', 'this', 'these', 'that', 'those', 'there', 'here',
  'mean', 'meant', 'show', 'shown', 'led', 'lead', 'left', 'leave', 'made', 'make', 'put', 'set', 'cut',
  'brought', 'bring', 'gave', 'give', 'took', 'take', 'kept', 'keep', 'came', 'come', 'became', 'become',
  'went', 'got', 'get', 'saw', 'grew', 'drew', 'held', 'hold', 'built', 'felt', 'found', 'paid', 'sent',
  'spent', 'won', 'lost', 'sold', 'rose', 'fell', 'drove', 'drive', 'reflect', 'suggest', 'indicate',
  'imply', 'include', 'represent', 'remain', 'require', 'allow', 'help', 'add', 'cover', 'account',
  'affect', 'create', 'reduce', 'increase', 'raise', 'explain', 'follow', 'point', 'highlight', 'underline',
  'underscore', 'confirm', 'demonstrate', 'need', 'provide', 'offer', 'form', 'seem', 'appear', 'apply',
  'matter', 'vary', 'differ', 'range', 'total', 'amount', 'cost', 'alone', 'together', 'all', 'each',
  'already', 'still', 'now', 'often', 'typically', 'mainly', 'largely', 'mostly', 'partly', 'clearly',
  'certainly', 'probably', 'likely', 'apparently', 'one', 'way',
]);

/** Determiners that open a section's first sentence without leaning: "This report reviews …". */
const OPENING_DETERMINERS = ['this', 'these'];

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

/** Words a main clause cannot start with: what follows the comma would not stand alone. */
const NOT_A_SUBJECT = new Set([
  'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'into', 'onto', 'over', 'under', 'about',
  'across', 'after', 'before', 'during', 'since', 'until', 'through', 'between', 'among', 'amid',
  'against', 'without', 'within', 'upon', 'via', 'per', 'like', 'unlike', 'than', 'and', 'or', 'but',
  'nor', 'so', 'yet', 'because', 'although', 'though', 'while', 'whereas', 'if', 'unless', 'when',
  'where', 'which', 'who', 'whom', 'whose', 'that', 'what', 'how', 'why', 'is', 'are', 'was', 'were',
  'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could',
  'should', 'may', 'might', 'must', 'shall', 'not', 'as', 'also', 'then', 'thus', 'however', 'too',
  'especially', 'particularly', 'including', 'such', 'even', 'only', 'just', 'both', 'either',
  'neither', 'whether', 'respectively',
]);

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

const STOPWORDS = new Set([
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

// ---------------------------------------------------------------------------------------------------
// Words

interface WordSpan {
  start: number;
  end: number;
  /** How much the word counts towards the limit: CJK runs count about one word per two characters. */
  weight: number;
}

const wordSegmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(lang: string): Intl.Segmenter {
  let seg = wordSegmenters.get(lang);
  if (!seg) {
    try {
      seg = new Intl.Segmenter(lang, { granularity: 'word' });
    } catch {
      seg = new Intl.Segmenter('en', { granularity: 'word' });
    }
    wordSegmenters.set(lang, seg);
  }
  return seg;
}

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
function scanWords(text: string, onWord?: (start: number, end: number) => void, limit = Infinity): number {
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

function wordSpans(text: string, lang: string): WordSpan[] {
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

function weightOf(spans: readonly WordSpan[], upTo = spans.length): number {
  let sum = 0;
  for (let i = 0; i < upTo; i++) sum += spans[i].weight;
  return Math.max(0, Math.ceil(sum - 1e-9));
}

/**
 * Words in `text` as the limits count them: Intl.Segmenter word segments that are word-like, with a
 * run of Chinese or Japanese characters counting one word per two characters.
 */
export function countWords(text: string, lang = 'en'): number {
  const fast = scanWords(text);
  return fast >= 0 ? fast : weightOf(wordSpans(text, lang));
}

function isEnglish(lang: string): boolean {
  return /^en(?:$|[-_])/i.test(lang);
}

// ---------------------------------------------------------------------------------------------------
// Clauses

/** One short clause (≤ maxWords, default 20) from a sentence, or undefined if it cannot be made to stand alone. */
export function toClause(sentence: string, maxWords = DEFAULT_MAX_WORDS, lang = 'en'): string | undefined {
  const max = Number.isFinite(maxWords) ? Math.max(1, Math.floor(maxWords)) : DEFAULT_MAX_WORDS;
  const tag = typeof lang === 'string' && lang ? lang : 'en';
  return clause(String(sentence ?? ''), max, tag, isEnglish(tag));
}

interface Ctx {
  max: number;
  lang: string;
  english: boolean;
  minWords: number;
  openers: Openers;
  /** The section's first sentence: nothing comes before it to lean on. */
  opening: boolean;
}

function clause(sentence: string, max: number, lang: string, english: boolean, opening = false): string | undefined {
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

// ---------------------------------------------------------------------------------------------------
// Openers

/** Phrases by first word, longest first; or, in a language written without spaces, by length. */
interface PhraseIndex {
  byFirst: Map<string, string[][]>;
  chars: string[];
}

/** A language's opener rules, compiled for matching at the start of every candidate bullet. */
interface Openers {
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
function openersFor(lang: string): Openers {
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
function startsCondition(s: string, lang: string, o: Openers, lead: boolean): boolean {
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

function dropConnective(s: string, ctx: Ctx): string {
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
function opensDangling(s: string, ctx: Ctx, opening = false): boolean {
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

/**
 * A sentence parsed once for all the ways of trimming it: its words, and the groups (brackets,
 * quotations) that no cut may enter.
 */
interface Parsed {
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

interface ConditionMarks {
  /** The comma that ends the condition the sentence opens with; -1 if none, the length if unclosed. */
  end: number;
  /** The first word of the main clause after that comma. */
  mainStart: number;
  /** The last word that opens a condition later in the sentence ("…, unless …"), or -1. */
  last: number;
}

function parse(text: string, lang: string): Parsed {
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

function roundWords(weight: number): number {
  return Math.max(0, Math.ceil(weight - 1e-9));
}

/** Index of the first word starting at or after `pos` (spans.length if none). */
function wordAt(p: Parsed, pos: number): number {
  let lo = 0;
  let hi = p.spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (p.spans[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function wordText(p: Parsed, i: number): string {
  const w = p.spans[i];
  return w ? p.text.slice(w.start, w.end).toLowerCase() : '';
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

/** Whether words [0, upTo) of `p`, about to be dropped, hold a condition, a concession or an exception. */
function dropsCondition(p: Parsed, upTo: number, ctx: Ctx): boolean {
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
function conditions(p: Parsed, ctx: Ctx): ConditionMarks {
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
function mayOpenCondition(word: string, o: Openers): boolean {
  return o.unspaced || o.conditions.byFirst.has(word) || (o.english && COORDINATORS.has(word)) || (o.elision && /['’]/.test(word));
}

/**
 * Whether the comma at `i` separates items of a list ("over pay, pensions and working hours"): what
 * follows it is then another item, not a clause.
 */
function isListComma(p: Parsed, i: number, next: number): boolean {
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
function inList(p: Parsed, i: number, next: number): boolean {
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
function inColonList(p: Parsed, i: number): boolean {
  let colon = p.text.lastIndexOf(': ', i - 1);
  while (colon >= 0 && inside(p.groups, colon)) colon = p.text.lastIndexOf(': ', colon - 1);
  return colon >= 0 && /[,;]\s+(?:and|or)\s/.test(p.text.slice(i));
}

/** Whether words[0..count) form an introductory phrase that can be dropped before its comma. */
function leadsIn(first: string, second: string, count: number): boolean {
  if (count >= 2 && (INTRO_WORDS.has(first) || /^\p{L}{3,}(?:ing|ed)$/u.test(first))) return true;
  if (count === 1 && (/^\p{L}{3,}ly$/u.test(first) || /^\p{N}{4}$/u.test(first))) return true;
  // "This year, …", "Last quarter, …": a demonstrative pointing at time, not at the previous sentence.
  return count === 2 && /^(?:this|that|last|next|each|every|later|early)$/.test(first) && TIME_NOUNS.has(second);
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
function inside(ranges: ReadonlyArray<[number, number]>, pos: number): boolean {
  for (const [open, close] of ranges) if (open < pos && pos <= close) return true;
  return false;
}

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
const PAST_PARTICIPLES = new Set(['driven', 'led', 'built', 'held', 'shown', 'brought', 'taken', 'made', 'known', 'seen', 'written', 'chosen', 'grown', 'drawn']);
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
function boundaryCut(p: Parsed, ctx: Ctx, minWords?: number): string | undefined {
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
 * "Using the new data, …" opens on a participle phrase; "Operating profit rose …" opens on its
 * subject. An -ing word counts as a lead-in only when an object follows it (a determiner).
 */
function opensLeadIn(first: string, second: string): boolean {
  return INTRO_WORDS.has(first) || (/^\p{L}{3,}ing$/u.test(first) && LEAD_IN_OBJECT.has(second));
}

const LEAD_IN_OBJECT = new Set(['the', 'a', 'an', 'our', 'their', 'its', 'this', 'these', 'those', 'all', 'more', 'new', 'each', 'every', 'his', 'her', 'some', 'both']);

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
function removeAsides(s: string, ctx: Ctx): string {
  const lang = ctx.lang;
  const conditional = (inner: string): boolean => startsCondition(inner.trim(), lang, ctx.openers, false);
  let out = s.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => (conditional(inner) ? whole : ''));
  out = out.replace(/\s*（([^（）]*)）/g, (whole, inner: string) => (conditional(inner) ? whole : ''));
  out = out.replace(/\s*—([^—]*)—\s*/g, (whole, inner: string) => (countWords(inner, lang) <= 12 && !conditional(inner) ? ' ' : whole));
  // A non-restrictive relative clause: "Ms. Ortiz, who joined in January, now leads …".
  out = out.replace(/,\s+(?:who|which|whose)\s([^,;:—()]*),\s*/g, (whole, inner: string) => (countWords(inner, lang) <= 12 ? ' ' : whole));
  return out.replace(/\s+([,.;:!?])/g, '$1').replace(/\s+/g, ' ').trim();
}

const NUMBER = /^[\p{N}.,]+$/u;

/** Last resort: cut at a word boundary and say so with "…". */
function wordCut(p: Parsed, ctx: Ctx): string | undefined {
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

function stripFinalStop(s: string): string {
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

// ---------------------------------------------------------------------------------------------------
// Scoring

interface SentenceInfo {
  text: string;
  paragraph: number;
  sentence: number;
  order: number;
  /** Distinct content terms, as ids from termId. */
  terms: number[];
  words: number;
}

interface SectionAnalysis {
  /** The heading as given (not necessarily a string, when the caller's types were bypassed). */
  heading: unknown;
  paragraphs: readonly string[];
  lang: string;
  headingTerms: number[];
  sentences: SentenceInfo[];
  /** Occurrences of each term in the section. */
  tf: Map<number, number>;
}

interface CorpusAnalysis {
  lang: string;
  /** The section objects analysed, to notice one replaced in the array. */
  sections: SectionText[];
  analyses: SectionAnalysis[];
  /** Number of sections each term occurs in. */
  df: Map<number, number>;
}

// keyPoints is called once per section with the same array, so the analysis of every section and the
// document frequencies are kept until the array (or a section's text) changes.
const sectionCache = new WeakMap<object, SectionAnalysis>();
const corpusCache = new WeakMap<object, CorpusAnalysis>();

function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) word = word.slice(0, -1);
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  return word;
}

// Terms are looked up many times over (frequencies, weights, overlaps); as small integers they are
// hashed once, when first seen.
const termIds = new Map<string, number>();

function termId(term: string): number {
  let id = termIds.get(term);
  if (id === undefined) {
    id = termIds.size;
    termIds.set(term, id);
  }
  return id;
}

/** Content terms of `text`, and its word count (so the words are only segmented once). */
function terms(text: string, lang: string, english: boolean): { terms: number[]; words: number } {
  const out: number[] = [];
  const lower = text.toLowerCase();
  // Lower-casing can change the length of a few characters ("İ"); then slice each word on its own.
  const aligned = lower.length === text.length;
  const add = (start: number, end: number, cjk: boolean): void => {
    const word = aligned ? lower.slice(start, end) : text.slice(start, end).toLowerCase();
    if (english) {
      if (word.length < 2 || STOPWORDS.has(word)) return;
      out.push(termId(stem(word.endsWith("'s") || word.endsWith('’s') ? word.slice(0, -2) : word)));
    } else if (word.length >= (cjk ? 2 : 3)) {
      out.push(termId(word));
    }
  };
  // Word spans are not kept: this runs over every sentence of the report, and allocation shows.
  const fast = scanWords(text, (start, end) => add(start, end, false));
  if (fast >= 0) return { terms: out, words: fast };
  out.length = 0;
  const spans = wordSpans(text, lang);
  for (const span of spans) add(span.start, span.end, span.weight !== 1);
  return { terms: out, words: weightOf(spans) };
}

function isCurrent(cached: SectionAnalysis | undefined, section: SectionText, lang: string): cached is SectionAnalysis {
  if (!cached || cached.lang !== lang || cached.heading !== section.heading) return false;
  const paragraphs = section.paragraphs;
  if (!Array.isArray(paragraphs) || cached.paragraphs.length !== paragraphs.length) return false;
  for (let i = 0; i < paragraphs.length; i++) if (cached.paragraphs[i] !== paragraphs[i]) return false;
  return true;
}

function analyseSection(section: SectionText, lang: string): SectionAnalysis {
  const cacheable = section !== null && typeof section === 'object';
  const cached = cacheable ? sectionCache.get(section) : undefined;
  if (cacheable && isCurrent(cached, section, lang)) return cached;

  const heading = typeof section?.heading === 'string' ? section.heading : '';
  const paragraphs: readonly string[] = Array.isArray(section?.paragraphs) ? section.paragraphs : [];
  const english = isEnglish(lang);
  const sentences: SentenceInfo[] = [];
  const tf = new Map<number, number>();
  paragraphs.forEach((paragraph, p) => {
    if (typeof paragraph !== 'string') return;
    splitSentences(paragraph, lang).forEach((text, s) => {
      const { terms: all, words } = terms(text, lang, english);
      for (const t of all) tf.set(t, (tf.get(t) ?? 0) + 1);
      sentences.push({ text, paragraph: p, sentence: s, order: sentences.length, terms: [...new Set(all)], words });
    });
  });
  // Section numbers ("3.", "2.1") say nothing about the content.
  const headingTerms = [...new Set(terms(heading.replace(/^\s*[\p{N}.]+\s+/u, ''), lang, english).terms)];
  const analysis: SectionAnalysis = { heading: section?.heading, paragraphs: [...paragraphs], lang, headingTerms, sentences, tf };
  if (cacheable) sectionCache.set(section, analysis);
  return analysis;
}

function analyseCorpus(sections: SectionText[], lang: string): CorpusAnalysis {
  // keyPoints runs once per section on the same array, so this check runs n² times: plain loops only.
  const cached = corpusCache.get(sections);
  if (cached && cached.lang === lang && cached.sections.length === sections.length) {
    let current = true;
    for (let i = 0; i < sections.length && current; i++) {
      current = cached.sections[i] === sections[i] && isCurrent(cached.analyses[i], sections[i], lang);
    }
    if (current) return cached;
  }
  const analyses = sections.map((s) => analyseSection(s, lang));
  const df = new Map<number, number>();
  for (const a of analyses) for (const t of a.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  for (const a of analyses) for (const t of a.headingTerms) if (!a.tf.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
  const corpus = { sections: [...sections], analyses, df, lang };
  corpusCache.set(sections, corpus);
  return corpus;
}

/** Bullets for a section of `sentences` sentences; callers lay out slides on these numbers. */
function defaultCount(sentences: number): number {
  if (sentences <= 0) return 0;
  if (sentences <= 2) return sentences;
  if (sentences <= 4) return 2;
  if (sentences <= 7) return 3;
  if (sentences <= 11) return 4;
  return 5;
}

/** Key points for section `index` of `sections` (the others give the contrast for distinctive terms). */
export function keyPoints(sections: SectionText[], index: number, options?: KeyPointOptions): KeyPoint[] {
  if (!Array.isArray(sections) || !Number.isInteger(index) || index < 0 || index >= sections.length) return [];
  const opts = options ?? {};
  const lang = typeof opts.lang === 'string' && opts.lang ? opts.lang : 'en';
  const english = isEnglish(lang);
  const max = opts.maxWords !== undefined && Number.isFinite(opts.maxWords) ? Math.max(1, Math.floor(opts.maxWords)) : DEFAULT_MAX_WORDS;

  const { analyses, df } = analyseCorpus(sections, lang);
  const section = analyses[index];
  const total = section.sentences.length;
  const wanted = opts.count !== undefined && Number.isFinite(opts.count) ? Math.max(0, Math.floor(opts.count)) : defaultCount(total);
  if (wanted === 0 || total === 0) return [];

  // Distinctive terms: frequent in this section, rare in the others (TF-IDF over sections).
  const n = analyses.length;
  const weight = (t: number): number => {
    const tf = section.tf.get(t) ?? 0;
    return tf === 0 ? 0 : (1 + Math.log(tf)) * Math.log(1 + n / (df.get(t) ?? 1));
  };
  const heading = new Set(section.headingTerms);
  const raw = section.sentences.map((s) => {
    let sum = 0;
    for (const t of s.terms) sum += weight(t);
    return s.terms.length ? sum / Math.sqrt(s.terms.length) : 0;
  });
  let top = 1e-9;
  for (const r of raw) if (r > top) top = r;

  const ranked = section.sentences.map((s, i) => {
    let headingHits = 0;
    for (const t of s.terms) if (heading.has(t)) headingHits++;
    const headingScore = heading.size ? headingHits / heading.size : 0;
    const distinct = raw[i] / top;
    // Reports put the topic sentence first, in the section and in each paragraph.
    const position = 1 / (1 + 0.25 * s.order) + (s.sentence === 0 ? 0.1 : 0);
    const length = s.words < 5 ? -0.6 : s.words < 8 ? -0.25 : s.words > 60 ? -0.6 : s.words > 40 ? -0.3 : 0;
    return { info: s, score: 1.2 * headingScore + 1.6 * distinct + 0.6 * position + length };
  });
  ranked.sort((a, b) => b.score - a.score || a.info.order - b.info.order);

  // Best first, trimming lazily: a trimmed bullet can only lose score (a cut with "…", or one that
  // kept little of its sentence), so a sentence is trimmed only once it could still win.
  type Candidate = { info: SentenceInfo; text: string; score: number };
  const chosen: Candidate[] = [];
  const pool: Candidate[] = [];
  let next = 0;
  while (chosen.length < wanted) {
    while (next < ranked.length && (pool.length === 0 || pool[0].score < ranked[next].score)) {
      const { info, score } = ranked[next++];
      const text = clause(info.text, max, lang, english, info.order === 0);
      if (!text) continue;
      const words = countWords(text, lang);
      if (words === 0) continue;
      const penalty = (text.endsWith('…') ? 1 : 0) + (words < info.words * 0.4 ? 0.3 : 0);
      const candidate = { info, text, score: score - penalty };
      let at = pool.findIndex((c) => c.score < candidate.score || (c.score === candidate.score && c.info.order > info.order));
      if (at < 0) at = pool.length;
      pool.splice(at, 0, candidate);
    }
    const candidate = pool.shift();
    if (!candidate) break;
    // Two bullets saying the same thing waste a line: skip a near-duplicate of a chosen sentence.
    if (chosen.some((c) => overlap(c.info.terms, candidate.info.terms) >= 0.6)) continue;
    chosen.push(candidate);
  }
  chosen.sort((a, b) => a.info.order - b.info.order);
  return chosen.map((c) => ({
    text: c.text,
    paragraph: c.info.paragraph,
    sentence: c.info.sentence,
    score: Math.round(c.score * 1000) / 1000,
  }));
}

function overlap(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let shared = 0;
  for (const t of b) if (set.has(t)) shared++;
  return shared / (a.length + b.length - shared);
}
