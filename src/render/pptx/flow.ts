/**
 * Flowing layouts (agenda, bullets, takeaways, conclusion, quote) as partials-flow.hbs draws them:
 * paragraphs, list items with their markers at the planner's indents, quotes with an accent bar and
 * attribution, and display formulas as pictures between the text. Heights come from the planner's
 * own measure, so each text box starts where the HTML's next block does.
 */
import type { Block, Run } from '../../types/deck.js';
import { LAYOUTS, SLACK, SPACING, bulletFor, px, type Box } from '../../layout/specs.js';
import { flowUnits, mathBlockSize, runsToPieces } from '../../plan/fit.js';
import type { SlideCtx } from './context.js';
import type { Paragraph } from './text.js';
import { textRuns, type RunStyle } from './runs.js';
import { mathPicture } from './images.js';
import { hex } from './units.js';

/** The quote's accent bar: 6 px wide, 28 px before the text, inset 0.15 em top and bottom (deck.css). */
const BAR = { width: 6, offset: 28, inset: 0.15 };

/** `area`: one column of a two-column slide, instead of the layout's body box and all the slide's blocks. */
export function buildFlow(c: SlideCtx, area?: { box: Box; blocks: Block[] }): void {
  const { slide, theme, deck } = c;
  const spec = LAYOUTS[slide.layout];
  const body = area?.box ?? px(spec.boxes.body, deck.size);
  const s = slide.fit.body;
  const role = spec.body.role;
  const lh = theme.lineHeight[role];
  const font = theme.fonts[role].name;
  const quoteLayout = slide.layout === 'quote';
  const base: RunStyle = {
    size: s,
    font,
    color: slide.layout === 'conclusion' ? theme.colors.heading : theme.colors.text,
    strong: slide.layout === 'takeaways' ? theme.colors.heading : undefined,
  };
  const lines = (runs: Run[], width: number, size: number, italic: boolean) =>
    c.measurer.lineCount(runsToPieces(runs, role, { italic }), width * SLACK, size);

  let y = body.y;
  let group: Paragraph[] = [];
  let groupY = y;
  const flush = (last: boolean) => {
    if (group.length) {
      const h = last ? body.y + body.h - groupY : y - groupY;
      c.out.addText(c.texts.add(group), { ...c.stage.place({ x: body.x, y: groupY, w: body.w, h }), margin: 0, valign: 'top', objectName: 'Body' });
    }
    group = [];
  };

  flowUnits(area?.blocks ?? slide.blocks).forEach((u, i) => {
    const gapEm = i === 0 ? 0 : u.kind === 'item' && u.item.level > 0 ? SPACING.nestedGap : SPACING.itemGap;
    const gap = gapEm * s;
    if (u.kind === 'math') {
      flush(false);
      const size = mathBlockSize(u.tex, s, body.w, body.h);
      y += gap;
      const box: Box = { x: body.x + (body.w - size.width) / 2, y, w: size.width, h: size.height };
      c.out.addImage({ data: mathPicture(u.tex, size.width, theme.colors.text), ...c.stage.place(box), altText: u.tex });
      y += size.height;
      groupY = y;
      return;
    }
    // The first paragraph of a box has its gap in the box's position: renderers differ on space above a box's first line.
    const spaceBefore = group.length ? gap : 0;
    if (!group.length) {
      groupY = y + gap;
      y = groupY;
    } else y += gap;
    if (u.kind === 'paragraph') {
      group.push({ runs: textRuns(u.runs, base, theme, deck.links), align: 'start', lineHeight: s * lh, spaceBefore, endSize: s, endFont: font });
      y += lines(u.runs, body.w, s, false) * s * lh;
    } else if (u.kind === 'item') {
      const { item } = u;
      const marker = item.continued
        ? undefined
        : item.ordered
          ? { number: item.n ?? 1, color: theme.colors.accent, font }
          : { char: bulletFor(item.level), color: theme.colors.accent, font };
      group.push({
        runs: textRuns(item.runs, base, theme, deck.links),
        align: 'start',
        lineHeight: s * lh,
        spaceBefore,
        textIndent: u.text * s,
        markerIndent: marker ? u.marker * s : undefined,
        marker,
        level: item.level,
        endSize: s,
        endFont: font,
      });
      y += lines(item.runs, body.w - u.text * s, s, false) * s * lh;
    } else {
      const top = y;
      group.push({
        runs: textRuns(u.runs, { ...base, italic: quoteLayout || undefined, color: theme.colors.heading }, theme, deck.links),
        align: 'start',
        lineHeight: s * lh,
        spaceBefore,
        endSize: s,
        endFont: font,
      });
      y += lines(u.runs, body.w, s, quoteLayout) * s * lh;
      if (u.cite) {
        const cs = Math.round(s * SPACING.citeScale);
        const cite = `— ${u.cite}`;
        group.push({
          runs: [{ text: cite, size: cs, font, color: theme.colors.muted }],
          align: 'start',
          lineHeight: cs * lh,
          spaceBefore: SPACING.citeGap * s,
          endSize: cs,
          endFont: font,
        });
        y += SPACING.citeGap * s + lines([{ text: cite }], body.w, cs, false) * cs * lh;
      }
      const bar: Box = { x: body.x - BAR.offset, y: top + BAR.inset * s, w: BAR.width, h: Math.max(1, y - top - 2 * BAR.inset * s) };
      c.out.addShape(c.pres.ShapeType.roundRect, { ...c.stage.place(bar), rectRadius: BAR.width / 2 / 96, fill: { color: hex(theme.colors.accent) }, line: { type: 'none' } });
    }
  });
  flush(true);
}
