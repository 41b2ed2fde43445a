/**
 * A real headless Chromium for tests. In CI a missing browser fails the run; on a developer's
 * machine without one, browser tests are skipped with a message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromeArgs, findChrome } from '../../src/browser/find-chrome.js';

export const chromePath = findChrome();

if (!chromePath && process.env.CI) {
  throw new Error('CI: no Chromium found (install the Debian package "chromium"); browser tests must not be skipped in CI');
}

export const hasBrowser = !!chromePath;

export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-test-chrome-'));
  const browser = await puppeteer.launch({
    executablePath: chromePath!,
    headless: true,
    args: chromeArgs(),
    userDataDir,
  });
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
