import type { Deck } from '../types/deck.js';

/** The deck as presented: without the slides of skipped sections, which only the briefing reads. */
export function presentedDeck(deck: Deck): Deck {
  return deck.slides.some((s) => s.hidden) ? { ...deck, slides: deck.slides.filter((s) => !s.hidden) } : deck;
}
