/**
 * `check`: what would embarrass a presenter, found by planning the deck without writing it. The
 * reader's and planner's own warnings (a missing picture, dropped HTML, a theme's low contrast) are
 * joined by checks of the planned deck: a section that runs on over too many slides, a title that
 * takes two lines, a section with nothing to say, a link to a local file that is not there.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Deck } from '../types/deck.js';
import type { Report, Section } from '../types/report.js';
import type { Diagnostic } from '../types/diagnostics.js';
import type { PlannedReport } from '../pipeline.js';
import { layoutSpec, px, SLACK } from '../layout/specs.js';
import { localPath } from '../structure/images.js';
import { presentedDeck } from '../render/presented.js';

export interface CheckOptions {
  /** Slides a section may continue on ("(cont.)") before it is reported; default 2. */
  maxContinued?: number;
  /** Every warning counts as an error. */
  strict?: boolean;
}

/** A presenter cannot show these at all: they are errors, not warnings. */
const BROKEN = new Set(['image-missing', 'image-unreadable', 'image-fetch-failed', 'image-outside', 'image-too-large', 'link-missing']);

export function checkPlanned(planned: PlannedReport, file: string, opts: CheckOptions = {}): Diagnostic[] {
  const text = readFileSync(file, 'utf8');
  const headings = headingLines(planned.report);
  // Slides of a skipped section are never presented: their length and titles cannot embarrass anyone.
  const presented = { ...planned, deck: presentedDeck(planned.deck) };
  const found = [
    ...planned.diagnostics,
    ...longRuns(presented.deck, file, opts.maxContinued ?? 2, headings),
    ...longTitles(presented, file, headings),
    ...emptySections(planned.report, file),
    ...missingLinks(planned.deck, file, text),
  ];
  return found
    .map((d): Diagnostic => ({ ...d, file: d.file ?? file, level: opts.strict || BROKEN.has(d.code) ? 'error' : d.level }))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** The line of each section's heading, by its title: a slide's own line is that of its first block. */
function headingLines(report: Report): Map<string, number> {
  const lines = new Map<string, number>();
  const visit = (s: Section) => {
    if (!lines.has(s.title)) lines.set(s.title, s.line);
    s.children.forEach(visit);
  };
  report.sections.forEach(visit);
  return lines;
}

/** A section whose text fills more than `max` slides after its first: too much to present. */
function longRuns(deck: Deck, file: string, max: number, headings: Map<string, number>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let i = 0; i < deck.slides.length; i++) {
    const first = deck.slides[i];
    let more = 0;
    while (deck.slides[i + 1]?.continued && deck.slides[i + 1].source.line === first.source.line) {
      more++;
      i++;
    }
    if (more > max) {
      out.push({
        level: 'warning',
        code: 'slides-continued',
        message: `"${first.title}" continues on ${more} more slides (at most ${max}): shorten it or split the section`,
        file,
        line: headings.get(first.title) ?? first.source.line,
      });
    }
  }
  return out;
}

/** A slide title that wraps: the planner shrinks it to fit, but a title reads best on one line. */
function longTitles(planned: PlannedReport, file: string, headings: Map<string, number>): Diagnostic[] {
  const { deck, theme, measurer } = planned;
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const slide of deck.slides) {
    if (slide.continued || slide.layout === 'title' || seen.has(slide.title)) continue;
    seen.add(slide.title);
    const spec = layoutSpec(slide.layout, theme.scale);
    const box = px(spec.boxes.title, deck.size);
    const lines = measurer.lineCount([{ text: slide.title, style: { role: spec.title.role, bold: true } }], box.w * SLACK, slide.fit.title);
    if (lines > 1) {
      out.push({ level: 'warning', code: 'title-long', message: `title takes ${lines} lines on its slide: "${slide.title}"`, file, line: headings.get(slide.title) ?? slide.source.line });
    }
  }
  return out;
}

/** A heading with nothing under it: a slide with only a title. */
function emptySections(report: Report, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (s: Section) => {
    if (!s.blocks.length && !s.children.length) {
      out.push({ level: 'warning', code: 'section-empty', message: `section "${s.title}" has no text`, file, line: s.line });
    }
    s.children.forEach(visit);
  };
  report.sections.forEach(visit);
  return out;
}

/** A link to a file next to the report that is not there: it breaks as soon as someone clicks it. */
function missingLinks(deck: Deck, file: string, text: string): Diagnostic[] {
  const baseDir = path.dirname(path.resolve(file));
  const lines = text.split(/\r?\n/);
  const out: Diagnostic[] = [];
  for (const href of new Set(deck.links)) {
    // Web, mail and other URLs, and anchors within the deck, are not files.
    const ref = href.replace(/[?#].*$/, '');
    const linked = ref && localPath(ref, baseDir);
    if (!linked || existsSync(linked)) continue;
    const at = lines.findIndex((l) => l.includes(href));
    out.push({ level: 'error', code: 'link-missing', message: `link to a file that does not exist: ${href}`, file, ...(at >= 0 ? { line: at + 1 } : {}) });
  }
  return out;
}
