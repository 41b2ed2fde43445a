/** Deck runs (bold, italic, code, links…) → styled text runs in the theme's fonts and colours. */
import type { Run } from '../../types/deck.js';
import type { Theme } from '../../theme/types.js';
import { safeHref } from '../html/links.js';
import type { TextRun } from './text.js';

export interface RunStyle {
  size: number;
  font: string;
  color: string;
  bold?: boolean;
  italic?: boolean;
  alpha?: number;
  /** Colour of bold runs (takeaways set section names in the heading colour). */
  strong?: string;
}

/**
 * A link stays live only where the HTML deck keeps it live, and only to the web or mail: `#anchors`
 * have no slide to go to. The target is written as a URI (spaces and non-ASCII percent-encoded, as
 * the package format requires); one that is not a URI stays text.
 */
export function liveHref(links: string[], index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const href = safeHref(links[index] ?? '');
  if (!href || href.trim().startsWith('#')) return undefined;
  try {
    return new URL(href.trim()).href;
  } catch {
    return undefined;
  }
}

export function textRuns(runs: Run[], style: RunStyle, theme: Theme, links: string[]): TextRun[] {
  return runs.map((r) => {
    const href = liveHref(links, r.link);
    const bold = style.bold || r.bold;
    const out: TextRun = {
      text: r.text,
      size: style.size,
      font: style.font,
      color: href ? theme.colors.accent : bold && style.strong ? style.strong : style.color,
      alpha: style.alpha,
      bold,
      italic: style.italic || r.italic,
      strike: r.strike,
      href,
    };
    // Inline code and TeX were measured in the mono font at the body size: set them exactly so.
    if (r.code || r.math) out.font = theme.fonts.mono.name;
    if (r.code) out.highlight = theme.colors.codeBackground;
    return out;
  });
}
