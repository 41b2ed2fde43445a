/** Document properties reach the PDF whichever cross-reference layout the printer wrote. */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { setMetadata, type PdfMeta } from '../../src/render/pdf/metadata.js';

const META: PdfMeta = { title: 'Quarterly Review — Q3', author: 'Zoë Ångström', subject: 'Slides', keywords: ['Slides'], lang: 'de', creator: 'briefdeck test' };

async function pdfWith(objectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([960, 540]);
  doc.setTitle('Untitled');
  return doc.save({ useObjectStreams: objectStreams });
}

describe('PDF document properties', () => {
  it.each([
    ['a classic cross-reference table (as Chromium writes)', false],
    ['a cross-reference stream', true],
  ])('are set on a file with %s', async (_name, objectStreams) => {
    const out = await setMetadata(await pdfWith(objectStreams), META);
    const doc = await PDFDocument.load(out, { updateMetadata: false });
    expect(doc.getTitle()).toBe(META.title);
    expect(doc.getAuthor()).toBe(META.author);
    expect(doc.getCreator()).toBe(META.creator);
    expect(doc.getPageCount()).toBe(1);
  });
});
