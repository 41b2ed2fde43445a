/**
 * Two-column slides (two-column.hbs): each column is a flow of text or a picture with its caption,
 * drawn by the same builders as a whole-width slide, in the column's box.
 */
import { columnBoxes, px } from '../../layout/specs.js';
import { columnCaption } from '../../plan/fit.js';
import type { SlideCtx } from './context.js';
import { buildFlow } from './flow.js';
import { buildImage } from './image.js';

export function buildTwoColumns(c: SlideCtx): void {
  const { slide, deck } = c;
  const cut = slide.fit.columnStart ?? slide.blocks.length;
  const columns = [slide.blocks.slice(0, cut), slide.blocks.slice(cut)];
  columnBoxes().forEach((b, i) => {
    const box = px(b, deck.size);
    const blocks = columns[i];
    if (blocks.some((x) => 'image' in x)) buildImage({ ...c, slide: { ...slide, blocks } }, { box, caption: columnCaption(slide.fit.body) });
    else buildFlow(c, { box, blocks });
  });
}
