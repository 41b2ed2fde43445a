/**
 * The measurer against the real thing: the same woff2 files laid out by headless Chromium.
 * Widths must agree within 2 %, and the browser must never need more lines than we predict.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fontFaceFiles } from '../../src/measure/fonts.js';
import { Measurer, type Piece, type TextStyle } from '../../src/measure/text.js';
import type { FontRole, ThemeFont } from '../../src/theme/types.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';

const theme = parse(readFileSync(new URL('../../themes/default.yaml', import.meta.url), 'utf8')) as {
  fonts: Record<FontRole, ThemeFont>;
};

// Carlito is often installed system-wide too; page-only family names make sure the embedded files are used.
const pageFamily = (role: FontRole) => `bd-measure-${theme.fonts[role].package.replace(/\W+/g, '-')}`;

function fontFaceCss(): string {
  const seen = new Set<string>();
  let css = '';
  for (const role of ['heading', 'body', 'mono'] as FontRole[]) {
    const family = pageFamily(role);
    if (seen.has(family)) continue;
    seen.add(family);
    for (const file of fontFaceFiles(theme.fonts[role])) {
      const data = readFileSync(file.path).toString('base64');
      css +=
        `@font-face{font-family:'${family}';font-style:${file.style};font-weight:${file.weight};` +
        `src:url(data:font/woff2;base64,${data}) format('woff2');` +
        (file.unicodeRange ? `unicode-range:${file.unicodeRange};` : '') +
        '}\n';
    }
  }
  return css;
}

interface BrowserStyle {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
}
const toBrowser = (s: TextStyle): BrowserStyle => ({
  family: pageFamily(s.role),
  weight: s.bold ? 700 : 400,
  style: s.italic ? 'italic' : 'normal',
});

const body: TextStyle = { role: 'body' };
const heading: TextStyle = { role: 'heading', bold: true };
const mono: TextStyle = { role: 'mono' };

/** [text, style, size px] */
const widthSamples: Array<[string, TextStyle, number]> = [
  ['Revenue grew in every region this quarter.', body, 24],
  ['Operating margin reached 12.5% — up from 9.8% a year ago.', body, 20],
  ['Quarterly Business Review', heading, 44],
  ['Customer churn fell for the third month in a row', { role: 'body', italic: true }, 24],
  ['Key risks: supplier delays, currency swings and hiring', { role: 'body', bold: true, italic: true }, 22],
  ['const total = orders.reduce((sum, o) => sum + o.amount, 0);', mono, 18],
  ['npm install --save-dev briefdeck', { role: 'mono', bold: true }, 20],
  ['internationalisation-and-localisation-workstream', body, 24],
  ['1,234,567 units shipped; 98.6% delivered on time', body, 28],
  ['Next steps — hire two engineers — ship version two', body, 24],
  ['Self-contained, well-documented, easy-to-review changes', body, 20],
  ['Straße, naïve café, Ελληνικά, Русский текст', body, 24],
  ['Tiếng Việt có dấu: chất lượng dịch vụ', body, 24],
  ['Figure 3: Monthly active users (MAU), Jan–Jun', { role: 'heading' }, 32],
  ['“Quoted” text and ‘single quotes’ matter too', body, 24],
  ['Total: $4.2M (+17% YoY)', heading, 40],
  ['SELECT region, SUM(revenue) FROM sales GROUP BY region;', { role: 'mono', italic: true }, 16],
  ['Appendix B — Methodology and data sources', { role: 'body', italic: true }, 26],
  ['The team closed 214 of 230 tickets (93%) before the deadline.', body, 24],
  ['Weekly active teams', { role: 'heading', bold: true, italic: true }, 36],
];

/** Kerning-heavy capitals: we only promise never to come out narrower than the browser. */
const upperBoundSamples: Array<[string, TextStyle, number]> = [
  ['AVAILABILITY WAVE: TOTAL YEARLY VALUE', heading, 40],
  ['“They’re right,” we’d say; it’s Q3’s “Top” story.', body, 24],
];

const paragraphs: Piece[][] = [
  [
    {
      text:
        'Our customer base grew by a third this year, and the support team kept first-response times under ' +
        'two hours — even during the autumn launch, when ticket volume doubled.',
      style: body,
    },
  ],
  [
    { text: 'Three things drove the result: ', style: body },
    { text: 'faster onboarding', style: { role: 'body', bold: true } },
    { text: ', a simpler pricing page, and a referral programme that paid for itself within ', style: body },
    { text: 'eleven weeks', style: { role: 'body', italic: true } },
    { text: '.', style: body },
  ],
  [
    { text: 'Run ', style: body },
    { text: 'npm run build -- --watch', style: mono },
    { text: ' to rebuild on every change; the bundle lands in ', style: body },
    { text: 'dist/cli/main.js', style: mono },
    { text: ' where the test harness picks it up.', style: body },
  ],
  [
    {
      text:
        'Gross margin rose to 61.4% (from 57.9%), operating expenses fell 3.2% year-over-year, and net ' +
        'revenue retention reached 118% across 1,204 accounts.',
      style: body,
    },
  ],
  [
    {
      text:
        'Pneumonoultramicroscopicsilicovolcanoconiosis is a famously long word; the full appendix lives at ' +
        'https://example.com/reports/2024/q3/summary-and-appendix.html for anyone who wants the tables.',
      style: body,
    },
  ],
  [
    { text: 'Decision needed\n', style: { role: 'heading', bold: true } },
    {
      text: 'Approve the second data-centre region now, or defer until the January review — a delay costs about six weeks.',
      style: body,
    },
  ],
];
const boxWidths = [170, 240, 330, 470, 650, 900];
const sizes = [20, 24, 28];

