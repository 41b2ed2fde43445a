/** Theme tokens → CSS custom properties, and the deck's fonts as embedded @font-face rules. */
import { readFileSync } from 'node:fs';
import type { Deck } from '../../types/deck.js';
import type { Theme, ThemeFont } from '../../theme/types.js';
import { covers, fontFiles } from '../../fonts/fontsource.js';

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function themeVariables(theme: Theme, deck: Deck): string {
  const vars: string[] = [`--bd-width: ${deck.size.width}px`, `--bd-height: ${deck.size.height}px`];
  for (const [k, v] of Object.entries(theme.colors)) vars.push(`--bd-${kebab(k)}: ${v}`);
  for (const [role, font] of Object.entries(theme.fonts)) {
    const generic = role === 'mono' ? 'monospace' : 'sans-serif';
    vars.push(`--bd-font-${role}: '${font.family}', '${font.name}', ${generic}`);
  }
  for (const [role, lh] of Object.entries(theme.lineHeight)) vars.push(`--bd-lh-${role}: ${lh}`);
  return `:root { ${vars.join('; ')}; }`;
}

/** Every character the deck shows, so only the font subsets it needs are embedded. */
export function deckCodepoints(deck: Deck): Set<number> {
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
  return cps;
}

export function fontFaces(theme: Theme, cps: Set<number>): string {
  const seen = new Set<string>();
  const rules: string[] = [];
  const fonts: ThemeFont[] = Object.values(theme.fonts);
  for (const font of fonts) {
    if (seen.has(font.package)) continue;
    seen.add(font.package);
    for (const f of fontFiles(font)) {
      // Latin is always there (numbers, punctuation); other subsets only when the text uses them.
      if (f.subset !== 'latin' && ![...cps].some((cp) => covers(f, cp))) continue;
      const data = readFileSync(f.file).toString('base64');
      rules.push(
        `@font-face { font-family: '${f.family}'; font-style: ${f.style}; font-weight: ${f.weight}; font-display: block; ` +
          `src: url(data:font/woff2;base64,${data}) format('woff2'); unicode-range: ${f.unicodeRange}; }`,
      );
    }
  }
  return rules.join('\n');
}
