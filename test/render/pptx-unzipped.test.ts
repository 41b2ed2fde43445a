/**
 * pptxgenjs's parts are taken from JSZip as it holds them, not read through its workers: they must
 * be exactly what JSZip itself reads back, text and bytes alike.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { PptxGen } from '../../src/render/pptx/pptxgen.js';
import { partsOf, pptxgenParts, UNZIPPED } from '../../src/render/pptx/unzipped.js';
import { partText, readParts } from '../../src/render/pptx/zip-parts.js';

const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Every file as JSZip's own reading gives it: XML as text, anything else as bytes. */
async function readByJszip(zip: JSZip): Promise<Map<string, string | Uint8Array>> {
  const out = new Map<string, string | Uint8Array>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir) out.set(name, /\.(xml|rels)$/.test(name) ? await file.async('string') : await file.async('uint8array'));
  }
  return out;
}

async function expectSameAsJszip(zip: JSZip) {
  const taken = await partsOf(zip);
  const read = await readByJszip(zip);
  expect([...taken.keys()]).toEqual([...read.keys()]);
  for (const [name, part] of taken) {
    const theirs = read.get(name)!;
    if (typeof theirs === 'string') expect(part, name).toBe(theirs);
    else expect(Buffer.from(part as Uint8Array).equals(Buffer.from(theirs)), name).toBe(true);
  }
  return taken;
}

function presentation() {
  const pres = new PptxGen();
  pres.title = 'Übersicht — 季度报告';
  const slide = pres.addSlide();
  slide.addText('Straße, café, 東京, مرحبا, 🚀 & <tags>', { x: 0.5, y: 0.5, w: 6, h: 1 });
  slide.addImage({ data: `image/png;base64,${PIXEL}`, x: 1, y: 2, w: 1, h: 1 });
  slide.addChart(pres.ChartType.bar, [{ name: 'Revenue', labels: ['Q1', 'Q2'], values: [4.2, 5.1] }], { x: 3, y: 2, w: 4, h: 3 });
  slide.addNotes('Notes with “quotes”');
  return pres;
}

describe('parts taken from JSZip', () => {
  it("are what JSZip reads back from pptxgenjs's presentation: text, a picture and a chart's workbook", async () => {
    const zip = (await presentation().write({ outputType: UNZIPPED as 'nodebuffer' })) as unknown as JSZip;
    const parts = await expectSameAsJszip(zip);
    expect([...parts.keys()].filter((n) => /^ppt\/media\/|\.xlsx$/.test(n))).toHaveLength(2);
  });

  it('are what JSZip reads back however a file was given: text, bytes, base64, a binary string, a promise', async () => {
    const zip = new JSZip();
    zip.file('a.xml', '<a>Grüße 🚀</a>');
    zip.file('b.xml', new TextEncoder().encode('<b>given as bytes — é</b>'));
    zip.file('c.png', PIXEL, { base64: true });
    zip.file('d.bin', '\u00ff\u0001\u0080', { binary: true });
    zip.file('e.xml', Promise.resolve('<e>later</e>'));
    zip.file('f.xml', 'bytes in a string', { binary: true });
    zip.folder('empty');
    await expectSameAsJszip(zip);
  });

  it("holds each chart's workbook with the files pptxgenjs put in it, as JSZip would have zipped them", async () => {
    const workbookOf = (parts: Map<string, string | Uint8Array>) => {
      const name = [...parts.keys()].find((n) => n.endsWith('.xlsx'))!;
      return readParts(parts.get(name) as Uint8Array);
    };
    const ours = workbookOf(await pptxgenParts(presentation()));
    const zip = (await presentation().write({ outputType: UNZIPPED as 'nodebuffer' })) as unknown as JSZip;
    const jszips = workbookOf(await partsOf(zip));
    expect([...ours.keys()]).toEqual([...jszips.keys()]);
    expect([...ours.keys()]).toContain('xl/worksheets/sheet1.xml');
    // Created and modified stamp the second each was written.
    const unstamped = (part: string | Uint8Array) => partText(part).replace(/<dcterms:(created|modified)[^<]*<\/dcterms:\1>/g, '');
    for (const [name, bytes] of ours) expect(unstamped(bytes), name).toBe(unstamped(jszips.get(name)!));
  });
});
