/** Theme tokens → CSS custom properties, and the deck's fonts as embedded @font-face rules. */
import { readFileSync } from 'node:fs';
import type { Deck } from '../../types/deck.js';
import { fontKey, type FontRole, type Theme, type ThemeFont } from '../../theme/types.js';
import { fontFaceFiles, type FontFaceFile } from '../../measure/fonts.js';

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Open fonts for the scripts Office-metric families lack (Chinese, Japanese, Korean, Arabic, Hebrew).
 * They follow the theme's font in every stack, so only characters it has no glyph for use them, and
 * only the slices of them a deck's text needs are embedded.
 */
const SCRIPT_FONTS: Record<'sc' | 'jp' | 'kr' | 'arabic' | 'hebrew', ThemeFont> = {
  sc: { name: 'Noto Sans SC', family: 'Noto Sans SC', package: '@fontsource/noto-sans-sc' },
  jp: { name: 'Noto Sans JP', family: 'Noto Sans JP', package: '@fontsource/noto-sans-jp' },
  kr: { name: 'Noto Sans KR', family: 'Noto Sans KR', package: '@fontsource/noto-sans-kr' },
  arabic: { name: 'Noto Sans Arabic', family: 'Noto Sans Arabic', package: '@fontsource/noto-sans-arabic' },
  hebrew: { name: 'Noto Sans Hebrew', family: 'Noto Sans Hebrew', package: '@fontsource/noto-sans-hebrew' },
};

/**
 * Han characters look different in Japanese, Korean and Chinese: the report's language picks first.
 * Arabic and Hebrew come before them: the CJK slices also hold a few Arabic letters (fontsource's
 * Noto Sans SC slice 102 has U+0627, U+0644…), and a word whose letters come from two fonts loses its
 * joining; the Arabic and Hebrew faces cover only their own scripts, so going first takes nothing from CJK.
 */
export function scriptFonts(lang: string): ThemeFont[] {
  const l = lang.toLowerCase();
  const cjk = l.startsWith('ja') ? ['jp', 'kr', 'sc'] : l.startsWith('ko') ? ['kr', 'jp', 'sc'] : ['sc', 'jp', 'kr'];
  return ['arabic', 'hebrew', ...cjk].map((k) => SCRIPT_FONTS[k as keyof typeof SCRIPT_FONTS]);
}

/** The CSS font stack of a role: the embedded measured font, the Office name, then the script fonts. */
export function fontStack(theme: Theme, role: FontRole, lang: string): string {
  const font = theme.fonts[role];
  const generic = role === 'mono' ? 'monospace' : 'sans-serif';
  return [embeddedFamily(font), font.name, ...scriptFonts(lang).map(embeddedFamily)].map((f) => `'${f}'`).join(', ') + `, ${generic}`;
}

export function themeVariables(theme: Theme, deck: Deck): string {
  const vars: string[] = [`--bd-width: ${deck.size.width}px`, `--bd-height: ${deck.size.height}px`];
  for (const [k, v] of Object.entries(theme.colors)) vars.push(`--bd-${kebab(k)}: ${v}`);
  for (const role of Object.keys(theme.fonts) as FontRole[]) vars.push(`--bd-font-${role}: ${fontStack(theme, role, deck.meta.lang)}`);
  for (const [role, lh] of Object.entries(theme.lineHeight)) vars.push(`--bd-lh-${role}: ${lh}`);
  return `:root { ${vars.join('; ')}; }`;
}

/**
 * Every character the deck shows, and the `extra` text a page adds around it (labels, dates), so
 * only the font subsets it needs are embedded.
 */
