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
import { printHtml } from './print.js';
import { printCss, printDocument, printTemplate } from './document.js';
import { metaFor, setMetadata } from './metadata.js';
import { pageCss, marginText, pageFrame, runningText } from './page.js';
import { hyphenator } from './hyphenate.js';
import { codeTintCss } from '../code-tints.js';
import { briefingContent } from './briefing-content.js';

/** More sections than this and the briefing opens with a table of contents. */
export const TOC_AFTER = 6;

export async function renderBriefing(input: RenderInput): Promise<Buffer> {
  const { deck } = input;
  const labels = labelsFor(deck.meta.lang, input.theme.labels);
  const frame = pageFrame(input.paper);
  const content = briefingContent(deck, { baseDir: input.baseDir, labels, hyphenate: hyphenator(deck.meta.lang) });
  const own = content.sections.filter((s) => s.own);
  const byline = [deck.meta.author, deck.meta.date].filter(Boolean);
  const running = runningText(input, { header: deck.meta.title, skipFirst: true });
  const cps = deckCodepoints(deck, [deck.meta.subtitle ?? '', deck.meta.author ?? '', deck.meta.date ?? '', input.theme.footer ?? '', ...Object.values(labels)]);
  const html = printDocument(deck, input, {
    kind: 'print-briefing',
    version: input.version,
    styles: [
      paperVariables(input.theme, deck),
      fontFaces(input.theme, cps, deck.meta.lang),
      printCss(input, 'print'),
      printCss(input, 'paper'),
      printCss(input, 'briefing'),
      codeTintCss(paperColors(input.theme).code),
      pageCss(frame, running),
    ],
    body: printTemplate(input, 'briefing')({
      title: deck.meta.title,
      logo: logoSource(input.theme),
      subtitle: deck.meta.subtitle,
      byline,
      labels,
      takeaways: content.takeaways,
      toc: own.length > TOC_AFTER ? content.sections.map((s) => ({ id: s.id, heading: s.heading, level: s.level })) : undefined,
      sections: content.sections.map((s) => ({ ...s, sub: s.level === 3 })),
    }),
  });
  const pdf = await printHtml(input, html, { outline: true, marginText: marginText(running) });
  return await setMetadata(pdf, metaFor(deck, input.version, 'Briefing'));
}
