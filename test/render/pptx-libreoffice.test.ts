/**
 * The PPTX as a colleague sees it: real LibreOffice renders each generated deck (Calibri and Courier
 * New shown with their metric twins Carlito and Liberation Mono, as the planner measured). Every
 * page is one slide, every word of the slide is on its page, and every word sits inside the box it
 * belongs to, so a word clipped or pushed out of its box because it did not fit fails. The example is
 * also built in every built-in theme, in a company theme with a logo and a footer line, and in that
 * theme at 4:3 with a footer line the foot row has to shorten.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Slide } from '../../src/types/deck.js';
import { FOOTER_TEXT, LAYOUTS, px, sectionNumberSize, type Box } from '../../src/layout/specs.js';
import { footRow } from '../../src/layout/chrome.js';
import { labelsFor } from '../../src/plan/labels.js';
import { isRtl } from '../../src/structure/lang.js';
import { EXAMPLE, FIXTURES, fixtureReports } from '../helpers/fixtures.js';
import { buildPptx, type Built } from '../helpers/pptx.js';
import { convertToPdf, libreOfficeMissing, pdfWords, type Page } from '../helpers/libreoffice.js';
import { THEMES, longFooterTheme } from '../helpers/themes.js';
import { tempDir } from '../helpers/tmp.js';

const missing = libreOfficeMissing();
if (missing) console.warn(`skipping the LibreOffice rendering test: ${missing}`);

/** A 4:3 company theme whose footer line the foot row must shorten. */
const LONG_FOOTER = `${path.basename(EXAMPLE)} at 4:3 with a long footer`;
/**
 * Every generated deck: the example and every fixture report in the default theme, the example in
 * every theme, and in a 4:3 theme with a footer line too long for its slides.
 */
const DECKS: { name: string; report: string; theme?: string }[] = [
  ...[EXAMPLE, ...fixtureReports().map((n) => path.join(FIXTURES, n))].map((report) => ({ name: path.basename(report), report })),
  ...THEMES.map((t) => ({ name: `${path.basename(EXAMPLE)} in ${t.name}`, report: EXAMPLE, theme: t.spec })),
  { name: LONG_FOOTER, report: EXAMPLE, theme: longFooterTheme(tempDir('briefdeck-lo-theme-')) },
];
const decks: { name: string; built: Built; pages: Page[] }[] = [];
/** The example with one bullet made far longer than its slide: what an unfitted deck would look like. */
let overflowed: { name: string; built: Built; pages: Page[] } | undefined;

beforeAll(async () => {
  if (missing) return;
  const dir = tempDir('briefdeck-lo-');
  const files: string[] = [];
  const builtAll: Built[] = [];
  for (const [i, d] of DECKS.entries()) {
    const built = await buildPptx(d.report, undefined, { theme: d.theme });
    // One folder for all: soffice names each PDF after its PPTX.
    const file = path.join(dir, `${i}-${path.basename(d.report, '.md')}.pptx`);
    writeFileSync(file, built.buffer);
    files.push(file);
    builtAll.push(built);
  }
  const long = await buildPptx(EXAMPLE, (deck) => {
    const slide = deck.slides.find((s) => s.layout === 'bullets')!;
    const list = slide.blocks.find((b) => 'list' in b) as { list: { runs: { text: string }[] }[] };
    list.list[0].runs = [{ text: Array.from({ length: 160 }, (_, i) => `overflowing${i}`).join(' ') }];
    return deck;
  });
  const longFile = path.join(dir, 'overflow.pptx');
  writeFileSync(longFile, long.buffer);
  convertToPdf([...files, longFile], dir);
  builtAll.forEach((built, i) => decks.push({ name: DECKS[i].name, built, pages: pdfWords(files[i].replace(/\.pptx$/, '.pdf')) }));
  overflowed = { name: 'overflow', built: long, pages: pdfWords(path.join(dir, 'overflow.pdf')) };
}, 300_000);

