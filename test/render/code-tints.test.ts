/**
 * Code looks the same in every output: the colours the PPTX gives each piece of highlighted code are
 * the colours real Chromium computes for it from the deck's CSS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { codeTintCss } from '../../src/render/code-tints.js';
import { highlightHtml } from '../../src/render/html/highlight.js';
import { highlightLines } from '../../src/render/pptx/code.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { builtinThemeNames, loadTheme } from '../../src/theme/load.js';

const SAMPLES: Array<[string, string]> = [
  ['typescript', 'class Depot extends Base {\n  /** Loads today. */\n  run(limit: number = 3): string { return this.load + `${limit}`; }\n}\n'],
  ['python', '@cache\ndef needs_check(parcel, *, days=30):\n    """Flag late parcels."""\n    return parcel.days > days and True  # late\n'],
  ['sql', 'SELECT depot, COUNT(*) AS late FROM parcels WHERE days > 30 GROUP BY depot;'],
];

const hex = (rgb: string) => `#${(rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;

describe.skipIf(!hasBrowser)('highlighted code', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => ({ browser, close } = await launchBrowser()));
  afterAll(async () => close?.());

  const cases = builtinThemeNames().flatMap((theme) => SAMPLES.map(([lang, code]) => [theme, lang, code] as const));
  it.each(cases)('%s theme, %s: each PPTX run has the colour and style Chromium gives it in the deck', async (theme, lang, code) => {
    const colors = loadTheme(theme).code;
    const page = await browser.newPage();
    await page.setContent(`<style>code { color: #000000; font-style: normal; } ${codeTintCss(colors, '.reveal ')}</style><div class="reveal"><pre><code>${highlightHtml(code, lang)}</code></pre></div>`);
    const dom = await page.evaluate(() => {
      const out: Array<{ text: string; color: string; italic: boolean; bold: boolean }> = [];
      const walker = document.createTreeWalker(document.querySelector('code')!, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const style = getComputedStyle(walker.currentNode.parentElement!);
        for (const text of (walker.currentNode as Text).data.split('\n')) {
          if (text) out.push({ text, color: style.color, italic: style.fontStyle === 'italic', bold: Number(style.fontWeight) >= 700 });
        }
      }
      return out;
    });
    await page.close();
    const pptx = highlightLines(code, lang, colors).flat();
    expect(pptx.map((p) => p.text)).toEqual(dom.map((d) => d.text));
    expect(pptx.some((p) => p.tint.color)).toBe(true);
    pptx.forEach((p, i) => {
      expect({ text: p.text, color: (p.tint.color ?? '#000000').toLowerCase(), italic: !!p.tint.italic, bold: !!p.tint.bold }).toEqual({ text: dom[i].text, color: hex(dom[i].color), italic: dom[i].italic, bold: dom[i].bold });
    });
  });
});
