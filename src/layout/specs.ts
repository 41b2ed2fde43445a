/**
 * Layout geometry, shared by the planner (what fits), the HTML templates and the PPTX builder (where
 * it goes): a box is the same box everywhere. Boxes are fractions of the slide; sizes are CSS px at a
 * slide height of 720 px.
 */
import type { Layout } from '../types/deck.js';
import type { FontRole, Theme } from '../theme/types.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FontRange {
  role: FontRole;
  /** Preferred size in px. */
  pref: number;
  /** Smallest legible size: below it, content continues on another slide instead. */
  min: number;
}

export interface LayoutSpec {
  boxes: { title: Box; body: Box; kicker?: Box; subtitle?: Box; byline?: Box };
  title: FontRange;
  body: FontRange;
}

/**
 * Browsers kern, round line boxes and pick break points a hair differently from our measuring: text
 * is fitted into 97% of a box's width so the browser never needs a line more than we planned.
 */
export const SLACK = 0.97;

const MARGIN = 0.05625;
const WIDTH = 1 - 2 * MARGIN;
const KICKER: Box = { x: MARGIN, y: 0.045, w: WIDTH, h: 0.035 };
const TITLE: Box = { x: MARGIN, y: 0.085, w: WIDTH, h: 0.135 };
const BODY: Box = { x: MARGIN, y: 0.255, w: WIDTH, h: 0.645 };
/** Slide number, footer text and the logo. */
export const FOOTER: Box = { x: MARGIN, y: 0.925, w: WIDTH, h: 0.045 };

const contentTitle: FontRange = { role: 'heading', pref: 40, min: 26 };
const content = (body: FontRange): LayoutSpec => ({ boxes: { kicker: KICKER, title: TITLE, body: BODY }, title: contentTitle, body });

export const LAYOUTS: Record<Layout, LayoutSpec> = {
  title: {
    boxes: {
      title: { x: 0.075, y: 0.2, w: 0.85, h: 0.36 },
      subtitle: { x: 0.075, y: 0.6, w: 0.85, h: 0.13 },
      byline: { x: 0.075, y: 0.77, w: 0.85, h: 0.1 },
      body: { x: 0.075, y: 0.6, w: 0.85, h: 0.27 },
    },
    title: { role: 'heading', pref: 60, min: 32 },
    body: { role: 'body', pref: 30, min: 20 },
  },
  agenda: content({ role: 'body', pref: 28, min: 20 }),
  bullets: content({ role: 'body', pref: 28, min: 20 }),
  takeaways: content({ role: 'body', pref: 26, min: 22 }),
  conclusion: content({ role: 'body', pref: 32, min: 22 }),
  table: content({ role: 'body', pref: 24, min: 14 }),
  code: content({ role: 'mono', pref: 22, min: 13 }),
  image: content({ role: 'body', pref: 18, min: 14 }),
  /** Body size is the chart's category label size; the chart fills the content box like a table. */
  chart: content({ role: 'body', pref: 18, min: 12 }),
  quote: content({ role: 'body', pref: 36, min: 24 }),
  'two-column': content({ role: 'body', pref: 26, min: 18 }),
  /** Body size is the figures' labels; the figures themselves are sized by FIGURE. */
  figures: content({ role: 'body', pref: 28, min: 18 }),
  section: {
    boxes: {
      kicker: { x: 0.075, y: 0.2, w: 0.85, h: 0.2 },
      title: { x: 0.075, y: 0.44, w: 0.85, h: 0.34 },
      body: { x: 0.075, y: 0.44, w: 0.85, h: 0.34 },
    },
    title: { role: 'heading', pref: 54, min: 32 },
    body: { role: 'body', pref: 28, min: 20 },
  },
};

/** Space between the two columns of a two-column slide, as a fraction of the slide's width. */
const COLUMN_GAP = 0.045;

/** `n` columns side by side in the content box, in reading order (RTL decks mirror every box). */
export function columnBoxes(n = 2): Box[] {
  const w = (BODY.w - COLUMN_GAP * (n - 1)) / n;
  return Array.from({ length: n }, (_, i) => ({ ...BODY, x: BODY.x + i * (w + COLUMN_GAP), w }));
}

/** A key figure's size in px before the heading scale: as large as its column allows, down to `min`. */
export const FIGURE = { pref: 120, min: 44 };

/** A layout with the theme's type scale applied: each role's sizes grow or shrink together, in whole px. */
export function layoutSpec(layout: Layout, scale: Theme['scale']): LayoutSpec {
  const spec = LAYOUTS[layout];
  const sized = (f: FontRange): FontRange => ({ ...f, pref: Math.round(f.pref * scale[f.role]), min: Math.round(f.min * scale[f.role]) });
  return { ...spec, title: sized(spec.title), body: sized(spec.body) };
}

