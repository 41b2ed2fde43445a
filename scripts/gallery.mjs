// Pictures of the built-in themes for the README: the example report built with each theme, and its
// first four slides screenshotted in headless Chromium, two by two, into docs/gallery/<theme>.png.
// Run with `npm run gallery` (it builds first), so the pictures always show what the code draws.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { builtinThemeNames } = await import(join(root, 'dist', 'theme', 'load.js'));
const { findChrome, chromeArgs } = await import(join(root, 'dist', 'browser', 'find-chrome.js'));

const example = join(root, 'examples', 'quarterly-review.md');
const outDir = join(root, 'docs', 'gallery');
const SLIDES = 4;
// Each slide at 3/8 of 1280 × 720: big enough to read the titles, small enough for a README.
const SCALE = 0.375;

const chrome = findChrome();
if (!chrome) {
  console.error('gallery: no Chromium found (install it, or set CHROME_PATH)');
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'briefdeck-gallery-'));
mkdirSync(outDir, { recursive: true });
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: chromeArgs() });
try {
  for (const theme of builtinThemeNames()) {
    const dir = join(work, theme);
    execFileSync(process.execPath, [join(root, 'dist', 'bin', 'main.js'), 'build', example, '-t', theme, '-o', dir], { stdio: 'ignore' });
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(pathToFileURL(join(dir, 'quarterly-review.html')).href, { waitUntil: 'load' });
    await page.waitForFunction(() => window.Reveal?.isReady());
    await page.evaluate(async () => {
      window.Reveal.configure({ transition: 'none', controls: false, progress: false });
      await document.fonts.ready;
    });
    const shots = [];
    for (let i = 0; i < SLIDES; i++) {
      await page.evaluate((n) => window.Reveal.slide(n), i);
      // reveal.js fades the page background between slides of different colours: let it settle.
      await new Promise((r) => setTimeout(r, 400));
      // The slide itself, without the margin reveal.js keeps around it.
      const clip = await page.evaluate(() => {
        const r = window.Reveal.getCurrentSlide().getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      shots.push((await page.screenshot({ type: 'png', clip })).toString('base64'));
    }
    await page.close();

    // Two by two on a neutral ground, each slide with a hairline edge so white slides stay visible.
    const w = Math.round(1280 * SCALE);
    const h = Math.round(720 * SCALE);
    const sheet = await browser.newPage();
    await sheet.setViewport({ width: 2 * w + 36, height: 2 * h + 36, deviceScaleFactor: 1 });
    await sheet.setContent(
      `<body style="margin:0;padding:12px;background:#e5e7eb;display:grid;grid-template-columns:${w}px ${w}px;gap:12px">` +
        shots.map((s) => `<img src="data:image/png;base64,${s}" style="width:${w}px;height:${h}px;outline:1px solid #9ca3af">`).join('') +
        '</body>',
    );
    await sheet.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
    const file = join(outDir, `${theme}.png`);
    await sheet.screenshot({ path: file, type: 'png' });
    await sheet.close();
    console.log(`${file.slice(root.length + 1)}  (${Math.round(readFileSync(file).length / 1024)} KiB)`);
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
