/**
 * The document properties Chromium does not write. Chromium sets Title (from `<title>`), Producer and
 * the dates; a reader also looks for Author, Subject, Keywords, the document language and the
 * program that made the file.
 *
 * They are added as a PDF incremental update (ISO 32000-1 §7.5.6): a new Info dictionary and a new
 * catalog with /Lang are appended after Chromium's bytes, with a cross-reference section that points
 * back to the original. Nothing Chromium wrote is parsed or rewritten — the outline, the structure
 * tree of the tagged PDF and the link annotations stay byte for byte — and the cost does not grow with
 * the document: rewriting a 400-page print with pdf-lib took a second, this takes under a millisecond.
 */
import type { Deck } from '../../types/deck.js';

export interface PdfMeta {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  lang: string;
  creator: string;
}

export function metaFor(deck: Deck, version: string, kind: string): PdfMeta {
  const { title, subtitle, author, date } = deck.meta;
  return {
    title,
    author,
    subject: [subtitle, kind].filter(Boolean).join(' — '),
    keywords: [kind, ...(date ? [date] : [])],
    lang: deck.meta.lang,
    creator: `briefdeck ${version}`,
  };
}

/** A PDF text string: UTF-16BE with a byte-order mark, hex-encoded, so any script survives. */
export function pdfText(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

const LITERAL = String.raw`\((?:\\[\s\S]|[^\\)])*\)|<[0-9A-Fa-f\s]*>`;

/** The trailer, the cross-reference table and the objects of a PDF as Chromium (Skia) writes it. */
function readTail(pdf: Buffer): { trailer: string; startxref: number; size: number; offsetOf: (n: number) => number } {
  const tail = pdf.subarray(Math.max(0, pdf.length - 2048)).toString('latin1');
  const m = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(tail);
  if (!m) throw new Error('unexpected PDF layout: no classic trailer');
  const startxref = Number(m[2]);
  const size = Number(/\/Size\s+(\d+)/.exec(m[1])?.[1]);
  const head = pdf.subarray(startxref, startxref + 64).toString('latin1');
  const x = /^xref\s+0\s+(\d+)\s*\n/.exec(head);
  if (!x || Number(x[1]) !== size) throw new Error('unexpected PDF layout: cross-reference table');
  const entries = startxref + x[0].length;
  return {
    trailer: m[1],
    startxref,
    size,
    offsetOf: (n) => Number(pdf.subarray(entries + n * 20, entries + n * 20 + 10).toString('latin1')),
  };
}

/** The dictionary text of object `n` (an uncompressed dictionary object, as Skia writes its catalog and Info). */
function objectDict(pdf: Buffer, offset: number, n: number): string {
  const text = pdf.subarray(offset, offset + 8192).toString('latin1');
  const m = new RegExp(`^${n}\\s+0\\s+obj\\s*<<([\\s\\S]*)>>\\s*endobj`).exec(text.slice(0, text.indexOf('endobj') + 6));
  if (!m) throw new Error(`unexpected PDF layout: object ${n}`);
  return m[1];
}

/**
 * The properties set by an incremental update; should a future Chromium write a layout that update
 * does not expect (cross-reference streams), pdf-lib rewrites the file instead — slower, same result.
 */
export async function setMetadata(pdf: Uint8Array, meta: PdfMeta): Promise<Buffer> {
  try {
    return appendMetadata(pdf, meta);
  } catch {
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    doc.setTitle(meta.title);
    if (meta.author) doc.setAuthor(meta.author);
    if (meta.subject) doc.setSubject(meta.subject);
    if (meta.keywords?.length) doc.setKeywords(meta.keywords);
    doc.setCreator(meta.creator);
    doc.setLanguage(meta.lang);
    return Buffer.from(await doc.save());
  }
}

export function appendMetadata(pdf: Uint8Array, meta: PdfMeta): Buffer {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const { trailer, startxref, size, offsetOf } = readTail(bytes);
  const root = Number(/\/Root\s+(\d+)\s+0\s+R/.exec(trailer)?.[1]);
  const infoRef = /\/Info\s+(\d+)\s+0\s+R/.exec(trailer);
  const catalog = objectDict(bytes, offsetOf(root), root);

  // Keep what Chromium knows (producer, dates); replace what we know better.
  const old = infoRef ? objectDict(bytes, offsetOf(Number(infoRef[1])), Number(infoRef[1])) : '';
  const kept = ['Producer', 'CreationDate', 'ModDate']
    .map((k) => new RegExp(`/${k}\\s*(${LITERAL})`).exec(old))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => m[0]);
  const info = [
    `/Title ${pdfText(meta.title)}`,
    meta.author ? `/Author ${pdfText(meta.author)}` : '',
    meta.subject ? `/Subject ${pdfText(meta.subject)}` : '',
    meta.keywords?.length ? `/Keywords ${pdfText(meta.keywords.join(', '))}` : '',
    `/Creator ${pdfText(meta.creator)}`,
    ...kept,
  ].filter(Boolean);

  const lang = `/Lang ${pdfText(meta.lang)}`;
  const newCatalog = /\/Lang\s/.test(catalog) ? catalog : `${catalog}\n${lang}`;

  const infoNum = size;
  const chunks: string[] = ['\n'];
  let at = bytes.length + 1;
  const offsets: Array<[number, number]> = [];
  const add = (n: number, body: string) => {
    const text = `${n} 0 obj\n<<${body}>>\nendobj\n`;
    offsets.push([n, at]);
    chunks.push(text);
    at += Buffer.byteLength(text, 'latin1');
  };
  add(root, newCatalog);
  add(infoNum, info.join('\n'));
  const xref = ['xref', '0 1', '0000000000 65535 f '];
  for (const [n, off] of offsets.sort((a, b) => a[0] - b[0])) xref.push(`${n} 1`, `${String(off).padStart(10, '0')} 00000 n `);
  const id = /\/ID\s*\[[^\]]*\]/.exec(trailer)?.[0] ?? '';
  chunks.push(
    `${xref.join('\n')}\ntrailer\n<</Size ${infoNum + 1}\n/Root ${root} 0 R\n/Info ${infoNum} 0 R\n/Prev ${startxref}${id ? `\n${id}` : ''}>>\nstartxref\n${at}\n%%EOF\n`,
  );
  return Buffer.concat([bytes, Buffer.from(chunks.join(''), 'latin1')]);
}
