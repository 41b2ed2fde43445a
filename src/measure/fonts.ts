/**
 * Font files of a theme font, read with fontkit, reduced to what line fitting needs: the advance width
 * of each code point and the vertical metrics, all in em.
 *
 * The browser draws the deck with the @fontsource subset files (one per unicode range, weight and style),
 * so we read exactly those files and pick between them the way CSS `unicode-range` does; measuring a
 * different build of the "same" family would drift from what the browser lays out.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Fontkit from 'fontkit';
import { fontKey, type ThemeFont } from '../theme/types.js';
import { faceCache, markDirty, type FaceCacheData } from './metrics-cache.js';

type FontkitModule = typeof import('fontkit');
export type FontStyle = 'normal' | 'italic';

let fontkitModule: FontkitModule | undefined;

/**
 * Importing fontkit costs ~90 ms, so it is loaded (synchronously, from its CommonJS build) only when a
 * measurement misses the metrics cache.
 */
function fontkit(): FontkitModule {
  fontkitModule ??= requireFromHere('fontkit') as FontkitModule;
  return fontkitModule;
}

/** Kept for callers that want fontkit ready up front. */
export async function loadFontkit(): Promise<FontkitModule> {
  return fontkit();
}

/** Parsed font files by absolute path; `null` records a file that could not be parsed, so we don't retry. */
const fileCache = new Map<string, Fontkit.Font | null>();

function openFile(path: string): Fontkit.Font | null {
  const hit = fileCache.get(path);
  if (hit !== undefined) return hit;
  let font: Fontkit.Font | null = null;
  try {
    const created = fontkit().create(readFileSync(path));
    font = 'fonts' in created ? (created.fonts[0] ?? null) : created;
  } catch {
    font = null;
  }
  fileCache.set(path, font);
  return font;
}

interface SubsetFile {
  subset: string;
  weight: number;
  style: FontStyle;
  path: string;
  /** Inclusive code point ranges from unicode.json; `null` when the package declares none (covers everything). */
  ranges: Array<[number, number]> | null;
  /** The same ranges as written in unicode.json (CSS `unicode-range` syntax). */
  unicodeRange: string | undefined;
}

interface FontPackage {
  name: string;
  /** Package version: cached metrics are only valid for the files they were read from. */
  version: string;
  files: SubsetFile[];
  /** The subset whose file supplies ascent/descent (latin for the Latin-metric families we ship). */
  defaultSubset: string;
}

const packageCache = new Map<string, FontPackage>();
const requireFromHere = createRequire(import.meta.url);

function parseRanges(spec: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const part of spec.split(',')) {
    const m = /^\s*U\+([0-9A-Fa-f?]+)(?:-([0-9A-Fa-f]+))?\s*$/.exec(part);
    if (!m) continue;
    const first = m[1]!;
    if (first.includes('?')) {
      ranges.push([parseInt(first.replace(/\?/g, '0'), 16), parseInt(first.replace(/\?/g, 'F'), 16)]);
    } else {
      const lo = parseInt(first, 16);
      ranges.push([lo, m[2] ? parseInt(m[2], 16) : lo]);
    }
  }
  return ranges;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A theme font's files: an @fontsource package's subsets, or the files a theme names. */
function loadFontFiles(font: ThemeFont): FontPackage {
  const key = fontKey(font);
  let pkg = packageCache.get(key);
  if (!pkg) {
    pkg = font.files ? themeFiles(key, font.files) : loadPackage(font.package ?? '', font.family);
    packageCache.set(key, pkg);
  }
  return pkg;
}

