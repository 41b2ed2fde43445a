/**
 * Key figures: the numbers a sentence hinges on ("revenue grew 12% to $48.2M"), each with a short
 * label naming what it measures, for a "big number" slide. Extractive like the key points: the figure
 * and its label are words of the sentence.
 */

export interface KeyFigure {
  /** The figure as written: "$48.2M", "9.4%", "1,240". */
  value: string;
  /** What it measures, from the sentence: "Revenue", "Operating margin". */
  label: string;
  /** The sentence (or key point) it came from. */
  sentence: string;
}

/**
 * A number with something that makes it a figure rather than a count in passing: a currency, a unit
 * of size or share, decimals, or thousands. Years and small bare counts ("two depots", "Q3") are not.
 */
const NUMBER = String.raw`[-−+]?\d{1,3}(?:[,.\u00a0\u202f']\d{3})*(?:[.,]\d+)?|[-−+]?\d+(?:[.,]\d+)?`;
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:(?<pre>[$€£¥₹]|US\$|USD\s|EUR\s|GBP\s)\s?)?(?<num>${NUMBER})(?:\s?(?<unit>%|‰|pp\b|p\.p\.|bn\b|[kKMB]\b|m\b|million\b|billion\b|thousand\b|percent\b|per cent\b|percentage points\b|points\b|x\b|×|Mio\.|Mrd\.|Mio\b|Mrd\b))?(?:\s?(?<post>[€£¥$]))?(?![\p{L}\p{N}])`,
  'gu',
);

/** Words that end a label: the verb (or preposition) after what is measured. */
const VERB =
  /^(?:rose|rise|rises|fell|fall|falls|grew|grow|grows|increased|increases|decreased|decreases|declined|declines|reached|reaches|stood|stands|was|were|is|are|be|been|averaged|averages|totalled|totaled|totals|hit|hits|climbed|dropped|improved|recovered|slipped|came|accounted|made|reduced|cut|saved|cost|costs|added|gained|lost|doubled|tripled|jumped|soared|shrank|narrowed|widened|remained|stayed|held|ended|closed|returned|generated|delivered|posted|recorded|reported|has|have|had|up|down|by|to|at|of|from|with|over|under|against|in|on|for|approximately|about|around|nearly|almost|roughly|some|stieg|sank|lag|liegt|erreichte|wuchs|um|auf|von|bei|ist|war|a|est|était|atteint|de|à|fue|es|alcanzó|creció|subió|cayó|del|al)$/i;

/** Small words that never begin a label ("up 12% on last year"). */
const FUNCTION = /^(?:up|down|by|to|at|of|from|with|over|under|against|in|on|for|approximately|about|around|nearly|almost|roughly|some|now|still|already|also|only|just|then|um|auf|von|bei|de|à|a)$/i;

const CLAUSE = /[,;:]\s+|\s+(?:and|but|while|whereas|although|though|as)\s+|\s+[–—]\s+/i;

const LABEL_WORDS = 5;

/** Whether a match is a figure worth showing large, not a year or a count in passing. */
function isFigure(m: RegExpMatchArray): boolean {
  const { pre, num, unit, post } = m.groups!;
  if (pre || unit || post) return true;
  const digits = num.replace(/[^\d]/g, '');
  if (/^(1[89]|20|21)\d\d$/.test(num)) return false;
  return /[.,]\d/.test(num) || digits.length >= 4;
}

/** "… capital expenditure of $2.6M", "a margin of 9.4%": the words before "of" name the figure. */
const NAMED_OF = /(?:^|\s)((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\s+of\s*$/u;
const LEADING = /^(?:(?:with|to|approve|approving|a|an|the|its|their|our|at|for|and)\s+)+/i;

/** The label of a figure in its clause: what comes before the verb that leads to it, else what follows it. */
function labelOf(clause: string, index: number, length: number): string {
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  // "31% of northern volume": a share says what it is a share of.
  const share = /^\s*of\s+((?:[\p{L}-]+\s*){1,4})/u.exec(clause.slice(index + length));
  if (/%|percent|per cent/.test(clause.slice(index, index + length)) && share) {
    const phrase: string[] = [];
    for (const w of share[1].trim().split(/\s+/)) {
      if (FUNCTION.test(w) || VERB.test(w) || /^[a-z]{3,}ed$/.test(w)) break;
      phrase.push(w);
    }
    if (phrase.length) return `of ${phrase.join(' ')}`;
  }
  const named = NAMED_OF.exec(clause.slice(0, index));
  if (named) {
    // The words after the last small word: "quarter with revenue of" names revenue.
    const ws = named[1].split(/\s+/);
    const from = ws.findLastIndex((w) => LEADING.test(`${w} `));
    const phrase = ws.slice(from + 1).join(' ');
    if (phrase && !/\d/.test(phrase)) return phrase[0].toLocaleUpperCase() + phrase.slice(1);
  }
  const before = words(clause.slice(0, index));
  const subject: string[] = [];
  for (const w of before) {
    const bare = w.replace(/[^\p{L}]/gu, '');
    // A past tense after the first word ends the subject too ("customers renewed"), in English.
    if (/\d/.test(w) || FUNCTION.test(bare) || (subject.length > 0 && (VERB.test(bare) || /^[a-z]{3,}ed$/.test(bare)))) break;
    subject.push(w);
  }
  let label = subject;
  if (!label.length) {
    // "12% of customers renewed": the words after the figure, up to the verb.
    const rest = words(clause.slice(index + length));
    // "12% of customers" says what it counts; "12% on last year" does not.
    if (rest[0] && FUNCTION.test(rest[0]) && !/^of$/i.test(rest[0])) return '';
    const after = rest.filter((w, i) => !(i === 0 && /^of$/i.test(w)));
    label = [];
    for (const w of after) {
      const bare = w.replace(/[^\p{L}]/gu, '');
      if (VERB.test(bare) || /\d/.test(w) || (label.length > 0 && /^[a-z]{3,}ed$/.test(bare))) break;
      label.push(w);
    }
  }
  const text = label
    .slice(0, LABEL_WORDS)
    .join(' ')
    .replace(/^(?:the|a|an|our|its|their|der|die|das|le|la|les|l'|el|los|las)\s*/i, '')
    .replace(/[\s,;:.]+$/, '');
  return text ? text[0].toLocaleUpperCase() + text.slice(1) : '';
}

/**
 * The figures of a sentence, one per clause: where a clause holds two ("rose 12% to $48.2M"), the
 * level it reached (after "to", "at", "of") rather than the change.
 */
export function figuresIn(sentence: string): (KeyFigure & { clause: string })[] {
  const out: (KeyFigure & { clause: string })[] = [];
  let offset = 0;
  for (const clause of sentence.split(CLAUSE)) {
    const at = sentence.indexOf(clause, offset);
    offset = at + clause.length;
    const found = [...clause.matchAll(FIGURE)].filter(isFigure);
    if (!found.length) continue;
    const level = found.find((m) => /\b(?:to|at|reached|reaching|hit|auf|à|a)\s*$/i.test(clause.slice(0, m.index)));
    const pick = level ?? found[0];
    const label = labelOf(clause, pick.index!, pick[0].length);
    if (label) out.push({ value: pick[0].trim(), label, sentence, clause: clause.trim() });
  }
  return out;
}

/** At most this many figures fit a slide side by side, large. */
export const MAX_FIGURES = 2;

/**
 * The figures of key points, in the points' order: at most two. Two figures of one sentence each
 * stand over their own clause, so the sentence is not shown twice. `strict` (the automatic choice):
 * only when each point carries exactly one figure and there are no more than two points, so the
 * slide says everything the points said, and says it once.
 */
export function keyFigures(points: { text: string }[], strict = false): KeyFigure[] {
  const each = points.map((p) => figuresIn(p.text));
  if (strict && (points.length > MAX_FIGURES || each.some((f) => f.length !== 1))) return [];
  const chosen = each.flat().slice(0, MAX_FIGURES);
  const shared = chosen.length === 2 && chosen[0].sentence === chosen[1].sentence;
  return chosen.map(({ clause, ...f }) => (shared ? { ...f, sentence: capitalise(clause.replace(/[.;,]$/, '')) } : f));
}

const capitalise = (text: string) => (text ? text[0].toLocaleUpperCase() + text.slice(1) : text);