/** Pictographs need a colour emoji font LibreOffice may not have; everything else must come through. */
const PICTO = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D\u20E3]/gu;
const norm = (s: string) => s.normalize('NFKC').replace(PICTO, '').replace(/\s+/g, '');
/** pdftotext writes right-to-left words in visual order. */
const reversed = (s: string) => [...s].reverse().join('');

/**
 * Right-to-left runs come back reordered (a date inside Arabic reads "15-10-2026", a lam-alef
 * ligature decomposes after its neighbours): such a word counts as shown when the page holds all
 * of its characters. Clipping is caught by the box test, which sees every word's place.
 */
function holdsLetters(page: string, word: string): boolean {
  const have = new Map<string, number>();
  for (const ch of page) have.set(ch, (have.get(ch) ?? 0) + 1);
  for (const ch of word) {
    const n = have.get(ch) ?? 0;
    if (!n) return false;
    have.set(ch, n - 1);
  }
  return true;
}
const BIDI = /[\u0590-\u05FF\u0600-\u06FF]|^[\d\p{P}]+$/u;

interface Region {
  name: string;
  box: Box;
  /** Font size in px, for the glyph tolerance. */
  size: number;
  text: string;
}

const runsText = (runs: { text: string }[]) => runs.map((r) => r.text).join('');
function blockText(b: Block, imageMissing: string, built: Built): string[] {
  if ('paragraph' in b) return [runsText(b.paragraph)];
  if ('list' in b) return b.list.map((i) => runsText(i.runs));
  if ('table' in b) return [...b.table.head, ...b.table.rows.flat()].map(runsText);
  if ('code' in b) return [...(b.code.lang ? [b.code.lang.toUpperCase()] : []), ...b.code.lines];
  if ('quote' in b) return [runsText(b.quote.runs), b.quote.cite ? `— ${b.quote.cite}` : ''];
  if ('image' in b) return [b.image.alt, built.deck.assets[b.image.asset]?.path ? '' : imageMissing];
  if ('figure' in b) return [b.figure.value, b.figure.label, b.figure.sentence];
  if ('chart' in b) return [...b.chart.categories, ...b.chart.series.map((x) => x.name)];
  return [];
}

/**
 * Every box of a slide with the text it holds: the layout's boxes, and on content slides the foot
 * row as the theme lays it out (footer line, possibly shortened, and the slide number).
 */
function regions(slide: Slide, n: number, total: number, built: Built): Region[] {
  const spec = LAYOUTS[slide.layout];
  const { deck, theme } = built;
  const size = deck.size;
  const out: Region[] = [{ name: 'title', box: px(spec.boxes.title, size), size: slide.fit.title, text: slide.title }];
  if (slide.layout === 'title') {
    for (const name of ['subtitle', 'byline'] as const) {
      const b = slide.blocks.find((x) => name in x) as Record<string, string> | undefined;
      if (b) out.push({ name, box: px(spec.boxes[name]!, size), size: slide.fit.byline ?? slide.fit.body, text: b[name] });
    }
    return out;
  }
  if (slide.layout === 'section') {
    // The section's number, large, in the kicker box above the title; nothing else on the slide.
    if (slide.kicker) out.push({ name: 'section number', box: px(spec.boxes.kicker!, size), size: sectionNumberSize(theme, size), text: slide.kicker });
    return out;
  }
  if (slide.kicker && spec.boxes.kicker) out.push({ name: 'kicker', box: px(spec.boxes.kicker, size), size: 18, text: slide.kicker });
  const body = slide.blocks.flatMap((b) => blockText(b, labelsFor(deck.meta.lang, theme.labels).imageMissing, built)).join('\n');
  out.push({ name: 'body', box: px(spec.boxes.body, size), size: slide.fit.body, text: body });
  const foot = footRow(theme, size, built.measurer, total);
  if (foot.footer) out.push({ name: 'footer', box: foot.footer.box, size: FOOTER_TEXT.size, text: foot.footer.text });
  if (foot.number) out.push({ name: 'slide number', box: foot.number, size: FOOTER_TEXT.size, text: `${n} / ${total}` });
  return out;
}

