/**
 * Key points: a few short bullets condensed from a section's prose.
 *
 * Everything here is extractive and deterministic. A bullet is one sentence of the section, trimmed to
 * a clause that stands on its own: the reader sees it on a slide without the sentence before it, and
 * the full prose is in the speaker notes anyway.
 *
 * This file scores a section's sentences and chooses among them. The rest of the condenser:
 * sentences.ts splits prose into sentences, clause.ts trims one to a clause (with clause-parse.ts and
 * clause-cuts.ts), openers.ts and opener-rules.ts say which first words lean on the sentence before,
 * and words.ts counts words.
 */
import { clause, DEFAULT_MAX_WORDS } from './clause.js';
import { splitSentences } from './sentences.js';
import { countWords, isEnglish, scanWords, STOPWORDS, weightOf, wordSpans } from './words.js';

// Callers import the condenser from here.
export { toClause } from './clause.js';
export { DANGLING_OPENERS } from './openers.js';
export { countWords };

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
