/**
 * Long documents print in parts. Chromium's print time grows faster than a document's page count
 * (before slides were contained, a 418-page deck printed in 1.5 s, 2090 pages took 33 s and 4176
 * pages 130 s; contained, 243 pages print in 0.5 s and 972 in 3.1 s) and its memory with the
 * document, so a deck of thousands of slides is printed as documents of a few hundred pages each,
 * one tab per part, and the parts are merged into one PDF with their outline, links and tags.
 * A document that fits in one part prints as it always did, in one `page.pdf`.
 */
import type { RenderInput } from '../registry.js';
import { printHtml, type PrintOptions } from './print.js';
import type { PdfPart } from './merge.js';
import { Limit } from '../../batch/limit.js';

/**
 * Pages in one part. A slide page costs about 1.75 ms plus 1.3 µs for every page of its document
 * (2 ms plus 6.5 µs before slides were contained, print.css), and a part costs about 0.4 s of its
 * own (a tab, the document and its fonts). By time alone, parts of 400–800 pages would now cost
 * about a tenth less; but Chromium's memory grows with a part, two print side by side, and parts of
 * 250 pages are what kept a 2000-section build within 1 GiB.
 */
export const PAGES_PER_PART = 250;

/**
 * Merging costs about 1 ms a page, and the first part is merged while the second prints; two parts
 * printed side by side take about half as long as the whole past a few hundred pages (486 slides:
 * 0.6–0.7 s against 1.15 s, and 3.3 s against 3.5 s for the whole build). A document up to this many
 * pages prints whole, as one `page.pdf`.
 */
export const WHOLE_UP_TO = 300;

/**
 * Pages per part for a document of `pages` pages: all of them when it prints whole, otherwise parts
 * of at most about PAGES_PER_PART, and at least two, of even size (486 pages: two of 243, not 250 and
 * 236). A page that shows several slides (a handout sheet) weighs as much as they do: Chromium's
 * memory for a part grows with the slides it draws, and a part of 250 sheets of three took some
 * 320 MB of it, twice a part of 250 slides.
 */
export function partSize(input: Pick<RenderInput, 'pagesPerPart'>, pages: number, slidesPerPage = 1): number {
  if (input.pagesPerPart) return input.pagesPerPart;
  if (pages * slidesPerPage <= WHOLE_UP_TO) return Math.max(1, pages);
  const most = Math.max(1, Math.round(PAGES_PER_PART / slidesPerPage));
  const count = Math.max(2, Math.ceil(pages / most));
  return Math.ceil(pages / count);
}

export interface PrintPart {
  html: string;
  /** Anchors this part really holds; other parts may hold stand-ins for them, so their links print. */
  ownDests?: string[];
}

/**
 * Prints `count` parts and merges them. `make(i, pagesBefore)` writes part i's HTML when its turn
 * comes, so only the parts being printed are in memory. With `inOrder`, part i is made once every
 * part before it has printed, and `pagesBefore` is their page count (for running page numbers);
 * otherwise parts print side by side, as many as the run's tabs allow, and `pagesBefore` is 0.
 */
export async function printParts(
  input: RenderInput,
  count: number,
  make: (index: number, pagesBefore: number) => PrintPart,
  opts: PrintOptions & { inOrder?: boolean } = {},
): Promise<Uint8Array> {
  if (count === 1) {
    const printed = await printHtml(input, make(0, 0).html, opts);
    input.donePrinting?.();
    return printed.pdf;
  }
  // The steps of each part would make a bar jump back and forth: it counts parts instead.
  const quiet: RenderInput = { ...input, progress: undefined };
  let done = 0;
  const print = async (i: number, pagesBefore: number) => {
    const part = make(i, pagesBefore);
    const printed = await printHtml(quiet, part.html, opts);
    done++;
    input.progress?.(done, count);
    if (done === count) input.donePrinting?.();
    return { part: { bytes: printed.pdf, ownDests: part.ownDests }, pages: printed.pages };
  };
  // Parts are merged in order while later ones print; a merged part's bytes are let go at once.
  const { mergePdfs } = await import('./merge.js');
  let parts: AsyncGenerator<PdfPart>;
  if (opts.inOrder) {
    parts = (async function* () {
      let pages = 0;
      let next = print(0, 0);
      for (let i = 0; i < count; i++) {
        const { part, pages: partPages } = await next;
        pages += partPages;
        // The next part prints while this one is merged.
        if (i + 1 < count) {
          next = print(i + 1, pages);
          next.catch(() => undefined);
        }
        yield part;
      }
    })();
  } else {
    // Two parts of a document in flight keep the run's tabs busy; the others are not even written yet.
    const flight = new Limit(2);
    const printing: Array<Promise<PdfPart> | undefined> = Array.from({ length: count }, (_, i) => flight.run(async () => (await print(i, 0)).part));
    // A part that fails while an earlier one is being merged is reported when its turn comes.
    for (const p of printing) p!.catch(() => undefined);
    parts = (async function* () {
      for (let i = 0; i < count; i++) {
        const part = await printing[i]!;
        printing[i] = undefined;
        yield part;
      }
    })();
  }
  // Only the first part holds the document's title (h1): later headings nest under it, as in one print.
  return mergePdfs(parts, { underTitle: true });
}

/** `items` cut into runs of at most `size`, in order. */
export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
