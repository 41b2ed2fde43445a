/**
 * A long document is printed by Chromium in parts and the parts merged into one PDF. Three small
 * documents are printed as the project prints (tagged, with an outline), merged, and the result read
 * back as a reader would: the pages and their text in order, the bookmarks, the table of contents'
 * links landing on the headings of the other parts, the web links, and one sound structure tree.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { mergePdfs, type PdfPart } from '../../src/render/pdf/merge.js';
import { appendMetadata } from '../../src/render/pdf/metadata.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { hasPoppler, pdfInfo, pdfLinks, pdfOutline, pdfText } from '../helpers/pdf.js';
import { tempDir } from '../helpers/tmp.js';

const canPrint = hasBrowser && hasPoppler;
if (!hasBrowser) console.warn('skipping PDF merge tests: no Chromium found (apt-get install chromium, or set CHROME_PATH)');
const hasQpdf = !spawnSync('qpdf', ['--version']).error;

const N = (name: string) => PDFName.of(name);
const PAGE = '@page { size: 420px 300px; margin: 24px } body { font: 16px serif } h2 { break-before: page }';
const doc = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Merged report</title><style>${PAGE}</style></head><body>${body}</body></html>`;
/**
 * Chromium writes a named destination only for an id some link in the same document points to: a
 * part links, unseen, to the ids it owns. Ids linked from other parts get a stand-in in part 1.
 */
const hiddenLinks = (...ids: string[]) => ids.map((id) => `<a href="#${id}" style="display:none"></a>`).join('');

/** Part 1: a contents page whose links lead into parts 2 and 3, and a section of its own. */
const PART1 = doc(
  `<h1>Contents</h1>
  <p><a href="#s-1">Alpha</a>, <a href="#s-2">Beta</a>, <a href="#café x">Café</a>, <a href="#s-3">Delta</a></p>
  <h2 id="s-1">Alpha section</h2><p>Alpha body text.</p>
  <span id="s-2"></span><span id="café x"></span><span id="s-3"></span>`,
);
/** Part 2: two sections, one with a nested heading, a web link, and an id (not owned by anyone) part 3 also has. */
const PART2 = doc(
  `${hiddenLinks('s-2', 'café x')}
  <h2 id="s-2">Beta section</h2><p>Beta body with <a href="https://example.com/beta">the beta site</a>.</p>
  <h3>Beta detail</h3><p id="shared">Shared in beta. <a href="#shared">again</a></p>
  <h2 id="café x">Café section</h2><p>Café body text.</p>`,
);
/** Part 3: a web link and a link within the part. */
const PART3 = doc(
  `${hiddenLinks('s-3')}
  <h2 id="s-3">Delta section</h2><p>Delta body with <a href="https://example.com/delta?x=1&amp;y=2">the delta site</a> and <a href="#s-3b">the next</a>.</p>
  <p id="shared">Shared in delta. <a href="#shared">again</a></p>
  <h2 id="s-3b">Epsilon section</h2><p>Epsilon body text.</p>`,
);

const OUTLINE = ['Contents', 'Alpha section', 'Beta section', 'Beta detail', 'Café section', 'Delta section', 'Epsilon section'];

async function print(browser: Browser, html: string, outline = true): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    // The options of src/render/pdf/print.ts.
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline });
  } finally {
    await page.close();
  }
}

/** A number tree's entries (flat /Nums or /Kids below). */
function numberTree(node: PDFDict | undefined): Map<number, PDFObject> {
  const out = new Map<number, PDFObject>();
  const walk = (n: PDFDict) => {
    const nums = n.lookupMaybe(N('Nums'), PDFArray);
    for (let i = 0; i + 1 < (nums?.size() ?? 0); i += 2) out.set((nums!.get(i) as PDFNumber).asNumber(), nums!.get(i + 1));
    const kids = n.lookupMaybe(N('Kids'), PDFArray);
    for (let i = 0; i < (kids?.size() ?? 0); i++) walk(kids!.lookup(i, PDFDict));
  };
  if (node) walk(node);
  return out;
}

