/**
 * Output formats. A renderer turns a planned deck into one file; adding a format is adding a module
 * and a line here. Renderers are imported only when a build asks for their format, so a build of
 * HTML never loads pptxgenjs or puppeteer.
 */
import type { Browser } from 'puppeteer-core';
import type { Deck } from '../types/deck.js';
import type { Diagnostic } from '../types/diagnostics.js';
import type { Theme } from '../theme/types.js';
import type { Measurer } from '../measure/text.js';
import { presentedDeck } from './presented.js';

export type Paper = 'a4' | 'letter';
export const PAPERS: Paper[] = ['a4', 'letter'];
export const PER_PAGE = [1, 2, 3, 4, 6, 9] as const;
export type PerPage = (typeof PER_PAGE)[number];

export interface RenderInput {
  deck: Deck;
  theme: Theme;
  measurer: Measurer;
  /** The report's folder: asset paths in the deck are relative to it. */
  baseDir: string;
  /** The report file as the user named it, for diagnostics. */
  file: string;
  version: string;
  /** A folder of templates that override the theme's and the built-in ones by file name (`--templates`). */
  templates?: string;
  /** Handout paper size and slides per handout page. */
  paper: Paper;
  perPage: PerPage;
  /** The run's one browser, launched on first use and closed by whoever runs the build. */
  browser: () => Promise<Browser>;
  /**
   * The run's pool of browser tabs: every print takes a turn in it, so the reports and formats of a
   * run share a few tabs instead of opening one each. Absent: prints run as they come.
   */
  prints?: { run<T>(task: () => Promise<T>): Promise<T> };
  /**
   * Called once a renderer that prints has had its last print back and needs the browser no more:
   * the run can close it while the file is still being merged and written.
   */
  donePrinting?: () => void;
  /** Pages in one printed part of a long document (default PAGES_PER_PART); tests print small decks in parts. */
  pagesPerPart?: number;
  /** Something the renderer noticed (a font it could not embed, an image it could not read…). */
  warn: (diagnostic: Diagnostic) => void;
  /** Pages or slides done out of a total, for a progress bar on long prints. */
  progress?: (done: number, total: number) => void;
}

export interface Renderer {
  /** File name suffix after the report's stem, e.g. `.html`. */
  extension: string;
  /** True when the format prints through the browser. */
  usesBrowser?: boolean;
  render(input: RenderInput): Promise<Buffer | string>;
}

export const RENDERERS: Record<string, () => Promise<Renderer>> = {
  html: async () => {
    const { renderHtml } = await import('./html/render.js');
    return { extension: '.html', render: (i) => renderHtml(i.deck, i) };
  },
  pptx: async () => {
    const { renderPptx } = await import('./pptx/render.js');
    return { extension: '.pptx', render: (i) => renderPptx(presented(i)) };
  },
  pdf: async () => {
    const { renderSlidesPdf } = await import('./pdf/slides.js');
    return { extension: '.pdf', usesBrowser: true, render: (i) => renderSlidesPdf(presented(i)) };
  },
  handout: async () => {
    const { renderHandout } = await import('./pdf/handout.js');
    return { extension: '.handout.pdf', usesBrowser: true, render: (i) => renderHandout(presented(i)) };
  },
  notes: async () => {
    const { renderNotesPages } = await import('./pdf/notes.js');
    return { extension: '.notes.pdf', usesBrowser: true, render: (i) => renderNotesPages(presented(i)) };
  },
  briefing: async () => {
    const { renderBriefing } = await import('./pdf/briefing.js');
    return { extension: '.briefing.pdf', usesBrowser: true, render: renderBriefing };
  },
};

/** Every format but the briefing shows the deck as presented: skipped sections left out. */
const presented = (input: RenderInput): RenderInput => ({ ...input, deck: presentedDeck(input.deck) });

export const ALL_FORMATS = Object.keys(RENDERERS);
