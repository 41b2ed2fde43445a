/**
 * A disk cache of the font metrics the planner has looked up, so a build does not pay for parsing
 * font files (~200 ms of fontkit import, brotli and shaping) every time. Like fontconfig's cache it
 * holds only derived numbers, keyed by font package and version; delete it and it is rebuilt.
 * BRIEFDECK_CACHE_DIR moves it; BRIEFDECK_CACHE=off turns it off.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FaceCacheData {
  ascent?: number;
  descent?: number;
  lineGap?: number;
  /** Advance in em per code point; null = no glyph in any subset file. */
  adv: Record<string, number | null>;
  /** Kerning widening in em per code point pair (`a,b`). */
  pairs: Record<string, number>;
  /**
   * Characters whose pairs were all looked at when the cache was seeded: a pair of them missing
   * from `pairs` does not widen.
   */
  pairChars?: string;
}

const FORMAT = 1;

/**
 * Metrics for the default theme's fonts, made when briefdeck is built (scripts/font-metrics.mjs), so
 * even the first run on a new machine measures without parsing a font file.
 */
const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'font-metrics');

function cacheDir(): string | undefined {
  if (process.env.BRIEFDECK_CACHE === 'off') return undefined;
  if (process.env.BRIEFDECK_CACHE_DIR) return process.env.BRIEFDECK_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'briefdeck', `metrics-v${FORMAT}`);
}

const loaded = new Map<string, FaceCacheData>();
const dirty = new Set<string>();
let hooked = false;

function fileName(key: string): string {
  return `${key.replace(/[^a-zA-Z0-9.@_-]+/g, '_')}.json`;
}

function fileFor(key: string): string | undefined {
  const dir = cacheDir();
  return dir && path.join(dir, fileName(key));
}

function readCache(file: string | undefined): FaceCacheData | undefined {
  try {
    const data = file ? (JSON.parse(readFileSync(file, 'utf8')) as FaceCacheData) : undefined;
    return data && typeof data.adv === 'object' && typeof data.pairs === 'object' ? data : undefined;
  } catch {
    return undefined;
  }
}

/** The cached metrics of one face (empty when none are cached yet); the same object for the whole run. */
export function faceCache(key: string): FaceCacheData {
  let data = loaded.get(key);
  if (data) return data;
  data = readCache(fileFor(key)) ?? (process.env.BRIEFDECK_CACHE === 'off' ? undefined : readCache(path.join(SEED_DIR, fileName(key))));
  data ??= { adv: {}, pairs: {} };
  loaded.set(key, data);
  return data;
}

/** Records that a face learned something new; it is written out once, when the process exits. */
export function markDirty(key: string): void {
  dirty.add(key);
  if (!hooked) {
    hooked = true;
    process.once('exit', flushMetricsCache);
  }
}

export function flushMetricsCache(): void {
  for (const key of dirty) {
    const file = fileFor(key);
    const data = loaded.get(key);
    if (!file || !data) continue;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, file);
    } catch {
      // A read-only home or a full disk only costs speed: the next run measures from the fonts again.
    }
  }
  dirty.clear();
}
