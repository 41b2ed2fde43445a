/**
 * Finding and sizing the images a report links to. Read only what sits inside the report's folder or
 * a folder the user named with `--allow-path`: decks are passed around, and a deck must not carry off
 * a file its author never meant to share. Remote images wait for `loadReport`, which fetches them
 * (with `--allow-remote`); `data:` URLs are the report's own bytes and are kept when they decode.
 *
 * This is the synchronous half: where the file is, whether it may be read, what its bytes say it is
 * and how large it claims to be. Decoding, downscaling and fetching happen in `prepareImages`.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { Diagnostic } from '../types/diagnostics.js';
import type { InputAllowances } from './structure.js';
import { storeImageBytes } from './image-files.js';

export interface ImageProbe {
  /**
   * Path relative to the report's folder; absolute for a file from an `--allow-path` folder and for
   * bytes kept in the run's temporary folder (fetched, from a `data:` URL, or downscaled).
   */
  path: string;
  /** Pixel size as shown (EXIF orientation applied). */
  width: number;
  height: number;
  /** What the bytes are, whatever the file's name says. */
  mime: string;
}

/** Limits on what one picture may be before it is even decoded. */
export const IMAGE_LIMITS = {
  /** Decoded size: a PNG can declare 20 000 × 20 000 px in a few hundred bytes. */
  maxPixels: 100_000_000,
  /** A local file larger than this is not read at all. */
  maxFileBytes: 50 * 2 ** 20,
  /** The bytes of a `data:` URL (and of a fetched image). */
  maxDataBytes: 20 * 2 ** 20,
};

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  avif: 'image/avif',
};

/** What `data:` URLs may hold: the formats every output shows. */
const DATA_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml']);

export type Sniffed = { width: number; height: number; mime: string; ext: string } | { problem: 'unknown' | 'empty' | 'too-large'; detail?: string };

/** What the bytes are and how large they say they are (from the header only: nothing is decoded). */
export function sniffImage(bytes: Buffer): Sniffed {
  if (bytes.length === 0) return { problem: 'empty' };
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return { problem: 'unknown' };
  }
  const mime = MIME[size.type ?? ''];
  if (!size.width || !size.height || !mime) return { problem: 'unknown' };
  // Orientations 5–8 turn the picture a quarter: browsers show it turned, and so does a downscaled copy.
  const turned = (size.orientation ?? 1) >= 5;
  const width = turned ? size.height : size.width;
  const height = turned ? size.width : size.height;
  if (mime !== 'image/svg+xml' && width * height > IMAGE_LIMITS.maxPixels) {
    return { problem: 'too-large', detail: `${width}×${height} px, over ${IMAGE_LIMITS.maxPixels / 1e6} megapixels` };
  }
  return { width, height, mime, ext: size.type === 'jpg' ? 'jpg' : size.type! };
}

/** A source as a warning may quote it: a `data:` URL can be megabytes long. */
export function quoteSrc(src: string): string {
  return /^data:/i.test(src) && src.length > 48 ? `${src.slice(0, 40)}…` : src;
}

export const isHttpUrl = (src: string): boolean => /^https?:\/\//i.test(src);

/**
 * The file a reference in the report names, resolved against the report's folder: a relative path
 * or a `file:` URL, percent-escapes decoded. Undefined for any other URL (web, mail, `data:`…).
 */
export function localPath(ref: string, baseDir: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^file:/i.test(ref)) return undefined;
  let rel = ref.replace(/^file:(\/\/)?/i, '');
  try {
    rel = decodeURI(rel);
  } catch {
    // kept as written
  }
  return path.resolve(baseDir, rel);
}

export interface ProbeResult {
  probe?: ImageProbe;
  diagnostic?: Diagnostic;
}

