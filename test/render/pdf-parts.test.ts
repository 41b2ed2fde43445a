/**
 * A long document prints in parts and is merged into one PDF. The reader must not be able to tell:
 * the same pages with the same words, page numbers that run on across parts, one outline, contents
 * links that land on their sections, and a tagged file. Here a small report prints in parts of a few
 * pages and is compared with the same report printed whole.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { planFile, type PlannedReport } from '../../src/pipeline.js';
import { RENDERERS, type RenderInput } from '../../src/render/registry.js';
import { BrowserSession } from '../../src/browser/session.js';
import { hasBrowser } from '../helpers/browser.js';
import { hasPoppler, pdfInfo, pdfOutline, pdfText } from '../helpers/pdf.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('briefdeck-parts-');
const report = path.join(dir, 'network-review.md');
const topics = ['Depots', 'Fleet', 'Routes', 'Staffing', 'Returns', 'Safety', 'Energy', 'Customers', 'Suppliers'];
writeFileSync(
  report,
  [
    '---\ntitle: Network Review 2026\nauthor: Planning Office\ndate: 2026-11-02\n---',
    '# Network Review 2026',
    ...topics.map(
      (t, i) =>
        `## ${i + 1}. ${t}\n\n${t} changed more this year than in the three before it. The planning office compared every site against its own plan and against the network median, then asked each site manager to explain the largest gap. ${t} in the north ran ahead of plan from the second quarter, while the south caught up only after the autumn changes.\n\n- ${t}: the largest gap closed by October.\n- Two sites still report by hand.\n- A shared dashboard replaces the monthly spreadsheet in January.`,
    ),
    'The network ends the year ahead of plan; the work for next year is to keep the gains where they were hardest won.',
  ].join('\n\n'),
);

const canPrint = hasBrowser && hasPoppler;
type Format = 'pdf' | 'handout' | 'notes' | 'briefing';
const FORMATS: Format[] = ['pdf', 'handout', 'notes', 'briefing'];
const whole = {} as Record<Format, string>;
const inParts = {} as Record<Format, string>;
let planned: PlannedReport;
/** Per render: how often it said it needs the browser no more, and whether it asked for it after. */
const donePrinting: Array<{ render: string; calls: number; askedAfter: boolean }> = [];

