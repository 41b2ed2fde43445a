/**
 * The report as its author structured it: what `structure` makes of the Markdown tree.
 * Inline content is already reduced to runs, so later stages never see mdast.
 */
import type { Run } from './deck.js';
import type { ImageProbe } from '../structure/images.js';
import type { ChartRequest, SectionDirectives } from '../structure/directives.js';
import type { ChartsMode } from '../chart/choose.js';

export interface ReportMeta {
  title: string;
  subtitle?: string;
  author?: string;
  date?: string;
  lang: string;
  theme?: string;
  /** Front matter `charts: auto|off`: whether clear numeric tables get a chart slide. */
  charts?: ChartsMode;
  /** File name the report was read from (no folders), used when nothing else names the deck. */
  source: string;
}

export type ReportBlock =
  | { kind: 'paragraph'; runs: Run[]; line: number }
  | { kind: 'list'; items: ReportListItem[]; line: number }
  /** `chart`: what a `<!-- chart: … -->` directive just before the table asked for. */
  | { kind: 'table'; head: Run[][]; rows: Run[][][]; align: number[]; line: number; chart?: ChartRequest }
  | { kind: 'image'; src: string; alt: string; line: number; probe?: ImageProbe }
  | { kind: 'code'; lang?: string; text: string; line: number }
  | { kind: 'quote'; runs: Run[]; cite?: string; line: number }
  | { kind: 'math'; tex: string; line: number }
  /** Text that belongs in the speaker notes only (footnotes): never on a slide, never lost. */
  | { kind: 'note'; text: string; line: number }
  /** Speaker notes the author wrote (`<!-- notes: … -->`, `::: notes`): on the slide of what follows them. */
  | { kind: 'speaker'; text: string; line: number }
  /** `<!-- split -->`: what comes before and what comes after never share a slide. */
  | { kind: 'split'; line: number };

export interface ReportListItem {
  level: number;
  ordered: boolean;
  /** Number shown for ordered items. */
  n?: number;
  runs: Run[];
}

export interface Section {
  /** Number as the author wrote it ("1", "2.1"), without the trailing dot. */
  number?: string;
  title: string;
  /** Heading depth relative to the report's section level: 0 for sections, 1 for subsections… */
  depth: number;
  line: number;
  blocks: ReportBlock[];
  children: Section[];
  /** What the author's directives (`<!-- layout: … -->`, `<!-- skip -->`…) decided for the section. */
  directives?: SectionDirectives;
}

export interface Report {
  meta: ReportMeta;
  /** Text before the first section (an introduction or executive summary). */
  preamble: ReportBlock[];
  /** The preamble's own heading ("Executive summary"), when it had one. */
  preambleTitle?: string;
  /** Line of the first preamble block, for source references. */
  preambleLine?: number;
  preambleDirectives?: SectionDirectives;
  sections: Section[];
  /** Closing paragraphs after the last section that conclude the whole report. */
  conclusion: ReportBlock[];
  /** The heading the conclusion had in the report ("Conclusion", "Fazit", "الخلاصة"), if any. */
  conclusionTitle?: string;
  conclusionDirectives?: SectionDirectives;
  /** Link targets; `Run.link` indexes this list. */
  links: string[];
}
