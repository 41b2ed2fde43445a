/**
 * Finding and sizing the images a report links to. Read only what sits inside the report's folder:
 * decks are passed around, and a deck must not carry off a file its author never meant to share.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { Diagnostic } from '../types/diagnostics.js';

export interface ImageProbe {
  /** Path relative to the report's folder. */
  path: string;
  width: number;
  height: number;
  mime: string;
}

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  avif: 'image/avif',
};

export function probeImage(
  src: string,
  baseDir: string,
  where: { file: string; line: number },
): { probe?: ImageProbe; diagnostic?: Diagnostic } {
  const warn = (code: string, message: string) => ({
    diagnostic: { level: 'warning' as const, code, message, file: where.file, line: where.line },
  });
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^file:/i.test(src)) {
    return warn('image-remote', `image not embedded (remote or non-file URL): ${src}`);
  }
  let rel = src.replace(/^file:(\/\/)?/i, '');
  try {
    rel = decodeURI(rel);
  } catch {
    /* keep as written */
  }
  const abs = path.resolve(baseDir, rel);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return warn('image-missing', `image not found: ${src}`);
  }
  const root = realpathSync(baseDir);
  if (real !== root && !real.startsWith(root + path.sep)) {
    return warn('image-outside', `image outside the report's folder not embedded: ${src}`);
  }
  try {
    if (!statSync(real).isFile()) return warn('image-missing', `image not found: ${src}`);
    const bytes = readFileSync(real);
    if (bytes.length === 0) return warn('image-unreadable', `image is empty: ${src}`);
    const size = imageSize(bytes);
    const mime = MIME[size.type ?? ''];
    if (!size.width || !size.height || !mime) return warn('image-unreadable', `image format not supported: ${src}`);
    return {
      probe: { path: path.relative(root, real).split(path.sep).join('/'), width: size.width, height: size.height, mime },
    };
  } catch {
    return warn('image-unreadable', `image could not be read: ${src}`);
  }
}
