/**
 * Output formats. A renderer turns a planned deck into one file; adding a format is adding a module
 * and a line here. Renderers are imported only when a build asks for their format.
 */
import type { Deck } from '../types/deck.js';
import type { Theme } from '../theme/types.js';
import type { Measurer } from '../measure/text.js';

export interface RenderInput {
  deck: Deck;
  theme: Theme;
  measurer: Measurer;
  /** The report's folder: asset paths in the deck are relative to it. */
  baseDir: string;
  version: string;
}

export interface Renderer {
  /** File name suffix after the report's stem, e.g. `.html`. */
  extension: string;
  render(input: RenderInput): Promise<Buffer | string>;
}

export const RENDERERS: Record<string, () => Promise<Renderer>> = {
  html: async () => {
    const { renderHtml } = await import('./html/render.js');
    return { extension: '.html', render: (i) => renderHtml(i.deck, i) };
  },
};

/** Formats later issues add: asking for one now is a usage error that says so. */
export const PLANNED_FORMATS = ['pptx', 'pdf', 'handout', 'notes', 'briefing'];

export const ALL_FORMATS = Object.keys(RENDERERS);
