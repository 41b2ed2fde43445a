/**
 * Directives through every format, as a presenter would check the files: a skipped section is in
 * no presented format but in the briefing, the author's notes reach the speaker notes but not the
 * briefing, and a two-column slide stays on its slide in HTML, PowerPoint and LibreOffice.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { briefdeck } from '../helpers/cli.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { layoutProblems, openDeck, revealSlideCount } from '../helpers/html-layout.js';
import { hasPoppler, pdfInfo, pdfText } from '../helpers/pdf.js';
import { readPptx, shapesOutside } from '../helpers/pptx.js';
import { convertToPdf, libreOfficeMissing } from '../helpers/libreoffice.js';
import { chartPng } from '../helpers/images.js';
import { tempDir } from '../helpers/tmp.js';

const REPORT = `# Depot Network Review

Parcel volumes across the northern region reached 14.2 million in the 2026 financial year.

## 1. Volumes

Parcel volumes rose by six percent, driven by two large retail contracts signed in spring. Peak weeks in November ran eighteen percent above the yearly average. The Leeds depot handled a third of the growth on its own.

<!-- notes: Thank the Leeds team by name: they absorbed the spring contracts with no extra staff. -->

## 2. Capacity

<!-- layout: two-column -->

Three depots ran above ninety percent of their sorting capacity for more than half the year. The new conveyor at Wakefield added fifteen percent there from September. Hull remains the tightest site.

![Sorting capacity used by depot, 2026](images/capacity.png)

## 3. Costs

Cost per parcel fell by four percent as volume grew faster than fixed costs. Energy was the only line that rose, by eleven percent. Overtime fell after the rota change in June.

<!-- skip -->
## 4. Appendix: method notes

Volumes are counted at the inbound scan; parcels that never reached a depot are excluded. The Grimsby depot's figures for March were estimated from its February and April totals.

## 5. Next steps

Extend the Hull site or move its overflow to Wakefield. Put the energy contract out to tender before renewal. Review whether the June rota change should apply across the region.
`;

const SKIPPED = 'Grimsby';
const AUTHOR_NOTE = 'Thank the Leeds team by name';

let dir = '';
let out = '';
const missingOffice = libreOfficeMissing();

beforeAll(async () => {
  dir = tempDir('briefdeck-directives-');
  mkdirSync(path.join(dir, 'images'));
  writeFileSync(path.join(dir, 'images', 'capacity.png'), await chartPng(900, 600, 3));
  writeFileSync(path.join(dir, 'network.md'), REPORT);
  out = path.join(dir, 'out');
  const r = briefdeck(['build', 'network.md', '-f', 'all', '-o', out], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 180_000);

describe('directives in the PowerPoint file', () => {
  it('leaves the skipped section out, keeps the author’s note, and every shape on its slide', async () => {
    const pptx = await readPptx(readFileSync(path.join(out, 'network.pptx')));
    const text = pptx.slides.map((s) => s.shapes.map((sh) => sh.text).join(' ')).join(' ');
    expect(text).not.toContain(SKIPPED);
    expect(text).toContain('Next steps');
    expect(pptx.slides.some((s) => s.notes.includes(AUTHOR_NOTE))).toBe(true);
    expect(shapesOutside(pptx)).toEqual([]);
    // The summary's one figure, large and editable in a text box of its own.
    const figure = pptx.slides.flatMap((s) => s.shapes).find((sh) => sh.name === 'Figure 1')!;
    expect(figure.text).toContain('14.2 million');
    expect(figure.text).toContain('Parcel volumes across the northern region');
    // The two-column slide: the picture and the key points side by side, neither crossing the middle.
    const capacity = pptx.slides.find((s) => s.shapes.some((sh) => sh.text.includes('Capacity')) && s.shapes.some((sh) => sh.name === 'Picture'))!;
    expect(capacity).toBeDefined();
    const middle = pptx.size.cx / 2;
    const picture = capacity.shapes.find((sh) => sh.name === 'Picture')!.box!;
    const body = capacity.shapes.find((sh) => sh.name === 'Body')!.box!;
    expect(body.x + body.w).toBeLessThanOrEqual(middle);
    expect(picture.x).toBeGreaterThanOrEqual(middle);
  });

  it.skipIf(!!missingOffice)('opens in LibreOffice with one page per presented slide', () => {
    const lo = path.join(dir, 'lo');
    convertToPdf([path.join(out, 'network.pptx')], lo);
    const html = readFileSync(path.join(out, 'network.html'), 'utf8');
    const sections = html.match(/<section class="layout-/g)!.length;
    expect(pdfInfo(path.join(lo, 'network.pdf')).pages).toBe(sections);
    expect(pdfText(path.join(lo, 'network.pdf'))).not.toContain(SKIPPED);
  });
});

describe.skipIf(!hasBrowser || !hasPoppler)('directives in the HTML deck and the PDFs', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
  });
  afterAll(async () => close?.());

  it('HTML: the skipped section is not presented, the two-column slide stays on its slide', async () => {
    const { page, errors } = await openDeck(browser, path.join(out, 'network.html'));
    try {
      const html = readFileSync(path.join(out, 'network.html'), 'utf8');
      expect(html).not.toContain(SKIPPED);
      expect(html).toContain(AUTHOR_NOTE);
      const columns = await page.evaluate(() => {
        const R = (window as unknown as { Reveal: { configure(o: object): void; slide(i: number): void } }).Reveal;
        R.configure({ transition: 'none' });
        R.slide([...document.querySelectorAll('.slides > section')].findIndex((s) => s.classList.contains('layout-two-column')));
        return [...document.querySelectorAll('.layout-two-column .column')].map((c) => {
          const r = c.getBoundingClientRect();
          return { left: r.left, right: r.right, image: !!c.querySelector('img') };
        });
      });
      expect(columns).toHaveLength(2);
      expect(columns[0].right).toBeLessThan(columns[1].left);
      expect(columns[1].image).toBe(true);
      expect(await page.$$eval('.layout-figures .figure-value', (els) => els.map((e) => e.textContent))).toEqual(['14.2 million']);
      expect(await layoutProblems(page)).toEqual([]);
      expect(errors).toEqual([]);
      expect(await revealSlideCount(page)).toBe(pdfInfo(path.join(out, 'network.pdf')).pages);
    } finally {
      await page.close();
    }
  });

  it('slides, handout and notes pages leave the skipped section out; the notes carry the author’s note', () => {
    for (const f of ['network.pdf', 'network.handout.pdf', 'network.notes.pdf']) expect(pdfText(path.join(out, f))).not.toContain(SKIPPED);
    expect(pdfText(path.join(out, 'network.notes.pdf')).replace(/\s+/g, ' ')).toContain(AUTHOR_NOTE);
  });

  it('the briefing keeps the skipped section and leaves the author’s note out', () => {
    const text = pdfText(path.join(out, 'network.briefing.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('Appendix: method notes');
    expect(text).toContain(SKIPPED);
    expect(text).not.toContain(AUTHOR_NOTE);
  });
});