/** Words that sit outside every box whose text holds them, or off the page. */
function misplaced(d: { name: string; built: Built; pages: Page[] }): string[] {
  const outside: string[] = [];
  const rtl = isRtl(d.built.deck.meta.lang);
  const { width } = d.built.deck.size;
  d.built.deck.slides.forEach((slide, i) => {
    const page = d.pages[i];
    const scale = page.width / width;
    const rs = regions(slide, i + 1, d.built.deck.slides.length, d.built).map((r) => ({ ...r, flat: norm(r.text) }));
    for (const w of page.words) {
      const text = norm(w.text);
      if (!text) continue;
      if (w.xMin < -0.5 || w.yMin < -0.5 || w.xMax > page.width + 0.5 || w.yMax > page.height + 0.5) {
        outside.push(`${d.name} slide ${i + 1}: "${w.text}" leaves the page`);
        continue;
      }
      const homes = rs.filter((r) => r.flat.includes(text) || r.flat.includes(reversed(text)));
      // Markers, numbers and bullets are not model text: they have no box to check against.
      if (!homes.length) continue;
      const inside = homes.some((r) => {
        const b = r.box;
        const x = rtl ? width - b.x - b.w : b.x;
        // Glyphs reach past a tight line box (Carlito's ascent + descent is 1.22 em, a title line 1.1 em).
        const tol = (0.3 * r.size + 2) * scale;
        return (
          w.yMin >= b.y * scale - tol &&
          w.yMax <= (b.y + b.h) * scale + tol &&
          w.xMin >= x * scale - tol &&
          w.xMax <= (x + b.w) * scale + tol
        );
      });
      if (!inside) outside.push(`${d.name} slide ${i + 1}: "${w.text}" at y ${w.yMin.toFixed(1)}–${w.yMax.toFixed(1)} is outside its ${homes.map((h) => h.name).join('/')} box`);
    }
  });
  return outside;
}

describe.skipIf(!!missing)('PPTX rendered by LibreOffice', () => {
  it('renders one page per slide', () => {
    expect(decks.length).toBe(DECKS.length);
    for (const d of decks) expect(d.pages.length, d.name).toBe(d.built.deck.slides.length);
  });

  it('shows every word of every slide on its page', () => {
    const lost: string[] = [];
    for (const d of decks) {
      d.built.deck.slides.forEach((slide, i) => {
        const page = d.pages[i];
        const seen = norm(page.words.map((w) => w.text).join(''));
        for (const r of regions(slide, i + 1, d.built.deck.slides.length, d.built)) {
          for (const word of r.text.split(/\s+/).map(norm).filter(Boolean)) {
            if (seen.includes(word) || seen.includes(reversed(word)) || (BIDI.test(word) && holdsLetters(seen, word))) continue;
            lost.push(`${d.name} slide ${i + 1} ${r.name}: "${word}"`);
          }
        }
      });
    }
    expect(lost).toEqual([]);
  });

  it('keeps every word inside its box and on the page', () => {
    expect(decks.flatMap(misplaced)).toEqual([]);
  });

  it('checks a shortened footer line: the long footer is cut with "…" and its words are among those checked above', () => {
    const d = decks.find((x) => x.name === LONG_FOOTER)!;
    expect(d.built.deck.size).toEqual({ width: 960, height: 720 });
    expect(d.pages[1].width / d.pages[1].height).toBeCloseTo(4 / 3, 2);
    const foot = footRow(d.built.theme, d.built.deck.size, d.built.measurer, d.built.deck.slides.length).footer!;
    expect(foot.shortened).toBe(true);
    expect(foot.text).toMatch(/^Harbour Logistics · Internal\b.*…$/);
    const second = norm(d.pages[1].words.map((w) => w.text).join(''));
    expect(second).toContain(norm(foot.text));
  });

  it('catches a word that ran out of its box', () => {
    expect(overflowed).toBeDefined();
    expect(misplaced(overflowed!).some((m) => m.includes('outside its body box'))).toBe(true);
  });
});
