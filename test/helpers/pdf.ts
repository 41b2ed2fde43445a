/**
 * Reading PDFs back as a user's tools would: poppler's pdfinfo, pdftotext and pdffonts (Debian
 * `poppler-utils`), and pdf-lib for the outline and the link annotations. In CI a missing tool fails
 * the run; on a developer's machine the PDF tests are skipped with a message.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';

const TOOLS = ['pdfinfo', 'pdftotext', 'pdffonts'];
const missing = TOOLS.filter((t) => spawnSync(t, ['-v']).error);

if (missing.length && process.env.CI) {
  throw new Error(`CI: ${missing.join(', ')} not found (install the Debian package "poppler-utils"); PDF tests must not be skipped in CI`);
}
export const hasPoppler = missing.length === 0;
if (!hasPoppler) console.warn(`skipping PDF read-back tests: ${missing.join(', ')} not installed (apt-get install poppler-utils)`);

function run(tool: string, args: string[]): string {
  const r = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

export interface PdfInfo {
  pages: number;
  title: string;
  author: string;
  tagged: boolean;
  /** Size of page 1 in points, rounded. */
  width: number;
  height: number;
}

export function pdfInfo(file: string): PdfInfo {
  const out = run('pdfinfo', ['-enc', 'UTF-8', file]);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(out)?.[1].trim() ?? '';
  const size = /^Page size:\s*([\d.]+) x ([\d.]+)/m.exec(out)!;
  return {
    pages: Number(field('Pages')),
    title: field('Title'),
    author: field('Author'),
    tagged: field('Tagged') === 'yes',
    width: Math.round(Number(size[1])),
    height: Math.round(Number(size[2])),
  };
}

/** Sizes of every page, in points, rounded. */
export function pageSizes(file: string): Array<[number, number]> {
  const out = run('pdfinfo', ['-f', '1', '-l', '100000', file]);
  return [...out.matchAll(/^Page\s+\d+ size:\s*([\d.]+) x ([\d.]+)/gm)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
}

/** The text of one page (1-based), or of the whole document. */
export function pdfText(file: string, page?: number): string {
  return run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', file, '-']);
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim());
  // Columns: name, type (may contain spaces), encoding, emb, sub, uni, object, id.
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    return { name: cols[0], embedded: cols[cols.length - 5] === 'yes' };
  });
}

async function load(file: string): Promise<PDFDocument> {
  return PDFDocument.load(readFileSync(file), { updateMetadata: false });
}

const text = (v: unknown) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : '');

/** Every bookmark of the outline, depth first. */
export async function pdfOutline(file: string): Promise<string[]> {
  const doc = await load(file);
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const titles: string[] = [];
  const walk = (first: PDFDict | undefined) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      titles.push(text(item.lookup(PDFName.of('Title'))));
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(root?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

/** The URI of every link annotation. */
export async function pdfLinks(file: string): Promise<string[]> {
  const doc = await load(file);
  const uris: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const a = annots!.lookupMaybe(i, PDFDict);
      const action = a?.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookup(PDFName.of('URI'));
      if (uri) uris.push(text(uri));
    }
  }
  return uris;
}
