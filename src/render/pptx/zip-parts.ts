/**
 * A zip package (the PPTX, or a chart's embedded workbook) as a map of its parts. fflate reads it and
 * lays out the archive; Node's own zlib deflates and checksums each part, through fflate's interface
 * for files compressed elsewhere. JSZip's stream of workers took five times as long on a 500-slide
 * deck, and fflate's JavaScript deflate twice as long as zlib's.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync, Zip, type ZipInputFile } from 'fflate';

/**
 * Part name → bytes, in the order the zip stored them, or → text (an XML part put right), encoded
 * only as it is zipped. Folder entries are left out.
 */
export type Parts = Map<string, Uint8Array | string>;

const CONTENT_TYPES = '[Content_Types].xml';
/** Already compressed: deflating them again costs time and saves nothing. */
const STORED = /\.(png|jpe?g|gif|xlsx)$/i;

export function readParts(bytes: Uint8Array | ArrayBuffer): Parts {
  const files = unzipSync(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  return new Map(Object.entries(files).filter(([name]) => !name.endsWith('/')));
}

export function partText(part: Uint8Array | string): string {
  return typeof part === 'string' ? part : Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('utf8');
}

/** Text parts already deflated, by their text: for zips that repeat parts word for word. */
export type DeflatedTexts = Map<string, { size: number; crc: number; data: Uint8Array<ArrayBuffer> }>;

/**
 * The package's bytes; its content types come first, where Office's own writers put them. `stored`
 * leaves every part uncompressed, for a zip that is only made to be read back; `deflated` is kept
 * and consulted across zips that repeat parts.
 */
export function writeParts(parts: Parts, { stored: storeAll = false, deflated }: { stored?: boolean; deflated?: DeflatedTexts } = {}): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const order = parts.has(CONTENT_TYPES) ? [CONTENT_TYPES, ...[...parts.keys()].filter((n) => n !== CONTENT_TYPES)] : [...parts.keys()];
  for (const name of order) {
    // Text is encoded one part at a time: the encoded XML of a huge deck is not all held at once.
    const part = parts.get(name)!;
    const stored = storeAll || STORED.test(name);
    const known = !stored && typeof part === 'string' ? deflated?.get(part) : undefined;
    if (known) {
      const file: ZipInputFile = { filename: name, size: known.size, crc: known.crc, compression: 8 };
      zip.add(file);
      file.ondata!(null, known.data, true);
      continue;
    }
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    const file: ZipInputFile = { filename: name, size: bytes.length, crc: crc32(bytes), compression: stored ? 0 : 8 };
    zip.add(file);
    // zlib hands back a view of a 16 KB buffer however small the part: copied to its own size, the
    // 20 000 parts of a 4800-slide deck hold 18 MB instead of 320 MB, which the process kept after.
    const data = stored ? new Uint8Array(bytes) : new Uint8Array(deflateRawSync(bytes, { level: 6 }));
    if (deflated && !stored && typeof part === 'string') deflated.set(part, { size: file.size!, crc: file.crc!, data });
    file.ondata!(null, data, true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

/** Every XML part (relationships included) as text. */
export function xmlParts(parts: Parts): Map<string, string> {
  const xml = new Map<string, string>();
  for (const [name, bytes] of parts) if (/\.(xml|rels)$/.test(name)) xml.set(name, partText(bytes));
  return xml;
}