/** A theme's own files: one file per face, each covering every character it has. */
function themeFiles(key: string, files: NonNullable<ThemeFont['files']>): FontPackage {
  const faces: Array<[keyof typeof files, number, FontStyle]> = [
    ['regular', 400, 'normal'],
    ['bold', 700, 'normal'],
    ['italic', 400, 'italic'],
    ['boldItalic', 700, 'italic'],
  ];
  const list: SubsetFile[] = [];
  const stamps: string[] = [];
  for (const [face, weight, style] of faces) {
    const path = files[face];
    if (!path) continue;
    const stat = statSync(path);
    // Cached metrics must go stale when the designer replaces a file.
    stamps.push(`${stat.size}.${Math.round(stat.mtimeMs)}`);
    list.push({ subset: 'all', weight, style, path, ranges: null, unicodeRange: undefined });
  }
  return { name: key, version: stamps.join('-'), files: list, defaultSubset: 'all' };
}

function loadPackage(pkg: string, family: string): FontPackage {
  let dir: string;
  try {
    dir = dirname(requireFromHere.resolve(`${pkg}/package.json`));
  } catch {
    throw new Error(`Font package "${pkg}" (family "${family}") is not installed; add it to the project's dependencies.`);
  }
  const meta = (readJson(join(dir, 'metadata.json')) ?? {}) as { id?: string; defSubset?: string };
  const version = String((readJson(join(dir, 'package.json')) as { version?: string } | undefined)?.version ?? '0');
  const unicode = (readJson(join(dir, 'unicode.json')) ?? {}) as Record<string, string>;
  const id = meta.id ?? pkg.replace(/^@[^/]+\//, '');
  // Names are `<id>-<subset>-<weight>-<style>.woff2`; subsets may contain hyphens (latin-ext), so anchor on the tail.
  const pattern = new RegExp(`^${escapeRegExp(id)}-(.+)-(\\d+)-(normal|italic)\\.woff2$`);
  let names: string[] = [];
  try {
    names = readdirSync(join(dir, 'files'));
  } catch {
    names = [];
  }
  const files: SubsetFile[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const subset = m[1]!;
    // Large CJK families split into numbered slices, keyed "[4]" in unicode.json but named "-4-" in files.
    const spec = unicode[subset] ?? unicode[`[${subset}]`];
    files.push({
      subset,
      weight: Number(m[2]),
      style: m[3] as FontStyle,
      path: join(dir, 'files', name),
      ranges: spec ? parseRanges(spec) : null,
      unicodeRange: spec,
    });
  }
  if (files.length === 0) {
    throw new Error(
      `Font package "${pkg}" has no static woff2 files named ${id}-<subset>-<weight>-<style>.woff2; ` +
        'variable-only @fontsource packages are not supported for measuring.',
    );
  }
  // CSS gives the last-declared of overlapping unicode-range faces priority; @fontsource declares subsets in
  // unicode.json order, so we search them in reverse. Subsets without a range come last as a catch-all.
  const order = Object.keys(unicode);
  const rank = (f: SubsetFile) => (f.ranges === null ? -1 : Math.max(order.indexOf(f.subset), order.indexOf(`[${f.subset}]`)));
  files.sort((a, b) => rank(b) - rank(a));
  const subsets = new Set(files.map((f) => f.subset));
  const defaultSubset =
    meta.defSubset && subsets.has(meta.defSubset) ? meta.defSubset : subsets.has('latin') ? 'latin' : files[0]!.subset;
  return { name: pkg, version, files, defaultSubset };
}

export interface FontFaceFile {
  subset: string;
  weight: number;
  style: FontStyle;
  /** Absolute path of the font file (woff2 from a package; woff2, woff, ttf or otf from a theme). */
  path: string;
  /** CSS `unicode-range` value; undefined when the subset covers everything. */
  unicodeRange: string | undefined;
  /** The same ranges as inclusive code point pairs; `null` when the subset covers everything. */
  ranges: Array<[number, number]> | null;
}

/**
 * The woff2 files a page needs for `font`, in the order @fontsource declares them, so @font-face rules
 * written in this order give overlapping ranges the same priority the measurements assume.
 */
export function fontFaceFiles(font: ThemeFont): FontFaceFile[] {
  return loadFontFiles(font)
    .files.slice()
    .reverse()
    .map(({ subset, weight, style, path, unicodeRange, ranges }) => ({ subset, weight, style, path, unicodeRange, ranges }));
}

/** CSS Fonts 4 §5.2 weight matching, so a missing weight falls back to the face a browser would pick. */
export function nearestWeight(available: number[], desired: number): number {
  const sorted = [...new Set(available)].sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error('no weights available');
  if (sorted.includes(desired)) return desired;
  const below = sorted.filter((w) => w < desired).reverse();
  const above = sorted.filter((w) => w > desired);
  if (desired >= 400 && desired <= 500) {
    const upTo500 = above.filter((w) => w <= 500);
    const beyond = above.filter((w) => w > 500);
    return upTo500[0] ?? below[0] ?? beyond[0]!;
  }
  if (desired < 400) return below[0] ?? above[0]!;
  return above[0] ?? below[0]!;
}

/** One weight/style of a family: every subset file of it, chosen per code point by unicode-range. */
export class FaceMetrics {
  /** hhea metrics (what Chromium uses on Linux), in em; descent is positive. */
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
  /** A browser fakes bold/italic when the package lacks it; widths then come from the face we fell back to. */
  readonly syntheticBold: boolean;
  readonly syntheticItalic: boolean;
  private readonly files: SubsetFile[];
  /** em advance per code point; NaN = no file of this face has a glyph for it. */
  private readonly advances = new Map<number, number>();
  /** The subset file each code point was found in: only glyphs from one file can kern with each other. */
  private readonly sources = new Map<number, Fontkit.Font>();
  private readonly pairs = new Map<number, number>();

  private readonly cache: FaceCacheData;
  private readonly cacheKey: string;
  private readonly pairChars: Set<number>;

  constructor(
    readonly family: string,
    readonly weight: number,
    readonly style: FontStyle,
    files: SubsetFile[],
    defaultSubset: string,
    wanted: { bold: boolean; italic: boolean },
    pkg: { name: string; version: string },
  ) {
    this.files = files;
    this.syntheticBold = wanted.bold && weight < 600;
    this.syntheticItalic = wanted.italic && style !== 'italic';
    this.cacheKey = `${pkg.name}@${pkg.version}-${family}-${weight}-${style}`;
    this.cache = faceCache(this.cacheKey);
    const c = this.cache;
    this.pairChars = new Set([...(c.pairChars ?? '')].map((ch) => ch.codePointAt(0)!));
    if (c.ascent === undefined || c.descent === undefined || c.lineGap === undefined) {
      const main = files.find((f) => f.subset === defaultSubset) ?? files[0]!;
      const font = openFile(main.path);
      if (!font) throw new Error(`Could not read font file ${main.path}`);
      c.ascent = font.ascent / font.unitsPerEm;
      c.descent = Math.abs(font.descent) / font.unitsPerEm;
      c.lineGap = font.lineGap / font.unitsPerEm;
      // Every character of the main subset at once: later runs then never open the file for Latin text.
      for (const cp of font.characterSet ?? []) c.adv[cp] = this.lookup(cp);
      markDirty(this.cacheKey);
    }
    this.ascent = c.ascent;
    this.descent = c.descent;
    this.lineGap = c.lineGap;
    for (const [cp, em] of Object.entries(c.adv)) this.advances.set(Number(cp), em === null ? NaN : em);
  }

  /** Advance of `cp` in em, or undefined when this face (with all its subsets) has no glyph for it. */
  advance(cp: number): number | undefined {
    let em = this.advances.get(cp);
    if (em === undefined) {
      em = this.lookup(cp);
      this.advances.set(cp, em);
      this.cache.adv[cp] = Number.isNaN(em) ? null : em;
      markDirty(this.cacheKey);
    }
    return Number.isNaN(em) ? undefined : em;
  }

  private lookup(cp: number): number {
    for (const file of this.files) {
      if (file.ranges && !file.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)) continue;
      // Subset files other than the default one are opened on first need: most reports never touch them.
      const font = openFile(file.path);
      if (font && font.hasGlyphForCodePoint(cp)) {
        this.sources.set(cp, font);
        return font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
      }
    }
    return NaN;
  }

  /**
   * The widening (em, never negative) that kerning or ligatures apply to the pair `a b`.
   *
   * The browser shapes text with kerning and ligatures on. Nearly all of Carlito's kerning pairs tighten
   * text, but some loosen it ("r’", "f’", "“T", "Q," by up to 0.066 em), so a plain sum of advances could come
   * out narrower than the browser. Adding only the positive adjustments keeps our width an upper bound.
   */
  kernWidening(a: number, b: number): number {
    const key = a * 0x110000 + b;
    let em = this.pairs.get(key);
    if (em === undefined) {
      const cached = this.cache.pairs[`${a},${b}`];
      if (cached !== undefined) em = cached;
      // Every widening pair among these characters is listed: any other pair of them adds nothing.
      else if (this.pairChars.has(a) && this.pairChars.has(b)) em = 0;
      else {
        em = 0;
        // Which file each glyph comes from is only known after a lookup through the font files.
        if (!this.sources.has(a)) this.lookup(a);
        if (!this.sources.has(b)) this.lookup(b);
        const font = this.sources.get(a);
        if (font && font === this.sources.get(b)) {
          const shaped = font.layout(String.fromCodePoint(a, b)).advanceWidth;
          const plain = font.glyphForCodePoint(a).advanceWidth + font.glyphForCodePoint(b).advanceWidth;
          em = Math.max(0, (shaped - plain) / font.unitsPerEm);
        }
        this.cache.pairs[`${a},${b}`] = em;
        markDirty(this.cacheKey);
      }
      this.pairs.set(key, em);
    }
    return em;
  }
}

