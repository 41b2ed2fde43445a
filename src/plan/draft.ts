/**
 * Report → draft slides: which slides a report needs and what each says, before anything is measured.
 * Sections become key points (prose condensed; the prose itself goes to the notes), and each table,
 * image, code block, quote and author-written list gets a slide of its own.
 */
import type { Block, Layout, ListItem, Run, Slide } from '../types/deck.js';
import type { Report, ReportBlock, Section } from '../types/report.js';
import { runsText } from '../structure/inline.js';
import { countWords, keyPoints, toClause, type SectionText } from '../condense/keypoints.js';
import type { Labels } from './labels.js';
import type { SectionDirectives } from '../structure/directives.js';
import { chartFor, type ChartsMode } from '../chart/choose.js';
import { keyFigures } from '../condense/figures.js';
import { notesParagraphs } from './notes.js';

/** A `skip` section's slides are drafted hidden: left out of every presented format, kept for the briefing. */
const hiddenIf = (directives: SectionDirectives | undefined) => (directives?.skip ? { hidden: true as const } : {});

/** A slide before fitting: what it says, not yet at what size or over how many slides. */
export type DraftSlide = Pick<Slide, 'layout' | 'title' | 'kicker' | 'blocks' | 'notes' | 'source' | 'hidden' | 'presenterOnly'> & {
  /** On a two-column slide: the index of the first block of the second column. */
  columnStart?: number;
};

/** What drafting needs beyond the report: the words the tool adds, and the deck's asset table. */
export interface DraftContext {
  labels: Labels;
  /** The report's language, for sentence splitting and opener rules. */
  lang: string;
  /** A section slide opens each top-level section (the theme's `sectionStyle: divider`). */
  dividers?: boolean;
  /** Maps a report image block to its index in Deck.assets. */
  asset(block: Extract<ReportBlock, { kind: 'image' }>): number;
  /** `auto`: a clear numeric table gets a chart slide after it; `off`: only where a directive asks. */
  charts?: ChartsMode;
  /** A directive that could not be followed, at its line. */
  warn?(message: string, line?: number): void;
}

const plain = (runs: Run[]) => runsText(runs).trim();

type Paragraph = Extract<ReportBlock, { kind: 'paragraph' }>;

/** Prose that condenses: paragraphs without inline math (math reads badly as plain text). */
function isProse(b: ReportBlock): boolean {
  return b.kind === 'paragraph' && !b.runs.some((r) => r.math);
}
const proseOf = (blocks: ReportBlock[]) => blocks.filter(isProse) as Paragraph[];

/** A paragraph that ends in a colon introduces what follows (a list, a table): it is not a point. */
const isLead = (b: Paragraph) => /:\s*$/.test(plain(b.runs));

function sectionText(title: string, blocks: ReportBlock[]): SectionText {
  return { heading: title, paragraphs: proseOf(blocks).filter((b) => !isLead(b)).map((b) => plain(b.runs)) };
}

/** All sections and subsections in reading order, for the contrast that picks distinctive sentences. */
function flatten(sections: Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flatten(s.children)]);
}

