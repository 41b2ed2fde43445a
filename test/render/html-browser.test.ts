/**
 * The built deck in a real headless Chromium, as a presenter would open it from a USB stick:
 * reveal.js starts, shows every slide of the model, asks the network for nothing, logs no errors,
 * and no element sits outside its slide or spills out of its box. Every fixture report in the default
 * theme, and the example in every built-in theme, a company theme with a logo and a footer line, and
 * that theme at 4:3 with a footer line too long for the foot row.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { planFile } from '../../src/pipeline.js';
import { renderHtml } from '../../src/render/html/render.js';
import { EXAMPLE, FIXTURES, fixtureReports } from '../helpers/fixtures.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { THEMES, longFooterTheme } from '../helpers/themes.js';
import { tempDir } from '../helpers/tmp.js';
import { layoutProblems, openDeck } from '../helpers/html-layout.js';

const out = tempDir('briefdeck-html-');

const open = openDeck;

describe.skipIf(!hasBrowser)('the HTML deck in Chromium', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  const decks: { name: string; report: string; theme?: string }[] = [
    ...[EXAMPLE, ...fixtureReports().map((f) => path.join(FIXTURES, f))].map((report) => ({ name: path.basename(report), report })),
    ...THEMES.map((t) => ({ name: `${path.basename(EXAMPLE)} in ${t.name}`, report: EXAMPLE, theme: t.spec })),
    // Right to left, in a theme whose fonts have figures of different widths (Caladea).
    { name: 'arabic-report.md in editorial', report: path.join(FIXTURES, 'arabic-report.md'), theme: 'editorial' },
    // 4:3, with a footer line the foot row shortens with "…".
    { name: `${path.basename(EXAMPLE)} at 4:3 with a long footer`, report: EXAMPLE, theme: longFooterTheme(tempDir('briefdeck-html-theme-')) },
  ];
  const built = new Map<string, { file: string; slides: number; notes: string[] }>();

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    for (const [i, d] of decks.entries()) {
      const planned = await planFile(d.report, { theme: d.theme });
      const html = await renderHtml(planned.deck, { theme: planned.theme, measurer: planned.measurer, baseDir: path.dirname(d.report), version: 'test' });
      const file = path.join(out, `${i}-${path.basename(d.report, '.md')}.html`);
      writeFileSync(file, html);
      built.set(d.name, { file, slides: planned.deck.slides.length, notes: planned.deck.slides.map((s) => s.notes) });
    }
  });
  afterAll(async () => close?.());

  for (const { name } of decks) {
    it(`${name}: every slide shows, offline, without errors, inside its box`, async () => {
      const { file, slides } = built.get(name)!;
      const { page, errors, requests } = await open(browser, file);
      try {
        expect(await page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides())).toBe(slides);
        expect(await layoutProblems(page)).toEqual([]);
        expect(requests).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it("draws the company theme's logo on every slide and its footer line on every content slide", async () => {
    const { file, slides } = built.get(`${path.basename(EXAMPLE)} in harbour`)!;
    const { page } = await open(browser, file);
    try {
      const shown = await page.evaluate(async () => {
        const R = (window as unknown as { Reveal: { configure(o: object): void; getTotalSlides(): number; slide(i: number): void; getCurrentSlide(): HTMLElement } }).Reveal;
        R.configure({ transition: 'none' });
        const out: { layout: string; logo: boolean; footer: string }[] = [];
        for (let i = 0; i < R.getTotalSlides(); i++) {
          R.slide(i);
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          const slide = R.getCurrentSlide();
          const logo = slide.querySelector<HTMLImageElement>('img.logo');
          if (logo) await logo.decode().catch(() => undefined);
          const box = logo?.getBoundingClientRect();
          out.push({
            layout: slide.dataset.layout ?? '',
            logo: !!logo && logo.src.startsWith('data:image/svg+xml') && logo.naturalWidth > 0 && !!box && box.width > 0 && box.height > 0,
            footer: slide.querySelector('.footer')?.textContent?.trim() ?? '',
          });
        }
        return out;
      });
      expect(shown.length).toBe(slides);
      expect(shown.filter((s) => !s.logo)).toEqual([]);
      for (const s of shown) expect(s.footer, s.layout).toBe(s.layout === 'title' || s.layout === 'section' ? '' : 'Harbour Logistics · Internal');
    } finally {
      await page.close();
    }
  });

  it('draws right-to-left slides in the fonts the planner measured, not reveal.js\'s own sans-serif', async () => {
    for (const name of ['arabic-report.md', 'arabic-report.md in editorial']) {
      const { file } = built.get(name)!;
      const { page } = await open(browser, file);
      try {
        const fonts = await page.$eval('.reveal .slides > section:nth-of-type(2)', (slide) => ({
          rtl: document.querySelector('.reveal')!.classList.contains('rtl'),
          title: getComputedStyle(slide.querySelector('.title')!).fontFamily,
          body: getComputedStyle(slide.querySelector('.body') ?? slide).fontFamily,
        }));
        expect(fonts.rtl).toBe(true);
        expect(fonts.title).toMatch(/^"bd /);
        expect(fonts.body).toMatch(/^"bd /);
      } finally {
        await page.close();
      }
    }
  });

  it('notices text that spills out of its box (the check above can fail)', async () => {
    const { file } = built.get(path.basename(EXAMPLE))!;
    const { page } = await open(browser, file);
    try {
      await page.addStyleTag({ content: '.reveal .layout-bullets .body { font-size: 64px !important; }' });
      expect((await layoutProblems(page)).join('\n')).toMatch(/spills out of its box body flow box/);
    } finally {
      await page.close();
    }
  });

  it('takes <title> and lang from the report, and carries speaker notes in aside.notes', async () => {
    const { file, notes } = built.get(path.basename(EXAMPLE))!;
    const { page } = await open(browser, file);
    try {
      expect(await page.title()).toBe('Northwind Freight — Q3 2026 Operations Review');
      expect(await page.$eval('html', (h) => h.lang)).toBe('en');
      const asides = await page.$$eval('.reveal .slides > section', (ss) => ss.map((s) => s.querySelector('aside.notes')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
      expect(asides.map((a) => a.length > 0)).toEqual(notes.map((n) => n.length > 0));
      expect(asides.join(' ')).toContain('Revenue grew 12% year on year to $48.2M');
    } finally {
      await page.close();
    }
  });

  it('opens the speaker view with the current slide\'s notes when S is pressed', async () => {
    const { file } = built.get(path.basename(EXAMPLE))!;
    const { page } = await open(browser, file);
    try {
      await page.evaluate(() => (window as unknown as { Reveal: { slide(i: number): void } }).Reveal.slide(3));
      const popup = new Promise<Page>((resolve) =>
        browser.once('targetcreated', async (t) => resolve((await t.page()) as Page)),
      );
      await page.keyboard.press('s');
      const speaker = await popup;
      await speaker.waitForFunction(
        () => document.querySelector('.speaker-controls-notes')?.textContent?.includes('Revenue grew 12% year on year'),
        { timeout: 15_000 },
      );
      await speaker.close();
    } finally {
      await page.close();
    }
  });
});
