/**
 * The open font files a theme names, as @fontsource ships them: one file per subset × weight × style,
 * each covering a unicode range. Shared by measuring (which reads them) and HTML (which embeds them).
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ThemeFont } from '../theme/types.js';

export interface FontFile {
  family: string;
  subset: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
  /** Absolute path of the woff2 file. */
  file: string;
  /** [start, end] codepoint ranges the file covers. */
  ranges: [number, number][];
  /** The CSS unicode-range value. */
  unicodeRange: string;
}

const require = createRequire(import.meta.url);
const cache = new Map<string, FontFile[]>();

function parseRanges(css: string): [number, number][] {
  return css.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(a, 16);
    return [start, b ? parseInt(b, 16) : start];
  });
}

export function fontFiles(font: ThemeFont): FontFile[] {
  const known = cache.get(font.package);
  if (known) return known;
  const dir = path.dirname(require.resolve(`${font.package}/package.json`));
  const meta = JSON.parse(readFileSync(path.join(dir, 'metadata.json'), 'utf8')) as { id: string };
  const unicode = JSON.parse(readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const files: FontFile[] = [];
  for (const [subset, range] of Object.entries(unicode)) {
    for (const weight of [400, 700] as const) {
      for (const style of ['normal', 'italic'] as const) {
        const file = path.join(dir, 'files', `${meta.id}-${subset}-${weight}-${style}.woff2`);
        if (existsSync(file)) files.push({ family: font.family, subset, weight, style, file, ranges: parseRanges(range), unicodeRange: range });
      }
    }
  }
  cache.set(font.package, files);
  return files;
}

export function covers(file: FontFile, cp: number): boolean {
  return file.ranges.some(([a, b]) => cp >= a && cp <= b);
}
