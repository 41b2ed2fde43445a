/**
 * The four printed outputs, built as a user builds them and read back with poppler and pdf-lib:
 * page counts and sizes, fonts embedded, the slides' words on their pages, title, author, tags,
 * bookmarks, live links, and the briefing's parts. The example is also printed in every built-in
 * theme and a company theme: its slides whole in each, and its paper documents (handout, notes,
 * briefing) in dark ink on white even when the slides are dark.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { build } from '../../src/build.js';
import { planFile, type PlannedReport } from '../../src/pipeline.js';
import { RENDERERS } from '../../src/render/registry.js';
import { paperColors } from '../../src/render/pdf/paper-colors.js';
import { footRow } from '../../src/layout/chrome.js';
import { loadTheme } from '../../src/theme/load.js';
import type { Deck, Run, Slide } from '../../src/types/deck.js';
import type { Diagnostic } from '../../src/types/diagnostics.js';
import { EXAMPLE, FIXTURES } from '../helpers/fixtures.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { hasPoppler, pageSizes, pdfFonts, pdfInfo, pdfLinks, pdfOutline, pdfText } from '../helpers/pdf.js';
import { pdfWords } from '../helpers/libreoffice.js';
import { THEMES, contrastRatio, rgbOf } from '../helpers/themes.js';
import { tempDir } from '../helpers/tmp.js';

const canPrint = hasBrowser && hasPoppler;
if (!hasBrowser) console.warn('skipping PDF tests: no Chromium found (apt-get install chromium, or set CHROME_PATH)');

const out = tempDir('briefdeck-pdf-');
/** Condensed prose keeps no links; an author's list keeps them as written. */
const linksReport = path.join(tempDir('briefdeck-pdf-src-'), 'links.md');
writeFileSync(
  linksReport,
  [
    '---\ntitle: Where the figures live\nauthor: Test Desk\n---',
    '# Where the figures live',
    '## Sources',
    '- The [returns dashboard](https://example.com/returns?q=3&view=channel) has the weekly figures.',
    '- Questions go to [the returns team](mailto:returns@example.com).',
    '## Method',
    'We counted every return once, on the day it reached a depot.',
  ].join('\n\n'),
);
/** A title in letters the body never uses, and a word longer than any line. */
const oddReport = path.join(path.dirname(linksReport), 'odd.md');
writeFileSync(
  oddReport,
  ['---\ntitle: Łódź Żółć Review\n---', '# Łódź Żółć Review', '## Export', `The export holds the key ${'k'.repeat(400)} for every row.`].join('\n\n'),
);
const REPORTS = {
  odd: oddReport,
  links: linksReport,
  example: EXAMPLE,
  mixed: path.join(FIXTURES, 'mixed-scripts.md'),
  chinese: path.join(FIXTURES, 'chinese-report.md'),
  arabic: path.join(FIXTURES, 'arabic-report.md'),
  structured: path.join(FIXTURES, 'structured-report.md'),
};
type Name = keyof typeof REPORTS;
const decks = {} as Record<Name, Deck>;
const file = (name: Name, ext: string) => path.join(out, `${path.basename(REPORTS[name], '.md')}${ext}`);

/**
 * Every string a slide shows (not its notes, link targets or TeX), as the slides PDF should hold it;
 * `footer` is the theme's footer line as the foot row of content slides shows it.
 */
