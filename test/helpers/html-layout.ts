/**
 * A built HTML deck opened in a real Chromium, offline, and the layout check every deck test asks:
 * every element of every slide inside its slide, and every text box's content inside its box.
 */
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';

export interface OpenedDeck {
  page: Page;
  /** Console errors and uncaught exceptions of the page. */
  errors: string[];
  /** Requests for anything but the file itself and data: URLs (all aborted). */
  requests: string[];
}

/**
 * Opens a deck offline at 1280×720 and waits until reveal.js is ready; `before` sees the page first
 * (to listen for dialogs the deck might open while it loads).
 */
export async function openDeck(browser: Browser, file: string, before?: (page: Page) => void): Promise<OpenedDeck> {
  const page = await browser.newPage();
  before?.(page);
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('file:') || url.startsWith('data:') || url === 'about:blank') return void req.continue();
    requests.push(url);
    void req.abort();
  });
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady(), { timeout: 30_000 });
  return { page, errors, requests };
}

/** The number of slides reveal.js shows. */
export async function revealSlideCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides());
}

/** Every element of every slide outside its slide, and every text box whose text spills out. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const R = (window as unknown as { Reveal: { configure(o: object): void; getTotalSlides(): number; slide(i: number): void; getCurrentSlide(): HTMLElement } }).Reveal;
    R.configure({ transition: 'none' });
    await document.fonts.ready;
    const problems: string[] = [];
    for (let i = 0; i < R.getTotalSlides(); i++) {
      R.slide(i);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const slide = R.getCurrentSlide();
      const s = slide.getBoundingClientRect();
      const tol = 1;
      // Inside an SVG (typeset math), Chromium's boxes for groups ignore the drawing's scaling.
      const inSvg = (el: Element) => !!el.parentElement?.closest('svg');
      for (const el of Array.from(slide.querySelectorAll('*')) as HTMLElement[]) {
        if (el.closest('aside.notes') || inSvg(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < s.left - tol || r.top < s.top - tol || r.right > s.right + tol || r.bottom > s.bottom + tol) {
          problems.push(`slide ${i + 1}: <${el.tagName.toLowerCase()} class="${el.className}"> leaves the slide`);
        }
      }
      for (const box of Array.from(slide.querySelectorAll('.box')) as HTMLElement[]) {
        const b = box.getBoundingClientRect();
        // Glyphs may reach past a tight line box by half the font's extra height.
        const glyph = Math.max(tol, parseFloat(getComputedStyle(box).fontSize) * 0.08);
        if (box.scrollHeight > box.clientHeight + glyph || box.scrollWidth > box.clientWidth + tol) {
          problems.push(`slide ${i + 1}: text overflows its ${box.className} box (${(box.textContent ?? '').trim().slice(0, 40)}…)`);
        }
        for (const el of Array.from(box.querySelectorAll('*')) as HTMLElement[]) {
          if (inSvg(el)) continue;
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          if (r.bottom > b.bottom + tol || r.right > b.right + tol || r.left < b.left - tol || r.top < b.top - tol) {
            problems.push(`slide ${i + 1}: text spills out of its ${box.className} box (${(el.textContent ?? '').slice(0, 40)}…)`);
            break;
          }
        }
      }
    }
    return problems;
  });
}
