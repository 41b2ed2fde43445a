/** Title and section slides (title.hbs, section.hbs), in the theme's title style. */
import { LAYOUTS, SPACING, px, sectionNumberSize } from '../../layout/specs.js';
import type { SlideCtx } from './context.js';
import type { Paragraph } from './text.js';
import { coverColors } from './cover.js';

export function buildTitleSlide(c: SlideCtx): void {
  const spec = LAYOUTS.title;
  const font = c.theme.fonts.body.name;
  const colors = coverColors('title', c.theme);
  const align = c.theme.titleStyle === 'centered' ? 'center' : 'start';
  for (const name of ['subtitle', 'byline'] as const) {
    const block = c.slide.blocks.find((b) => name in b) as Record<string, string> | undefined;
    const box = spec.boxes[name];
    if (!block || !box) continue;
    const size = name === 'subtitle' ? c.slide.fit.body : c.slide.fit.byline ?? Math.round(spec.body.pref * SPACING.bylineScale);
    const p: Paragraph = {
      runs: [
        {
          text: block[name],
          size,
          font,
          color: name === 'subtitle' ? colors.text : colors.byline,
          alpha: name === 'subtitle' ? colors.textAlpha : colors.bylineAlpha,
        },
      ],
      align,
      lineHeight: size * c.theme.lineHeight.body,
      endSize: size,
      endFont: font,
    };
    c.out.addText(c.texts.add([p]), { ...c.stage.place(px(box, c.deck.size)), margin: 0, valign: 'top', objectName: name === 'subtitle' ? 'Subtitle' : 'Byline' });
  }
}

/** A section slide: the section's number above its title (the title is the placeholder's). */
export function buildSectionSlide(c: SlideCtx): void {
  if (!c.slide.kicker) return;
  const box = px(LAYOUTS.section.boxes.kicker!, c.deck.size);
  const size = sectionNumberSize(c.theme, c.deck.size);
  const font = c.theme.fonts.heading.name;
  const colors = coverColors('section', c.theme);
  const p: Paragraph = {
    runs: [{ text: c.slide.kicker, size, font, color: colors.number, alpha: colors.numberAlpha, bold: true }],
    align: c.theme.titleStyle === 'centered' ? 'center' : 'start',
    rtl: false,
    lineHeight: size * c.theme.lineHeight.heading,
    endSize: size,
    endFont: font,
  };
  c.out.addText(c.texts.add([p]), { ...c.stage.place(box), margin: 0, valign: 'bottom', objectName: 'Section number' });
}