export function probeImage(src: string, baseDir: string, where: { file: string; line: number }, allow: InputAllowances = {}): ProbeResult {
  const warn = (code: string, message: string): ProbeResult => ({
    diagnostic: { level: 'warning', code, message, file: where.file, line: where.line },
  });
  const shown = quoteSrc(src);
  if (/^data:/i.test(src)) return dataImage(src, warn);
  if (isHttpUrl(src) && allow.remote) {
    // Fetched by loadReport, which removes this warning; structure() alone does not fetch.
    return warn('image-remote-pending', `remote image not fetched (structure() does not fetch; loadReport does): ${src}`);
  }
  if (isHttpUrl(src)) return warn('image-remote', `remote image not fetched (--allow-remote fetches it): ${src}`);
  const abs = localPath(src, baseDir);
  if (abs === undefined) return warn('image-remote', `image not embedded (remote or non-file URL): ${shown}`);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return warn('image-missing', `image not found: ${src}`);
  }
  const root = realpathSync(baseDir);
  const inRoot = within(real, root);
  if (!inRoot && !allowedFolders(allow).some((dir) => within(real, dir))) {
    return warn('image-outside', `image outside the report's folder and --allow-path folders not embedded: ${src}`);
  }
  try {
    const stat = statSync(real);
    if (!stat.isFile()) return warn('image-missing', `image not found: ${src}`);
    if (stat.size > IMAGE_LIMITS.maxFileBytes) {
      return warn('image-too-large', `image file too large to embed (${mb(stat.size)}; at most ${mb(IMAGE_LIMITS.maxFileBytes)}): ${src}`);
    }
    const sniffed = sniffImage(readFileSync(real));
    if ('problem' in sniffed) return warn(...sniffWarning(sniffed, src));
    const stored = inRoot ? path.relative(root, real).split(path.sep).join('/') : real;
    return { probe: { path: stored, width: sniffed.width, height: sniffed.height, mime: sniffed.mime } };
  } catch {
    return warn('image-unreadable', `image could not be read: ${src}`);
  }
}

/** The warning for bytes that are not a picture we can show. */
export function sniffWarning(s: Extract<Sniffed, { problem: string }>, src: string): [code: string, message: string] {
  const shown = quoteSrc(src);
  if (s.problem === 'empty') return ['image-unreadable', `image is empty: ${shown}`];
  if (s.problem === 'too-large') return ['image-too-large', `image too large to embed (${s.detail}): ${shown}`];
  return ['image-unreadable', `image format not supported: ${shown}`];
}

/** `data:image/png;base64,…`: kept when it is PNG, JPEG, GIF or SVG, decodes, and is not too large. */
function dataImage(src: string, warn: (code: string, message: string) => ProbeResult): ProbeResult {
  const shown = quoteSrc(src);
  const m = /^data:([^,;]*)((?:;[^,;]*)*),([\s\S]*)$/i.exec(src);
  if (!m) return warn('image-unreadable', `image data URL could not be read: ${shown}`);
  const declared = m[1].trim().toLowerCase();
  if (!DATA_TYPES.has(declared)) return warn('image-unreadable', `image data URL of type "${declared || 'none'}" not embedded (PNG, JPEG, GIF or SVG only): ${shown}`);
  const base64 = /;base64$/i.test(m[2]);
  let bytes: Buffer;
  try {
    bytes = base64 ? Buffer.from(m[3].replace(/\s+/g, ''), 'base64') : Buffer.from(decodeURIComponent(m[3]), 'utf8');
  } catch {
    return warn('image-unreadable', `image data URL could not be decoded: ${shown}`);
  }
  if (bytes.length > IMAGE_LIMITS.maxDataBytes) {
    return warn('image-too-large', `image data URL too large to embed (${mb(bytes.length)}; at most ${mb(IMAGE_LIMITS.maxDataBytes)}): ${shown}`);
  }
  const sniffed = sniffImage(bytes);
  if ('problem' in sniffed) return warn(...sniffWarning(sniffed, src));
  if (!DATA_TYPES.has(sniffed.mime)) return warn('image-unreadable', `image data URL holds ${sniffed.mime}, not embedded (PNG, JPEG, GIF or SVG only): ${shown}`);
  return { probe: { path: storeImageBytes(bytes, sniffed.ext), width: sniffed.width, height: sniffed.height, mime: sniffed.mime } };
}

function within(file: string, dir: string): boolean {
  return file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

/** The `--allow-path` folders as real paths; one that does not exist allows nothing. */
function allowedFolders(allow: InputAllowances): string[] {
  const out: string[] = [];
  for (const dir of allow.paths ?? []) {
    try {
      out.push(realpathSync(dir));
    } catch {
      /* nothing to allow */
    }
  }
  return out;
}

export function mb(bytes: number): string {
  return `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`;
}