/** Every structure element below the root (by its ref), and every direct kid dictionary (OBJR, MCR). */
function structElements(pdf: PDFDocument): { elems: Map<PDFRef, PDFDict>; objrs: PDFDict[] } {
  const root = pdf.catalog.lookup(N('StructTreeRoot'), PDFDict);
  const elems = new Map<PDFRef, PDFDict>();
  const objrs: PDFDict[] = [];
  const visit = (k: PDFObject | undefined) => {
    if (k instanceof PDFArray) return k.asArray().forEach(visit);
    if (k instanceof PDFRef) {
      expect(elems.has(k), `${k} reached twice`).toBe(false);
      const e = pdf.context.lookup(k, PDFDict);
      elems.set(k, e);
      return visit(e.get(N('K')));
    }
    if (k instanceof PDFDict) objrs.push(k);
  };
  visit(root.get(N('K')));
  return { elems, objrs };
}

const pageRefs = (pdf: PDFDocument) => pdf.getPages().map((p) => p.ref);

/** The page index a named destination's link leads to. */
function destPage(pdf: PDFDocument, name: PDFName): number {
  const dest = pdf.catalog.lookup(N('Dests'), PDFDict).lookup(name, PDFArray);
  return pageRefs(pdf).indexOf(dest.get(0) as PDFRef);
}

