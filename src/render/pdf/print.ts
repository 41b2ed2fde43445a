/**
 * One HTML document → one PDF, printed by the run's shared Chromium in a single `page.pdf`. The page
 * may load nothing but the data it embeds: a Content-Security-Policy in every print template refuses
 * the network at the browser level, and request interception aborts anything that slips through.
 * Fonts and images are awaited, with a time limit, so a broken image never hangs a build.
 */
import type { Browser, Page, PDFOptions } from 'puppeteer-core';
import type { RenderInput } from '../registry.js';

export interface PrintOptions {
  /** A PDF bookmark per heading (h1–h6), nested by level. */
  outline?: boolean;
  /** How long to wait for fonts and images before printing what is there. */
  assetTimeoutMs?: number;
  /**
   * Text drawn only when printing (running headers and footers) in this CSS font stack: Chromium
   * lays page-margin boxes out at print time and leaves them blank if their font has not loaded.
   */
  marginText?: { font: string; text: string };
}

/** Steps of one print, reported through `input.progress`: composed, loaded, ready, printed. */
export const PRINT_STEPS = 4;

const ASSET_TIMEOUT_MS = 15_000;
/** A long document takes seconds to print; ten minutes means something is wrong. */
const PRINT_TIMEOUT_MS = 600_000;

/** The only URLs a print page may load: its own embedded data. */
export function allowedUrl(url: string): boolean {
  return url.startsWith('data:') || url === 'about:blank';
}

/** A printed document and its number of pages. */
export interface Printed {
  pdf: Uint8Array;
  pages: number;
}

export async function printHtml(input: RenderInput, html: string, opts: PrintOptions = {}): Promise<Printed> {
  return input.prints ? input.prints.run(() => printInTab(input, html, opts)) : printInTab(input, html, opts);
}

async function printInTab(input: RenderInput, html: string, opts: PrintOptions): Promise<Printed> {
  input.progress?.(1, PRINT_STEPS);
  const browser = await input.browser();
  const page = await openPage(browser);
  let reusable = false;
  try {
    // Parsed is enough: fonts and images are awaited below, with a limit.
    await page.setContent(html, { waitUntil: 'domcontentloaded', timeout: PRINT_TIMEOUT_MS });
    input.progress?.(2, PRINT_STEPS);
    const late = await waitForAssets(page, opts.assetTimeoutMs ?? ASSET_TIMEOUT_MS, opts.marginText);
    await dropUnusedSoftHyphens(page);
    if (late.length) {
      input.warn({
        level: 'warning',
        code: 'print-assets',
        message: `printed before ${late.join(' and ')} finished loading`,
        file: input.file,
      });
    }
    input.progress?.(3, PRINT_STEPS);
    const options: PDFOptions = {
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: !!opts.outline,
      // Fonts were awaited above, with a limit; puppeteer's own wait has none.
      waitForFonts: false,
      timeout: PRINT_TIMEOUT_MS,
    };
    const pdf = await page.pdf(options);
    input.progress?.(4, PRINT_STEPS);
    const pages = pageCount(pdf);
    // A tab that drew a long document keeps much of its memory after emptying: it is closed.
    reusable = pages <= REUSE_UP_TO;
    return { pdf, pages };
  } finally {
    await releasePage(browser, page, reusable);
  }
}

/** Pages of the largest document after which a tab is kept for the next print. */
const REUSE_UP_TO = 60;

