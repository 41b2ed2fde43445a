/**
 * Series colours from the theme: the accent first, then the theme's other strong colours (heading,
 * table header, the code tints, muted, text), then hues turned from the accent — in that order, each
 * clearly different from those before it and at least 3:1 against the slide background (WCAG 1.4.11
 * for graphical objects), so every bar, line and slice reads on a projector.
 */
import { createRequire } from 'node:module';
import type { Theme } from '../theme/types.js';
import { contrast } from '../theme/colors.js';

type Culori = typeof import('culori');
let culoriModule: Culori | undefined;
function culori(): Culori {
  culoriModule ??= createRequire(import.meta.url)('culori') as Culori;
  return culoriModule;
}

/** WCAG 2.2 §1.4.11: parts of a graphic needed to understand it. */
export const GRAPHIC_CONTRAST = 3;
/** CIEDE2000 distance two series colours keep at least, relaxed only when the theme runs out. */
const DISTINCT = [20, 14, 9];

const palettes = new Map<string, string[]>();

/** `count` series colours for a theme, as `#RRGGBB`. */
export function chartPalette(theme: Pick<Theme, 'colors' | 'code'>, count: number): string[] {
  const c = theme.colors;
  const cacheKey = JSON.stringify([c, theme.code]);
  const known = palettes.get(cacheKey);
  if (known && known.length >= count) return known.slice(0, count);

  const { differenceCiede2000 } = culori();
  const diff = differenceCiede2000();
  const candidates = [c.accent, c.heading, c.tableHeader, theme.code.number, theme.code.string, theme.code.keyword, theme.code.type, theme.code.title, theme.code.variable, c.muted, c.text];
  const out: string[] = [];
  for (const min of DISTINCT) {
    for (const colour of [...candidates, ...turnedHues(c.accent, c.background, 24)]) {
      if (out.length >= Math.max(count, 12)) break;
      const hex = readable(colour.toUpperCase(), c.background);
      if (out.includes(hex) || out.some((o) => diff(o, hex) < min)) continue;
      out.push(hex);
    }
  }
  // A theme of one grey on grey could still leave us short: repeat rather than fail.
  while (out.length < count) out.push(out[out.length % Math.max(1, out.length)] ?? c.text);
  palettes.set(cacheKey, out);
  return out.slice(0, count);
}

/** The colour darkened (on a light background) or lightened (on a dark one) until it reads at 3:1. */
function readable(hex: string, background: string): string {
  if (contrast(hex, background) >= GRAPHIC_CONTRAST) return hex;
  const { converter, formatHex, clampChroma } = culori();
  const oklch = converter('oklch');
  const colour = oklch(hex)!;
  const darker = contrast('#000000', background) >= contrast('#FFFFFF', background);
  for (let i = 1; i <= 50; i++) {
    const l = Math.min(1, Math.max(0, colour.l + (darker ? -0.02 : 0.02) * i));
    const out = formatHex(clampChroma({ ...colour, l }, 'oklch'))!.toUpperCase();
    if (contrast(out, background) >= GRAPHIC_CONTRAST) return out;
  }
  return darker ? '#000000' : '#FFFFFF';
}

/** Hues turned from the accent by the golden angle, as saturated as the accent or a little more. */
function turnedHues(accent: string, background: string, n: number): string[] {
  const { converter, formatHex, clampChroma } = culori();
  const base = converter('oklch')(accent)!;
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    const h = ((base.h ?? 0) + i * 137.508) % 360;
    const colour = { mode: 'oklch' as const, l: base.l, c: Math.max(base.c, 0.13), h };
    out.push(readable(formatHex(clampChroma(colour, 'oklch'))!.toUpperCase(), background));
  }
  return out;
}