/** The section number on a section slide, in px before the heading scale. */
export const SECTION_NUMBER = 96;

/** The section number's size in px: the theme's scale of SECTION_NUMBER, never taller than its box. */
export function sectionNumberSize(theme: Theme, size: Size): number {
  const box = px(LAYOUTS.section.boxes.kicker!, size);
  return Math.floor(Math.min(SECTION_NUMBER * theme.scale.heading, box.h / theme.lineHeight.heading));
}

/**
 * Where the theme's logo may go: at the start of the footer row on content slides, in the top end
 * corner of title and section slides. The picture keeps its proportions inside the box.
 */
export const LOGO = {
  content: { x: MARGIN, y: FOOTER.y, w: 0.16, h: FOOTER.h } as Box,
  cover: { x: 0.745, y: 0.06, w: 0.18, h: 0.1 } as Box,
};

/** The accent rule under a title: 64 × 4 px, 10 px below the title box. */
export const RULE = { w: 64, h: 4, gap: 10 };

/**
 * The accent rule of a title or section slide: under the title (between the number and the title on
 * a section slide), centred when the title is.
 */
export function coverRule(layout: 'title' | 'section', theme: Theme, size: Size): Box {
  const spec = LAYOUTS[layout];
  const title = px(spec.boxes.title, size);
  const above = layout === 'section' ? px(spec.boxes.kicker!, size) : title;
  const x = theme.titleStyle === 'centered' ? title.x + (title.w - RULE.w) / 2 : title.x;
  return { x, y: above.y + above.h + RULE.gap, w: RULE.w, h: RULE.h };
}

/** The accent band down the start edge of a `band` title slide, in px. */
export const BAND = 18;

/** Footer text and slide numbers, in px. */
export const FOOTER_TEXT = { size: 14, lineHeight: 1.2, gap: 16 };

/** Spacing inside boxes, in em of the box's font size. The templates use these very numbers. */
export const SPACING = {
  /** Space above each top-level list item or paragraph but the first. */
  itemGap: 0.45,
  /** Space above nested list items. */
  nestedGap: 0.2,
  /** Indent per list level, and the width kept for the bullet or number. */
  indent: 1.2,
  /** Table cell padding. */
  cellPadY: 0.35,
  cellPadX: 0.55,
  /** Padding inside the code panel, and the height of its language label row. */
  codePad: 0.8,
  codeLabel: 1.4,
  /** Gap between an image and its caption. */
  captionGap: 0.6,
  /** Gap between a quote and its attribution. */
  citeGap: 0.8,
  /** Attribution size relative to the quote. */
  citeScale: 0.62,
  /** On a figures slide: space above the label and above the sentence (em of the label size), and the sentence's size. */
  figureLabelGap: 0.3,
  figureSentenceGap: 0.7,
  figureSentenceScale: 0.75,
  /** A picture's caption in a column beside text, relative to the text's size. */
  columnCaptionScale: 0.7,
  /** Subtitle and byline sizes on the title slide, relative to the body size. */
  bylineScale: 0.72,
} as const;

/** The bullet of an unordered item on a slide, by nesting level: •, then –, then ◦ for every deeper level. */
export function bulletFor(level: number): string {
  return ['•', '–', '◦'][Math.min(level, 2)];
}

/**
 * Where a list item's marker and text start, in em from the box's start edge. Numbers need more room
 * than bullets ("10." is wider than "•"), so each level's marker column is as wide as its widest number.
 */
export function listIndents(items: { level: number; ordered: boolean; n?: number }[]): (level: number) => { marker: number; text: number } {
  const columns = new Map<number, number>();
  for (const item of items) {
    const digits = item.ordered ? String(item.n ?? 1).length : 0;
    // Carlito's figures are 0.51 em and its full stop 0.25 em; 0.35 em keeps the text clear of the number.
    const width = item.ordered ? Math.max(SPACING.indent, digits * 0.55 + 0.3 + 0.35) : SPACING.indent;
    columns.set(item.level, Math.max(columns.get(item.level) ?? 0, width));
  }
  return (level) => {
    let marker = 0;
    for (let l = 0; l < level; l++) marker += columns.get(l) ?? SPACING.indent;
    return { marker, text: marker + (columns.get(level) ?? SPACING.indent) };
  };
}

export interface Size {
  width: number;
  height: number;
}

export function slideSize(aspect: '16:9' | '4:3'): Size {
  return aspect === '4:3' ? { width: 960, height: 720 } : { width: 1280, height: 720 };
}

export function px(box: Box, size: Size): Box {
  return { x: box.x * size.width, y: box.y * size.height, w: box.w * size.width, h: box.h * size.height };
}
