/**
 * The theme's colours for white paper. Handouts, notes pages and the briefing print on white; a dark
 * theme's light text would vanish there. Each colour stays the theme's own where it reads on white,
 * and otherwise falls back to dark ink (the slide thumbnails keep the theme as it is).
 */
import { AA, contrast } from '../../theme/colors.js';
import { loadTheme } from '../../theme/load.js';
import type { CodeColors, Theme, ThemeColors } from '../../theme/types.js';
import { themeVariables } from '../html/css.js';
import type { Deck } from '../../types/deck.js';

const WHITE = '#FFFFFF';
/** Ink for what a theme gives in colours made for dark slides. */
const INK = { text: '#1F2937', heading: '#111827', muted: '#4B5563', panel: '#F4F6F8' };

export function paperColors(theme: Theme): { colors: ThemeColors; code: CodeColors } {
  const c = theme.colors;
  const reads = (color: string, min = AA) => contrast(color, WHITE) >= min;
  const light = (color: string) => contrast(color, WHITE) < 1.25;
  const heading = reads(c.heading) ? c.heading : reads(c.titleBackground) ? c.titleBackground : INK.heading;
  const codeBackground = light(c.codeBackground) ? c.codeBackground : INK.panel;
  const colors: ThemeColors = {
    ...c,
    background: WHITE,
    text: reads(c.text) ? c.text : INK.text,
    heading,
    muted: reads(c.muted) ? c.muted : INK.muted,
    // The accent also colours text on paper (links, the key points label), so it must read as text.
    accent: reads(c.accent) ? c.accent : heading,
    codeBackground,
    codeText: contrast(c.codeText, codeBackground) >= AA ? c.codeText : INK.text,
    tableStripe: light(c.tableStripe) ? c.tableStripe : INK.panel,
  };
  const readable = Object.values(theme.code).every((color) => contrast(color, codeBackground) >= AA);
  return { colors, code: readable ? theme.code : loadTheme('default').code };
}

/**
 * CSS variables for a paper page: paper colours for the page, the theme's own inside the slide
 * thumbnails (`.reveal`), which show the slides as they are.
 */
export function paperVariables(theme: Theme, deck: Deck): string {
  const paper = paperColors(theme);
  const onPaper = themeVariables({ ...theme, colors: paper.colors }, deck).replace(/^:root/, 'body');
  const onSlides = themeVariables(theme, deck).replace(/^:root/, '.reveal');
  return `${onPaper}\n${onSlides}`;
}