export function draftSlides(report: Report, ctx: DraftContext): DraftSlide[] {
  const { labels } = ctx;
  const slides: DraftSlide[] = [];
  // "## 6. Outlook" holding nothing but "In conclusion, …": the conclusion took the section's only
  // paragraph, so the closing slide carries the section's title instead of an empty slide of its own.
  let sections = report.sections;
  let closing = { title: report.conclusion.length && report.conclusionTitle ? report.conclusionTitle : labels.conclusion, kicker: undefined as string | undefined };
  const last = sections[sections.length - 1];
  if (report.conclusion.length && last && !last.blocks.length && !last.children.length) {
    sections = sections.slice(0, -1);
    closing = { title: last.title, kicker: last.number };
  }
  const all = flatten(sections);
  const indexOf = new Map(all.map((s, i) => [s, i]));
  const texts: SectionText[] = all.map((s) => sectionText(s.title, s.blocks));
  const preambleIndex = texts.length;
  texts.push(sectionText(labels.introduction, report.preamble));
  const conclusionIndex = texts.length;
  texts.push(sectionText(labels.conclusion, report.conclusion));

  const byline = [report.meta.author, report.meta.date].filter(Boolean).join(' · ');
  slides.push({
    layout: 'title',
    title: report.meta.title,
    blocks: [
      ...(report.meta.subtitle ? [{ subtitle: report.meta.subtitle }] : []),
      ...(byline ? [{ byline }] : []),
    ],
    notes: '',
    source: { section: '(title)', line: 1 },
  });

  if (report.preamble.length) {
    slides.push(
      ...blockSlides(report.preamble, texts, preambleIndex, {
        title: report.preambleTitle ?? labels.introduction,
        source: { section: '(preamble)', line: report.preambleLine ?? 1 },
        directives: report.preambleDirectives,
      }, ctx),
    );
  }

  // A skipped section is left out of the presented deck (its slides are drafted hidden, for the
  // briefing), so the agenda and takeaways do not name it either.
  const shown = sections.filter((s) => !s.directives?.skip);
  if (shown.length >= 3) {
    // The author's numbers where given; ours when no section has one; a bullet for "Disclaimer"
    // after numbered sections.
    const numbered = (s: Section) => !!s.number && /^\d+$/.test(s.number);
    const none = !shown.some(numbered);
    slides.push({
      layout: 'agenda',
      title: labels.agenda,
      blocks: [
        {
          list: shown.map((s, i) =>
            numbered(s) || none
              ? { level: 0, ordered: true, n: none ? i + 1 : Number(s.number), runs: [{ text: s.title }] }
              : { level: 0, ordered: false, runs: [{ text: s.title }] },
          ),
        },
      ],
      notes: '',
      source: { section: '(agenda)', line: shown[0].line },
    });
  }

  const visit = (section: Section, skipped = false) => {
    const index = indexOf.get(section)!;
    const heading = section.number ? `${section.number}. ${section.title}` : section.title;
    const directives = skipped ? { ...section.directives, skip: true } : section.directives;
    const own = blockSlides(section.blocks, texts, index, {
      title: section.title,
      kicker: section.number,
      source: { section: heading, line: section.line },
      directives,
    }, ctx);
    if (!own.length) {
      // A heading with only subsections: a slide that names them keeps the audience oriented.
      own.push({
        layout: 'bullets',
        title: section.title,
        kicker: section.number,
        blocks: section.children.length
          ? [{ list: section.children.map((c) => ({ level: 0, ordered: false, runs: [{ text: c.title }] })) }]
          : [],
        notes: '',
        source: { section: heading, line: section.line },
        ...hiddenIf(directives),
      });
    }
    slides.push(...own);
    section.children.forEach((c) => visit(c, !!directives?.skip));
  };
  sections.forEach((section) => {
    if (ctx.dividers) {
      const heading = section.number ? `${section.number}. ${section.title}` : section.title;
      slides.push({
        layout: 'section',
        title: section.title,
        kicker: section.number,
        blocks: [],
        notes: '',
        source: { section: heading, line: section.line },
        ...hiddenIf(section.directives),
      });
    }
    visit(section);
  });

  if (shown.length >= 2) {
    slides.push({
      layout: 'takeaways',
      title: labels.takeaways,
      blocks: [{ list: shown.map((s) => takeaway(s, texts, (x) => indexOf.get(x)!, report.meta.lang)) }],
      notes: '',
      source: { section: '(takeaways)', line: shown[0].line },
    });
  }

  if (report.conclusion.length) {
    const prose = proseOf(report.conclusion);
    // The deck closes on the report's own closing words when they are short enough to read aloud;
    // a long conclusion is condensed like any section.
    const length = prose.reduce((n, b) => n + plain(b.runs).split(/\s+/).length, 0);
    const directives = report.conclusionDirectives;
    if (directives?.layout && directives.layout !== 'bullets') {
      ctx.warn?.(`layout: ${directives.layout}: the conclusion is shown as the report's closing words; ignored`, directives.layoutLine);
    }
    const count = directives?.keypoints ?? (length > CONCLUSION_WORDS ? 3 : 0);
    const points = count ? keyPoints(texts, conclusionIndex, { count, lang: report.meta.lang }) : [];
    const blocks: Block[] = points.length
      ? [{ list: points.map((p) => ({ level: 0, ordered: false, runs: [{ text: p.text }] })) }]
      : prose.map((b) => ({ paragraph: b.runs }));
    const footnotes = report.conclusion.flatMap((b) => (b.kind === 'note' ? [b.text] : []));
    const speaker = report.conclusion.flatMap((b) => (b.kind === 'speaker' ? [b.text] : []));
    slides.push({
      layout: 'conclusion',
      title: closing.title,
      ...(closing.kicker ? { kicker: closing.kicker } : {}),
      blocks,
      notes: [...prose.map((b) => plain(b.runs)), ...footnotes, ...speaker].join('\n\n'),
      ...(speaker.length ? { presenterOnly: speaker.flatMap(notesParagraphs) } : {}),
      source: { section: '(conclusion)', line: report.conclusion[0].line },
      ...hiddenIf(directives),
    });
    // Anything else the conclusion holds (a list of next steps, a table, math) still gets shown.
    const rest = report.conclusion.filter((b) => !isProse(b) && b.kind !== 'note' && b.kind !== 'speaker');
    if (rest.length) {
      slides.push(
        ...blockSlides(rest, texts, conclusionIndex, {
          title: closing.title,
          kicker: closing.kicker,
          source: { section: '(conclusion)', line: rest[0].line },
          directives: directives?.skip ? { skip: true } : undefined,
        }, ctx),
      );
    }
  }
  return slides;
}

