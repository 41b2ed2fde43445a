/**
 * One slide master per deck layout, built from the theme: its background, the title placeholder at
 * the layout's title box in the heading font and colour, the accent rule, the band of a `band` title
 * style, and the logo and footer line. Slides then only add what is theirs.
 */
import type { Layout } from '../../types/deck.js';
import { BAND, LAYOUTS, RULE, coverRule, layoutSpec, px } from '../../layout/specs.js';
import { coverLogo, themeLogo } from '../../layout/chrome.js';
import { masterName, type Ctx } from './context.js';
import { footerParagraph } from './frame.js';
import { assetPicture } from './images.js';
import { hex } from './units.js';
import { isCover, coverColors } from './cover.js';

type MasterObject = NonNullable<Parameters<Ctx['pres']['defineSlideMaster']>[0]['objects']>[number];

export function defineMasters(c: Ctx): void {
  const { theme, deck, stage, foot } = c;
  const logo = themeLogo(theme);
  const logoImage = (box: { x: number; y: number; w: number; h: number }): MasterObject[] => {
    const picture = logo && assetPicture({ src: 'logo', path: logo.path, mime: logo.mime, width: logo.width, height: logo.height }, '', box.w);
    return picture && 'data' in picture ? [{ image: { data: picture.data, ...stage.place(box), altText: `${theme.name} logo` } }] : [];
  };
  for (const layout of Object.keys(LAYOUTS) as Layout[]) {
    const spec = layoutSpec(layout, theme.scale);
    const title = px(spec.boxes.title, deck.size);
    const cover = isCover(layout);
    const colors = coverColors(layout, theme);
    const objects: MasterObject[] = [];
    if (cover && theme.titleStyle === 'band') {
      objects.push({ rect: { ...stage.place({ x: 0, y: 0, w: BAND, h: deck.size.height }), fill: { color: hex(theme.colors.accent) } } });
    }
    objects.push({
      placeholder: {
        options: {
          name: 'title',
          type: 'title',
          ...stage.place(title),
          margin: 0,
          valign: layout === 'section' ? 'top' : 'bottom',
          align: cover && theme.titleStyle === 'centered' ? 'center' : stage.rtl ? 'right' : 'left',
          fontFace: theme.fonts[spec.title.role].name,
          bold: true,
          color: hex(colors.title),
        },
        text: '',
      },
    });
    if (cover) {
      if (layout === 'section' || theme.titleStyle !== 'band') {
        objects.push({ rect: { ...stage.place(coverRule(layout as 'title' | 'section', theme, deck.size)), fill: { color: hex(theme.colors.accent) } } });
      }
      const box = coverLogo(theme, deck.size);
      if (box) objects.push(...logoImage(box));
    } else {
      objects.push({ rect: { ...stage.place({ x: title.x, y: title.y + title.h + RULE.gap, w: RULE.w, h: RULE.h }), fill: { color: hex(theme.colors.accent) } } });
      if (foot.logo) objects.push(...logoImage(foot.logo));
      if (foot.footer) {
        objects.push({ text: { text: c.texts.add([footerParagraph(foot.footer.text, theme)]), options: { ...stage.place(foot.footer.box), margin: 0, valign: 'middle' } } });
      }
    }
    c.pres.defineSlideMaster({
      title: masterName(layout),
      background: { color: hex(colors.background) },
      objects,
    });
  }
}
