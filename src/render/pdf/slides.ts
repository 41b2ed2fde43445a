/**
 * `<stem>.pdf`: the slides, one per page at the deck's size (1280×720 px → 960×540 pt), printed in one
 * `page.pdf`. Text stays vector with its fonts embedded, links stay live, each section's first slide
 * title is a heading so the outline has a bookmark per section, and the PDF is tagged.
 */
import type { RenderInput } from '../registry.js';
import { chunk, partSize, printParts } from './parts.js';
import { printCss, printDocument } from './document.js';
import { metaFor, setMetadata } from './metadata.js';
import { indices, slideSections, slideStyles } from './slide-pages.js';

export async function renderSlidesPdf(input: RenderInput): Promise<Buffer> {
  const { deck } = input;
  const page = `@page { size: ${deck.size.width}px ${deck.size.height}px; margin: 0; }`;
  const styles = [...slideStyles(deck, input), printCss(input, 'slides'), page];
  // One slide a page: parts are runs of slides, and print side by side.
  const perPart = partSize(input, deck.slides.length);
  const section = slideSections(input, { headings: true });
  const parts = chunk(indices(deck.slides.length), perPart);
  const html = (i: number) =>
    printDocument(deck, input, {
      kind: 'print-slides',
      version: input.version,
      styles,
      body: `<div class="reveal"><div class="slides">\n${parts[i].map(section).join('\n')}\n</div></div>`,
    });
  const pdf = await printParts(input, parts.length, (i) => ({ html: html(i) }), { outline: true });
  return await setMetadata(pdf, metaFor(deck, input.version, 'Slides'));
}