/** Longest takeaway line, in words: one line per section on the takeaways slide. */
const TAKEAWAY_WORDS = 16;

/** Longest conclusion (in words) shown whole on the closing slide. */
const CONCLUSION_WORDS = 90;

function takeaway(section: Section, texts: SectionText[], indexOf: (s: Section) => number, lang: string): ListItem {
  const runs: Run[] = [{ text: section.title, bold: true }];
  const points = keyPoints(texts, indexOf(section), { count: 3, lang });
  // One line per section: its strongest point when that is short, else the strongest shortened to a
  // clause; for a section that is only a list, its first item.
  const best = [...points].sort((a, b) => b.score - a.score)[0];
  const short = (text: string) => (countWords(text, lang) <= TAKEAWAY_WORDS ? text : toClause(text, TAKEAWAY_WORDS, lang));
  const firstItem = section.blocks.find((b) => b.kind === 'list')?.items[0];
  const line = best ? short(best.text) ?? best.text : firstItem ? short(plain(firstItem.runs).replace(/[.;:]$/, '')) : undefined;
  if (line) runs.push({ text: `: ${line}` });
  else if (section.children.length) {
    // A section that is only its subsections speaks through the first of them.
    const child = takeaway(section.children[0], texts, indexOf, lang);
    if (child.runs.length > 1) runs.push(child.runs[1]);
  }
  return { level: 0, ordered: false, runs };
}

interface Frame {
  title: string;
  kicker?: string;
  source: { section: string; line: number };
  /** The section's directives: how it is shown, how many key points, whether it is presented at all. */
  directives?: SectionDirectives;
}

/**
 * The slides for one section's own blocks (not its subsections). `<!-- split -->` cuts the blocks into
 * runs that never share a slide, each condensed on its own.
 */
function blockSlides(blocks: ReportBlock[], texts: SectionText[], index: number, frame: Frame, ctx: DraftContext): DraftSlide[] {
  const runs: ReportBlock[][] = [[]];
  for (const b of blocks) {
    if (b.kind === 'split') runs.push([]);
    else runs[runs.length - 1].push(b);
  }
  const slides =
    runs.length === 1
      ? runSlides(blocks, texts, index, frame, ctx)
      : runs.filter((r) => r.length).flatMap((run) => {
          const own = [...texts];
          own[index] = sectionText(texts[index].heading, run);
          return runSlides(run, own, index, frame, ctx);
        });
  return frame.directives?.skip ? slides.map((d) => ({ ...d, hidden: true as const })) : slides;
}

