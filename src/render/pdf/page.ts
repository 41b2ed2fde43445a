/**
 * Paper, margins and the running header and footer of the portrait documents (handout, notes,
 * briefing). Headers and footers are CSS page-margin boxes, so "Page x of y" comes from Chromium's own
 * page counters in the one print, whatever the text flows to.
 */
import type { Paper, RenderInput } from '../registry.js';
import { fontStack } from '../html/css.js';
import { labelsFor } from '../../plan/labels.js';
import { paperColors } from './paper-colors.js';
import { isRtl } from '../../structure/lang.js';

/** CSS pixels per millimetre. */
export const MM = 96 / 25.4;

const PAPER_MM: Record<Paper, { w: number; h: number }> = {
  a4: { w: 210, h: 297 },
  letter: { w: 215.9, h: 279.4 },
};

/** Margins in mm: room above and below for the running header and footer. */
const MARGIN = { top: 20, bottom: 20, side: 18 };

export interface PageFrame {
  paper: Paper;
  /** The area inside the margins, in CSS px. */
  contentW: number;
  contentH: number;
}

export function pageFrame(paper: Paper): PageFrame {
  const p = PAPER_MM[paper];
  return { paper, contentW: (p.w - 2 * MARGIN.side) * MM, contentH: (p.h - MARGIN.top - MARGIN.bottom) * MM };
}

/** A CSS string literal. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;
}

/**
 * "Page {n} of {total}" → `"Page " counter(page) " of " counter(pages)`, for any translation of it.
 * A document printed in parts is told its page count (`total`), which no part's own counter knows.
 */
export function pageCounterContent(label: string, total?: number): string {
  return label
    .split(/(\{n\}|\{total\})/)
    .filter(Boolean)
    .map((part) => (part === '{n}' ? 'counter(page)' : part === '{total}' ? (total === undefined ? 'counter(pages)' : cssString(String(total))) : cssString(part)))
    .join(' ');
}

/**
 * Where a part of a long document sits in the whole: its first page's number, and the whole's page
 * count when it is known before printing (handouts: one sheet a page). When it is not (notes pages
 * and the briefing flow), parts number their pages without the total.
 */
export interface PartPages {
  firstPage: number;
  total?: number;
}

export interface RunningText {
  /** Top, at the start side: the deck title. */
  header?: string;
  /** Bottom, at the start side: the date. */
  footer?: string;
  /** Bottom, at the end side: "Page {n} of {total}". */
  pageOf: string;
  /** "Page {n}", for the parts of a document whose page count is not known when they print. */
  page: string;
  /** No running header or footer on the first page (the briefing's title page). */
  skipFirst?: boolean;
  /** Font stack and colour of the running text. */
  font: string;
  color: string;
  rtl: boolean;
}

/** The running header and footer in the theme's body font and muted colour, mirrored for right-to-left decks. */
export function runningText(input: RenderInput, text: { header: string; footer?: string; skipFirst?: boolean }): RunningText {
  const { deck, theme } = input;
  // The theme's footer line ("Acme · Confidential") runs along the foot of every printed page too.
  const footer = [theme.footer, text.footer].filter(Boolean).join(' · ');
  return {
    ...text,
    ...(footer ? { footer } : {}),
    pageOf: labelsFor(deck.meta.lang, theme.labels).pageOf,
    page: labelsFor(deck.meta.lang, theme.labels).page,
    font: fontStack(theme, 'body', deck.meta.lang),
    color: paperColors(theme).colors.muted,
    rtl: isRtl(deck.meta.lang),
  };
}

/** What the running text draws, for the printer to load its fonts first (digits for the page numbers). */
export function marginText(run: RunningText): { font: string; text: string } {
  const pages = `${run.pageOf} ${run.page}`.replace(/\{n\}|\{total\}/g, '0123456789');
  return { font: run.font, text: [run.header, run.footer, pages].filter(Boolean).join(' ') };
}

export function pageCss(frame: PageFrame, run: RunningText, part?: PartPages): string {
  const [start, end] = run.rtl ? ['right', 'left'] : ['left', 'right'];
  const first = part?.firstPage ?? 1;
  const counter = part && part.total === undefined ? pageCounterContent(run.page) : pageCounterContent(run.pageOf, part?.total);
  const box = `font-family: ${run.font}; font-size: 8.5pt; color: ${run.color};`;
  const margins = `margin: ${MARGIN.top}mm ${MARGIN.side}mm ${MARGIN.bottom}mm`;
  const rules = [
    `@page { size: ${frame.paper === 'a4' ? 'A4' : 'letter'} portrait; ${margins};`,
    run.header ? `  @top-${start} { content: ${cssString(run.header)}; ${box} vertical-align: bottom; padding-bottom: 4mm; }` : '',
    run.footer ? `  @bottom-${start} { content: ${cssString(run.footer)}; ${box} vertical-align: top; padding-top: 4mm; }` : '',
    `  @bottom-${end} { content: ${counter}; ${box} vertical-align: top; padding-top: 4mm; }`,
    '}',
  ];
  // The page counter cannot be set, but the first page's increment can: it numbers the part on.
  if (first > 1) rules.push(`@page :first { counter-increment: page ${first}; }`);
  else if (run.skipFirst) rules.push(`@page :first { @top-${start} { content: none; } @bottom-${start} { content: none; } }`);
  return rules.filter(Boolean).join('\n');
}

/** Today's date as YYYY-MM-DD, for a report that gives none. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
