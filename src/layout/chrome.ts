/**
 * What frames a slide's content, placed once for the HTML deck and the PPTX alike: the theme's logo,
 * its footer line and the slide number along the foot of content slides, and the logo in the corner
 * of title and section slides. Boxes are px, left to right; right-to-left decks mirror them as they
 * mirror every other box.
 */
import { readFileSync } from 'node:fs';
import { imageSize } from 'image-size';
import type { Theme } from '../theme/types.js';
import type { Measurer } from '../measure/text.js';
import { longestFit } from '../plan/cuts.js';
import { FOOTER, FOOTER_TEXT, LOGO, px, type Box, type Size } from './specs.js';

export interface Logo {
  /** Absolute path of the picture. */
  path: string;
  mime: string;
  width: number;
  height: number;
}

const logos = new Map<string, Logo>();
/** The theme's logo with its natural size (the theme loader has already checked it is a picture). */
export function themeLogo(theme: Theme): Logo | undefined {
  if (!theme.logo) return undefined;
  let logo = logos.get(theme.logo);
  if (!logo) {
    const { width = 1, height = 1, type } = imageSize(readFileSync(theme.logo));
    const mime = type === 'svg' ? 'image/svg+xml' : type === 'jpg' ? 'image/jpeg' : `image/${type}`;
    logo = { path: theme.logo, mime, width, height };
    logos.set(theme.logo, logo);
  }
  return logo;
}

/** `logo` scaled into `box` with its proportions kept, at the box's start edge (or end), centred vertically. */
function placeLogo(logo: Logo, box: Box, at: 'start' | 'end'): Box {
  const scale = Math.min(box.w / logo.width, box.h / logo.height);
  const w = logo.width * scale;
  const h = logo.height * scale;
  return { x: at === 'start' ? box.x : box.x + box.w - w, y: box.y + (box.h - h) / 2, w, h };
}

export interface FootRow {
  logo?: Box;
  footer?: { text: string; box: Box; shortened: boolean };
  number?: Box;
}

/**
 * The foot of every content slide of a deck of `total` slides. The number's box is as wide as the
 * widest number, so it never moves; the footer text takes what is left and is shortened with "…"
 * rather than run into the number.
 */
export function footRow(theme: Theme, size: Size, measurer: Measurer, total: number): FootRow {
  const row = px(FOOTER, size);
  const out: FootRow = {};
  let start = row.x;
  let end = row.x + row.w;
  const logo = themeLogo(theme);
  if (logo) {
    out.logo = placeLogo(logo, px(LOGO.content, size), 'start');
    start = out.logo.x + out.logo.w + FOOTER_TEXT.gap;
  }
  if (theme.slideNumbers) {
    const w = Math.ceil(measurer.width(`${total} / ${total}`, { role: 'body' }, FOOTER_TEXT.size)) + 2;
    out.number = { x: end - w, y: row.y, w, h: row.h };
    end = out.number.x - FOOTER_TEXT.gap;
  }
  if (theme.footer && end > start) {
    const width = end - start;
    // Fitted into the same 97% the planner fits body text into, for the same reason: browsers kern a hair wider.
    const fits = (text: string) => measurer.width(text, { role: 'body' }, FOOTER_TEXT.size) <= width * 0.97;
    let text = theme.footer;
    const shortened = !fits(text);
    if (shortened) {
      const at = longestFit(text, (n) => fits(`${text.slice(0, n).trimEnd()}…`)) ?? 0;
      text = at ? `${text.slice(0, at).trimEnd()}…` : '';
    }
    if (text) out.footer = { text, box: { x: start, y: row.y, w: width, h: row.h }, shortened };
  }
  return out;
}

/** The logo on a title or section slide: in the top end corner. */
export function coverLogo(theme: Theme, size: Size): Box | undefined {
  const logo = themeLogo(theme);
  return logo && placeLogo(logo, px(LOGO.cover, size), 'end');
}
