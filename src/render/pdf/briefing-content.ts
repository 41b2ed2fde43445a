/**
 * What the executive briefing says, read from the deck: the takeaways slide's one line per section,
 * and for each section of the report its heading, its key points (the condensed bullets, which are
 * sentences of its prose) and its full text (the speaker notes), with the author's own lists, tables,
 * figures, code, quotes and formulas in the order the slides show them. A table or code block split
 * over "(cont.)" slides is joined back into one.
 */
import type { Block, ChartBlock, Deck, ListItem, Run, Slide, TableBlock } from '../../types/deck.js';
import { escapeHtml, runsHtml } from '../html/runs.js';
import { highlightHtml } from '../html/highlight.js';
import { imageSources } from '../html/render.js';
import { typeset } from '../../math/typeset.js';
import type { Labels } from '../../plan/labels.js';
import { notesParagraphs } from '../../plan/notes.js';
import { runsText } from '../../structure/inline.js';

export interface BriefingSection {
  id: string;
  heading: string;
  /** 2 for a section, 3 for a subsection ("2.1"). */
  level: 2 | 3;
  keyPoints: string[];
  /** HTML blocks: paragraphs of the full text with the section's exhibits among them. */
  body: string[];
  /** A section of the report itself, not the introduction or conclusion the tool names. */
  own: boolean;
}

export interface BriefingContent {
  takeaways: string[];
  sections: BriefingSection[];
}

/** Pseudo-sections of the planner that are not report text. */
const SKIP = new Set(['(title)', '(agenda)', '(takeaways)']);

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[…\u2026]+$/u, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.;:,!?]+$/u, '')
    .trim();

type Exhibit = { html: string; table?: { head: string; block: TableBlock }; code?: { lang?: string; lines: string[] } };

