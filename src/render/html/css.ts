/** Theme tokens → CSS custom properties, and the deck's fonts as embedded @font-face rules. */
import { readFileSync } from 'node:fs';
import type { Deck } from '../../types/deck.js';
import type { Theme, ThemeFont } from '../../theme/types.js';
import { fontFaceFiles } from '../../measure/fonts.js';

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function themeVariables(theme: Theme, deck: Deck): string {
  const vars: string[] = [`--bd-width: ${deck.size.width}px`, `--bd-height: ${deck.size.height}px`];
  for (const [k, v] of Object.entries(theme.colors)) vars.push(`--bd-${kebab(k)}: ${v}`);
  for (const [role, font] of Object.entries(theme.fonts)) {
    const generic = role === 'mono' ? 'monospace' : 'sans-serif';
    vars.push(`--bd-font-${role}: '${embeddedFamily(font)}', '${font.name}', ${generic}`);
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

/**
 * The embedded copy gets a family name of its own: a system-wide font of the same name (Debian ships
 * Carlito) must never stand in for the exact file the planner measured.
 */
export function embeddedFamily(font: ThemeFont): string {
  return `bd ${font.family}`;
}

function covers(unicodeRange: string | undefined, cps: Set<number>): boolean {
  if (!unicodeRange) return true;
  const ranges = unicodeRange.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(a, 16), parseInt(b ?? a, 16)] as const;
  });
  for (const cp of cps) if (ranges.some(([a, b]) => cp >= a && cp <= b)) return true;
  return false;
}

/** Font files as base64, read once per process: a batch build embeds the same files in every deck. */
const encoded = new Map<string, string>();

export function fontFaces(theme: Theme, cps: Set<number>): string {
  const seen = new Set<string>();
  const rules: string[] = [];
  const fonts: ThemeFont[] = Object.values(theme.fonts);
  for (const font of fonts) {
    if (seen.has(font.package)) continue;
    seen.add(font.package);
    for (const f of fontFaceFiles(font)) {
      // Latin is always there (numbers, punctuation); other subsets only when the text uses them.
      if (f.subset !== 'latin' && !covers(f.unicodeRange, cps)) continue;
      let data = encoded.get(f.path);
      if (data === undefined) {
        data = readFileSync(f.path).toString('base64');
        encoded.set(f.path, data);
      }
      rules.push(
        `@font-face { font-family: '${embeddedFamily(font)}'; font-style: ${f.style}; font-weight: ${f.weight}; font-display: block; ` +
          `src: url(data:font/woff2;base64,${data}) format('woff2')${f.unicodeRange ? `; unicode-range: ${f.unicodeRange}` : ''}; }`,
      );
    }
  }
  return rules.join('\n');
}
