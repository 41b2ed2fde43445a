/** The zip writer: parts round-trip, content types first, stored when asked, and repeated texts deflated once. */
import { describe, expect, it } from 'vitest';
import { partText, readParts, writeParts, type DeflatedTexts, type Parts } from '../../src/render/pptx/zip-parts.js';

const THEME = `<?xml version="1.0"?><a:theme xmlns:a="urn:a">${'<a:clr val="1F4E79"/>'.repeat(200)}</a:theme>`;
const workbook = (values: number[]): Parts =>
  new Map<string, Uint8Array | string>([
    ['xl/theme/theme1.xml', THEME],
    ['[Content_Types].xml', '<Types xmlns="urn:t"/>'],
    ['xl/worksheets/sheet1.xml', `<worksheet>${values.map((v) => `<c><v>${v}</v></c>`).join('')}</worksheet>`],
    ['xl/media/pixel.png', new Uint8Array([137, 80, 78, 71, 1, 2, 3])],
  ]);

/** The compression method of each entry, from the zip's central directory (0 stored, 8 deflated). */
function methods(zip: Buffer): Record<string, number> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const out: Record<string, number> = {};
  let at = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
    const nameLength = zip.readUInt16LE(at + 28);
    out[zip.toString('utf8', at + 46, at + 46 + nameLength)] = zip.readUInt16LE(at + 10);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

describe('writeParts', () => {
  it('round-trips every part, content types first, pictures stored and text deflated', () => {
    const parts = workbook([1, 2, 3]);
    const zip = writeParts(parts);
    const back = readParts(zip);
    expect([...back.keys()][0]).toBe('[Content_Types].xml');
    for (const [name, part] of parts) expect(partText(back.get(name)!), name).toBe(partText(part));
    expect(methods(zip)).toEqual({ '[Content_Types].xml': 8, 'xl/theme/theme1.xml': 8, 'xl/worksheets/sheet1.xml': 8, 'xl/media/pixel.png': 0 });
  });

  it('stores every part when asked, for a zip made only to be read back', () => {
    const zip = writeParts(workbook([4]), { stored: true });
    expect(Object.values(methods(zip))).toEqual([0, 0, 0, 0]);
    expect(partText(readParts(zip).get('xl/worksheets/sheet1.xml')!)).toContain('<v>4</v>');
  });

  it('deflates a text repeated across zips once, into the same bytes', () => {
    const deflated: DeflatedTexts = new Map();
    const books = [[1], [2, 3], [4, 5, 6]].map(workbook);
    const shared = books.map((b) => writeParts(b, { deflated }));
    const alone = books.map((b) => writeParts(b));
    shared.forEach((zip, i) => expect(zip.equals(alone[i]), `workbook ${i}`).toBe(true));
    // The theme and the content types once, and each sheet: never the picture, which is stored.
    expect(deflated.size).toBe(2 + books.length);
  });
});
