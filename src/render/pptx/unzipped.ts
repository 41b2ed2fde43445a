/**
 * pptxgenjs's parts, unzipped. It hands every part to a JSZip object and zips them; we then rewrite
 * every part and zip the package once more, so its zip was made only to be read back: on a
 * 4800-slide deck two seconds, and some 130 MB that Node's allocator kept for the rest of the run.
 * Asked for this one output type, JSZip hands back the JSZip object itself; any other call to it,
 * ours or anyone's, is JSZip's own.
 */
import JSZip from 'jszip';
import jszipBase64 from 'jszip/lib/base64.js';
import type { Presentation } from './pptxgen.js';
import { writeParts, type Parts } from './zip-parts.js';

// pptxgenjs hands JSZip its pictures and workbooks in base64, which JSZip decodes in JavaScript:
// 60 ms for those of 200 sections, where Node's own decoder takes a few. Anything else (a data URL
// JSZip refuses, input that is not text) still goes to JSZip's.
const decode = jszipBase64.decode;
jszipBase64.decode = (input: string) => {
  if (typeof input !== 'string' || input.startsWith('data:')) return decode(input);
  const bytes = Buffer.from(input, 'base64');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};

/** The output type that hands back the JSZip object unzipped. */
export const UNZIPPED = 'briefdeck-unzipped';

/**
 * pptxgenjs zips each chart's workbook with JSZip, in base64, for the package step to unzip and
 * rebuild: JSZip's workers take about 3 ms a workbook, 100 ms for the 33 charts of 200 sections.
 * While pptxgenjs writes, a zip it asks for in base64 with no other option is laid out by
 * writeParts instead: the same files, stored as JSZip stores them by default.
 */
let pptxgenWriting = 0;

const generate = JSZip.prototype.generateAsync;
JSZip.prototype.generateAsync = function (this: JSZip, options?: { type?: string }, ...rest: unknown[]) {
  if (options?.type === UNZIPPED) return Promise.resolve(this);
  if (pptxgenWriting && options?.type === 'base64' && Object.keys(options).length === 1 && !rest.length) {
    return partsOf(this).then((parts) => writeParts(parts, { stored: true }).toString('base64'));
  }
  return (generate as (...args: unknown[]) => Promise<unknown>).call(this, options, ...rest);
} as typeof generate;

/** The parts pptxgenjs wrote, in its order: XML as text, pictures and workbooks as bytes. */
export async function pptxgenParts(pres: Presentation): Promise<Parts> {
  pptxgenWriting++;
  const zip = await pres.write({ outputType: UNZIPPED as 'nodebuffer' }).finally(() => pptxgenWriting--);
  // pptxgenjs resolving another copy of JSZip than this module would zip as before: say so plainly.
  if (!(zip instanceof JSZip)) throw new Error('pptxgenjs uses another copy of jszip than briefdeck; reinstall so that npm shares one');
  return partsOf(zip);
}

/** A JSZip object's files as parts: XML as text, anything else as bytes. */
export async function partsOf(zip: JSZip): Promise<Parts> {
  const parts: Parts = new Map();
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    parts.set(name, await contentOf(file, /\.(xml|rels)$/.test(name)));
  }
  return parts;
}

/** What JSZip holds for a part it was given: a promise of the text, or of the bytes base64 decodes to. */
interface HeldPart {
  _data?: unknown;
  _dataBinary?: boolean;
}

/**
 * A part's content, taken as JSZip holds it. Read through `async()`, JSZip streams every part
 * through its workers, encoding the text to UTF-8 and back, one event-loop turn at a time: 45 ms
 * for the 2000 parts of 200 sections. Anything held another way is read through `async()`.
 */
async function contentOf(file: JSZip.JSZipObject, text: boolean): Promise<string | Uint8Array> {
  const { _data, _dataBinary } = file as unknown as HeldPart;
  const held = await _data;
  if (text && typeof held === 'string' && _dataBinary === false) return held;
  if (!text && held instanceof Uint8Array) return held;
  return text ? file.async('string') : file.async('uint8array');
}
