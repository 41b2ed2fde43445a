/**
 * Pictures for PowerPoint: PNG, JPEG and GIF go in as they are; SVG (which Office before 2016 and
 * many viewers cannot show) and typeset math are rasterised with resvg at twice their drawn size.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Asset } from '../../types/deck.js';
import { typeset } from '../../math/typeset.js';
import { hex } from './units.js';
import { svgSelfContained } from '../picture.js';

type ResvgModule = typeof import('@resvg/resvg-js');
// A native module: loaded through a require of our own so bundlers leave it to Node at run time.
const nodeRequire = createRequire(import.meta.url);
let resvg: ResvgModule | undefined;

/** Device pixels per CSS px in rasterised pictures: sharp on a projector, small in the file. */
const DENSITY = 2;
const MAX_SIDE = 4096;

/**
 * Rasterised pictures by source and size: a formula or logo repeated on many slides (or in many
 * decks of a batch) is drawn once. Bounded, so a deck of many distinct pictures cannot grow it.
 */
const rasterised = new Map<string, Buffer>();
const RASTER_CACHE = 64;

export function svgToPng(svg: string | Buffer, widthPx: number, systemFonts: boolean): Buffer {
  const width = Math.max(1, Math.min(MAX_SIDE, Math.round(widthPx * DENSITY)));
  const key = `${width}:${systemFonts}:${typeof svg === 'string' ? svg : svg.toString('latin1')}`;
  const hit = rasterised.get(key);
  if (hit) return hit;
  resvg ??= nodeRequire('@resvg/resvg-js') as ResvgModule;
  const r = new resvg.Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: systemFonts } });
  const png = r.render().asPng();
  if (rasterised.size >= RASTER_CACHE) rasterised.delete(rasterised.keys().next().value!);
  rasterised.set(key, png);
  return png;
}

/** Image data as pptxgenjs takes it ("image/png;base64,…"). */
export type ImageData = string;

const AS_IS: Record<string, string> = { 'image/png': 'image/png', 'image/jpeg': 'image/jpeg', 'image/gif': 'image/gif' };

export type Picture = { data: ImageData } | { unsupported: string } | undefined;

/**
 * The picture of an asset drawn `widthPx` wide; undefined when the file is missing or unreadable,
 * `unsupported` for formats PowerPoint cannot show reliably (WebP, BMP).
 */
export function assetPicture(asset: Asset | undefined, baseDir: string, widthPx: number): Picture {
  if (!asset?.path || !asset.mime) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.resolve(baseDir, asset.path));
  } catch {
    return undefined;
  }
  if (asset.mime === 'image/svg+xml') {
    // resvg reads any file an SVG names; loadReport has already rasterised such SVGs safely, so one
    // met here came from a caller that skipped it, and is not drawn.
    if (!svgSelfContained(bytes)) return undefined;
    try {
      return { data: `image/png;base64,${svgToPng(bytes, widthPx, true).toString('base64')}` };
    } catch {
      return undefined;
    }
  }
  const mime = AS_IS[asset.mime];
  return mime ? { data: `${mime};base64,${bytes.toString('base64')}` } : { unsupported: asset.mime };
}

/** A display formula as a picture in the text colour (MathJax draws in `currentColor`). */
export function mathPicture(tex: string, widthPx: number, color: string): ImageData {
  const svg = typeset(tex, true).svg.replace(/currentColor/g, `#${hex(color)}`);
  return `image/png;base64,${svgToPng(svg, widthPx * 1.5, false).toString('base64')}`;
}