/** The number of pages of a PDF Chromium printed: the count of its page tree's root. */
function pageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  let max = 0;
  for (const m of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** Tabs handed out to a print, the tabs that finished one and wait for the next, and tabs still opening, per browser. */
const claimed = new WeakSet<Page>();
const idle = new WeakMap<Browser, Page[]>();
const opening = new WeakMap<Browser, Array<Promise<Page | undefined>>>();

/**
 * Opens tabs ahead of the first prints, while the report is still being planned: on two cores a tab
 * costs 0.1–0.2 s, which the first prints would otherwise wait for. Settles once they are open.
 */
export async function warmTabs(browser: Browser, count: number): Promise<void> {
  // A run on a browser that earlier runs left tabs in (watch mode) tops them up to `count`.
  const ahead = opening.get(browser) ?? [];
  const more = count - ahead.length - (idle.get(browser)?.length ?? 0);
  const opened = Array.from({ length: Math.max(0, more) }, () => newTab(browser).catch(() => undefined));
  ahead.push(...opened);
  opening.set(browser, ahead);
  await Promise.all(opened);
}

/**
 * A tab for one print. Opening a tab costs 0.1–0.2 s on two cores, which a batch of small reports
 * pays on every print: a tab whose print of a short document went well is kept for the next, and
 * tabs opened ahead (`warmTabs`) are taken before any other is opened. Tabs close with the browser.
 */
async function openPage(browser: Browser): Promise<Page> {
  const waiting = idle.get(browser);
  while (waiting?.length) {
    const tab = waiting.pop()!;
    if (!tab.isClosed()) return tab;
  }
  const ahead = opening.get(browser);
  while (ahead?.length) {
    const tab = await ahead.shift()!;
    if (tab && !tab.isClosed()) return tab;
  }
  return newTab(browser);
}

/** Chromium's own first blank tab while it is unused, else a new one; either refuses the network. */
async function newTab(browser: Browser): Promise<Page> {
  // Claimed without a wait between finding and claiming, so two prints never take the same blank tab.
  const page = (await browser.pages()).find((tab) => !claimed.has(tab) && tab.url() === 'about:blank') ?? (await browser.newPage());
  claimed.add(page);
  await blockRequests(page);
  return page;
}

/**
 * Back to the pool, emptied so an idle tab does not hold the last document (a part of a long deck is
 * a few hundred megabytes); a tab whose print failed or timed out is closed instead.
 */
async function releasePage(browser: Browser, page: Page, reusable: boolean): Promise<void> {
  if (reusable) {
    try {
      await page.setContent('<!doctype html><title></title>', { waitUntil: 'domcontentloaded', timeout: 10_000 });
      // What the last document left is garbage the renderer would collect lazily: a tab that printed
      // the 30 parts of a 2000-section briefing took Chromium from 375 to 640 MiB, 445 MiB collected.
      await page.createCDPSession().then(async (session) => {
        await session.send('HeapProfiler.collectGarbage');
        await session.detach();
      });
      if (!idle.has(browser)) idle.set(browser, []);
      idle.get(browser)!.push(page);
      return;
    } catch {
      // closed below
    }
  }
  await page.close().catch(() => undefined);
}

async function blockRequests(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.isInterceptResolutionHandled()) return;
    if (allowedUrl(req.url())) void req.continue().catch(() => undefined);
    else void req.abort('blockedbyclient').catch(() => undefined);
  });
}

/** Waits for the fonts the text uses and every image's decode; returns what was still loading at the limit. */
async function waitForAssets(page: Page, timeoutMs: number, margin?: { font: string; text: string }): Promise<string[]> {
  return page.evaluate(async (ms: number, margin?: { font: string; text: string }) => {
    // Layout first: it is what asks for the fonts the text uses, and fonts.ready only waits for those asked.
    void document.body.offsetHeight;
    const pending = new Set<string>(['fonts', 'images']);
    const marginFonts = margin ? document.fonts.load(`10pt ${margin.font}`, margin.text).catch(() => undefined) : Promise.resolve();
    const fonts = Promise.all([marginFonts, document.fonts.ready]).then(() => void pending.delete('fonts'));
    const images = Promise.all(Array.from(document.images, (img) => img.decode().catch(() => undefined))).then(() => void pending.delete('images'));
    const limit = new Promise<void>((resolve) => setTimeout(resolve, ms));
    await Promise.race([Promise.all([fonts, images]), limit]);
    return [...pending];
  }, timeoutMs, margin);
}

/**
 * Hyphenation inserts a soft hyphen at every break a word allows, and Chromium copies each one into
 * the PDF's text, where "cus\u00ADtomers" no longer matches a search for "customers". Once the text is
 * laid out, only the soft hyphens a line actually breaks at (they draw a hyphen) are kept; the
 * others take no room, so removing them moves nothing.
 */
async function dropUnusedSoftHyphens(page: Page): Promise<void> {
  await page.evaluate(() => {
    const range = document.createRange();
    // One pass measures every soft hyphen, then removes the unused ones. Balanced lines may then
    // break a little differently, so passes repeat until every one left is used.
    const pass = (): number => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      while (walker.nextNode()) if ((walker.currentNode as Text).data.includes('\u00AD')) nodes.push(walker.currentNode as Text);
      const unused = nodes.map((node) => {
        const at = new Set<number>();
        // The last box of a one-character range: at a line's start the range also reports an empty
        // box at the end of the line before.
        const top = (i: number) => {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const boxes = range.getClientRects();
          return boxes.length ? boxes[boxes.length - 1].top : range.getBoundingClientRect().top;
        };
        for (let i = node.data.indexOf('\u00AD'); i >= 0; i = node.data.indexOf('\u00AD', i + 1)) {
          // A line breaks at a soft hyphen when the letter after it starts the next line. (Its own
          // width does not tell: inside a ligature such as "ff" it shares the ligature's width.)
          if (i + 1 < node.data.length && Math.abs(top(i + 1) - top(i)) < 1) at.add(i);
        }
        return at;
      });
      let removed = 0;
      nodes.forEach((node, n) => {
        if (!unused[n].size) return;
        removed += unused[n].size;
        node.data = node.data
          .split('')
          .filter((_, i) => !unused[n].has(i))
          .join('');
      });
      return removed;
    };
    for (let i = 0; i < 5 && pass() > 0; i++);
  });
}
