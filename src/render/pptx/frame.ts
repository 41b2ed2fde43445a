/**
 * What every content slide carries around its body, as partials-frame.hbs draws it: the section
 * kicker pill, the title in the layout's title placeholder, the slide number, and the notes.
 */
import { FOOTER_TEXT, LAYOUTS, layoutSpec, px } from '../../layout/specs.js';
import { coverColors, isCover } from './cover.js';
import type { SlideCtx } from './context.js';
import type { Paragraph } from './text.js';
import { hex } from './units.js';

/** The kicker pill: 18 px bold capitals-spaced text with 0.75 em of pill either side (deck.css). */
const KICKER = { size: 18, lineHeight: 1.2, spacing: 0.06, padX: 0.75, padY: 1 };
const FOOTER_SIZE = FOOTER_TEXT.size;
const NOTES_SIZE = 16;

export function addTitle(c: SlideCtx): void {
  const spec = layoutSpec(c.slide.layout, c.theme.scale);
  const size = c.slide.fit.title;
  const title: Paragraph = {
    runs: [
      {
        text: c.slide.title,
        size,
        font: c.theme.fonts[spec.title.role].name,
        color: coverColors(c.slide.layout, c.theme).title,
        bold: true,
      },
    ],
    align: isCover(c.slide.layout) && c.theme.titleStyle === 'centered' ? 'center' : 'start',
    lineHeight: size * c.theme.lineHeight[spec.title.role],
    endSize: size,
    endFont: c.theme.fonts[spec.title.role].name,
  };
  // The placeholder gives PowerPoint's outline view, accessibility checker and "Reset slide" a real title.
  c.out.addText(c.texts.add([title]), { placeholder: 'title' });
}

export function addKicker(c: SlideCtx): void {
  const box = LAYOUTS[c.slide.layout].boxes.kicker;
  if (!c.slide.kicker || !box) return;
  const k = px(box, c.deck.size);
  const font = c.theme.fonts.heading.name;
  const text = c.slide.kicker;
  const textW = c.measurer.width(text, { role: 'heading', bold: true }, KICKER.size) + [...text].length * KICKER.spacing * KICKER.size;
  const h = KICKER.size * KICKER.lineHeight + 2 * KICKER.padY;
  // Two px of slack: the pill must never wrap its number onto a second line.
  const w = Math.min(k.w, textW + 2 * KICKER.padX * KICKER.size + 2);
  const pill: Paragraph = {
    runs: [{ text, size: KICKER.size, font, color: c.theme.colors.accentText, bold: true, spacing: KICKER.spacing * KICKER.size }],
    align: 'center',
    lineHeight: KICKER.size * KICKER.lineHeight,
    rtl: false,
    endSize: KICKER.size,
    endFont: font,
  };
  c.out.addText(c.texts.add([pill]), {
    ...c.stage.place({ x: k.x, y: k.y + k.h - h, w, h }),
    shape: c.pres.ShapeType.roundRect,
    rectRadius: h / 2 / 96,
    fill: { color: hex(c.theme.colors.accent) },
    margin: 0,
    valign: 'middle',
    wrap: false,
    objectName: 'Section',
  });
}

/** "n / total" at the footer's end, as the HTML deck numbers its slides (the title slide has none). */
export function addSlideNumber(c: SlideCtx): void {
  const box = c.foot.number;
  if (isCover(c.slide.layout) || !box) return;
  const font = c.theme.fonts.body.name;
  const number: Paragraph = {
    runs: [{ text: `${c.number} / ${c.total}`, size: FOOTER_SIZE, font, color: c.theme.colors.muted }],
    // Numbers read left to right even in a right-to-left deck, where they sit at the left end.
    align: c.stage.rtl ? 'start' : 'end',
    rtl: false,
    lineHeight: FOOTER_SIZE * FOOTER_TEXT.lineHeight,
    endSize: FOOTER_SIZE,
    endFont: font,
  };
  c.out.addText(c.texts.add([number]), { ...c.stage.place(box), margin: 0, valign: 'middle', objectName: 'Slide number' });
}

/** The theme's footer line, placed once on each content master. */
export function footerParagraph(text: string, theme: SlideCtx['theme']): Paragraph {
  const font = theme.fonts.body.name;
  return { runs: [{ text, size: FOOTER_SIZE, font, color: theme.colors.muted }], align: 'start', lineHeight: FOOTER_SIZE * FOOTER_TEXT.lineHeight, endSize: FOOTER_SIZE, endFont: font };
}

/** Speaker notes: one paragraph per blank-line-separated paragraph of the model's notes. */
export function addNotes(c: SlideCtx): void {
  if (!c.slide.notes) return;
  const font = c.theme.fonts.body.name;
  const paragraphs: Paragraph[] = c.slide.notes.split(/\n{2,}/).map((text, i) => ({
    runs: [{ text, size: NOTES_SIZE, font, color: '#000000' }],
    align: 'start',
    spaceBefore: i ? NOTES_SIZE * 0.5 : 0,
    endSize: NOTES_SIZE,
    endFont: font,
  }));
  c.out.addNotes(c.texts.add(paragraphs));
}
