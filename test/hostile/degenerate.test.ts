/**
 * Reports at the edges of what a report is — nothing at all, blanks, front matter alone, no headings,
 * a title alone, headings nested to the last level and past it, lists a dozen deep, a 400-character
 * word, a 25 000-word section, a 500-row table — each give a sound deck through the command line:
 * exit 0, every slide inside its box in Chromium, a strictly valid PPTX with every shape on the slide,
 * "(cont.)" slides where content was split, and the long word broken rather than sticking out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { briefdeck, type CliResult } from '../helpers/cli.js';
import { readPptx, shapesOutside } from '../helpers/pptx.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { layoutProblems, openDeck, revealSlideCount } from '../helpers/html-layout.js';
import { hasPoppler, pdfInfo } from '../helpers/pdf.js';
import { convertToPdf, libreOfficeMissing, pdfWords } from '../helpers/libreoffice.js';
import { tempDir } from '../helpers/tmp.js';
import { crashLines, hostile } from './support.js';

const dir = tempDir('briefdeck-degenerate-');

/** Words from a fixed seed: the same report on every run. */
function words(seed: number): () => string {
  const vocabulary = 'the depot volume rose after carriers moved inbound freight to night slots while regional pricing held and the backlog of claims fell as drivers logged fewer missed scans across northern routes'.split(' ');
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) >>> 0;
    return vocabulary[(x >>> 16) % vocabulary.length];
  };
}

