/**
 * Pictures made for a test, honest and hostile: real PNGs and JPEGs drawn with sharp, and the broken
 * ones a report from a stranger may link to (cut short, garbled, misnamed, or a PNG whose header
 * claims 20 000 × 20 000 px).
 */
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A `width`×`height` picture like a chart: flat bands of colour and a diagonal, distinct per `seed`. */
export async function chartPng(width: number, height: number, seed = 0): Promise<Buffer> {
  const hue = (seed * 47) % 360;
  const bands = Array.from({ length: 6 }, (_, i) => `<rect x="${(i * width) / 6}" y="${height * (0.2 + 0.1 * ((i + seed) % 5))}" width="${width / 7}" height="${height}" fill="hsl(${(hue + i * 30) % 360},60%,50%)"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fafafa"/>${bands}<line x1="0" y1="${height}" x2="${width}" y2="0" stroke="#222" stroke-width="${Math.max(2, width / 400)}"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A photograph-like picture: smooth colour fields with fine grain, which PNG stores poorly. */
export async function photoPng(width: number, height: number, seed = 0): Promise<Buffer> {
  const small = Buffer.alloc(16 * 12 * 3);
  let x = seed * 2654435761 + 1;
  const rand = () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 255;
  for (let i = 0; i < small.length; i++) small[i] = rand();
  const grain = Buffer.alloc(width * height * 3);
  for (let i = 0; i < grain.length; i++) grain[i] = 120 + (rand() & 15);
  const base = await sharp(small, { raw: { width: 16, height: 12, channels: 3 } }).resize(width, height, { kernel: 'cubic' }).raw().toBuffer();
  for (let i = 0; i < base.length; i++) base[i] = Math.min(255, Math.round(base[i] * 0.9 + grain[i] * 0.1));
  return sharp(base, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 6 }).toBuffer();
}

export async function solidPng(width: number, height: number, colour: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();
}

export async function solidJpeg(width: number, height: number, colour: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).jpeg().toBuffer();
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG of the given header fields (bit depth, colour type) and uncompressed scanlines. */
function png(width: number, height: number, depth: number, colour: number, scanlines: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = depth;
  ihdr[9] = colour;
  const idat = deflateSync(scanlines, { level: 9 });
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A complete, valid black-and-white PNG of `width`×`height` px that is a few kilobytes on disk and
 * `width × height` pixels once decoded: a decompression bomb.
 */
export function bombPng(width: number, height: number): Buffer {
  return png(width, height, 1, 0, Buffer.alloc((1 + Math.ceil(width / 8)) * height));
}

/** A small grey RGB PNG, made without sharp: for tests that need a picture's bytes at once. */
export function greyPng(width: number, height: number): Buffer {
  const row = width * 3 + 1;
  const scanlines = Buffer.alloc(row * height, 0x7f);
  // Each scanline starts with its filter type: none.
  for (let y = 0; y < height; y++) scanlines[y * row] = 0;
  return png(width, height, 8, 2, scanlines);
}

/** Bytes that are no picture at all (NULs among them, as in any binary), the same every run for a seed. */
export function noise(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

/** Pixel size and format of a picture, read by decoding it. */
export async function pictureInfo(bytes: Buffer): Promise<{ width: number; height: number; format: string }> {
  const m = await sharp(bytes).metadata();
  return { width: m.width!, height: m.height!, format: m.format! };
}