describe.skipIf(!canPrint)('documents printed in parts', () => {
  const session = new BrowserSession();
  beforeAll(async () => {
    planned = await planFile(report);
    const input = (render: string, pagesPerPart?: number): RenderInput => {
      const signal = { render, calls: 0, askedAfter: false };
      donePrinting.push(signal);
      return {
        ...planned,
        baseDir: dir,
        file: report,
        version: 'test',
        paper: 'a4',
        perPage: 3,
        browser: () => {
          if (signal.calls) signal.askedAfter = true;
          return session.browser();
        },
        donePrinting: () => signal.calls++,
        warn: () => undefined,
        pagesPerPart,
      };
    };
    for (const format of FORMATS) {
      const renderer = await RENDERERS[format]();
      whole[format] = path.join(dir, `whole${renderer.extension}`);
      inParts[format] = path.join(dir, `parts${renderer.extension}`);
      writeFileSync(whole[format], await renderer.render(input(`${format} whole`)));
      // The briefing is cut by size, slides, sheets and notes pages by count: parts of a few pages.
      writeFileSync(inParts[format], await renderer.render(input(`${format} in parts`, format === 'briefing' ? 2 : 4)));
    }
  }, 180_000);
  afterAll(() => session.close());

  it('prints the slides and the handout page for page as the whole document', () => {
    expect(planned.deck.slides.length).toBeGreaterThan(12);
    for (const format of ['pdf', 'handout'] as Format[]) {
      const pages = pdfInfo(whole[format]).pages;
      expect(pdfInfo(inParts[format]).pages, format).toBe(pages);
      // Handout pages say "Page x of y" with the whole handout's count, in every part.
      for (let p = 1; p <= pages; p++) expect(pdfText(inParts[format], p), `${format} page ${p}`).toBe(pdfText(whole[format], p));
    }
  });

  it('numbers notes pages on across parts', () => {
    const pages = pdfInfo(inParts.notes).pages;
    expect(pages).toBe(pdfInfo(whole.notes).pages);
    for (let p = 1; p <= pages; p++) {
      // Each part prints before the next is laid out, so the count of the whole is not known: "Page x".
      expect(pdfText(inParts.notes, p), `page ${p}`).toMatch(new RegExp(`\\bPage ${p}\\s*$`));
      expect(pdfText(inParts.notes, p).replace(/Page \d+\s*$/, '')).toBe(pdfText(whole.notes, p).replace(/Page \d+ of \d+\s*$/, ''));
    }
  });

  it('keeps one outline: the title, and every section below it, in order', async () => {
    for (const format of ['pdf', 'briefing'] as Format[]) {
      expect(await pdfOutline(inParts[format]), format).toEqual(await pdfOutline(whole[format]));
      expect(await pdfOutline(inParts[format]), format).toEqual(expect.arrayContaining(topics.map((t, i) => expect.stringContaining(format === 'pdf' ? t : `${i + 1}. ${t}`))));
    }
    const doc = await PDFDocument.load(readFileSync(inParts.pdf), { updateMetadata: false });
    const root = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const top = root.lookup(PDFName.of('First'), PDFDict);
    expect(top.get(PDFName.of('Next'))).toBeUndefined();
  });

  it('sends each contents link of the briefing to the page its section starts on', async () => {
    const pages = pdfInfo(inParts.briefing).pages;
    expect(pages).toBeGreaterThan(pdfInfo(whole.briefing).pages - 1);
    const doc = await PDFDocument.load(readFileSync(inParts.briefing), { updateMetadata: false });
    const refs = doc.getPages().map((p) => p.ref);
    const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
    const targets: Array<{ section: number; page: number }> = [];
    for (const page of doc.getPages()) {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (let i = 0; i < (annots?.size() ?? 0); i++) {
        const name = annots!.lookup(i, PDFDict).get(PDFName.of('Dest'));
        const m = name instanceof PDFName ? /^\/section-(\d+)$/.exec(name.toString()) : null;
        if (!m) continue;
        const dest = dests.lookup(name as PDFName, PDFArray);
        targets.push({ section: Number(m[1]), page: refs.indexOf(dest.get(0) as never) + 1 });
      }
    }
    // The parts really split the briefing: its sections lie on several pages, and each link lands on its heading.
    expect(new Set(targets.map((t) => t.page)).size).toBeGreaterThan(2);
    for (const { section, page } of targets) {
      const topic = topics[section - 1];
      // The section starts on that page: its heading, or (when the heading was kept with the text on
      // the next page) its first words.
      const text = pdfText(inParts.briefing, page).replace(/\s+/g, ' ');
      expect([`${section}. ${topic}`, `${topic} changed more`].some((s) => text.includes(s)), `section-${section} on page ${page}`).toBe(true);
    }
    expect(targets.map((t) => t.section)).toEqual(topics.map((_, i) => i + 1));
  });

  it('tells the run once, after its last part, that the browser can close', () => {
    expect(donePrinting).toHaveLength(2 * FORMATS.length);
    for (const signal of donePrinting) expect(signal, signal.render).toMatchObject({ calls: 1, askedAfter: false });
  });

  it('runs the briefing page numbers on, and keeps every file tagged, titled and whole', () => {
    const pages = pdfInfo(inParts.briefing).pages;
    for (let p = 2; p <= pages; p++) expect(pdfText(inParts.briefing, p), `page ${p}`).toMatch(new RegExp(`\\bPage ${p}\\b`));
    for (const format of FORMATS) {
      const info = pdfInfo(inParts[format]);
      expect(info.tagged, format).toBe(true);
      expect(info.title, format).toBe('Network Review 2026');
      expect(info.author, format).toBe('Planning Office');
    }
  });
});
