/**
 * The run's browser opens the tabs its first prints need while the report is still being planned.
 * Those prints must take them rather than open more, and a browser kept across runs (watch mode)
 * must not gather a few more idle tabs on every run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { BrowserSession } from '../../src/browser/session.js';
import { printHtml, warmTabs } from '../../src/render/pdf/print.js';
import type { RenderInput } from '../../src/render/registry.js';
import { hasBrowser } from '../helpers/browser.js';

const page = (text: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${text}</title></head><body><p>${text}</p></body></html>`;

/** Tabs opened in `browser` from now on, counted as Chromium reports them. */
function countOpened(browser: Browser): () => number {
  let opened = 0;
  browser.on('targetcreated', (target) => {
    if (target.type() === 'page') opened++;
  });
  return () => opened;
}

describe.skipIf(!hasBrowser)('tabs opened ahead of the prints', () => {
  const session = new BrowserSession();
  afterAll(() => session.close());
  const input = { browser: () => session.browser(), warn: () => undefined, file: 'tabs.md' } as unknown as RenderInput;

  it('are the tabs two prints side by side use, with none opened for them', async () => {
    const browser = await session.browser();
    const opened = countOpened(browser);
    await warmTabs(browser, 2);
    const ahead = opened();
    // Chromium's own first blank tab is one of the two.
    expect(ahead).toBe(1);
    const printed = await Promise.all([printHtml(input, page('Depots')), printHtml(input, page('Fleet'))]);
    expect(printed.map((p) => p.pages)).toEqual([1, 1]);
    expect(opened()).toBe(ahead);
  });

  it('are topped up to the number asked for, counting the idle tabs earlier prints left', async () => {
    const browser = await session.browser();
    const opened = countOpened(browser);
    // The two tabs of the test above are idle again: asking for two opens none.
    await warmTabs(browser, 2);
    expect(opened()).toBe(0);
    await warmTabs(browser, 3);
    expect(opened()).toBe(1);
    const printed = await Promise.all(['Routes', 'Staffing', 'Returns'].map((t) => printHtml(input, page(t))));
    expect(printed.every((p) => p.pages === 1)).toBe(true);
    expect(opened()).toBe(1);
  });
});