/** The slides for a run of blocks that may share slides. */
function runSlides(blocks: ReportBlock[], texts: SectionText[], index: number, frame: Frame, ctx: DraftContext): DraftSlide[] {
  const slides: DraftSlide[] = [];
  /** The slide each block is shown on, for its notes. */
  const shownOn = new Map<ReportBlock, DraftSlide>();
  const base = (layout: Layout, line: number, blocks: Block[]): DraftSlide => ({
    layout,
    title: frame.title,
    kicker: frame.kicker,
    blocks,
    notes: '',
    source: { section: frame.source.section, line },
  });
  const { layout, keypoints } = frame.directives ?? {};
  // Big numbers where asked for, and for an executive summary whose points each hinge on one figure.
  const figures = (found: { text: string }[]) =>
    layout === 'figures' ? keyFigures(found) : !layout && frame.source.section === '(preamble)' ? keyFigures(found, true) : [];

  // A one-sentence paragraph ending in a colon introduces the list after it: it goes with the list.
  const leads = new Set<ReportBlock>();
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    if (b.kind === 'paragraph' && next?.kind === 'list' && /:\s*$/.test(plain(b.runs)) && plain(b.runs).split(/\s+/).length <= 40) leads.add(b);
  });

  const prose = proseOf(blocks);
  const condensed = prose.filter((b) => !leads.has(b) && !isLead(b));
  // `layout: image` (table, code, quote) lets the section's own exhibit speak: its prose goes to the notes.
  const exhibitKind = layout === 'image' || layout === 'table' || layout === 'code' || layout === 'quote' ? layout : undefined;
  const hasExhibit = exhibitKind !== undefined && blocks.some((b) => b.kind === exhibitKind);
  if (exhibitKind && !hasExhibit && exhibitKind !== 'quote') {
    ctx.warn?.(`layout: ${exhibitKind}: the section has no ${exhibitKind === 'image' ? 'picture' : exhibitKind}; shown as key points`, frame.directives?.layoutLine);
  }
  let points: Slide['blocks'] | undefined;
  if (condensed.length && !hasExhibit && keypoints !== 0) {
    const found = keyPoints(texts, index, { lang: ctx.lang, ...(keypoints ? { count: keypoints } : layout === 'quote' ? { count: 1 } : {}) });
    const big = layout === 'quote' ? [] : figures(found);
    const line = condensed[0].line;
    let slide: DraftSlide;
    if (layout === 'quote' && found.length) {
      // A pull quote: the section's strongest sentence, large.
      const best = [...found].sort((a, b) => b.score - a.score)[0];
      slide = base('quote', line, [{ quote: { runs: [{ text: best.text }] } }]);
    } else if (big.length) {
      slide = base('figures', line, big.map((figure) => ({ figure })));
    } else {
      if (layout === 'figures') {
        ctx.warn?.("layout: figures: the section's key points hold no figure (a number with a unit, a currency or %); shown as key points", frame.directives?.layoutLine);
      }
      // When every sentence leans on another, the first paragraph is shown as written instead.
      points = found.length
        ? [{ list: found.map((p) => ({ level: 0, ordered: false, runs: [{ text: p.text }] })) }]
        : [{ paragraph: condensed[0].runs }];
      slide = base('bullets', line, points);
    }
    slides.push(slide);
    for (const p of condensed) shownOn.set(p, slide);
  }

  let mathRun: Block[] = [];
  let mathLine = 0;
  let mathBlocks: ReportBlock[] = [];
  const flushMath = () => {
    if (mathRun.length) {
      const slide = base('bullets', mathLine, mathRun);
      slides.push(slide);
      for (const m of mathBlocks) shownOn.set(m, slide);
    }
    mathRun = [];
    mathBlocks = [];
  };
  const show = (b: ReportBlock, slide: DraftSlide, also?: ReportBlock) => {
    slides.push(slide);
    shownOn.set(b, slide);
    if (also) shownOn.set(also, slide);
  };
  blocks.forEach((b, i) => {
    const before = blocks[i - 1];
    if (b.kind !== 'math' && !(b.kind === 'paragraph' && !isProse(b)) && b.kind !== 'speaker' && b.kind !== 'note') flushMath();
    switch (b.kind) {
      case 'paragraph':
        // Paragraphs with inline math are shown as written, beside any display math around them.
        if (!isProse(b)) {
          if (!mathRun.length) mathLine = b.line;
          mathRun.push({ paragraph: b.runs });
          mathBlocks.push(b);
        }
        break;
      case 'math':
        if (!mathRun.length) mathLine = b.line;
        mathRun.push({ math: { tex: b.tex } });
        mathBlocks.push(b);
        break;
      case 'list': {
        const lead = before && leads.has(before) && before.kind === 'paragraph' ? before : undefined;
        const leadBlocks: Block[] = lead ? [{ paragraph: lead.runs }] : [];
        show(b, base('bullets', lead ? lead.line : b.line, [...leadBlocks, { list: b.items }]), lead);
        break;
      }
      case 'table': {
        const table = { head: b.head, rows: b.rows, align: b.align };
        show(b, base('table', b.line, [{ table }]));
        // The chart follows its table: the numbers stay on hand for questions, the chart makes the point.
        const choice = chartFor(table, { mode: ctx.charts ?? 'auto', lang: ctx.lang, ...(b.chart ? { request: b.chart } : {}) });
        if (choice.problem) ctx.warn?.(`${choice.problem}; the table is shown as a table`, b.chart?.line ?? b.line);
        if (choice.chart) slides.push({ ...base('chart', b.line, [{ chart: choice.chart }]), ...(choice.title ? { title: choice.title } : {}) });
        break;
      }
      case 'image':
        show(b, base('image', b.line, [{ image: { asset: ctx.asset(b), alt: b.alt } }]));
        break;
      case 'code':
        show(b, base('code', b.line, [{ code: { lang: b.lang, lines: b.text.replace(/\n+$/, '').split('\n') } }]));
        break;
      case 'quote':
        show(b, base('quote', b.line, [{ quote: { runs: b.runs, cite: b.cite } }]));
        break;
    }
  });
  flushMath();
  if (layout === 'two-column') twoColumns(slides, shownOn, points, frame, ctx);

  // Notes in the order the report says them: the prose and footnotes on the section's first slide
  // (word for word), the author's own notes on the slide of what follows them.
  const notes = new Map<DraftSlide, string[]>();
  const presenter = new Map<DraftSlide, string[]>();
  const note = (slide: DraftSlide, text: string, own = false) => {
    notes.set(slide, [...(notes.get(slide) ?? []), text]);
    if (own) presenter.set(slide, [...(presenter.get(slide) ?? []), text]);
  };
  const first = () => {
    if (!slides.length) slides.push(base('bullets', blocks[0].line, []));
    return slides[0];
  };
  blocks.forEach((b, i) => {
    if (isProse(b)) note(first(), plain((b as Paragraph).runs));
    else if (b.kind === 'note') note(first(), b.text);
    else if (b.kind === 'speaker') {
      const after = blocks.slice(i + 1).find((x) => shownOn.has(x));
      const before = blocks.slice(0, i).reverse().find((x) => shownOn.has(x));
      note(shownOn.get((after ?? before)!) ?? first(), b.text, true);
    }
  });
  for (const [slide, texts] of notes) slide.notes = [slide.notes, ...texts].filter(Boolean).join('\n\n');
  for (const [slide, texts] of presenter) slide.presenterOnly = texts.flatMap(notesParagraphs);
  return slides;
}