/** `chart`: a chart slide's chart as a figure (SVG); without it the briefing shows a chart's table only. */
export function briefingContent(
  deck: Deck,
  opts: { baseDir: string; labels: Labels; hyphenate: (text: string) => string; chart?: (chart: ChartBlock, slide: Slide) => string },
): BriefingContent {
  const links = deck.links;
  const { labels } = opts;
  const hy = (runs: Run[]) => runs.map((r) => (r.code || r.math ? r.text : opts.hyphenate(r.text)));
  const rich = (runs: Run[]) => {
    const texts = hy(runs);
    return runsHtml(runs.map((r, i) => ({ ...r, text: texts[i] })), links);
  };
  const imageSrc = imageSources(deck, opts.baseDir);

  const takeaways = deck.slides
    .filter((s) => s.layout === 'takeaways')
    .flatMap((s) => s.blocks.flatMap((b) => ('list' in b ? b.list.map((item) => runsHtml(item.runs, links)) : [])));

  const groups: Slide[][] = [];
  for (const slide of deck.slides) {
    if (SKIP.has(slide.source.section)) continue;
    const last = groups[groups.length - 1];
    if (last && last[0].source.section === slide.source.section) last.push(slide);
    else groups.push([slide]);
  }

  const sections = groups.map((slides, n): BriefingSection => {
    const first = slides[0];
    const pseudo = first.source.section.startsWith('(');
    const heading = pseudo ? first.title : first.source.section;
    const level = first.kicker && first.kicker.includes('.') ? 3 : 2;
    // The author's notes to the presenter are not report text.
    const presenterOnly = new Set(slides.flatMap((s) => s.presenterOnly ?? []));
    const paragraphs = slides.flatMap((s) => notesParagraphs(s.notes)).filter((p) => !presenterOnly.has(p));
    const prose = norm(paragraphs.join(' '));
    const inProse = (runs: Run[]) => {
      const t = norm(runsText(runs));
      return t.length > 0 && prose.includes(t);
    };
    const keyPoints: string[] = [];
    const exhibits: Exhibit[] = [];
    for (const slide of slides) {
      for (const b of slide.blocks) exhibit(b, slide);
    }

    function exhibit(b: Block, slide: Slide): void {
      if ('figure' in b) {
        // A key figure stands for the key point it came from.
        const point = rich([{ text: b.figure.sentence }]);
        if (!keyPoints.includes(point)) keyPoints.push(point);
      } else if ('paragraph' in b) {
        if (!inProse(b.paragraph)) exhibits.push({ html: `<p>${rich(b.paragraph)}</p>` });
      } else if ('list' in b) {
        const condensed = b.list.every((item) => item.level === 0 && !item.ordered && inProse(item.runs));
        if (condensed) keyPoints.push(...b.list.map((item) => rich(item.runs)));
        else exhibits.push({ html: listHtml(b.list, rich) });
      } else if ('table' in b) {
        const head = JSON.stringify(b.table.head);
        const prev = exhibits[exhibits.length - 1];
        if (slide.continued && prev?.table?.head === head) {
          prev.table.block = { ...prev.table.block, rows: [...prev.table.block.rows, ...b.table.rows] };
          prev.html = tableHtml(prev.table.block, links);
        } else exhibits.push({ html: tableHtml(b.table, links), table: { head, block: b.table } });
      } else if ('code' in b) {
        const prev = exhibits[exhibits.length - 1];
        if (slide.continued && prev?.code && prev.code.lang === b.code.lang) {
          prev.code.lines.push(...b.code.lines);
          prev.html = codeHtml(prev.code.lines, prev.code.lang);
        } else exhibits.push({ html: codeHtml(b.code.lines, b.code.lang), code: { lang: b.code.lang, lines: [...b.code.lines] } });
      } else if ('image' in b) {
        const src = imageSrc(b.image.asset);
        // A missing picture says so in its box; the alt text is the caption either way.
        const img = src ? `<img src="${src}" alt="${escapeHtml(b.image.alt)}">` : `<div class="image-missing">${escapeHtml(labels.imageMissing)}</div>`;
        exhibits.push({ html: `<figure>${img}${b.image.alt ? `<figcaption>${escapeHtml(b.image.alt)}</figcaption>` : ''}</figure>` });
      } else if ('quote' in b) {
        const cite = b.quote.cite ? `<footer>— ${escapeHtml(b.quote.cite)}</footer>` : '';
        exhibits.push({ html: `<blockquote><p>${rich(b.quote.runs)}</p>${cite}</blockquote>` });
      } else if ('chart' in b) {
        // The briefing shows both: the chart, and its table (unless the table's own slide just put it there).
        const figure = opts.chart ? `<figure class="chart">${opts.chart(b.chart, slide)}</figure>` : '';
        const prev = exhibits[exhibits.length - 1];
        const same = (t: TableBlock) => JSON.stringify([t.head, t.rows]);
        if (prev?.table && same(prev.table.block) === same(b.chart.table)) prev.html += figure;
        else exhibits.push({ html: figure + tableHtml(b.chart.table, links) });
      } else if ('math' in b) {
        exhibits.push({ html: `<div class="math-block">${typeset(b.math.tex, true).svg}</div>` });
      }
    }

    // A paragraph that ends in a colon introduces what follows it: the next exhibit goes there.
    const body: string[] = [];
    let next = 0;
    for (const p of paragraphs) {
      body.push(`<p>${escapeHtml(opts.hyphenate(p)).replace(/\n/g, '<br>')}</p>`);
      if (/[:：]\s*$/u.test(p) && next < exhibits.length) body.push(exhibits[next++].html);
    }
    for (; next < exhibits.length; next++) body.push(exhibits[next].html);
    return { id: `section-${n + 1}`, heading, level, keyPoints, body, own: !pseudo };
  });
  return { takeaways, sections };
}

function listHtml(items: ListItem[], rich: (runs: Run[]) => string): string {
  const ordered = items[0]?.ordered;
  const lis = items.map((item) => {
    const marker = item.continued ? '' : item.ordered ? `${item.n ?? 1}.` : item.level === 0 ? '•' : '–';
    return `<li class="level-${Math.min(item.level, 3)}"><span class="marker" aria-hidden="true">${marker}</span>${rich(item.runs)}</li>`;
  });
  return `<${ordered ? 'ol' : 'ul'} class="list" role="list">${lis.join('')}</${ordered ? 'ol' : 'ul'}>`;
}

function tableHtml(t: TableBlock, links: string[]): string {
  const align = (i: number) => ['start', 'center', 'end'][Math.round((t.align[i] ?? 0) * 2)];
  const head = t.head.map((c, i) => `<th style="text-align:${align(i)}">${runsHtml(c, links)}</th>`).join('');
  const rows = t.rows.map((r) => `<tr>${r.map((c, i) => `<td style="text-align:${align(i)}">${runsHtml(c, links)}</td>`).join('')}</tr>`).join('');
  // A short table is kept on one page; a long one breaks between rows, its header repeated.
  return `<table class="${t.rows.length <= 15 ? 'keep' : ''}"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function codeHtml(lines: string[], lang?: string): string {
  return `<pre class="${lines.length <= 40 ? 'keep' : ''}"><code class="hljs">${highlightHtml(lines.join('\n'), lang)}</code></pre>`;
}
