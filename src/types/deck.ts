/**
 * The deck model: what `briefdeck plan --json` prints and every renderer draws.
 * A public contract. It holds no HTML and no layout strings other than `layout`: inside a slide,
 * every string other than `layout`, `title`, `notes` and `source.section` is text shown on the slide.
 * What is not shown (image files, link targets) lives at deck level and is referenced by index.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  strike?: boolean;
  /** Index into `Deck.links`. */
  link?: number;
  /** Inline math: `text` is TeX, typeset when rendered. */
  math?: boolean;
}

export interface ListItem {
  /** Nesting level, 0 for top-level items. */
  level: number;
  ordered: boolean;
  /** The number shown for an ordered item. */
  n?: number;
  runs: Run[];
  /** Carries on an item split across slides: shown without its bullet. */
  continued?: boolean;
}

export interface TableBlock {
  head: Run[][];
  rows: Run[][][];
  /** Horizontal alignment of each column as a fraction: 0 left, 0.5 centre, 1 right. */
  align: number[];
}

export interface ImageBlock {
  /** Index into `Deck.assets`. */
  asset: number;
  /** Alt text, shown as the caption. */
  alt: string;
}

/**
 * A chart drawn from a numeric table: native (editable) in PPTX, SVG in HTML and PDFs. It carries the
 * table it was made from, so the data is never only in the picture.
 */
export interface ChartBlock {
  type: 'bar' | 'column' | 'line' | 'pie';
  /** Bars or columns of several series stacked instead of side by side. */
  stacked?: boolean;
  /** The label column's cells, in the table's order. */
  categories: string[];
  /** One per numeric column: its header and its values (NaN where a cell is empty). */
  series: { name: string; values: number[] }[];
  /** How the values were written, for axis and data labels: "$" before, "%" or " ms" after. */
  unit?: { prefix?: string; suffix?: string };
  /** The table the chart was drawn from. */
  table: TableBlock;
}

/** A key figure shown large: the number, what it measures, and the sentence it came from (all report words). */
export interface FigureBlock {
  value: string;
  label: string;
  sentence: string;
}

export type Block =
  | { paragraph: Run[] }
  | { figure: FigureBlock }
  | { list: ListItem[] }
  | { table: TableBlock }
  | { image: ImageBlock }
  /** `lang` is shown as a label on the code slide. */
  | { code: { lang?: string; lines: string[] } }
  | { quote: { runs: Run[]; cite?: string } }
  | { math: { tex: string } }
  | { chart: ChartBlock }
  | { subtitle: string }
  | { byline: string };

export type Layout =
  | 'title'
  | 'agenda'
  | 'bullets'
  | 'table'
  | 'image'
  | 'code'
  | 'quote'
  | 'two-column'
  | 'figures'
  | 'chart'
  | 'takeaways'
  | 'conclusion'
  | 'section';

export interface Slide {
  layout: Layout;
  title: string;
  /** Section number shown above the title ("2", "2.1"). */
  kicker?: string;
  blocks: Block[];
  /** Speaker notes, plain text (paragraphs separated by blank lines). */
  notes: string;
  source: { section: string; line: number };
  /** True on a slide that carries on where the previous one stopped. */
  continued?: boolean;
  /**
   * Left out of the presented deck (`<!-- skip -->`): the HTML, PPTX, slides PDF, handout and notes pages
   * do not show it; the executive briefing still reads it.
   */
  hidden?: true;
  /**
   * Paragraphs of `notes` that the author wrote for the presenter (`<!-- notes: … -->`, `::: notes`),
   * not report text: the briefing leaves them out.
   */
  presenterOnly?: string[];
  /**
   * How the planner fitted the slide, for renderers to reproduce: font sizes in px at the deck's
   * size, and for tables the column widths in px (the same on every page of a continued table). On a
   * two-column slide, `columnStart` is the index of the first block of the second column; on a figures
   * slide, `figure` is the size of the figures (`body` that of their labels).
   */
  fit: { title: number; body: number; byline?: number; columns?: number[]; columnStart?: number; figure?: number };
}

export interface Asset {
  /** The path or URL as written in the report. */
  src: string;
  /** Path relative to the report's folder; absent when the file could not be read. */
  path?: string;
  /** Pixel size of the image; absent when unknown (missing or unreadable). */
  width?: number;
  height?: number;
  mime?: string;
}

export interface DeckMeta {
  title: string;
  subtitle?: string;
  author?: string;
  date?: string;
  lang: string;
  /** The report's file name. */
  source: string;
}

export interface Deck {
  meta: DeckMeta;
  /** Slide size in CSS pixels; 1280×720 for 16:9. */
  size: { width: number; height: number };
  theme: string;
  assets: Asset[];
  links: string[];
  slides: Slide[];
}