function shownText(slide: Slide, n: number, total: number, footer = ''): string[] {
  const parts: string[] = [slide.title, slide.kicker ?? ''];
  const runs = (rs: Run[]) => rs.filter((r) => !r.math).forEach((r) => parts.push(r.text));
  for (const b of slide.blocks) {
    if ('paragraph' in b) runs(b.paragraph);
    else if ('list' in b) b.list.forEach((i) => runs(i.runs));
    else if ('table' in b) [b.table.head, ...b.table.rows].forEach((row) => row.forEach(runs));
    else if ('image' in b) parts.push(b.image.alt);
    else if ('code' in b) parts.push(...b.code.lines);
    else if ('quote' in b) (runs(b.quote.runs), parts.push(b.quote.cite ?? ''));
    else if ('subtitle' in b) parts.push(b.subtitle);
    else if ('byline' in b) parts.push(b.byline);
  }
  // Title and section slides ("covers") carry no foot row.
  if (slide.layout !== 'title' && slide.layout !== 'section') parts.push(`${n} / ${total}`, footer);
  // The code panel's language label is set in capitals.
  for (const b of slide.blocks) if ('code' in b && b.code.lang) parts.push(b.code.lang.toUpperCase());
  // Emoji need a colour font this system may not have; the scripts the issue names are all checked.
  return parts
    .join(' ')
    .split(/\s+/)
    .map((w) => w.replace(/\p{Extended_Pictographic}|\p{Regional_Indicator}|\ufe0f/gu, ''))
    .filter(Boolean);
}