let measurer: Measurer;
let page: Page;
let close: (() => Promise<void>) | undefined;

if (!hasBrowser) console.warn('browser-agreement: no Chromium found; skipping the real-browser measurement test');

describe.skipIf(!hasBrowser)('measurements agree with Chromium', () => {
  beforeAll(async () => {
    measurer = await Measurer.load(theme.fonts);
    const launched = await launchBrowser();
    close = launched.close;
    try {
      page = await launched.browser.newPage();
      await page.setContent(
        `<!doctype html><html lang="en"><head><style>${fontFaceCss()}` +
          'body{margin:0} .box{white-space:normal;overflow-wrap:anywhere;line-height:1.25}' +
          '</style></head><body></body></html>',
      );
      const loaded = await page.evaluate(async () => {
        await Promise.all([...document.fonts].map((f) => f.load()));
        return [...document.fonts].filter((f) => f.status === 'loaded').length;
      });
      expect(loaded).toBeGreaterThan(0);
    } catch (err) {
      await close();
      close = undefined;
      throw err;
    }
  }, 30_000);

  afterAll(async () => {
    await close?.();
  });

  it('measures single-line widths within 2 % of the browser', async () => {
    const all = [...widthSamples, ...upperBoundSamples];
    const browserWidths = await page.evaluate(
      (samples: Array<[string, BrowserStyle, number]>) =>
        samples.map(([text, s, size]) => {
          const span = document.createElement('span');
          span.style.cssText = `white-space:pre;font:${s.style} ${s.weight} ${size}px '${s.family}'`;
          span.textContent = text;
          document.body.appendChild(span);
          const width = span.getBoundingClientRect().width;
          span.remove();
          return width;
        }),
      all.map(([t, s, size]): [string, BrowserStyle, number] => [t, toBrowser(s), size]),
    );
    const report: string[] = [];
    let worst = 0;
    all.forEach(([text, style, size], i) => {
      const ours = measurer.width(text, style, size);
      const theirs = browserWidths[i]!;
      const error = (ours - theirs) / theirs;
      report.push(`${(error * 100).toFixed(2).padStart(6)}%  ${text}`);
      // Never narrower than the browser: that is the error that would let text overflow.
      expect(ours, text).toBeGreaterThanOrEqual(theirs - 0.02);
      if (i < widthSamples.length) {
        worst = Math.max(worst, Math.abs(error));
        expect(Math.abs(error), text).toBeLessThanOrEqual(0.02);
      }
    });
    console.info(`width error (ours vs Chromium), max ${(worst * 100).toFixed(2)}%:\n${report.join('\n')}`);
  });

  it('never needs more lines in the browser than lineCount predicts', async () => {
    const cases = paragraphs.flatMap((pieces, p) =>
      boxWidths.map((width, w) => ({ pieces, width, size: sizes[(p + w) % sizes.length]! })),
    );
    const browserLines = await page.evaluate(
      (items: Array<{ pieces: Array<[string, BrowserStyle]>; width: number; size: number }>) =>
        items.map(({ pieces, width, size }) => {
          const box = document.createElement('div');
          box.className = 'box';
          box.style.cssText = `width:${width}px;font-size:${size}px;font-family:'${pieces[0]![1].family}'`;
          for (const [text, s] of pieces) {
            const span = document.createElement('span');
            span.style.cssText = `font:${s.style} ${s.weight} ${size}px/1.25 '${s.family}'`;
            text.split('\n').forEach((part, i) => {
              if (i > 0) span.appendChild(document.createElement('br'));
              span.appendChild(document.createTextNode(part));
            });
            box.appendChild(span);
          }
          document.body.appendChild(box);
          // Lines mixing Carlito and Cousine are taller than line-height, so count line boxes by position.
          const range = document.createRange();
          range.selectNodeContents(box);
          const centres = [...range.getClientRects()]
            .filter((r) => r.height > 0)
            .map((r) => (r.top + r.bottom) / 2)
            .sort((a, b) => a - b);
          let lines = centres.length ? 1 : 0;
          for (let i = 1; i < centres.length; i++) if (centres[i]! - centres[i - 1]! > size * 0.6) lines++;
          const byHeight = box.getBoundingClientRect().height / (size * 1.25);
          box.remove();
          return { lines, byHeight };
        }),
      cases.map(({ pieces, width, size }) => ({
        pieces: pieces.map((p): [string, BrowserStyle] => [p.text, toBrowser(p.style)]),
        width,
        size,
      })),
    );
    let exact = 0;
    const differences: string[] = [];
    cases.forEach(({ pieces, width, size }, i) => {
      const ours = measurer.lineCount(pieces, width, size);
      const { lines, byHeight } = browserLines[i]!;
      // Height/line-height can only over-count (mixed fonts make taller lines), never under-count.
      expect(lines).toBeLessThanOrEqual(Math.round(byHeight));
      const label = `${pieces[0]!.text.slice(0, 24)}… @${width}px/${size}px: browser ${lines}, ours ${ours}`;
      expect(lines, label).toBeLessThanOrEqual(ours);
      // Conservative, but not uselessly so.
      expect(ours, label).toBeLessThanOrEqual(lines + 1);
      if (lines === ours) exact++;
      else differences.push(label);
    });
    console.info(
      `line counts: ${exact}/${cases.length} identical` + (differences.length ? `; differ:\n${differences.join('\n')}` : ''),
    );
    expect(exact / cases.length).toBeGreaterThanOrEqual(0.8);
  });
});