function sentence(next: () => string, n: number): string {
  const s = Array.from({ length: n }, next).join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

/** One section of 25 000 words: half prose in paragraphs, half a single long list. */
function longSection(): string {
  const next = words(2027);
  const parts: string[] = [];
  let count = 0;
  while (count < 12_500) {
    const p = Array.from({ length: 6 }, (_, i) => sentence(next, 10 + ((count + i) % 9))).join(' ');
    parts.push(p);
    count += p.split(/\s+/).length;
  }
  const items: string[] = [];
  while (count < 25_000) {
    const s = sentence(next, 14 + (count % 7));
    items.push(`- ${s}`);
    count += s.split(/\s+/).length;
  }
  const file = path.join(dir, 'annual-narrative.md');
  writeFileSync(file, `# Annual Operations Narrative\n\n## 1. The year in full\n\n${parts.join('\n\n')}\n\n${items.join('\n')}\n`);
  return file;
}

function bigTable(): string {
  const next = words(500);
  const rows = Array.from({ length: 500 }, (_, i) => `| D${String(i + 1).padStart(3, '0')} | ${next()} ${next()} depot | ${(i * 7919) % 10_000} | ${((i * 37) % 1000) / 10}% |`);
  const file = path.join(dir, 'depot-census.md');
  writeFileSync(file, `# Depot Census\n\n## 1. Every depot\n\n| Code | Name | Parcels | Share |\n|---|---|--:|--:|\n${rows.join('\n')}\n`);
  return file;
}

function bomOnly(): string {
  const file = path.join(dir, 'bom-only.md');
  writeFileSync(file, Buffer.from([0xef, 0xbb, 0xbf]));
  return file;
}

interface Case {
  name: string;
  file: () => string;
  /** Also print the slides PDF. */
  pdf?: boolean;
  /** Content was split: "(cont.)" slides expected. */
  continued?: boolean;
}

const CASES: Case[] = [
  { name: 'an empty file', file: () => hostile('empty.md') },
  { name: 'a file of spaces, tabs and newlines', file: () => hostile('blank.md') },
  { name: 'a file holding only a UTF-8 BOM', file: bomOnly },
  { name: 'front matter only', file: () => hostile('front-matter-only.md') },
  { name: 'no headings at all', file: () => hostile('no-headings.md') },
  { name: 'a title only', file: () => hostile('title-only.md') },
  { name: 'headings nested 1 to 6, then seven to nine #', file: () => hostile('deep-headings.md') },
  { name: 'lists nested twelve levels', file: () => hostile('nested-lists.md') },
  { name: 'a 400-character unbroken word', file: () => hostile('long-word.md') },
  { name: 'a 25 000-word section', file: longSection, pdf: true, continued: true },
  { name: 'a 500-row table', file: bigTable, pdf: true, continued: true },
];

interface Built {
  file: string;
  result: CliResult;
  html: string;
  pptx: string;
  pdf?: string;
  slides: number;
}
const built = new Map<string, Built>();
const printPdf = hasBrowser && hasPoppler;

beforeAll(() => {
  CASES.forEach((c, i) => {
    const file = c.file();
    const out = path.join(dir, `out-${i}`);
    const formats = c.pdf && printPdf ? 'html,pptx,pdf' : 'html,pptx';
    const result = briefdeck(['build', file, '-f', formats, '-o', out, '--json']);
    const stem = path.basename(file, '.md');
    let slides = -1;
    try {
      slides = JSON.parse(result.stdout).reports[0].slides;
    } catch {
      // The first test reports the failed build.
    }
    built.set(c.name, {
      file,
      result,
      html: path.join(out, `${stem}.html`),
      pptx: path.join(out, `${stem}.pptx`),
      pdf: c.pdf && printPdf ? path.join(out, `${stem}.pdf`) : undefined,
      slides,
    });
  });
}, 300_000);

describe.each(CASES.map((c) => c.name))('%s', (name) => {
  const get = () => built.get(name)!;

  it('builds with exit 0; anything on stderr is a warning line', () => {
    const { result } = get();
    expect(crashLines(result.stderr)).toEqual([]);
    expect(result.status, result.stderr).toBe(0);
    for (const line of result.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^\S+?(:\d+)*: warning: /);
    expect(get().slides).toBeGreaterThan(0);
  });

  it('gives a strictly valid PPTX with the planned slides, a cover first, every shape on the slide', async () => {
    const pptx = await readPptx(readFileSync(get().pptx));
    expect(pptx.problems).toEqual([]);
    expect(pptx.slides.length).toBe(get().slides);
    expect(pptx.slides[0].title?.trim()).toBeTruthy();
    expect(shapesOutside(pptx)).toEqual([]);
    for (const [i, s] of pptx.slides.entries()) expect(s.title?.trim(), `slide ${i + 1} has a title`).toBeTruthy();
  });
});

describe.skipIf(!hasBrowser)('the HTML decks in Chromium', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
  });
  afterAll(async () => close?.());

  it.each(CASES.map((c) => c.name))('%s: every slide shows, offline, without errors, inside its box', async (name) => {
    const { html, slides } = built.get(name)!;
    const { page, errors, requests } = await openDeck(browser, html);
    try {
      expect(await revealSlideCount(page)).toBe(slides);
      expect(await layoutProblems(page)).toEqual([]);
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});

describe('content split over slides', () => {
  it.each(CASES.filter((c) => c.continued).map((c) => c.name))('%s: continues on "(cont.)" slides in the HTML and the PPTX alike', async (name) => {
    const { html, pptx: file } = built.get(name)!;
    const pptx = await readPptx(readFileSync(file));
    const titles = pptx.slides.map((s) => s.title ?? '');
    const continued = titles.filter((t) => / \(cont\.\)$/.test(t));
    expect(continued.length).toBeGreaterThan(5);
    expect(readFileSync(html, 'utf8').match(/ \(cont\.\)</g)?.length ?? 0).toBeGreaterThanOrEqual(continued.length);
  });

  it('the 500-row table shows every row once, in order', async () => {
    const pptx = await readPptx(readFileSync(built.get('a 500-row table')!.pptx));
    const codes = pptx.slides.flatMap((s) => [...s.xml.matchAll(/<a:t>(D\d{3})<\/a:t>/g)].map((m) => m[1]));
    expect(codes).toEqual(Array.from({ length: 500 }, (_, i) => `D${String(i + 1).padStart(3, '0')}`));
  });

  it('the 25 000-word section keeps every list item, across its slides', async () => {
    const { file, pptx: deck } = built.get('a 25 000-word section')!;
    expect(readFileSync(file, 'utf8').split(/\s+/).length).toBeGreaterThanOrEqual(25_000);
    const items = readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
    const pptx = await readPptx(readFileSync(deck));
    const text = pptx.slides.map((s) => s.shapes.map((sh) => sh.text).join('\n')).join('\n').replace(/\s+/g, ' ');
    const missing = items.filter((item) => !text.includes(item));
    // An item split at a slide's end reads in two parts; none is lost whole.
    for (const item of missing) expect(text, item).toContain(item.split(' ').slice(0, 4).join(' '));
    expect(missing.length).toBeLessThan(items.length / 10);
  });
});

describe.skipIf(!printPdf)('the slides PDF of the largest reports', () => {
  it.each(CASES.filter((c) => c.pdf).map((c) => c.name))('%s: one page per slide, every word on its page', (name) => {
    const { pdf, slides } = built.get(name)!;
    expect(pdfInfo(pdf!).pages).toBe(slides);
    const outside: string[] = [];
    for (const [i, page] of pdfWords(pdf!).entries()) {
      for (const w of page.words) if (w.xMin < -1 || w.yMin < -1 || w.xMax > page.width + 1 || w.yMax > page.height + 1) outside.push(`page ${i + 1}: ${w.text}`);
    }
    expect(outside).toEqual([]);
  }, 120_000);
});

const loMissing = libreOfficeMissing();
describe.skipIf(!!loMissing)('the long word in PowerPoint terms (LibreOffice draws the PPTX)', () => {
  const rendered = new Map<string, string>();
  beforeAll(() => {
    const names = ['a 400-character unbroken word', 'lists nested twelve levels', 'headings nested 1 to 6, then seven to nine #'];
    const pdfDir = tempDir('briefdeck-degenerate-lo-');
    convertToPdf(names.map((n) => built.get(n)!.pptx), pdfDir);
    for (const n of names) rendered.set(n, path.join(pdfDir, `${path.basename(built.get(n)!.pptx, '.pptx')}.pdf`));
  }, 240_000);

  it.each(['a 400-character unbroken word', 'lists nested twelve levels', 'headings nested 1 to 6, then seven to nine #'])('%s: no word reaches past the slide', (name) => {
    const outside: string[] = [];
    for (const [i, page] of pdfWords(rendered.get(name)!).entries()) {
      for (const w of page.words) if (w.xMin < -1 || w.xMax > page.width + 1 || w.yMax > page.height + 1) outside.push(`slide ${i + 1}: ${w.text.slice(0, 30)}… ${w.xMin}–${w.xMax} of ${page.width}`);
    }
    expect(outside).toEqual([]);
  });

  it('the 400-character word is broken over lines, not shortened: all of it is there', () => {
    const word = /Qx7[A-Za-z0-9]{397}/.exec(readFileSync(hostile('long-word.md'), 'utf8'))![0];
    const pages = pdfWords(rendered.get('a 400-character unbroken word')!);
    // The list slide: its pieces of the word, read in order, make the word again.
    const joined = pages.map((p) => p.words.map((w) => w.text).join('')).find((t) => t.includes('file:Qx7'));
    expect(joined).toBeDefined();
    expect(joined).toContain(word);
    expect(pages.some((p) => p.words.filter((w) => /^[A-Za-z0-9]{20,}$/.test(w.text)).length >= 3)).toBe(true);
  });
});