/** All faces of one theme font. */
export class FontFamilyMetrics {
  private readonly faces = new Map<string, FaceMetrics>();

  private constructor(
    readonly font: ThemeFont,
    private readonly pkg: FontPackage,
  ) {}

  /** Loads fontkit and the package listing; subset files are opened when a face first needs them. */
  static async load(font: ThemeFont): Promise<FontFamilyMetrics> {
    const family = new FontFamilyMetrics(font, loadFontFiles(font));
    // Open the four everyday faces now so a missing/corrupt package fails at load time, not mid-layout.
    for (const bold of [false, true]) for (const italic of [false, true]) family.face(bold, italic);
    return family;
  }

  face(bold: boolean, italic: boolean): FaceMetrics {
    const key = `${bold ? 7 : 4}${italic ? 'i' : 'n'}`;
    let face = this.faces.get(key);
    if (!face) {
      face = this.resolve(bold, italic);
      this.faces.set(key, face);
    }
    return face;
  }

  private resolve(bold: boolean, italic: boolean): FaceMetrics {
    const files = this.pkg.files;
    const styles = new Set(files.map((f) => f.style));
    const wantedStyle: FontStyle = italic ? 'italic' : 'normal';
    const style: FontStyle = styles.has(wantedStyle) ? wantedStyle : wantedStyle === 'italic' ? 'normal' : 'italic';
    const ofStyle = files.filter((f) => f.style === style);
    const weight = nearestWeight(
      ofStyle.map((f) => f.weight),
      bold ? 700 : 400,
    );
    const faceFiles = ofStyle.filter((f) => f.weight === weight);
    return new FaceMetrics(this.font.family, weight, style, faceFiles, this.pkg.defaultSubset, { bold, italic }, this.pkg);
  }
}

const familyCache = new Map<string, Promise<FontFamilyMetrics>>();

/** Families are shared process-wide: every Measurer over the same package reuses the parsed files. */
export function loadFontFamily(font: ThemeFont): Promise<FontFamilyMetrics> {
  const key = `${fontKey(font)}\u0000${font.family}`;
  let family = familyCache.get(key);
  if (!family) {
    family = FontFamilyMetrics.load(font);
    familyCache.set(key, family);
    family.catch(() => familyCache.delete(key));
  }
  return family;
}

/** Whether fontkit can read `path` as a font: a theme's font files are checked before anything renders. */
export function isReadableFont(path: string): boolean {
  return openFile(path) !== null;
}
