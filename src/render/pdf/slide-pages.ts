/**
 * The deck's slides for printing: the very `<section>` elements of the HTML deck (same text, same
 * fitted sizes, same footers), without reveal.js, and the stylesheet they need.
 */
import type { Deck, Slide } from '../../types/deck.js';
import type { RenderInput } from '../registry.js';
import { deckCss, slideSectionMaker } from '../html/render.js';
import { printCss } from './document.js';

/** The first slide of each section of the report, where its bookmark goes. */
export function sectionStarts(deck: Deck): Set<number> {
  const starts = new Set<number>();
  deck.slides.forEach((s, i) => {
    if (i === 0 || s.source.section !== deck.slides[i - 1].source.section) starts.add(i);
  });
  return starts;
}

/**
 * `headings`: the title of each section's first slide is a heading (h1 on the title slide, h2
 * elsewhere), so Chromium's outline has one bookmark per section; every other title is plain text.
 * Without it no slide title is a heading (thumbnails on handouts and notes pages). Slide i's section
 * is made when asked for, so a document printed in parts holds only the sections of its parts in print.
 */
export function slideSections(input: RenderInput, opts: { headings: boolean }): (index: number) => string {
  const starts = sectionStarts(input.deck);
  const titleTag = (slide: Slide, i: number) =>
    opts.headings && starts.has(i) ? (slide.layout === 'title' ? 'h1' : 'h2') : 'div';
  return slideSectionMaker(input.deck, input, { notes: false, titleTag });
}

/** The numbers 0 … n−1: the slides (or pages) a document prints, to cut into parts. */
export function indices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** The deck's styles (theme, fonts for every character of `extra` and the deck, slide styles) and the shared print styles. */
export function slideStyles(deck: Deck, input: RenderInput, extra: string[] = []): string[] {
  return [deckCss(deck, input, extra), printCss(input, 'print')];
}

/** A slide drawn `width` px wide: laid out at the deck's size and scaled down. */
export function thumbnail(deck: Deck, section: string, width: number): string {
  const scale = width / deck.size.width;
  const height = deck.size.height * scale;
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return `<div class="thumb" style="width:${r(width)}px;height:${r(height)}px"><div class="reveal" style="transform:scale(${r(scale)})"><div class="slides">${section}</div></div></div>`;
}
