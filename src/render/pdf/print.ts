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

export async function printHtml(input: RenderInput, html: string, opts: PrintOptions = {}): Promise<Uint8Array> {
  input.progress?.(1, PRINT_STEPS);
  const page = await openPage(await input.browser());
  try {
    await blockRequests(page);
    // Parsed is enough: fonts and images are awaited below, with a limit.
    await page.setContent(html, { waitUntil: 'domcontentloaded', timeout: PRINT_TIMEOUT_MS });
    input.progress?.(2, PRINT_STEPS);
    const late = await waitForAssets(page, opts.assetTimeoutMs ?? ASSET_TIMEOUT_MS);
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
    return pdf;
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Tabs a print has used: each is closed after its print and never handed out again. */
const claimed = new WeakSet<Page>();

/**
 * Chromium starts with one blank tab: the first print of a run uses it rather than opening another
 * (about 0.2 s on two cores); later prints open their own.
 */
async function openPage(browser: Browser): Promise<Page> {
  for (const tab of await browser.pages()) {
    if (!claimed.has(tab) && tab.url() === 'about:blank') {
      claimed.add(tab);
      return tab;
    }
  }
  const page = await browser.newPage();
  claimed.add(page);
  return page;
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
async function waitForAssets(page: Page, timeoutMs: number): Promise<string[]> {
  return page.evaluate(async (ms: number) => {
    // Layout first: it is what asks for the fonts the text uses, and fonts.ready only waits for those asked.
    void document.body.offsetHeight;
    const pending = new Set<string>(['fonts', 'images']);
    const fonts = document.fonts.ready.then(() => void pending.delete('fonts'));
    const images = Promise.all(Array.from(document.images, (img) => img.decode().catch(() => undefined))).then(() => void pending.delete('images'));
    const limit = new Promise<void>((resolve) => setTimeout(resolve, ms));
    await Promise.race([Promise.all([fonts, images]), limit]);
    return [...pending];
  }, timeoutMs);
}
