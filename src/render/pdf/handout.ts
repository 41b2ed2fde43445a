/**
 * `<stem>.handout.pdf`: the audience handout. Portrait A4 or Letter; 1, 2, 3, 4, 6 or 9 slides a sheet
 * (three by default, each beside ruled lines for notes, as PowerPoint's handouts are); the deck title
 * at the top of every page and the date and "Page x of y" at the bottom. Every sheet is exactly one
 * page, so the page count is ceil(slides / per page).
 */
import type { PerPage, RenderInput } from '../registry.js';
import { paperVariables } from './paper-colors.js';
import { labelsFor } from '../../plan/labels.js';
import { chunk, partSize, printParts } from './parts.js';
import { printCss, printDocument, printTemplate } from './document.js';
import { metaFor, setMetadata } from './metadata.js';
import { MM, pageCss, marginText, pageFrame, runningText, today, type PageFrame } from './page.js';
import { indices, slideSections, slideStyles, thumbnail } from './slide-pages.js';

/** Columns and rows of each sheet. */
const GRID: Record<PerPage, { cols: number; rows: number }> = {
  1: { cols: 1, rows: 1 },
  2: { cols: 1, rows: 2 },
  3: { cols: 1, rows: 3 },
  4: { cols: 2, rows: 2 },
  6: { cols: 2, rows: 3 },
  9: { cols: 3, rows: 3 },
};

/** Cell size and slide width of a sheet; a hair under the page so rounding never spills a sheet onto two pages. */
export function handoutGeometry(frame: PageFrame, perPage: PerPage, aspect: number) {
  const { cols, rows } = GRID[perPage];
  const sheetW = frame.contentW - 2;
  const sheetH = frame.contentH - 2;
  const cellW = sheetW / cols;
  const cellH = sheetH / rows;
  const pad = 6 * MM;
  let slideW: number;
  if (perPage === 1) slideW = sheetW;
  else if (perPage === 3) slideW = Math.min(cellW * 0.55, (cellH - pad) * aspect);
  else slideW = Math.min(cellW - pad, (cellH - pad) * aspect);
  // With one slide a sheet, the ruled lines fill what the slide leaves.
  const lineCount = perPage === 3 ? Math.max(3, Math.floor((cellH - pad) / (8 * MM))) : perPage === 1 ? Math.floor((sheetH - slideW / aspect - 10 * MM) / (9 * MM)) : 0;
  return { sheetH, cellW, cellH, slideW, lineCount };
}

export async function renderHandout(input: RenderInput): Promise<Buffer> {
  const { deck, perPage } = input;
  const labels = labelsFor(deck.meta.lang, input.theme.labels);
  const frame = pageFrame(input.paper);
  const g = handoutGeometry(frame, perPage, deck.size.width / deck.size.height);
  const section = slideSections(input, { headings: false });
  // A sheet's slide numbers; its thumbnails are drawn when its part prints.
  const sheets = chunk(indices(deck.slides.length), perPage);
  const sheet = (slides: number[]) => ({ cells: slides.map((s) => ({ thumb: thumbnail(deck, section(s), g.slideW) })) });
  const date = deck.meta.date ?? today();
  const running = runningText(input, { header: deck.meta.title, footer: date });
  const styles = [
    ...slideStyles(deck, input, [date, labels.pageOf, labels.page]),
    paperVariables(input.theme, deck),
    printCss(input, 'paper'),
    printCss(input, 'handout'),
  ];
  // Every sheet is one page, so each part knows its first page number and the handout's page count.
  const perPart = partSize(input, sheets.length, perPage);
  const parts = chunk(sheets, perPart);
  const html = (i: number) =>
    printDocument(deck, input, {
      kind: 'print-handout',
      version: input.version,
      styles: [...styles, pageCss(frame, running, parts.length > 1 ? { firstPage: i * perPart + 1, total: sheets.length } : undefined)],
      body: printTemplate(input, 'handout')({
        sheets: parts[i].map(sheet),
        perPage,
        sheetH: g.sheetH.toFixed(2),
        cellW: g.cellW.toFixed(2),
        cellH: g.cellH.toFixed(2),
        lines: g.lineCount ? Array.from({ length: g.lineCount }, () => ({})) : undefined,
      }),
    });
  const pdf = await printParts(input, parts.length, (i) => ({ html: html(i) }), { marginText: marginText(running) });
  return await setMetadata(pdf, metaFor(deck, input.version, 'Handout'));
}
