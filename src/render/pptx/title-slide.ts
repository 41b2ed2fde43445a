/** The title slide (title.hbs): title, subtitle and byline on the title background. */
import { LAYOUTS, SPACING, px } from '../../layout/specs.js';
import type { SlideCtx } from './context.js';
import type { Paragraph } from './text.js';

/** deck.css sets the subtitle at 90% and the byline at 75% opacity over the title background. */
const ALPHA = { subtitle: 0.9, byline: 0.75 };

export function buildTitleSlide(c: SlideCtx): void {
  const spec = LAYOUTS.title;
  const font = c.theme.fonts.body.name;
  for (const name of ['subtitle', 'byline'] as const) {
    const block = c.slide.blocks.find((b) => name in b) as Record<string, string> | undefined;
    const box = spec.boxes[name];
    if (!block || !box) continue;
    const size = name === 'subtitle' ? c.slide.fit.body : c.slide.fit.byline ?? Math.round(spec.body.pref * SPACING.bylineScale);
    const p: Paragraph = {
      runs: [{ text: block[name], size, font, color: c.theme.colors.titleText, alpha: ALPHA[name] }],
      align: 'start',
      lineHeight: size * c.theme.lineHeight.body,
      endSize: size,
      endFont: font,
    };
    c.out.addText(c.texts.add([p]), { ...c.stage.place(px(box, c.deck.size)), margin: 0, valign: 'top', objectName: name === 'subtitle' ? 'Subtitle' : 'Byline' });
  }
}
