/**
 * The themes every output is checked in: each built-in theme by name, and the company theme of the
 * fixtures (extends the default, adds a logo and a footer line, centred covers and section slides).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtinThemeNames } from '../../src/theme/load.js';
import { FIXTURES } from './fixtures.js';

/** A theme file with a logo and a footer line, as a company would write one. */
export const HARBOUR = path.join(FIXTURES, 'themes', 'harbour.yaml');

export interface ThemeCase {
  /** Short name for test titles and file names. */
  name: string;
  /** What `--theme` takes: a built-in name or a theme file. */
  spec: string;
}

/** Every built-in theme, then harbour. */
export const THEMES: ThemeCase[] = [...builtinThemeNames().map((name) => ({ name, spec: name })), { name: 'harbour', spec: HARBOUR }];

/** `#RRGGBB` or a computed `rgb(r, g, b)` as 0–255 channels. */
export function rgbOf(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour.trim());
  if (hex) {
    const n = parseInt(hex[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const fn = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/i.exec(colour.trim());
  if (!fn) throw new Error(`not a colour: ${colour}`);
  return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
}

/** WCAG 2 contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string | [number, number, number], b: string | [number, number, number]): number {
  const luminance = (c: string | [number, number, number]) => {
    const [r, g, bl] = (typeof c === 'string' ? rgbOf(c) : c).map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Writes a theme file into `dir`: harbour at 4:3 with a footer line far too long for the foot row,
 * so the slides show it shortened with "…". Returns its path.
 */
export function longFooterTheme(dir: string): string {
  const file = path.join(dir, 'harbour-43-long-footer.yaml');
  const footer = 'Harbour Logistics · Internal · Prepared for the quarterly operations board and not for circulation outside the northern region';
  writeFileSync(file, [`extends: ${JSON.stringify(HARBOUR)}`, 'size: "4:3"', `footer: ${JSON.stringify(footer)}`, ''].join('\n'));
  return file;
}