/** Each internal link: the page it is on, its destination name as Chromium wrote it, and the page it leads to. */
function internalLinks(pdf: PDFDocument): Array<{ from: number; name: string; to: number }> {
  const links: Array<{ from: number; name: string; to: number }> = [];
  pdf.getPages().forEach((page, from) => {
    const annots = page.node.lookupMaybe(N('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const dest = annots!.lookup(i, PDFDict).get(N('Dest'));
      if (dest instanceof PDFName) links.push({ from, name: dest.decodeText(), to: destPage(pdf, dest) });
    }
  });
  return links;
}

describe.skipIf(!canPrint)('merging PDFs printed in parts', () => {
  const dir = tempDir('briefdeck-pdf-merge-');
  const file = (name: string) => path.join(dir, name);
  let close: (() => Promise<void>) | undefined;
  let parts: PdfPart[];
  let merged: PDFDocument;
  let sources: PDFDocument[];

  beforeAll(async () => {
    const launched = await launchBrowser();
    close = launched.close;
    const [p1, p2, p3, bare2, bare3] = [
      await print(launched.browser, PART1),
      await print(launched.browser, PART2),
      await print(launched.browser, PART3),
      await print(launched.browser, PART2, false),
      await print(launched.browser, PART3, false),
    ];
    parts = [
      { bytes: p1, ownDests: ['s-1'] },
      { bytes: p2, ownDests: ['s-2', 'café x'] },
      { bytes: p3, ownDests: ['s-3', 's-3b'] },
    ];
    parts.forEach((p, i) => writeFileSync(file(`part${i + 1}.pdf`), p.bytes));
    writeFileSync(file('merged.pdf'), await mergePdfs(parts));
    writeFileSync(file('bare.pdf'), await mergePdfs([{ bytes: bare2 }, { bytes: bare3 }]));
    merged = await PDFDocument.load(readFileSync(file('merged.pdf')), { updateMetadata: false });
    sources = await Promise.all(parts.map((p) => PDFDocument.load(p.bytes, { updateMetadata: false })));
  }, 60_000);
  afterAll(async () => close?.());

  it('returns a single part unchanged', async () => {
    const { bytes } = parts[0];
    expect(await mergePdfs([{ bytes, ownDests: ['s-1'] }])).toBe(bytes);
  });

  it('has every page of every part, in order, with its text', () => {
    const counts = parts.map((_, i) => pdfInfo(file(`part${i + 1}.pdf`)).pages);
    expect(counts).toEqual([2, 2, 2]);
    expect(pdfInfo(file('merged.pdf')).pages).toBe(6);
    // pdftotext ends each page with a form feed.
    const pagesOf = (f: string) => pdfText(file(f)).split('\f').slice(0, -1);
    const want = parts.flatMap((_, i) => pagesOf(`part${i + 1}.pdf`));
    const got = pagesOf('merged.pdf');
    expect(want).toHaveLength(6);
    expect(got).toEqual(want);
    expect(got.map((t) => t.trim().split('\n')[0])).toEqual(['Contents', 'Alpha section', 'Beta section', 'Café section', 'Delta section', 'Epsilon section']);
  });

  it('merges parts that arrive one after another as the same file as parts given at once', async () => {
    // As a long document prints: each part is ready a little after the one before.
    async function* arriving() {
      for (const part of parts) {
        await new Promise((r) => setTimeout(r, 20));
        yield part;
      }
    }
    const streamed = file('streamed.pdf');
    writeFileSync(streamed, await mergePdfs(arriving()));
    expect(pdfText(streamed)).toBe(pdfText(file('merged.pdf')));
    expect(pdfInfo(streamed).pages).toBe(6);
    const pdf = await PDFDocument.load(readFileSync(streamed), { updateMetadata: false });
    expect(pdf.catalog.lookup(N('Dests'), PDFDict).entries().length).toBe(merged.catalog.lookup(N('Dests'), PDFDict).entries().length);
  });

  it('says when there is nothing to merge', async () => {
    await expect(mergePdfs([])).rejects.toThrow('no parts');
  });

  it('builds a balanced page tree when there are many pages', async () => {
    const many = file('many.pdf');
    writeFileSync(many, await mergePdfs(Array.from({ length: 18 }, (_, i) => ({ bytes: parts[i % 3].bytes }))));
    expect(pdfInfo(many).pages).toBe(36);
    const firstLines = pdfText(many).split('\f').slice(0, -1).map((t) => t.trim().split('\n')[0]);
    expect(firstLines.slice(0, 12)).toEqual([...firstLines.slice(0, 6), ...firstLines.slice(0, 6)]);
    const pdf = await PDFDocument.load(readFileSync(many), { updateMetadata: false });
    // Each node counts the pages below it and is its kids' /Parent.
    const count = (ref: PDFRef): number => {
      const node = pdf.context.lookup(ref, PDFDict);
      if (node.get(N('Type')) === N('Page')) return 1;
      const kids = node.lookup(N('Kids'), PDFArray).asArray() as PDFRef[];
      for (const k of kids) expect(pdf.context.lookup(k, PDFDict).get(N('Parent'))).toBe(ref);
      const n = kids.reduce((s, k) => s + count(k), 0);
      expect((node.get(N('Count')) as PDFNumber).asNumber()).toBe(n);
      return n;
    };
    const root = pdf.catalog.get(N('Pages')) as PDFRef;
    expect(count(root)).toBe(36);
    expect(pdf.catalog.lookup(N('Pages'), PDFDict).lookup(N('Kids'), PDFArray).size()).toBeLessThan(36);
  });

  it('is a sound file: qpdf --check when installed, pdfinfo without complaint, pdf-lib reloads it, one page tree', () => {
    if (hasQpdf) expect(spawnSync('qpdf', ['--check', file('merged.pdf')], { encoding: 'utf8' }).status).toBe(0);
    for (const f of ['merged.pdf', 'bare.pdf']) {
      const r = spawnSync('pdfinfo', [file(f)], { encoding: 'utf8' });
      expect(r.status, f).toBe(0);
      expect(r.stderr, f).toBe('');
    }
    // No stray copies of pages, trees or catalogs from the parts.
    const types = new Map<string, number>();
    for (const [, obj] of merged.context.enumerateIndirectObjects()) {
      const type = obj instanceof PDFDict ? obj.get(N('Type')) : undefined;
      if (type instanceof PDFName) types.set(type.decodeText(), (types.get(type.decodeText()) ?? 0) + 1);
    }
    expect(types.get('Page')).toBe(6);
    expect(types.get('Catalog')).toBe(1);
    expect(types.get('StructTreeRoot')).toBe(1);
    expect(types.get('Outlines')).toBe(1);
    for (const page of merged.getPages()) {
      expect(page.node.get(N('Parent'))).toBeInstanceOf(PDFRef);
      const { width, height } = page.getSize();
      expect([Math.round(width), Math.round(height)]).toEqual([315, 225]);
      expect(page.node.Resources()?.lookupMaybe(N('Font'), PDFDict)).toBeDefined();
    }
  });

  it('keeps the document properties and adds later metadata as an incremental update', () => {
    const info = pdfInfo(file('merged.pdf'));
    expect(info.title).toBe('Merged report');
    expect(info.tagged).toBe(true);
    expect(merged.catalog.lookup(N('Lang'))?.toString()).toBe('(en)');
    expect(merged.catalog.lookup(N('ViewerPreferences'), PDFDict).get(N('DisplayDocTitle'))?.toString()).toBe('true');
    // The metadata step expects one classic cross-reference table.
    const updated = file('merged-meta.pdf');
    writeFileSync(updated, appendMetadata(readFileSync(file('merged.pdf')), { title: 'Final title', author: 'Desk', lang: 'en', creator: 'briefdeck test' }));
    expect(pdfInfo(updated)).toMatchObject({ title: 'Final title', author: 'Desk', pages: 6, tagged: true });
  });

  it('lists every part’s headings in the outline, nested as printed, with consistent links', async () => {
    expect(await pdfOutline(file('merged.pdf'))).toEqual(OUTLINE);
    const root = merged.catalog.lookup(N('Outlines'), PDFDict);
    // Every item's /Parent, /Prev, /Next, /First, /Last agree; /Count of the root is every item shown.
    let shown = 0;
    const check = (parentRef: PDFObject, parent: PDFDict, depth: number): string[] => {
      const titles: string[] = [];
      let prev: PDFObject | undefined;
      let ref = parent.get(N('First'));
      let last: PDFObject | undefined;
      for (; ref instanceof PDFRef; ref = merged.context.lookup(ref, PDFDict).get(N('Next'))) {
        const item = merged.context.lookup(ref, PDFDict);
        expect(item.get(N('Parent'))).toBe(parentRef);
        expect(item.get(N('Prev'))).toBe(prev);
        shown++;
        const kids = check(ref, item, depth + 1);
        const title = (item.lookup(N('Title')) as PDFString | PDFHexString).decodeText();
        titles.push(kids.length ? `${title}>${kids.join(',')}` : title);
        if (kids.length) expect(item.get(N('Count'))?.toString()).toBe(String(kids.length));
        // Each bookmark jumps to a page of the merged document.
        expect(pageRefs(merged)).toContain(item.lookup(N('Dest'), PDFArray).get(0));
        prev = ref;
        last = ref;
      }
      expect(parent.get(N('Last'))).toBe(last);
      return titles;
    };
    const rootRef = merged.catalog.get(N('Outlines'))!;
    expect(check(rootRef, root, 0)).toEqual(['Contents>Alpha section', 'Beta section>Beta detail', 'Café section', 'Delta section', 'Epsilon section']);
    expect((root.get(N('Count')) as PDFNumber).asNumber()).toBe(shown);
    expect(shown).toBe(OUTLINE.length);
    expect(await pdfOutline(file('bare.pdf'))).toEqual([]);
    const bare = await PDFDocument.load(readFileSync(file('bare.pdf')), { updateMetadata: false });
    expect(bare.catalog.get(N('Outlines'))).toBeUndefined();
  });

  it('sends the contents links to the headings in the other parts, and keeps the links within a part', () => {
    const links = internalLinks(merged);
    // Page 1 (index 0) is the contents page; the headings are on pages 2 to 6.
    expect(links.filter((l) => l.from === 0).map((l) => [l.name, l.to])).toEqual([
      ['s-1', 1],
      ['s-2', 2],
      ['caf%C3%A9%20x', 3],
      ['s-3', 4],
    ]);
    expect(links.find((l) => l.name === 's-3b')).toEqual({ from: 4, name: 's-3b', to: 5 });
    // An id no part owns comes from the first part that has it.
    expect(links.filter((l) => l.name === 'shared').map((l) => l.to)).toEqual([2, 2]);
  });

  it('keeps the web links', async () => {
    expect(await pdfLinks(file('merged.pdf'))).toEqual(['https://example.com/beta', 'https://example.com/delta?x=1&y=2']);
  });

  it('has one structure tree: the parts’ elements under one Document, every page and link keyed once in the parent tree', () => {
    const mark = merged.catalog.lookup(N('MarkInfo'), PDFDict);
    expect(mark.get(N('Marked'))?.toString()).toBe('true');
    const rootRef = merged.catalog.get(N('StructTreeRoot'));
    const root = merged.catalog.lookup(N('StructTreeRoot'), PDFDict);
    const parentTree = numberTree(root.lookup(N('ParentTree'), PDFDict));

    // The Document element holds the kids of every part's Document element, in order.
    const docRef = root.get(N('K')) as PDFRef;
    const docElem = merged.context.lookup(docRef, PDFDict);
    expect(docElem.get(N('S'))).toBe(N('Document'));
    expect(docElem.get(N('P'))).toBe(rootRef);
    const kids = docElem.lookup(N('K'), PDFArray).asArray() as PDFRef[];
    const partKids = sources.map((s) => {
      const top = s.catalog.lookup(N('StructTreeRoot'), PDFDict).lookup(N('K'), PDFDict);
      return top.lookup(N('K'), PDFArray).asArray().map((k) => s.context.lookup(k, PDFDict).get(N('S')));
    });
    expect(kids.map((k) => merged.context.lookup(k, PDFDict).get(N('S')))).toEqual(partKids.flat());
    for (const k of kids) expect(merged.context.lookup(k, PDFDict).get(N('P'))).toBe(docRef);

    // Every element and object reference is on a page of the page tree; none is reached twice.
    const pages = pageRefs(merged);
    const { elems, objrs } = structElements(merged);
    const sourceCount = sources.reduce((s, src) => s + structElements(src).elems.size, 0);
    // One Document element instead of one per part, and no element outside the tree.
    expect(elems.size).toBe(sourceCount - (sources.length - 1));
    const written = merged.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFDict && o.get(N('Type')) === N('StructElem'));
    expect(written).toHaveLength(elems.size);
    for (const e of [...elems.values(), ...objrs]) {
      const pg = e.get(N('Pg'));
      if (pg) expect(pages).toContain(pg);
    }
    for (const [ref, e] of elems) if (ref !== docRef) expect(elems.has(e.get(N('P')) as PDFRef) || e.get(N('P')) === docRef).toBe(true);

    // Keys: each page's /StructParents and each link's /StructParent once, each with its entry.
    const keys: number[] = [];
    merged.getPages().forEach((page) => {
      const key = (page.node.get(N('StructParents')) as PDFNumber).asNumber();
      keys.push(key);
      // The entry lists the elements whose content is on this very page.
      const entry = merged.context.lookup(parentTree.get(key)!, PDFArray);
      for (const e of entry.asArray()) expect(merged.context.lookup(e, PDFDict).get(N('Pg'))).toBe(page.ref);
      const annots = page.node.lookupMaybe(N('Annots'), PDFArray);
      for (let i = 0; i < (annots?.size() ?? 0); i++) {
        const annotRef = annots!.get(i);
        const key = (merged.context.lookup(annotRef, PDFDict).get(N('StructParent')) as PDFNumber).asNumber();
        keys.push(key);
        // The entry is the Link element whose object reference is this annotation.
        const link = merged.context.lookup(parentTree.get(key)!, PDFDict);
        expect(link.get(N('S'))).toBe(N('Link'));
        expect(link.lookup(N('K'), PDFArray).asArray().some((k) => k instanceof PDFDict && k.get(N('Obj')) === annotRef)).toBe(true);
      }
    });
    expect(new Set(keys).size).toBe(keys.length);
    expect([...parentTree.keys()].sort((a, b) => a - b)).toEqual([...keys].sort((a, b) => a - b));
    expect((root.get(N('ParentTreeNextKey')) as PDFNumber).asNumber()).toBe(Math.max(...keys) + 1);

    // The bookmarks' structure elements are in the tree.
    const outline = merged.catalog.lookup(N('Outlines'), PDFDict);
    const first = outline.lookup(N('First'), PDFDict);
    expect(elems.has(first.get(N('SE')) as PDFRef)).toBe(true);
  });
});
