/**
 * Key-figure slides (figures.hbs): each figure, its label and its sentence centred in a column of
 * their own, one text box each so a colleague can edit a figure in place.
 */
import { SPACING } from '../../layout/specs.js';
import { figureColumns, figureSizes } from '../../plan/fit-figures.js';
import type { SlideCtx } from './context.js';
import type { Paragraph } from './text.js';

export function buildFigures(c: SlideCtx): void {
  const { slide, theme, deck } = c;
  const { value: v, label: s, sentence: t } = figureSizes(slide.fit);
  const lh = theme.lineHeight;
  const heading = theme.fonts.heading.name;
  const body = theme.fonts.body.name;
  figureColumns(slide.blocks, deck.size).forEach(({ figure: f, box }, i) => {
    const paragraphs: Paragraph[] = [
      { runs: [{ text: f.value, size: v, font: heading, color: theme.colors.accent, bold: true }], align: 'center', lineHeight: v * lh.heading, endSize: v, endFont: heading },
      {
        runs: [{ text: f.label, size: s, font: body, color: theme.colors.heading, bold: true }],
        align: 'center',
        lineHeight: s * lh.body,
        spaceBefore: SPACING.figureLabelGap * s,
        endSize: s,
        endFont: body,
      },
      {
        runs: [{ text: f.sentence, size: t, font: body, color: theme.colors.muted }],
        align: 'center',
        lineHeight: t * lh.body,
        spaceBefore: SPACING.figureSentenceGap * s,
        endSize: t,
        endFont: body,
      },
    ];
    c.out.addText(c.texts.add(paragraphs), { ...c.stage.place(box), margin: 0, valign: 'middle', objectName: `Figure ${i + 1}` });
  });
}
