/**
 * Directives: what an author tells briefdeck inside the report, as HTML comments so the Markdown still
 * reads cleanly on GitHub or in an editor (`<!-- layout: quote -->`, `<!-- skip -->`). A comment that
 * is not a directive is an ordinary comment and is passed over in silence; a directive with a value
 * briefdeck cannot use is a warning naming its line, and is ignored.
 */
import type { ChartBlock } from '../types/deck.js';

/** How a section is shown, instead of its key points on a bullet slide. */
export const SECTION_LAYOUTS = ['bullets', 'quote', 'two-column', 'figures', 'image', 'table', 'code'] as const;
export type SectionLayout = (typeof SECTION_LAYOUTS)[number];

export const CHART_TYPES = ['bar', 'column', 'line', 'pie', 'none'] as const;
export type ChartRequest = { type: ChartBlock['type'] | 'none'; stacked?: boolean; title?: string; line: number };

/** Most key points a section may ask for: more would not be key. */
export const MAX_KEYPOINTS = 10;

export type Directive =
  | { name: 'layout'; layout: SectionLayout; line: number }
  | { name: 'skip'; line: number }
  | { name: 'keypoints'; count: number; line: number }
  | { name: 'notes'; text: string; line: number }
  | { name: 'split'; line: number }
  | { name: 'chart'; chart: ChartRequest; line: number };

/** Directives that say something about a whole section rather than the place they sit. */
export type SectionDirective = Extract<Directive, { name: 'layout' | 'skip' | 'keypoints' }>;
export const isSectionDirective = (d: Directive): d is SectionDirective => d.name === 'layout' || d.name === 'skip' || d.name === 'keypoints';

const COMMENT = /<!--([\s\S]*?)-->/g;

/** True when an HTML block holds nothing but comments (and white space). */
export function onlyComments(html: string): boolean {
  return html.replace(COMMENT, '').trim() === '';
}

/**
 * The directives in an HTML block of comments, each with the line it starts on. `problem` hears of a
 * directive whose value cannot be used.
 */
export function readDirectives(html: string, line: number, problem: (message: string, line: number) => void): Directive[] {
  const out: Directive[] = [];
  for (const m of html.matchAll(COMMENT)) {
    const at = line + (html.slice(0, m.index).match(/\n/g)?.length ?? 0);
    const d = readOne(m[1], at, problem);
    if (d) out.push(d);
  }
  return out;
}

function readOne(body: string, line: number, problem: (message: string, line: number) => void): Directive | undefined {
  const m = /^\s*([a-z][a-z-]*)\s*(?::([\s\S]*))?$/i.exec(body);
  if (!m) return undefined;
  const name = m[1].toLowerCase();
  const value = m[2]?.trim();
  switch (name) {
    case 'skip':
    case 'split':
      // "skip: later" is somebody's note to self, not a directive with a value.
      return value === undefined ? { name, line } : undefined;
    case 'layout': {
      if (value === undefined) return undefined;
      const layout = value.toLowerCase().replace(/\s+/g, '-');
      if ((SECTION_LAYOUTS as readonly string[]).includes(layout)) return { name, layout: layout as SectionLayout, line };
      problem(`layout: "${value}" is not a layout briefdeck has (${SECTION_LAYOUTS.join(', ')}); ignored`, line);
      return undefined;
    }
    case 'keypoints':
    case 'key-points': {
      if (value === undefined) return undefined;
      const count = /^\d+$/.test(value) ? Number(value) : NaN;
      if (Number.isInteger(count) && count <= MAX_KEYPOINTS) return { name: 'keypoints', count, line };
      problem(`keypoints: "${value}" is not a number from 0 to ${MAX_KEYPOINTS}; ignored`, line);
      return undefined;
    }
    case 'notes': {
      if (value === undefined) return undefined;
      const text = value.split(/\n[ \t]*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
      return text ? { name, text, line } : undefined;
    }
    case 'chart': {
      if (value === undefined) return undefined;
      const c = /^(stacked\s+)?([a-z]+)(?:\s*[,;]?\s*title\s*:\s*([\s\S]+))?$/i.exec(value);
      const type = c?.[2].toLowerCase();
      if (!c || !(CHART_TYPES as readonly string[]).includes(type!) || (c[1] && type !== 'bar' && type !== 'column')) {
        problem(`chart: "${value}" is not a chart briefdeck draws (bar, column, line, pie, stacked bar, stacked column or none); ignored`, line);
        return undefined;
      }
      const title = c[3]?.replace(/\s+/g, ' ').trim();
      return { name, chart: { type: type as ChartRequest['type'], ...(c[1] ? { stacked: true } : {}), ...(title ? { title } : {}), line }, line };
    }
    default:
      return undefined;
  }
}

/** What a section's directives decided, gathered on the section. */
export interface SectionDirectives {
  layout?: SectionLayout;
  /** Line of the layout directive, for a warning when the section cannot be shown that way. */
  layoutLine?: number;
  skip?: boolean;
  keypoints?: number;
}

export function addSectionDirective(into: SectionDirectives, d: SectionDirective): SectionDirectives {
  if (d.name === 'layout') return { ...into, layout: d.layout, layoutLine: d.line };
  if (d.name === 'skip') return { ...into, skip: true };
  return { ...into, keypoints: d.count };
}

/**
 * `::: notes` … `:::` (Pandoc's and Quarto's fenced div for speaker notes; also `::: {.notes}`) opens
 * in a paragraph's first line and closes on a line of its own.
 */
export const NOTES_OPEN = /^:::[ \t]*(?:notes|\{[ \t]*\.notes[ \t]*\})[ \t]*(?:\n|$)/;
export const NOTES_CLOSE = /(?:^|\n)[ \t]*:::[ \t]*$/;
