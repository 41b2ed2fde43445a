/**
 * One slide master per deck layout, built from the theme: its background, the title placeholder at
 * the layout's title box in the heading font and colour, the accent rule under the title, the title
 * slide's accent band and the theme's footer line. Slides then only add what is theirs.
 */
import type { Layout } from '../../types/deck.js';
import { FOOTER, LAYOUTS, px } from '../../layout/specs.js';
import { masterName, type Ctx } from './context.js';
import { footerParagraph } from './frame.js';
import { hex } from './units.js';

/** deck.css: the rule is 64 × 4 px, 10 px under the title box; the title band is 18 px wide. */
const RULE = { w: 64, h: 4, gap: 10 };
const BAND = 18;

type MasterObject = NonNullable<Parameters<Ctx['pres']['defineSlideMaster']>[0]['objects']>[number];

export function defineMasters(c: Ctx): void {
  const { theme, deck, stage } = c;
  for (const layout of Object.keys(LAYOUTS) as Layout[]) {
    const spec = LAYOUTS[layout];
    const title = px(spec.boxes.title, deck.size);
    const objects: MasterObject[] = [];
    if (layout === 'title') {
      objects.push({ rect: { ...stage.place({ x: 0, y: 0, w: BAND, h: deck.size.height }), fill: { color: hex(theme.colors.accent) } } });
    }
    objects.push({
      placeholder: {
        options: {
          name: 'title',
          type: 'title',
          ...stage.place(title),
          margin: 0,
          valign: 'bottom',
          align: stage.rtl ? 'right' : 'left',
          fontFace: theme.fonts[spec.title.role].name,
          bold: true,
          color: hex(layout === 'title' ? theme.colors.titleText : theme.colors.heading),
        },
        text: '',
      },
    });
    if (layout !== 'title') {
      objects.push({ rect: { ...stage.place({ x: title.x, y: title.y + title.h + RULE.gap, w: RULE.w, h: RULE.h }), fill: { color: hex(theme.colors.accent) } } });
      if (theme.footer) {
        objects.push({ text: { text: c.texts.add([footerParagraph(theme.footer, theme)]), options: { ...stage.place(px(FOOTER, deck.size)), margin: 0, valign: 'middle' } } });
      }
    }
    c.pres.defineSlideMaster({
      title: masterName(layout),
      background: { color: hex(layout === 'title' ? theme.colors.titleBackground : theme.colors.background) },
      objects,
    });
  }
}