/**
 * `layout: two-column`: the section's first two pieces that can stand in a column (its key points, a
 * list, a picture) side by side on one slide; a single list is cut in half. The slides they had of
 * their own give way to it.
 */
function twoColumns(slides: DraftSlide[], shownOn: Map<ReportBlock, DraftSlide>, points: Block[] | undefined, frame: Frame, ctx: DraftContext): void {
  const columnable = slides.filter((s) => (s === slides[0] && points && s.blocks === points) || (s.layout === 'bullets' && s.blocks.some((b) => 'list' in b) && !s.blocks.some((b) => 'math' in b)) || s.layout === 'image');
  let left: Block[];
  let right: Block[];
  let replaced: DraftSlide[];
  if (columnable.length >= 2) {
    [left, right] = [columnable[0].blocks, columnable[1].blocks];
    replaced = columnable.slice(0, 2);
  } else {
    const list = columnable[0]?.blocks.find((b): b is { list: ListItem[] } => 'list' in b);
    const top = list?.list.flatMap((item, i) => (item.level === 0 ? [i] : [])) ?? [];
    if (!list || top.length < 2) {
      ctx.warn?.('layout: two-column: the section has nothing to set side by side (key points, lists or a picture); shown as usual', frame.directives?.layoutLine);
      return;
    }
    const cut = top[Math.ceil(top.length / 2)];
    const lead = columnable[0].blocks.filter((b) => !('list' in b));
    left = [...lead, { list: list.list.slice(0, cut) }];
    right = [{ list: list.list.slice(cut) }];
    replaced = [columnable[0]];
  }
  const slide: DraftSlide = { ...replaced[0], layout: 'two-column', blocks: [...left, ...right], columnStart: left.length };
  const at = slides.indexOf(replaced[0]);
  slides.splice(at, 1, slide);
  for (const r of replaced.slice(1)) slides.splice(slides.indexOf(r), 1);
  for (const [b, s] of shownOn) if (replaced.includes(s)) shownOn.set(b, slide);
}