export function deckCodepoints(deck: Deck, extra: string[] = []): Set<number> {
  const cps = new Set<number>();
  const add = (s: string) => {
    for (const ch of s) cps.add(ch.codePointAt(0)!);
  };
  const walk = (v: unknown): void => {
    if (typeof v === 'string') add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(deck.slides);
  add(deck.meta.title);
  extra.forEach(add);
  return cps;
}

/**
 * The embedded copy gets a family name of its own: a system-wide font of the same name (Debian ships
 * Carlito) must never stand in for the exact file the planner measured.
 */
export function embeddedFamily(font: ThemeFont): string {
  return `bd ${font.family}`;
}

/** The code points of `cps` that a subset holds (all of them when it has no unicode-range). */
function coveredBy(f: FontFaceFile, cps: Set<number>): number[] {
  const { ranges } = f;
  return ranges ? [...cps].filter((cp) => ranges.some(([a, b]) => cp >= a && cp <= b)) : [...cps];
}

/** Font files as base64, read once per process: a batch build embeds the same files in every deck. */
const encoded = new Map<string, string>();

/** Subsets of the script fonts that the theme's fonts already cover: never needed from them. */
const COVERED_BY_THEME = /^(latin|latin-ext|cyrillic|cyrillic-ext|greek|greek-ext|vietnamese|math|symbols)$/;

const packageRanges = new Map<string, Array<[number, number]>>();
/** Whether a theme font's package has a subset for `cp` (its subsets are split by the glyphs it has). */
function fontHas(font: ThemeFont, cp: number): boolean {
  let ranges = packageRanges.get(fontKey(font));
  if (!ranges) {
    ranges = fontFaceFiles(font).flatMap((f): Array<[number, number]> => f.ranges ?? [[0, 0x10ffff]]);
    packageRanges.set(fontKey(font), ranges);
  }
  return ranges.some(([a, b]) => cp >= a && cp <= b);
}

/** The MIME type and CSS format() of a font file, by its extension. */
function fontType(file: string): { mime: string; format: string } {
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'ttf') return { mime: 'font/ttf', format: 'truetype' };
  if (ext === 'otf') return { mime: 'font/otf', format: 'opentype' };
  if (ext === 'woff') return { mime: 'font/woff', format: 'woff' };
  return { mime: 'font/woff2', format: 'woff2' };
}

export function fontFaces(theme: Theme, cps: Set<number>, lang = 'en'): string {
  const seen = new Set<string>();
  const rules: string[] = [];
  const embed = (font: ThemeFont, f: FontFaceFile) => {
    let data = encoded.get(f.path);
    if (data === undefined) {
      data = readFileSync(f.path).toString('base64');
      encoded.set(f.path, data);
    }
    rules.push(
      `@font-face { font-family: '${embeddedFamily(font)}'; font-style: ${f.style}; font-weight: ${f.weight}; font-display: block; ` +
        `src: url(data:${fontType(f.path).mime};base64,${data}) format('${fontType(f.path).format}')${f.unicodeRange ? `; unicode-range: ${f.unicodeRange}` : ''}; }`,
    );
  };
  for (const font of Object.values(theme.fonts)) {
    if (seen.has(fontKey(font))) continue;
    seen.add(fontKey(font));
    for (const f of fontFaceFiles(font)) {
      // Latin is always there (numbers, punctuation); other subsets only when the text uses them.
      if (f.subset === 'latin' || coveredBy(f, cps).length) embed(font, f);
    }
  }
  // Each character the theme's fonts lack comes from the first script font that has it, and only
  // the regular weight is embedded (the browser emboldens it): a CJK family is megabytes per weight.
  // A character one role's font lacks is wanted even if another role's font has it: Cousine (mono)
  // has Hebrew, Carlito (body, headings) has not, and body text must not fall to a system font.
  const wanted = new Set([...cps].filter((cp) => cp > 0x2ff && !Object.values(theme.fonts).every((f) => fontHas(f, cp))));
  for (const font of scriptFonts(lang)) {
    if (!wanted.size) break;
    const taken: number[] = [];
    for (const f of fontFaceFiles(font)) {
      // A face without a unicode-range is the whole font (fontsource's "chinese-simplified" is 10 MB and
      // has no Arabic or Hebrew): the numbered slices cover the same characters a few kilobytes at a time.
      if (f.style !== 'normal' || f.weight !== 400 || !f.unicodeRange || COVERED_BY_THEME.test(f.subset)) continue;
      const hits = coveredBy(f, wanted);
      if (!hits.length) continue;
      embed(font, f);
      taken.push(...hits);
    }
    for (const cp of taken) wanted.delete(cp);
  }
  return rules.join('\n');
}
