/** Where a Chromium-family browser lives: `--chrome`, then the environment, then the usual places. */
import { existsSync } from 'node:fs';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChrome(explicit?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const candidate of [explicit, env.CHROME_PATH, env.PUPPETEER_EXECUTABLE_PATH]) {
    if (candidate) return existsSync(candidate) ? candidate : undefined;
  }
  return SYSTEM_PATHS.find((p) => existsSync(p));
}

/** The flags a headless Chromium needs here: no sandbox as root, and no calls home. */
export function chromeArgs(): string[] {
  const args = [
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    // Headless Chromium 15x still starts the renderers of an omnibox popup it never shows: 50 MB.
    // (puppeteer merges this list with its own; a feature a version lacks is ignored.)
    '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}