const squash = (s: string) => s.normalize('NFKC').replace(/[\s\u00ad\u064b-\u065f\u0670]+/g, '');
/** pdftotext puts a right-to-left word's trailing full stop on its visual side and may reorder its vowel marks: compare the letters. */
const letters = (w: string) => (/[\u0590-\u08ff]/.test(w) ? w.replace(/[.,:;!?،؛()"'\u064b-\u065f\u0670]/g, '') : w);

describe.skipIf(!canPrint)('printed outputs', () => {
  beforeAll(async () => {
    for (const [name, report] of Object.entries(REPORTS)) decks[name as Name] = (await planFile(report)).deck;
    await build(Object.values(REPORTS), { formats: ['pdf', 'handout', 'notes', 'briefing'], out });
  }, 120_000);

  describe('slides PDF', () => {
    it('has one landscape page per slide, at the deck size (960×540 pt)', () => {
      for (const name of Object.keys(REPORTS) as Name[]) {
        const info = pdfInfo(file(name, '.pdf'));
        expect(info.pages, name).toBe(decks[name].slides.length);
        expect(pageSizes(file(name, '.pdf')).every(([w, h]) => w === 960 && h === 540), name).toBe(true);
      }
    });

    it('shows every word of each slide on its own page', () => {
      for (const name of ['example', 'mixed', 'chinese', 'structured'] as Name[]) {
        const deck = decks[name];
        deck.slides.forEach((slide, i) => {
          const page = squash(pdfText(file(name, '.pdf'), i + 1));
          const lost = shownText(slide, i + 1, deck.slides.length).filter((w) => !page.includes(squash(letters(w))));
          expect(lost, `${name} slide ${i + 1} (${slide.title})`).toEqual([]);
        });
      }
    });

    it('keeps right-to-left text: every Arabic word of the deck is in the PDF', () => {
      const deck = decks.arabic;
      const text = squash(pdfText(file('arabic', '.pdf')));
      const words = deck.slides.flatMap((s, i) => shownText(s, i + 1, deck.slides.length)).filter((w) => /[\u0600-\u06ff]/.test(w));
      expect(words.length).toBeGreaterThan(10);
      const lost = words.filter((w) => !text.includes(squash(letters(w))));
      expect(lost).toEqual([]);
    });

    it('has title and author, is tagged, and has a bookmark per section', async () => {
      const info = pdfInfo(file('example', '.pdf'));
      expect(info.title).toBe(decks.example.meta.title);
      expect(info.author).toBe(decks.example.meta.author);
      expect(info.tagged).toBe(true);
      const sections = [...new Set(decks.example.slides.map((s) => s.source.section))];
      const outline = await pdfOutline(file('example', '.pdf'));
      expect(outline).toHaveLength(sections.length);
      expect(outline).toContain('Revenue and Margins');
    });

    it('keeps links live', async () => {
      const shown = new Set<string>();
      for (const s of decks.links.slides) {
        for (const b of s.blocks) {
          const runs = 'paragraph' in b ? b.paragraph : 'list' in b ? b.list.flatMap((i) => i.runs) : [];
          for (const r of runs) if (r.link !== undefined && /^(https?|mailto):/.test(decks.links.links[r.link])) shown.add(decks.links.links[r.link]);
        }
      }
      expect(shown.size).toBe(2);
      for (const ext of ['.pdf', '.briefing.pdf']) {
        const links = await pdfLinks(file('links', ext));
        for (const url of shown) expect(links, `${url} in ${ext}`).toContain(url);
      }
    });
  });

  describe('every PDF', () => {
    it('embeds every font and prints no replacement characters', () => {
      for (const name of Object.keys(REPORTS) as Name[]) {
        for (const ext of ['.pdf', '.handout.pdf', '.notes.pdf', '.briefing.pdf']) {
          const fonts = pdfFonts(file(name, ext));
          expect(fonts.length, `${name}${ext}`).toBeGreaterThan(0);
          expect(fonts.filter((f) => !f.embedded).map((f) => f.name), `${name}${ext}`).toEqual([]);
          expect(pdfText(file(name, ext)), `${name}${ext}`).not.toContain('\ufffd');
        }
      }
    });

    it('draws Chinese, Arabic and Hebrew with the Noto fonts, not missing-glyph boxes', () => {
      const names = pdfFonts(file('mixed', '.pdf')).map((f) => f.name);
      for (const family of ['NotoSansSC', 'NotoSansArabic', 'NotoSansHebrew']) {
        expect(names.some((n) => n.includes(family)), `${family} in ${names.join(', ')}`).toBe(true);
      }
    });
  });

  describe('notes pages', () => {
    it('has each slide on a portrait page with its notes below, at least a page per slide', () => {
      const f = file('example', '.notes.pdf');
      const info = pdfInfo(f);
      expect(info.pages).toBeGreaterThanOrEqual(decks.example.slides.length);
      expect([info.width, info.height]).toEqual([595, 842]);
      const text = squash(pdfText(f));
      for (const s of decks.example.slides) {
        const first = s.notes.split(/\s+/).slice(0, 8).join(' ');
        if (first) expect(text).toContain(squash(first));
      }
    });
  });

  describe('briefing', () => {
    it('is portrait A4 with the title, key takeaways and every section heading, and page numbers', () => {
      const f = file('example', '.briefing.pdf');
      const info = pdfInfo(f);
      expect([info.width, info.height]).toEqual([595, 842]);
      expect(info.title).toBe(decks.example.meta.title);
      const text = pdfText(f);
      const flat = squash(text);
      expect(flat).toContain(squash(decks.example.meta.subtitle!));
      expect(flat).toContain(squash(decks.example.meta.author!));
      expect(text).toContain('Key takeaways');
      for (const s of decks.example.slides) {
        if (!s.source.section.startsWith('(')) expect(flat).toContain(squash(s.source.section));
      }
      expect(text).toContain(`Page 1 of ${info.pages}`);
      expect(text).toContain('Metric'); // the table
    });

    it('prints plain words: a soft hyphen only where a line breaks, so the text reads and searches whole', () => {
      for (const ext of ['.briefing.pdf', '.notes.pdf']) {
        // Line by line as printed (plain pdftotext joins a word hyphenated across lines).
        const text = spawnSync('pdftotext', ['-layout', file('example', ext), '-'], { encoding: 'utf8' }).stdout;
        expect(text.match(/\u00ad(?=\p{L})/gu) ?? [], ext).toEqual([]);
        // Still hyphenated where it helps the lines: some line ends on a soft hyphen.
        expect(text, ext).toMatch(/\p{L}\u00ad-?\n/u);
      }
    });

    it('keeps a word longer than the measure on the page', () => {
      for (const ext of ['.briefing.pdf', '.notes.pdf']) {
        const f = file('odd', ext);
        const width = pdfInfo(f).width;
        const bbox = spawnSync('pdftotext', ['-bbox', f, '-'], { encoding: 'utf8' }).stdout;
        const right = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
        expect(right.length, ext).toBeGreaterThan(0);
        expect(Math.max(...right), ext).toBeLessThanOrEqual(width);
      }
    });

    it('opens with a table of contents only when the report has more than six sections', () => {
      const count = (deck: Deck) => new Set(deck.slides.map((s) => s.source.section).filter((x) => !x.startsWith('('))).size;
      expect(count(decks.example)).toBe(6);
      expect(pdfText(file('example', '.briefing.pdf'))).not.toContain('Contents');
      expect(count(decks.structured)).toBeGreaterThan(6);
      expect(pdfText(file('structured', '.briefing.pdf'), 1)).toContain('Contents');
    });
  });

  describe('handout', () => {
    it('fits three slides a page by default, on A4 portrait, with the deck title and page numbers', () => {
      const f = file('example', '.handout.pdf');
      const info = pdfInfo(f);
      expect(info.pages).toBe(Math.ceil(decks.example.slides.length / 3));
      expect([info.width, info.height]).toEqual([595, 842]);
      const first = pdfText(f, 1);
      expect(first).toContain(decks.example.meta.title);
      expect(first).toContain(`Page 1 of ${info.pages}`);
      expect(first).toContain(decks.example.meta.date!);
      // Every slide drawn whole: its number at the foot of the slide is there, whatever its place on the sheet.
      const total = decks.example.slides.length;
      const all = pdfText(f);
      decks.example.slides.forEach((s, i) => {
        if (s.layout !== 'title') expect(all, `slide ${i + 1}`).toContain(`${i + 1} / ${total}`);
      });
      expect(pdfFonts(f).some((font) => font.name.includes('Cousine')), 'the code slide keeps its code').toBe(true);
    });

    it('prints its running header and page numbers even in letters the slides never use', () => {
      for (const ext of ['.handout.pdf', '.notes.pdf', '.briefing.pdf']) {
        const f = file('odd', ext);
        const pages = pdfInfo(f).pages;
        const last = pdfText(f, pages);
        expect(last, ext).toContain(`Page ${pages} of ${pages}`);
        if (ext !== '.briefing.pdf' || pages > 1) expect(last, ext).toContain('Łódź Żółć Review');
      }
    });

    it.each([
      [1, 'a4', [595, 842]],
      [2, 'letter', [612, 792]],
      [4, 'a4', [595, 842]],
      [6, 'letter', [612, 792]],
      [9, 'letter', [612, 792]],
    ] as const)('has ceil(slides / %i) pages on %s', async (perPage, paper, size) => {
      const dir = tempDir('briefdeck-handout-');
      await build([EXAMPLE], { formats: ['handout'], out: dir, perPage, paper });
      const f = path.join(dir, 'quarterly-review.handout.pdf');
      expect(pdfInfo(f).pages).toBe(Math.ceil(decks.example.slides.length / perPage));
      expect(pageSizes(f).every(([w, h]) => w === size[0] && h === size[1])).toBe(true);
    });
  });
});

/** Themes whose paper documents (handout, notes, briefing) are printed too: the dark one, and the one with a footer line. */
const PAPER_THEMES = ['stage', 'harbour'];

/** A piece of text of a printed page: its colour and opacity, and the colour under it. */
interface Ink {
  text: string;
  color: string;
  opacity: number;
  background: string;
  /** Inside a slide thumbnail, which shows the slide in its own colours. */
  thumb: boolean;
}

/**
 * The test's browser, handed to the renderers: every tab a print opens stays open after the print
 * as it was printed (its close() is deferred, and the emptying that readies a tab for the next print
 * is skipped; it counts as closed, so no other print takes it), so the page can be read.
 */
function keepingTabs(browser: Browser): { browser: Browser; tabs: Page[]; release: () => Promise<void> } {
  const tabs: Page[] = [];
  const closers: Array<() => Promise<void>> = [];
  const proxy = new Proxy(browser, {
    get(target, key) {
      // No blank tab to reuse: each print opens its own.
      if (key === 'pages') return async () => [];
      if (key === 'newPage') {
        return async () => {
          const tab = await target.newPage();
          const close = tab.close.bind(tab);
          closers.push(() => close());
          tab.close = async () => undefined;
          const print = tab.pdf.bind(tab);
          const setContent = tab.setContent.bind(tab);
          let printed = false;
          tab.pdf = async (options) => {
            const pdf = await print(options);
            printed = true;
            return pdf;
          };
          tab.setContent = async (html, options) => (printed ? undefined : setContent(html, options));
          tab.isClosed = () => printed;
          tabs.push(tab);
          return tab;
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const release = async () => {
    tabs.length = 0;
    for (const close of closers.splice(0)) await close();
  };
  return { browser: proxy, tabs, release };
}

/** Every piece of text on a printed page, with the colour it is drawn in and what it is drawn on. */
async function inkOf(page: Page): Promise<Ink[]> {
  await page.emulateMediaType('print');
  return page.evaluate(() => {
    const transparent = (c: string) => c === 'transparent' || /^rgba\(.*,\s*0\)$/.test(c);
    const out: Ink[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const el = node.parentElement;
      if (!el || !node.data.trim() || el.closest('style, script')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      let background = 'rgb(255, 255, 255)';
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      for (let e: Element | null = el; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (!transparent(bg)) {
          background = bg;
          break;
        }
      }
      out.push({ text: node.data.replace(/\u00ad/g, '').trim().slice(0, 40), color: style.color, opacity, background, thumb: !!el.closest('.thumb') });
    }
    return out;
  });
}

/** The colour a reader sees: the text colour at its opacity over what is under it. */
function seen(ink: Ink): [number, number, number] {
  const fg = rgbOf(ink.color);
  const bg = rgbOf(ink.background);
  return fg.map((c, i) => c * ink.opacity + bg[i] * (1 - ink.opacity)) as [number, number, number];
}

describe.skipIf(!canPrint)('the example printed in every theme', () => {
  const dir = tempDir('briefdeck-pdf-themes-');
  let close: (() => Promise<void>) | undefined;
  const printed = new Map<string, { planned: PlannedReport; files: Record<string, string>; ink: Record<string, Ink[]>; warnings: Diagnostic[] }>();
  const get = (name: string) => printed.get(name)!;

  beforeAll(async () => {
    const launched = await launchBrowser();
    close = launched.close;
    const jobs: Array<() => Promise<void>> = [];
    for (const t of THEMES) {
      const planned = await planFile(EXAMPLE, { theme: t.spec });
      const entry = { planned, files: {} as Record<string, string>, ink: {} as Record<string, Ink[]>, warnings: [] as Diagnostic[] };
      printed.set(t.name, entry);
      for (const format of PAPER_THEMES.includes(t.name) ? ['pdf', 'handout', 'notes', 'briefing'] : ['pdf']) {
        jobs.push(async () => {
          const renderer = await RENDERERS[format]();
          const tabs = keepingTabs(launched.browser);
          const data = await renderer.render({
            deck: planned.deck,
            theme: planned.theme,
            measurer: planned.measurer,
            baseDir: path.dirname(EXAMPLE),
            file: EXAMPLE,
            version: 'test',
            paper: 'a4',
            perPage: 3,
            browser: async () => tabs.browser,
            warn: (d) => entry.warnings.push(d),
          });
          entry.files[format] = path.join(dir, `${t.name}${renderer.extension}`);
          writeFileSync(entry.files[format], data);
          if (format === 'notes' || format === 'briefing') entry.ink[format] = (await Promise.all(tabs.tabs.map(inkOf))).flat();
          await tabs.release();
        });
      }
    }
    // Two prints at a time, as a build runs them.
    const lane = async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) await job();
    };
    await Promise.all([lane(), lane()]);
  }, 180_000);
  afterAll(async () => close?.());

  describe.each(THEMES.map((t) => t.name))('%s', (name) => {
    it('prints the slides one 960×540 page each, fonts embedded, every word of each slide on its page', () => {
      const { planned, files, warnings } = get(name);
      const { deck } = planned;
      const f = files.pdf;
      expect(warnings).toEqual([]);
      expect(pdfInfo(f).pages).toBe(deck.slides.length);
      expect(pageSizes(f).every(([w, h]) => w === 960 && h === 540)).toBe(true);
      const fonts = pdfFonts(f);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((font) => !font.embedded).map((font) => font.name)).toEqual([]);
      const footer = footRow(planned.theme, deck.size, planned.measurer, deck.slides.length).footer?.text;
      deck.slides.forEach((slide, i) => {
        const page = squash(pdfText(f, i + 1));
        const lost = shownText(slide, i + 1, deck.slides.length, footer).filter((w) => !page.includes(squash(w)));
        expect(lost, `slide ${i + 1} (${slide.layout}: ${slide.title})`).toEqual([]);
      });
    });
  });

  describe.each(PAPER_THEMES)('%s on paper', (name) => {
    it('prints the handout, notes pages and briefing with every font embedded', () => {
      const { planned, files, warnings } = get(name);
      expect(warnings).toEqual([]);
      expect(pdfInfo(files.handout).pages).toBe(Math.ceil(planned.deck.slides.length / 3));
      expect(pdfInfo(files.notes).pages).toBeGreaterThanOrEqual(planned.deck.slides.length);
      for (const format of ['handout', 'notes', 'briefing']) {
        expect(pdfFonts(files[format]).filter((font) => !font.embedded).map((font) => font.name), format).toEqual([]);
        expect(pdfText(files[format]), format).not.toContain('\ufffd');
      }
    });

    it('sets the notes and the briefing in ink that reads on white paper (4.5:1), never in the slides\' light text colour', () => {
      const { planned, ink } = get(name);
      const light = contrastRatio(planned.theme.colors.text, '#FFFFFF') < 4.5 ? planned.theme.colors.text : undefined;
      for (const format of ['notes', 'briefing']) {
        const paper = ink[format].filter((i) => !i.thumb);
        // The check reads real text: the first words of the notes are among it.
        const notes = planned.deck.slides.find((s) => s.notes)!.notes;
        expect(paper.map((i) => i.text).join(' '), format).toContain(notes.split(/\s+/).slice(0, 4).join(' '));
        const faint = paper
          .map((i) => ({ text: i.text, color: i.color, on: i.background, ratio: Math.round(contrastRatio(seen(i), rgbOf(i.background)) * 100) / 100 }))
          .filter((i) => i.ratio < 4.5);
        expect(faint, format).toEqual([]);
        if (light) expect(paper.filter((i) => contrastRatio(i.color, light) === 1).map((i) => i.text), format).toEqual([]);
      }
      // The slide thumbnails keep the theme's own colours: a dark theme's light text is there, on its dark slides.
      if (light) expect(ink.notes.some((i) => i.thumb && contrastRatio(i.color, light) === 1)).toBe(true);
    });
  });

  it("runs the company theme's footer line along the foot of every handout, notes and briefing page", () => {
    const { files, planned } = get('harbour');
    const line = planned.theme.footer!;
    expect(line).toBe('Harbour Logistics · Internal');
    for (const format of ['handout', 'notes', 'briefing']) {
      const pages = pdfWords(files[format]);
      pages.forEach((page, i) => {
        // The briefing's first page is its title page, without running text.
        if (format === 'briefing' && i === 0) return;
        // The bottom margin (20 mm), below the page's content: slide thumbnails carry the line too.
        const foot = page.words.filter((w) => w.yMin > page.height - (20 / 25.4) * 72).map((w) => w.text).join(' ');
        expect(foot, `${format} page ${i + 1}`).toContain(line);
      });
    }
  });

  it('gives every theme paper colours whose text reads on white: 4.5:1 for text, headings, muted text, links, code and table headers', () => {
    for (const t of THEMES) {
      const { colors, code } = paperColors(loadTheme(t.spec));
      const low: string[] = [];
      const need = (what: string, fg: string, bg: string) => contrastRatio(fg, bg) < 4.5 && low.push(`${what} ${fg} on ${bg}: ${contrastRatio(fg, bg).toFixed(2)}`);
      expect(colors.background, t.name).toBe('#FFFFFF');
      for (const k of ['text', 'heading', 'muted', 'accent'] as const) need(k, colors[k], colors.background);
      need('codeText', colors.codeText, colors.codeBackground);
      for (const [k, v] of Object.entries(code)) need(`code.${k}`, v, colors.codeBackground);
      need('tableHeaderText', colors.tableHeaderText, colors.tableHeader);
      expect(low, t.name).toEqual([]);
    }
  });
});
