/**
 * `<stem>.notes.pdf`: presenter's notes pages. Each slide starts a page, drawn across the top; below it
 * are its speaker notes — the full prose of the report — flowing onto further pages when long. So
 * there are at least as many pages as slides.
 */
import type { RenderInput } from '../registry.js';
import { paperVariables } from './paper-colors.js';
import { labelsFor } from '../../plan/labels.js';
import { chunk, partSize, printParts } from './parts.js';
import { printCss, printDocument, printTemplate } from './document.js';
import { metaFor, setMetadata } from './metadata.js';
import { pageCss, marginText, pageFrame, runningText, today } from './page.js';
import { indices, slideSections, slideStyles, thumbnail } from './slide-pages.js';
import { hyphenator } from './hyphenate.js';

export async function renderNotesPages(input: RenderInput): Promise<Buffer> {
  const { deck } = input;
  const labels = labelsFor(deck.meta.lang, input.theme.labels);
  const frame = pageFrame(input.paper);
  const section = slideSections(input, { headings: false });
  const hyphenate = hyphenator(deck.meta.lang);
  const total = deck.slides.length;
  // Made part by part, when the part prints: the thumbnails of a long deck are a lot of text.
  const page = (i: number) => {
    const slide = deck.slides[i];
    return {
      thumb: thumbnail(deck, section(i), frame.contentW - 2),
      label: [labels.slideOf.replace('{n}', String(i + 1)).replace('{total}', String(total)), slide.title].join(' · '),
      notes: slide.notes
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map(hyphenate),
    };
  };
  const date = deck.meta.date ?? today();
  const running = runningText(input, { header: `${deck.meta.title} — ${labels.notes}`, footer: date });
  const styles = [
    ...slideStyles(deck, input, [date, labels.pageOf, labels.page, labels.slideOf, labels.notes]),
    paperVariables(input.theme, deck),
    printCss(input, 'paper'),
    printCss(input, 'notes'),
  ];
  // A slide's notes may flow onto more pages, so a part's first page number is known only once the
  // parts before it have printed: they print one after another.
  const perPart = partSize(input, total);
  const parts = chunk(indices(total), perPart);
  const html = (i: number, pagesBefore: number) =>
    printDocument(deck, input, {
      kind: 'print-notes',
      version: input.version,
      styles: [...styles, pageCss(frame, running, parts.length > 1 ? { firstPage: pagesBefore + 1 } : undefined)],
      body: printTemplate(input, 'notes')({ pages: parts[i].map(page), lang: deck.meta.lang }),
    });
  const pdf = await printParts(input, parts.length, (i, before) => ({ html: html(i, before) }), { marginText: marginText(running), inOrder: true });
  return await setMetadata(pdf, metaFor(deck, input.version, 'Notes pages'));
}
