/** Title and section slides in the theme's title style: their colours, as deck.css gives them. */
import type { Layout } from '../../types/deck.js';
import type { Theme } from '../../theme/types.js';

export function isCover(layout: Layout): layout is 'title' | 'section' {
  return layout === 'title' || layout === 'section';
}

/**
 * A `plain` cover is drawn on the slide background in the heading and text colours; `band` and
 * `centered` covers on the title background in the title text colour. Content slides are always plain.
 */
export interface CoverColors {
  background: string;
  title: string;
  text: string;
  byline: string;
  /** The big section number of a section slide. */
  number: string;
  textAlpha?: number;
  bylineAlpha?: number;
  numberAlpha?: number;
}

export function coverColors(layout: Layout, theme: Theme): CoverColors {
  const { colors } = theme;
  if (!isCover(layout) || theme.titleStyle === 'plain') {
    return { background: colors.background, title: colors.heading, text: colors.text, byline: colors.muted, number: colors.accent };
  }
  // deck.css sets the subtitle at 90%, the byline at 75% and a section number at 60% opacity.
  return {
    background: colors.titleBackground,
    title: colors.titleText,
    text: colors.titleText,
    byline: colors.titleText,
    number: colors.titleText,
    textAlpha: 0.9,
    bylineAlpha: 0.75,
    numberAlpha: 0.6,
  };
}
