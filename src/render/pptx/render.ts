/**
 * Deck → editable PowerPoint. pptxgenjs (loaded only for this format) writes the presentation, one
 * slide master per layout, shapes, tables, pictures and notes; our own paragraphs (text.ts) are set
 * into it and the package is repaired and checked strictly (package.ts). Every box and size comes
 * from the layout specs and the planner's fit, so text sits where the planner measured it.
 */
import { PptxGen } from './pptxgen.js';
import type { RenderInput } from '../registry.js';
import type { Slide } from '../../types/deck.js';
import { isRtl } from '../../structure/lang.js';
import { masterName, type Ctx, type SlideCtx } from './context.js';
import { defineMasters } from './masters.js';
import { addKicker, addNotes, addSlideNumber, addTitle } from './frame.js';
import { buildFlow } from './flow.js';
import { buildTable } from './table.js';
import { buildCode } from './code.js';
import { buildImage } from './image.js';
import { buildTwoColumns } from './two-column.js';
import { buildFigures } from './figures.js';
import { buildChart } from './chart.js';
import { buildSectionSlide, buildTitleSlide } from './title-slide.js';
import { footRow } from '../../layout/chrome.js';
import { TextTokens } from './tokens.js';
import { Stage, inches } from './units.js';
import { officeLang } from './scripts.js';
import { finishPackage } from './package.js';
import { pptxgenParts } from './unzipped.js';
import { hasXmlIllegal } from '../../read/xml-chars.js';
import { LAYOUTS, layoutSpec } from '../../layout/specs.js';

const BUILDERS: Record<Slide['layout'], (c: SlideCtx) => void> = {
  title: buildTitleSlide,
  agenda: buildFlow,
  bullets: buildFlow,
  takeaways: buildFlow,
  conclusion: buildFlow,
  quote: buildFlow,
  table: buildTable,
  code: buildCode,
  image: buildImage,
  'two-column': buildTwoColumns,
  figures: buildFigures,
  chart: buildChart,
  section: buildSectionSlide,
};

/** Whether any text of the deck holds a character XML cannot carry (a deck JSON may, a report may not). */
function deckHasIllegal(value: unknown): boolean {
  if (typeof value === 'string') return hasXmlIllegal(value);
  if (Array.isArray(value)) return value.some(deckHasIllegal);
  if (value && typeof value === 'object') return Object.values(value).some(deckHasIllegal);
  return false;
}

export async function renderPptx(input: RenderInput): Promise<Buffer> {
  const { deck, theme } = input;
  const rtl = isRtl(deck.meta.lang);
  const pres = new PptxGen();
  pres.defineLayout({ name: 'briefdeck', width: inches(deck.size.width), height: inches(deck.size.height) });
  pres.layout = 'briefdeck';
  pres.theme = { headFontFace: theme.fonts.heading.name, bodyFontFace: theme.fonts.body.name };
  pres.title = deck.meta.title;
  pres.subject = deck.meta.subtitle ?? '';
  pres.author = deck.meta.author ?? '';
  pres.company = '';
  if (rtl) pres.rtlMode = true;

  const ctx: Ctx = {
    pres,
    deck,
    theme,
    measurer: input.measurer,
    stage: new Stage(deck.size.width, deck.size.height, rtl),
    texts: new TextTokens(),
    foot: footRow(theme, deck.size, input.measurer, deck.slides.length),
    baseDir: input.baseDir,
    file: input.file,
    warn: input.warn,
  };
  if (deckHasIllegal(deck)) {
    input.warn({ level: 'warning', code: 'control-characters', message: 'control characters removed from the PowerPoint text (XML cannot hold them)', file: input.file });
  }

  defineMasters(ctx);
  const total = deck.slides.length;
  deck.slides.forEach((slide, i) => {
    const out = pres.addSlide({ masterName: masterName(slide.layout) });
    const c: SlideCtx = { ...ctx, slide, out, number: i + 1, total };
    if (slide.layout !== 'title' && slide.layout !== 'section') addKicker(c);
    addTitle(c);
    BUILDERS[slide.layout](c);
    addSlideNumber(c);
    addNotes(c);
    input.progress?.(i + 1, total);
  });

  const written = await pptxgenParts(pres);
  const titles = Object.fromEntries(
    (Object.keys(LAYOUTS) as Slide['layout'][]).map((l) => {
      const { title } = layoutSpec(l, theme.scale);
      return [masterName(l), { size: title.pref, line: title.pref * theme.lineHeight[title.role] }];
    }),
  );
  return finishPackage(written, { texts: ctx.texts, lang: officeLang(deck.meta.lang), rtl, titles });
}
