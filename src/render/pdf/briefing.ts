/**
 * `<stem>.briefing.pdf`: the executive briefing, the document a manager reads before the meeting.
 * Portrait on the run's paper: a title block with the report's metadata, the key takeaways (one line
 * per section), a table of contents when the report has more than six sections, then every section
 * with its heading, its key points and its full text, tables and figures included; page numbers at
 * the foot of every page and a bookmark per heading.
 */
import type { RenderInput } from '../registry.js';
import { labelsFor } from '../../plan/labels.js';
import { deckCodepoints, fontFaces } from '../html/css.js';
import { paperColors, paperVariables } from './paper-colors.js';
import { logoSource } from '../html/render.js';
import { partSize, printParts } from './parts.js';
import { printCss, printDocument, printTemplate } from './document.js';
import { metaFor, setMetadata } from './metadata.js';
import { pageCss, marginText, pageFrame, runningText } from './page.js';
import { hyphenator } from './hyphenate.js';
import { codeTintCss } from '../code-tints.js';
import { briefingContent } from './briefing-content.js';
import { chartFigure } from '../../chart/figure.js';

/** More sections than this and the briefing opens with a table of contents. */
export const TOC_AFTER = 6;

export async function renderBriefing(input: RenderInput): Promise<Buffer> {
  const { deck } = input;
  const labels = labelsFor(deck.meta.lang, input.theme.labels);
  const frame = pageFrame(input.paper);
  const paper = { ...input.theme, ...paperColors(input.theme) };
  const chart = (c: Parameters<typeof chartFigure>[0], slide: Parameters<typeof chartFigure>[1]) => chartFigure(c, slide, { theme: paper, measurer: input.measurer, size: deck.size });
  const content = briefingContent(deck, { baseDir: input.baseDir, labels, hyphenate: hyphenator(deck.meta.lang), chart });
  const own = content.sections.filter((s) => s.own);
  const byline = [deck.meta.author, deck.meta.date].filter(Boolean);
  const running = runningText(input, { header: deck.meta.title, skipFirst: true });
  const cps = deckCodepoints(deck, [deck.meta.subtitle ?? '', deck.meta.author ?? '', deck.meta.date ?? '', input.theme.footer ?? '', ...Object.values(labels)]);
  const styles = [
    paperVariables(input.theme, deck),
    fontFaces(input.theme, cps, deck.meta.lang),
    printCss(input, 'print'),
    printCss(input, 'paper'),
    printCss(input, 'briefing'),
    codeTintCss(paperColors(input.theme).code),
  ];
  const sections = content.sections.map((s) => ({ ...s, sub: s.level === 3 }));
  const toc = own.length > TOC_AFTER ? content.sections.map((s) => ({ id: s.id, heading: s.heading, level: s.level })) : undefined;
  // The takeaways and the contents come first and take room of their own.
  const opening = content.takeaways.join('').length + (toc ?? []).reduce((n, t) => n + t.heading.length + 80, 0);
  const parts = briefingParts(sections, opening, input);
  const html = (i: number, pagesBefore: number) => {
    const body = printTemplate(input, 'briefing')({
      // The title block, takeaways and contents open the first part only.
      continued: i > 0,
      title: deck.meta.title,
      logo: logoSource(input.theme),
      subtitle: deck.meta.subtitle,
      byline,
      labels,
      takeaways: content.takeaways,
      toc,
      sections: parts[i],
    });
    // The contents link to sections printed in later parts. Chromium writes a link only to an anchor in
    // its own document and names an anchor only when something links to it: the first part gets
    // stand-in anchors for the later sections, each later part hidden links to its own, and the
    // merge points the contents at the real headings.
    const later = parts.length > 1 && toc ? (i === 0 ? parts.slice(1).flat() : []) : [];
    const own = parts.length > 1 && toc && i > 0 ? parts[i] : [];
    const hidden = 'position:absolute;width:0;height:0;overflow:hidden';
    const standIns = later.length ? `<div aria-hidden="true" style="${hidden}">${later.map((s) => `<span id="${s.id}"></span>`).join('')}</div>` : '';
    const selfLinks = own.length ? `<div aria-hidden="true" style="display:none">${own.map((s) => `<a href="#${s.id}"></a>`).join('')}</div>` : '';
    return printDocument(deck, input, {
      kind: 'print-briefing',
      version: input.version,
      styles: [...styles, pageCss(frame, running, parts.length > 1 ? { firstPage: pagesBefore + 1 } : undefined)],
      body: body + standIns + selfLinks,
    });
  };
  const pdf = await printParts(input, parts.length, (i, before) => ({ html: html(i, before), ownDests: parts[i].map((s) => s.id) }), {
    outline: true,
    marginText: marginText(running),
    inOrder: true,
  });
  return await setMetadata(pdf, metaFor(deck, input.version, 'Briefing'));
}

/** About how much briefing HTML fills a page of text: parts are cut near their number of pages. */
const HTML_PER_PAGE = 4000;

/**
 * The briefing's sections in parts of about `partSize` pages, cut only before a section (never
 * between a section and its subsections). A part starts a new page, so only long briefings are cut.
 */
function briefingParts<T extends { level: number; body: string[]; keyPoints: string[] }>(sections: T[], opening: number, input: RenderInput): T[][] {
  const weight = (s: T) => s.body.reduce((n, b) => n + b.length, 0) + s.keyPoints.reduce((n, k) => n + k.length, 0) + 200;
  const pages = Math.ceil((opening + sections.reduce((n, s) => n + weight(s), 0)) / HTML_PER_PAGE);
  const budget = partSize(input, pages) * HTML_PER_PAGE;
  // Long takeaways and contents (a line each per section) are a part of their own: with the sections
  // after them, the first part of a 2000-section briefing took Chromium 200 MB more than any other.
  const alone = budget < pages * HTML_PER_PAGE && opening > budget / 4;
  const parts: T[][] = alone ? [[], []] : [[]];
  let size = alone ? 0 : opening;
  for (const s of sections) {
    if (s.level === 2 && size + weight(s) > budget && parts[parts.length - 1].length) {
      parts.push([]);
      size = 0;
    }
    parts[parts.length - 1].push(s);
    size += weight(s);
  }
  return parts;
}
