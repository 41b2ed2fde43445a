import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const EXAMPLE = path.join(ROOT, 'examples', 'quarterly-review.md');

/** Every fixture report, by file name. */
export function fixtureReports(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .sort();
}

/** Every string shown on a slide, and its notes: what a presenter has on hand. */
export function slideText(slide: object): string {
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(slide);
  return parts.join(' ');
}
