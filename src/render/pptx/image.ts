/**
 * Image slides (image.hbs): the picture centred in the space above its caption, at its own aspect
 * ratio and never blown up past twice its size; a labelled placeholder when the file is missing.
 */
import { LAYOUTS, SPACING, px, type Box } from '../../layout/specs.js';
import { drawnImageSize, imageGeometry } from '../../plan/fit.js';
import { labelsFor } from '../../plan/labels.js';
import { blockOf, type SlideCtx } from './context.js';
import type { Paragraph } from './text.js';
import { assetPicture } from './images.js';
import { hex } from './units.js';

/** deck.css: the missing-image box is 60% × 80% of the picture area, dashed in the rule colour. */
const MISSING = { w: 0.6, h: 0.8, border: 2, radius: 8 };

/** `area`: a column of a two-column slide and its caption size, instead of the layout's body box. */
export function buildImage(c: SlideCtx, area?: { box: Box; caption: number }): void {
  const block = blockOf(c.slide, 'image');
  if (!block) return;
  const { theme, deck } = c;
  const { alt } = block.image;
  const body = area?.box ?? px(LAYOUTS.image.boxes.body, deck.size);
  const s = area?.caption ?? c.slide.fit.body;
  const lh = theme.lineHeight.body;
  const font = theme.fonts.body.name;
  const { imageH, caption } = imageGeometry(alt, s, body.w, body.h, lh, c.measurer);
  const asset = deck.assets[block.image.asset];

  let drawn = false;
  if (asset?.width && asset.height) {
    // Never zero: pptxgenjs would draw a zero-sized picture an inch wide.
    const { width: w, height: h } = drawnImageSize(asset.width, asset.height, body.w, imageH);
    const picture = assetPicture(asset, c.baseDir, w);
    if (picture && 'unsupported' in picture) {
      c.warn({ level: 'warning', code: 'pptx-image-format', message: `${asset.src}: ${picture.unsupported} images are not supported in PowerPoint; shown as a placeholder`, file: c.file });
    } else if (picture) {
      const box: Box = { x: body.x + (body.w - w) / 2, y: body.y + (imageH - h) / 2, w, h };
      c.out.addImage({ data: picture.data, ...c.stage.place(box), altText: alt, objectName: 'Picture' });
      drawn = true;
    }
  }
  if (!drawn) {
    const w = body.w * MISSING.w;
    const h = imageH * MISSING.h;
    const label: Paragraph = {
      runs: [{ text: labelsFor(deck.meta.lang, theme.labels).imageMissing, size: s, font, color: theme.colors.muted }],
      align: 'center',
      lineHeight: s * lh,
      endSize: s,
      endFont: font,
    };
    c.out.addText(c.texts.add([label]), {
      ...c.stage.place({ x: body.x + (body.w - w) / 2, y: body.y + (imageH - h) / 2, w, h }),
      shape: c.pres.ShapeType.roundRect,
      rectRadius: MISSING.radius / 96,
      fill: { color: hex(theme.colors.codeBackground) },
      line: { color: hex(theme.colors.rule), width: MISSING.border * 0.75, dashType: 'dash' },
      margin: 0,
      valign: 'middle',
      objectName: 'Missing picture',
    });
  }
  if (alt && caption) {
    const p: Paragraph = {
      runs: [{ text: alt, size: s, font, color: theme.colors.muted, italic: true }],
      align: 'center',
      lineHeight: s * lh,
      endSize: s,
      endFont: font,
    };
    const y = body.y + imageH + SPACING.captionGap * s;
    c.out.addText(c.texts.add([p]), { ...c.stage.place({ x: body.x, y, w: body.w, h: body.y + body.h - y }), margin: 0, valign: 'top', objectName: 'Caption' });
  }
}
