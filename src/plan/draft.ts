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

/** A slide before fitting: what it says, not yet at what size or over how many slides. */
export type DraftSlide = Pick<Slide, 'layout' | 'title' | 'kicker' | 'blocks' | 'notes' | 'source'>;

/** What drafting needs beyond the report: the words the tool adds, and the deck's asset table. */
export interface DraftContext {
  labels: Labels;
  /** The report's language, for sentence splitting and opener rules. */
  lang: string;
  /** A section slide opens each top-level section (the theme's `sectionStyle: divider`). */
  dividers?: boolean;
  /** Maps a report image block to its index in Deck.assets. */
  asset(block: Extract<ReportBlock, { kind: 'image' }>): number;
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
      }, ctx),
    );
  }

  if (sections.length >= 3) {
    // The author's numbers where given; ours when no section has one; a bullet for "Disclaimer"
    // after numbered sections.
    const numbered = (s: Section) => !!s.number && /^\d+$/.test(s.number);
    const none = !sections.some(numbered);
    slides.push({
      layout: 'agenda',
      title: labels.agenda,
      blocks: [
        {
          list: sections.map((s, i) =>
            numbered(s) || none
              ? { level: 0, ordered: true, n: none ? i + 1 : Number(s.number), runs: [{ text: s.title }] }
              : { level: 0, ordered: false, runs: [{ text: s.title }] },
          ),
        },
      ],
      notes: '',
      source: { section: '(agenda)', line: sections[0].line },
    });
  }

  const visit = (section: Section) => {
    const index = indexOf.get(section)!;
    const heading = section.number ? `${section.number}. ${section.title}` : section.title;
    const own = blockSlides(section.blocks, texts, index, {
      title: section.title,
      kicker: section.number,
      source: { section: heading, line: section.line },
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
      });
    }
    slides.push(...own);
    section.children.forEach(visit);
  };
  sections.forEach((section) => {
    if (ctx.dividers) {
      const heading = section.number ? `${section.number}. ${section.title}` : section.title;
      slides.push({ layout: 'section', title: section.title, kicker: section.number, blocks: [], notes: '', source: { section: heading, line: section.line } });
    }
    visit(section);
  });

  if (sections.length >= 2) {
    slides.push({
      layout: 'takeaways',
      title: labels.takeaways,
      blocks: [{ list: sections.map((s) => takeaway(s, texts, (x) => indexOf.get(x)!, report.meta.lang)) }],
      notes: '',
      source: { section: '(takeaways)', line: sections[0].line },
    });
  }

  if (report.conclusion.length) {
    const prose = proseOf(report.conclusion);
    // The deck closes on the report's own closing words when they are short enough to read aloud;
    // a long conclusion is condensed like any section.
    const length = prose.reduce((n, b) => n + plain(b.runs).split(/\s+/).length, 0);
    const points = length > CONCLUSION_WORDS ? keyPoints(texts, conclusionIndex, { count: 3, lang: report.meta.lang }) : [];
    const blocks: Block[] = points.length
      ? [{ list: points.map((p) => ({ level: 0, ordered: false, runs: [{ text: p.text }] })) }]
      : prose.map((b) => ({ paragraph: b.runs }));
    const footnotes = report.conclusion.flatMap((b) => (b.kind === 'note' ? [b.text] : []));
    slides.push({
      layout: 'conclusion',
      title: closing.title,
      ...(closing.kicker ? { kicker: closing.kicker } : {}),
      blocks,
      notes: [...prose.map((b) => plain(b.runs)), ...footnotes].join('\n\n'),
      source: { section: '(conclusion)', line: report.conclusion[0].line },
    });
    // Anything else the conclusion holds (a list of next steps, a table, math) still gets shown.
    const rest = report.conclusion.filter((b) => !isProse(b) && b.kind !== 'note');
    if (rest.length) {
      slides.push(
        ...blockSlides(rest, texts, conclusionIndex, {
          title: closing.title,
          kicker: closing.kicker,
          source: { section: '(conclusion)', line: rest[0].line },
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
}

/** The slides for one section's own blocks (not its subsections). */
function blockSlides(blocks: ReportBlock[], texts: SectionText[], index: number, frame: Frame, ctx: DraftContext): DraftSlide[] {
  const slides: DraftSlide[] = [];
  const base = (layout: Layout, line: number, blocks: Block[], notes = ''): DraftSlide => ({
    layout,
    title: frame.title,
    kicker: frame.kicker,
    blocks,
    notes,
    source: { section: frame.source.section, line },
  });

  // A one-sentence paragraph ending in a colon introduces the list after it: it goes with the list.
  const leads = new Set<ReportBlock>();
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    if (b.kind === 'paragraph' && next?.kind === 'list' && /:\s*$/.test(plain(b.runs)) && plain(b.runs).split(/\s+/).length <= 40) leads.add(b);
  });

  const prose = proseOf(blocks);
  const condensed = prose.filter((b) => !leads.has(b) && !isLead(b));
  // The section's prose and footnotes, word for word, go with its first slide.
  const notes = [...prose.map((b) => plain(b.runs)), ...blocks.flatMap((b) => (b.kind === 'note' ? [b.text] : []))].join('\n\n');
  if (condensed.length) {
    const points = keyPoints(texts, index, { lang: ctx.lang });
    // When every sentence leans on another, the first paragraph is shown as written instead.
    const list: Block[] = points.length
      ? [{ list: points.map((p) => ({ level: 0, ordered: false, runs: [{ text: p.text }] })) }]
      : [{ paragraph: condensed[0].runs }];
    slides.push(base('bullets', condensed[0].line, list));
  }

  let mathRun: Block[] = [];
  let mathLine = 0;
  const flushMath = () => {
    if (mathRun.length) slides.push(base('bullets', mathLine, mathRun));
    mathRun = [];
  };
  blocks.forEach((b, i) => {
    const before = blocks[i - 1];
    if (b.kind !== 'math' && !(b.kind === 'paragraph' && !isProse(b))) flushMath();
    switch (b.kind) {
      case 'paragraph':
        // Paragraphs with inline math are shown as written, beside any display math around them.
        if (!isProse(b)) {
          if (!mathRun.length) mathLine = b.line;
          mathRun.push({ paragraph: b.runs });
        }
        break;
      case 'math':
        if (!mathRun.length) mathLine = b.line;
        mathRun.push({ math: { tex: b.tex } });
        break;
      case 'list': {
        const lead = before && leads.has(before) && before.kind === 'paragraph' ? before : undefined;
        const leadBlocks: Block[] = lead ? [{ paragraph: lead.runs }] : [];
        slides.push(base('bullets', lead ? lead.line : b.line, [...leadBlocks, { list: b.items }]));
        break;
      }
      case 'table':
        slides.push(base('table', b.line, [{ table: { head: b.head, rows: b.rows, align: b.align } }]));
        break;
      case 'image':
        slides.push(base('image', b.line, [{ image: { asset: ctx.asset(b), alt: b.alt } }]));
        break;
      case 'code':
        slides.push(base('code', b.line, [{ code: { lang: b.lang, lines: b.text.replace(/\n+$/, '').split('\n') } }]));
        break;
      case 'quote':
        slides.push(base('quote', b.line, [{ quote: { runs: b.runs, cite: b.cite } }]));
        break;
    }
  });
  flushMath();
  if (notes) {
    if (slides.length) slides[0].notes = notes;
    else slides.push(base('bullets', blocks[0].line, [], notes));
  }
  return slides;
}
