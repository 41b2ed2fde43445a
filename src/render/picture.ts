/**
 * Every picture a deck shows, made ready once before any renderer reads it: decoded in full (a
 * truncated or corrupt file becomes a placeholder, not a broken picture), and one far larger than a
 * slide can show downscaled, so a deck of hundreds of camera photos stays a file one can mail.
 * HTML (as data URLs) and PowerPoint (as media parts) then embed the same prepared file.
 *
 * Raster pictures go through sharp (libvips), which decodes in strips: memory stays bounded by the
 * output, not the input, and `limitInputPixels` refuses a decompression bomb before decoding.
 * SVG stays vector unless it refers to anything outside itself: resvg (PowerPoint's rasteriser) would
 * read any file an SVG names, so such an SVG is rasterised by librsvg from memory, which reads none.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { SaxesParser } from 'saxes';
import { IMAGE_LIMITS, sniffImage } from '../structure/images.js';
import { storeImageBytes } from '../structure/image-files.js';

type SharpModule = typeof import('sharp').default;
type ResvgModule = typeof import('@resvg/resvg-js');
// Native modules: loaded through a require of our own, on first use, so bundlers leave them to Node.
const nodeRequire = createRequire(import.meta.url);
let sharpModule: SharpModule | null | undefined;
let resvgModule: ResvgModule | undefined;

/** sharp, or null where its prebuilt binary does not load (pictures then go in as they are). */
export function loadSharp(): SharpModule | null {
  if (sharpModule === undefined) {
    try {
      sharpModule = nodeRequire('sharp') as SharpModule;
    } catch {
      sharpModule = null;
    }
  }
  return sharpModule;
}

/**
 * How large a picture in a deck needs to be. The largest picture box on a 1280 px slide is under
 * 1280 px wide, and twice that is sharp on a 4K projector; bigger only costs bytes.
 */
export const PICTURE_LIMITS = {
  /** Longest side, in pixels, of a picture as embedded. */
  maxSide: 2560,
  /** A PNG or JPEG file larger than this is re-encoded (and kept only if that makes it smaller). */
  maxBytes: 4 * 2 ** 20,
};

/** The formats sharp's prebuilt libvips decodes; others (BMP) go in unchecked, as they are. */
const DECODABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

export type Prepared =
  /** Fine as it is (`file` absent), or use `file` (absolute, of type `mime`) instead. */
  | { ok: true; file?: string; mime?: string }
  | { ok: false; reason: string; tooLarge?: boolean };

const prepared = new Map<string, Promise<Prepared>>();

/**
 * sharp calls run one at a time (each still uses every core). Two decodes failing at once can lose
 * one's error in libvips, and a truncated file would then pass as sound.
 */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The picture `file` as a deck should embed it. Each file is prepared once per process, however many
 * slides or reports show it.
 */
export async function preparePicture(file: string, probe: { width: number; height: number; mime: string }): Promise<Prepared> {
  let key: string;
  try {
    const s = await stat(file);
    key = `${file}\0${s.size}\0${s.mtimeMs}\0${probe.mime}`;
  } catch {
    return { ok: false, reason: 'could not be read' };
  }
  const known = prepared.get(key);
  // A prepared copy lives in the run's folder, which a long-lived caller may have discarded.
  const kept = known && (await known.then((r) => !r.ok || !r.file || existsSync(r.file)));
  if (known && kept) return known;
  const p = prepare(file, probe).catch(() => ({ ok: false, reason: 'could not be decoded' }) as Prepared);
  prepared.set(key, p);
  return p;
}

async function prepare(file: string, probe: { width: number; height: number; mime: string }): Promise<Prepared> {
  const bytes = await readFile(file);
  if (probe.mime === 'image/svg+xml') return prepareSvg(bytes, probe);
  const sharp = loadSharp();
  if (!sharp || !DECODABLE.has(probe.mime)) return { ok: true };
  const longSide = Math.max(probe.width, probe.height);
  // GIFs are re-encoded only when huge: a long animation is many bytes for good reason.
  const heavy = longSide > PICTURE_LIMITS.maxSide || (bytes.length > PICTURE_LIMITS.maxBytes && probe.mime !== 'image/gif');
  const input = () => sharp(bytes, { failOn: 'truncated', limitInputPixels: IMAGE_LIMITS.maxPixels });
  if (!heavy) {
    try {
      // Statistics read every pixel: a file cut short or garbled fails here, not in a viewer.
      await oneAtATime(() => input().stats());
      return { ok: true };
    } catch (e) {
      return decodeFailure(e);
    }
  }
  let out: { data: Buffer; mime: string; ext: string };
  try {
    out = await oneAtATime(() => downscale(sharp, input(), probe.mime));
  } catch (e) {
    return decodeFailure(e);
  }
  // Re-encoding a file that was only heavy (not oversized) is worth it only if it got lighter.
  if (longSide <= PICTURE_LIMITS.maxSide && out.data.length >= bytes.length) return { ok: true };
  return { ok: true, file: storeImageBytes(out.data, out.ext), mime: out.mime };
}

/**
 * At most `maxSide` on its longest side, turned upright (EXIF orientation is applied, then dropped
 * with the rest of the metadata). Pictures with transparency stay PNG, JPEGs stay JPEG; any other
 * opaque picture becomes a JPEG only when that is less than half the PNG's size (a photograph),
 * so charts and screenshots keep their crisp edges.
 */
