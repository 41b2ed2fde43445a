/**
 * Theme colours: any CSS colour a designer writes (`#rgb`, `#rrggbb`, names, `rgb()`/`rgba()`, `hsl()`)
 * becomes `#RRGGBB`, the one form CSS, PPTX and PDF all take. A translucent colour is blended over the
 * background it is drawn on, so the deck and the PPTX (whose text runs carry no alpha) look the same.
 */
import { createRequire } from 'node:module';
import type { Color } from 'culori';
import type { ThemeColors } from './types.js';

type Culori = typeof import('culori');
let culoriModule: Culori | undefined;
/** culori costs ~70 ms to load: only a theme that writes colours other than `#RRGGBB` needs it. */
function culori(): Culori {
  culoriModule ??= createRequire(import.meta.url)('culori') as Culori;
  return culoriModule;
}

const HEX6 = /^#[0-9a-f]{6}$/i;

export function isColour(value: unknown): boolean {
  return typeof value === 'string' && (HEX6.test(value.trim()) || culori().parse(value.trim()) !== undefined);
}

/** `value` as `#RRGGBB`, blended over `over` (itself `#RRGGBB`) when it has alpha. */
export function normaliseColour(value: string, over = '#FFFFFF'): string {
  if (HEX6.test(value.trim())) return value.trim().toUpperCase();
  const { parse, formatHex } = culori();
  const c = parse(value.trim());
  if (!c) throw new Error(`not a colour: ${JSON.stringify(value)}`);
  const alpha = c.alpha ?? 1;
  if (alpha >= 1) return formatHex(c).toUpperCase();
  const fg = toRgb(c);
  const bg = toRgb(parse(over)!);
  const mix = (a: number, b: number) => a * alpha + b * (1 - alpha);
  return formatHex({ mode: 'rgb', r: mix(fg.r, bg.r), g: mix(fg.g, bg.g), b: mix(fg.b, bg.b) }).toUpperCase();
}

function toRgb(c: Color): { r: number; g: number; b: number } {
  const hexed = culori().formatHex(c);
  const n = parseInt(hexed.slice(1), 16);
  return { r: ((n >> 16) & 255) / 255, g: ((n >> 8) & 255) / 255, b: (n & 255) / 255 };
}

/** Which background each colour is drawn on: translucent colours are blended over it. */
const DRAWN_ON: Partial<Record<keyof ThemeColors, keyof ThemeColors>> = {
  text: 'background',
  heading: 'background',
  accent: 'background',
  muted: 'background',
  rule: 'background',
  tableStripe: 'background',
  tableHeader: 'background',
  codeBackground: 'background',
  tableHeaderText: 'tableHeader',
  codeText: 'codeBackground',
  titleText: 'titleBackground',
  accentText: 'accent',
};

export function normaliseColours(colors: ThemeColors): ThemeColors {
  const out = { ...colors };
  // Backgrounds first, over white: the things drawn on them then blend over their final value.
  out.background = normaliseColour(colors.background);
  out.titleBackground = normaliseColour(colors.titleBackground, out.background);
  for (const key of ['tableHeader', 'codeBackground', 'tableStripe', 'rule', 'heading', 'text', 'accent', 'muted'] as const) {
    out[key] = normaliseColour(colors[key], out[DRAWN_ON[key]!]);
  }
  for (const key of ['tableHeaderText', 'codeText', 'titleText', 'accentText'] as const) out[key] = normaliseColour(colors[key], out[DRAWN_ON[key]!]);
  return out;
}

/** WCAG 2 contrast ratio of two `#RRGGBB` colours (1 to 21), by the formula of WCAG 2.2 §1.4.3. */
export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex: string): number {
  const n = parseInt(hex.slice(1, 7), 16);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** Text colours that carry reading text, and what they are read against. */
export const TEXT_PAIRS: Array<[keyof ThemeColors, keyof ThemeColors]> = [
  ['text', 'background'],
  ['heading', 'background'],
  ['muted', 'background'],
  ['titleText', 'titleBackground'],
  ['tableHeaderText', 'tableHeader'],
  ['text', 'tableStripe'],
  ['codeText', 'codeBackground'],
  ['accentText', 'accent'],
];

/** WCAG AA for body text. */
export const AA = 4.5;