async function downscale(sharp: SharpModule, input: ReturnType<SharpModule>, mime: string): Promise<{ data: Buffer; mime: string; ext: string }> {
  const side = PICTURE_LIMITS.maxSide;
  const { data, info } = await input
    .autoOrient()
    .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  const hasAlpha = info.channels === 2 || info.channels === 4;
  const jpeg = async () => ({ data: await raw().jpeg({ quality: 85 }).toBuffer(), mime: 'image/jpeg', ext: 'jpg' });
  const png = async () => ({ data: await raw().png({ compressionLevel: 9 }).toBuffer(), mime: 'image/png', ext: 'png' });
  if (hasAlpha) return png();
  if (mime === 'image/jpeg') return jpeg();
  const [p, j] = await Promise.all([png(), jpeg()]);
  return j.data.length * 2 < p.data.length ? j : p;
}

function decodeFailure(e: unknown): Prepared {
  const message = e instanceof Error ? e.message : String(e);
  if (/pixel limit/i.test(message)) return { ok: false, reason: `over ${IMAGE_LIMITS.maxPixels / 1e6} megapixels once decoded`, tooLarge: true };
  if (/unsupported image format/i.test(message)) return { ok: false, reason: 'not a picture' };
  return { ok: false, reason: 'corrupt or truncated' };
}

async function prepareSvg(bytes: Buffer, probe: { width: number; height: number }): Promise<Prepared> {
  const kind = inspectSvg(bytes);
  if (kind === 'oversized') return { ok: false, reason: `SVG holding a picture over ${IMAGE_LIMITS.maxPixels / 1e6} megapixels`, tooLarge: true };
  if (kind === 'self-contained') {
    try {
      resvgModule ??= nodeRequire('@resvg/resvg-js') as ResvgModule;
      new resvgModule.Resvg(bytes, { fitTo: { mode: 'width', value: 32 }, font: { loadSystemFonts: false } }).render();
      return { ok: true };
    } catch {
      return { ok: false, reason: 'not a valid SVG' };
    }
  }
  const sharp = loadSharp();
  if (!sharp) return { ok: false, reason: 'SVG refers to files or URLs outside itself' };
  // Twice its own size (as PowerPoint's pictures are drawn), and never past the picture limit.
  const long = Math.max(probe.width, probe.height, 1);
  const density = Math.min(100_000, Math.max(1, (72 * Math.min(PICTURE_LIMITS.maxSide, 2 * long)) / long));
  const side = PICTURE_LIMITS.maxSide;
  try {
    const png = await oneAtATime(() =>
      sharp(bytes, { density, limitInputPixels: IMAGE_LIMITS.maxPixels, failOn: 'truncated' })
        .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
        .png()
        .toBuffer(),
    );
    return { ok: true, file: storeImageBytes(png, 'png'), mime: 'image/png' };
  } catch {
    return { ok: false, reason: 'not a valid SVG' };
  }
}

/** `url(…)` that is not a reference into the same document, and CSS imports. */
const CSS_OUTSIDE = /@import|url\(\s*(?:['"]\s*)?(?!#)/i;
/** What an SVG may name in an `href` without leaving itself: its own elements and inline pictures. */
const HREF_INSIDE = /^\s*(?:#|data:image\/(?:png|jpeg|jpg|gif|webp);)/i;
const INLINE_PICTURE = /data:image\/[a-z+.-]+;base64,([A-Za-z0-9+/=\s]+)/gi;

/**
 * What an SVG draws from. `self-contained`: nothing but itself — no `href` to a file or URL (only
 * `#id` and inline raster `data:` pictures), no CSS `url()` or `@import` to one, no DOCTYPE
 * declarations (whose entities could hide either), no stylesheet processing instruction, and
 * well-formed XML. `oversized`: it holds an inline picture over the pixel cap, which any renderer
 * would decode in full. `outside`: anything else.
 */
export function inspectSvg(bytes: Buffer | string): 'self-contained' | 'outside' | 'oversized' {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let outside = false;
  let oversized = false;
  const inline = (value: string) => {
    for (const m of value.matchAll(INLINE_PICTURE)) {
      const sniffed = sniffImage(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
      if ('problem' in sniffed && sniffed.problem === 'too-large') oversized = true;
    }
  };
  // A DOCTYPE naming the SVG DTD is common and harmless; one with an internal subset can declare entities.
  parser.on('doctype', (d) => {
    if (d.includes('[')) outside = true;
  });
  parser.on('processinginstruction', () => {
    outside = true;
  });
  parser.on('attribute', (a) => {
    const local = a.name.slice(a.name.lastIndexOf(':') + 1).toLowerCase();
    if ((local === 'href' || local === 'src') && !HREF_INSIDE.test(a.value)) outside = true;
    else if (CSS_OUTSIDE.test(a.value)) outside = true;
    inline(a.value);
  });
  const text = (t: string) => {
    if (CSS_OUTSIDE.test(t)) outside = true;
    inline(t);
  };
  parser.on('text', text);
  parser.on('cdata', text);
  try {
    parser.write(typeof bytes === 'string' ? bytes : bytes.toString('utf8')).close();
  } catch {
    return 'outside';
  }
  return oversized ? 'oversized' : outside ? 'outside' : 'self-contained';
}

/** Whether resvg may draw this SVG: it reads nothing outside it and decodes nothing too large. */
export function svgSelfContained(bytes: Buffer | string): boolean {
  return inspectSvg(bytes) === 'self-contained';
}
