/**
 * Deck → one self-contained reveal.js HTML file: reveal's CSS and JS, the theme, the fonts and the
 * images are all inlined, so the deck presents from a USB stick with no network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Block, Deck, Slide } from '../../types/deck.js';
import type { Theme } from '../../theme/types.js';
import { LAYOUTS, RULE, columnBoxes, coverRule, sectionNumberSize, SPACING, bulletFor, listIndents, px, type Box } from '../../layout/specs.js';
import { coverLogo, footRow, themeLogo, type FootRow } from '../../layout/chrome.js';
import { Templates } from '../templates.js';
import { typeset } from '../../math/typeset.js';
import { isRtl } from '../../structure/lang.js';
import { labelsFor } from '../../plan/labels.js';
import { tableColumns } from '../../plan/table-geometry.js';
import { figureColumns, figureSizes } from '../../plan/fit-figures.js';
import { columnCaption, drawnImageSize, imageGeometry, mathBlockSize } from '../../plan/fit.js';
import type { Measurer } from '../../measure/text.js';
import { escapeHtml, runsHtml } from './runs.js';
import { highlightHtml } from './highlight.js';
import { codeTintCss } from '../code-tints.js';
import { deckCodepoints, fontFaces, themeVariables } from './css.js';
import { presentedDeck } from '../presented.js';
import { chartGeometry } from '../../chart/geometry.js';
import { chartSvg } from '../../chart/svg.js';

export interface HtmlOptions {
  theme: Theme;
  measurer: Measurer;
  /** Folder the deck's asset paths are relative to (the report's folder). */
  baseDir: string;
  version: string;
  /** A folder of templates that override the theme's and the built-in ones by file name. */
  templates?: string;
}

const require = createRequire(import.meta.url);

/** The templates of a render: the user's folder, the theme's, then the built-in ones. */
export function templatesOf(opts: Pick<HtmlOptions, 'theme' | 'templates'>): Templates {
  return Templates.for(opts.theme, opts.templates);
}

const r = (n: number) => Math.round(n * 100) / 100;
/** A box's place on the slide; right-to-left decks mirror every box across the slide. */
function boxStyle(b: Box, fontSize?: number, rtl = false): string {
  return `${rtl ? 'right' : 'left'}:${r(b.x)}px;top:${r(b.y)}px;width:${r(b.w)}px;height:${r(b.h)}px${fontSize ? `;font-size:${fontSize}px` : ''}`;
}

/** reveal.js and our stylesheet, read once per process: a batch build renders many decks. */
const assets = new Map<string, string>();
function asset(file: string, transform: (text: string) => string = (t) => t): string {
  let text = assets.get(file);
  if (text === undefined) {
    text = transform(readFileSync(file, 'utf8'));
    assets.set(file, text);
  }
  return text;
}

/** Inline scripts must not close their own <script> element early. */
function inlineScript(js: string): string {
  return js.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
}

/** Print variants of the slide sections: the same slides, with or without their notes and headings. */
export interface SectionOptions {
  /** Keep each slide's `<aside class="notes">` (reveal.js shows them in the speaker view). */
  notes?: boolean;
  /**
   * The element a slide's title is set in: `h1`/`h2` make it a heading (a PDF bookmark, a tagged
   * heading), `div` makes it plain text. Default: the template's own (h1 on the title slide, h2 elsewhere).
   */
  titleTag?: (slide: Slide, index: number) => 'h1' | 'h2' | 'div';
}

/**
 * A deck's images as data URLs, each file read once however many slides or pages show it;
 * undefined for a file that is missing or unreadable (the page shows a placeholder).
 */
export function imageSources(deck: Deck, baseDir: string): (asset: number) => string | undefined {
  const images = new Map<number, string | undefined>();
  return (i) => {
    if (!images.has(i)) {
      const a = deck.assets[i];
      let src: string | undefined;
      try {
        if (a?.path && a.mime) src = `data:${a.mime};base64,${readFileSync(path.resolve(baseDir, a.path)).toString('base64')}`;
      } catch {
        src = undefined;
      }
      images.set(i, src);
    }
    return images.get(i);
  };
}

/** Each slide of the deck as its `<section>`: the exact boxes, text and fitted sizes of the HTML deck. */
export function renderSlideSections(deck: Deck, opts: HtmlOptions, print: SectionOptions = {}): string[] {
  const section = slideSectionMaker(deck, opts, print);
  return deck.slides.map((_, i) => section(i));
}

/**
 * Slide i's `<section>`, made when asked for: a long deck printed in parts holds the sections of the
 * parts being printed, not all of them (a 4800-slide deck's sections are some 130 MB of strings).
 */
export function slideSectionMaker(deck: Deck, opts: HtmlOptions, print: SectionOptions = {}): (index: number) => string {
  const labels = labelsFor(deck.meta.lang, opts.theme.labels);
  const total = deck.slides.length;
  const imageSrc = imageSources(deck, opts.baseDir);
  const around = slideFrame(deck, opts);
  return (i) => {
    const slide = deck.slides[i];
    const ctx = slideContext(slide, i + 1, total, deck, opts, imageSrc, labels.imageMissing, around);
    if (print.notes === false) ctx.notes = [];
    const html = templatesOf(opts).compile(`${slide.layout}.hbs`)(ctx);
    const tag = print.titleTag?.(slide, i);
    if (!tag) return html;
    // The title is the first element with class "box title" (an h1 on the title slide, h2 elsewhere).
    return html.replace(/<(h[12]) class="box title"([^>]*)>([\s\S]*?)<\/\1>/, `<${tag} class="box title"$2>$3</${tag}>`);
  };
}

/**
 * The deck's stylesheet: theme tokens, the embedded fonts the text needs, and the slide styles.
 * `extra` is text a page shows beside the slides (dates, labels), for the font subsets it needs.
 */
export function deckCss(deck: Deck, opts: Pick<HtmlOptions, 'theme' | 'templates'>, extra: string[] = []): string {
  const { theme } = opts;
  const codepoints = deckCodepoints(deck, [...extra, theme.footer ?? '']);
  return [themeVariables(theme, deck), fontFaces(theme, codepoints, deck.meta.lang), templatesOf(opts).text('deck.css'), codeTintCss(theme.code, '.reveal ')].join('\n');
}

/** What the `<html>` and `<head>` of every page made from a deck say: language, direction, title, author, generator. */
export function documentHead(deck: Deck, version: string) {
  return {
    lang: deck.meta.lang,
    dir: isRtl(deck.meta.lang) ? 'rtl' : 'ltr',
    title: deck.meta.title,
    author: deck.meta.author,
    version,
  };
}

/** A transparent 1 × 1 GIF: what a shared picture's <img> shows until the script below fills it in. */
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/**
 * A picture shown on several slides (the logo on every one, a chart repeated) is written once. Its
 * <img> elements get a stand-in and the picture's number, and one short script sets their sources
 * from a single table before reveal.js starts: without it a deck repeats megabytes per slide.
 */
function shareRepeatedImages(slides: string): { html: string; script: string } {
  const uses = new Map<string, number>();
  for (const m of slides.matchAll(/ src="(data:[^"]+)"/g)) uses.set(m[1], (uses.get(m[1]) ?? 0) + 1);
  const shared = [...uses].filter(([, n]) => n > 1).map(([url]) => url);
  if (!shared.length) return { html: slides, script: '' };
  const number = new Map(shared.map((url, i) => [url, i]));
  const html = slides.replace(/ src="(data:[^"]+)"/g, (m, url: string) =>
    number.has(url) ? ` src="${PIXEL}" data-bd-image="${number.get(url)}"` : m,
  );
  // The sources were escaped for an attribute ("=" as "&#x3D;"); the table holds them as they are.
  const urls = shared.map((url) => url.replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16))));
  const script =
    `(function () { var u = ${JSON.stringify(urls).replace(/</g, '\\u003c')};` +
    ` document.querySelectorAll('img[data-bd-image]').forEach(function (i) { i.src = u[+i.getAttribute('data-bd-image')]; }); })();`;
  return { html, script };
}

export async function renderHtml(deck: Deck, opts: HtmlOptions): Promise<string> {
  deck = presentedDeck(deck);
  const { html: slidesHtml, script: imagesJs } = shareRepeatedImages(renderSlideSections(deck, opts, { notes: true }).join('\n'));

  const config = {
    width: deck.size.width,
    height: deck.size.height,
    margin: 0.04,
    center: false,
    hash: true,
    controls: true,
    progress: true,
    slideNumber: false,
    transition: 'fade',
    transitionSpeed: 'fast',
    rtl: isRtl(deck.meta.lang),
    plugins: [] as string[],
  };
  const css = deckCss(deck, opts);
  return templatesOf(opts).compile('deck.hbs')({
    ...documentHead(deck, opts.version),
    revealCss: asset(require.resolve('reveal.js/reveal.css')),
    css,
    slides: slidesHtml,
    imagesJs,
    revealJs: asset(require.resolve('reveal.js'), inlineScript),
    notesJs: asset(require.resolve('reveal.js/plugin/notes'), inlineScript),
    config: JSON.stringify(config).replace('"plugins":[]', '"plugins":[RevealNotes]').replace(/</g, '\\u003c'),
  });
}

/** What frames every slide of a deck: the foot row of content slides and the logo of cover slides. */
interface SlideFrame {
  foot: FootRow;
  cover?: Box;
  logo?: string;
}

const logoSources = new Map<string, string>();
/** The theme's logo as a data URL, read once per process. */
export function logoSource(theme: Theme): string | undefined {
  const logo = themeLogo(theme);
  if (!logo) return undefined;
  let src = logoSources.get(logo.path);
  if (!src) {
    src = `data:${logo.mime};base64,${readFileSync(logo.path).toString('base64')}`;
    logoSources.set(logo.path, src);
  }
  return src;
}

function slideFrame(deck: Deck, opts: HtmlOptions): SlideFrame {
  return { foot: footRow(opts.theme, deck.size, opts.measurer, deck.slides.length), cover: coverLogo(opts.theme, deck.size), logo: logoSource(opts.theme) };
}

function slideContext(
  slide: Slide,
  number: number,
  total: number,
  deck: Deck,
  opts: HtmlOptions,
  imageSrc: (i: number) => string | undefined,
  missingLabel: string,
  around: SlideFrame,
) {
  const spec = LAYOUTS[slide.layout];
  const size = deck.size;
  const rtl = isRtl(deck.meta.lang);
  const titleBox = px(spec.boxes.title, size);
  const body = px(spec.boxes.body, size);
  const s = slide.fit.body;
  const ctx: Record<string, unknown> = {
    title: slide.title,
    titleBox: { style: boxStyle(titleBox, slide.fit.title, rtl) },
    body: { style: boxStyle(body, s, rtl) },
    rule: `${rtl ? 'right' : 'left'}:${r(titleBox.x)}px;top:${r(titleBox.y + titleBox.h + RULE.gap)}px`,
    notes: slide.notes ? slide.notes.split(/\n{2,}/) : [],
  };
  if (slide.kicker && spec.boxes.kicker) ctx.kicker = { text: slide.kicker, style: boxStyle(px(spec.boxes.kicker, size), undefined, rtl) };
  const cover = slide.layout === 'title' || slide.layout === 'section';
  ctx.style = opts.theme.titleStyle;
  if (cover) {
    if (around.logo && around.cover) ctx.logo = { src: around.logo, style: boxStyle(around.cover, undefined, rtl) };
    // The accent rule of a cover slide sits between its title and what follows, centred with a centred title.
    const rule = coverRule(slide.layout as 'title' | 'section', opts.theme, size);
    ctx.rule = `${rtl ? 'right' : 'left'}:${r(rule.x)}px;top:${r(rule.y)}px`;
  } else {
    const { foot } = around;
    if (around.logo && foot.logo) ctx.logo = { src: around.logo, style: boxStyle(foot.logo, undefined, rtl) };
    if (foot.footer) ctx.footer = { text: foot.footer.text, style: boxStyle(foot.footer.box, undefined, rtl) };
    if (foot.number) ctx.number = { text: `${number} / ${total}`, style: boxStyle(foot.number, undefined, rtl) };
  }
  if (slide.layout === 'section') {
    const box = spec.boxes.kicker!;
    if (slide.kicker) ctx.number = { text: slide.kicker, style: boxStyle(px(box, size), sectionNumberSize(opts.theme, size), rtl) };
    delete ctx.kicker;
    return ctx;
  }
  if (slide.layout === 'title') {
    for (const name of ['subtitle', 'byline'] as const) {
      const b = slide.blocks.find((x) => name in x) as Record<string, string> | undefined;
      const box = spec.boxes[name];
      if (b && box) {
        const fs = name === 'subtitle' ? s : slide.fit.byline ?? Math.round(LAYOUTS.title.body.pref * SPACING.bylineScale);
        ctx[name] = { text: b[name], style: boxStyle(px(box, size), fs, rtl) };
      }
    }
    return ctx;
  }
  const links = deck.links;
  const picture = (b: { image: { asset: number; alt: string } }, box: Box, captionSize: number) => {
    const asset = deck.assets[b.image.asset];
    let width = asset?.width;
    let height = asset?.height;
    if (width && height) {
      const { imageH } = imageGeometry(b.image.alt, captionSize, box.w, box.h, opts.theme.lineHeight.body, opts.measurer);
      ({ width, height } = drawnImageSize(width, height, box.w, imageH));
    }
    return { src: imageSrc(b.image.asset), alt: b.image.alt, width, height, missing: missingLabel };
  };
  if (slide.layout === 'figures') {
    const sizes = figureSizes(slide.fit);
    ctx.figures = figureColumns(slide.blocks, size).map(({ figure, box }) => ({
      ...figure,
      style: boxStyle(box, sizes.label, rtl),
      valueStyle: `font-size:${sizes.value}px`,
      labelStyle: `margin-top:${r(SPACING.figureLabelGap * sizes.label)}px`,
      sentenceStyle: `font-size:${sizes.sentence}px;margin-top:${r(SPACING.figureSentenceGap * sizes.label)}px`,
    }));
    return ctx;
  }
  if (slide.layout === 'two-column') {
    const cut = slide.fit.columnStart ?? slide.blocks.length;
    ctx.columns = columnBoxes().map((b, i) => {
      const box = px(b, size);
      const blocks = i === 0 ? slide.blocks.slice(0, cut) : slide.blocks.slice(cut);
      const image = blocks.find((x) => 'image' in x) as { image: { asset: number; alt: string } } | undefined;
      if (image) return { image: picture(image, box, columnCaption(s)), style: boxStyle(box, columnCaption(s), rtl) };
      return { blocks: flowBlocks(blocks, links, s, box), style: boxStyle(box, s, rtl) };
    });
    return ctx;
  }
  ctx.blocks = flowBlocks(slide.blocks, links, s, body);
  for (const b of slide.blocks) {
    if ('table' in b) {
      const cols = slide.fit.columns ?? tableColumns(b.table, body.w, s, opts.measurer);
      const align = (i: number) => ['start', 'center', 'end'][Math.round((b.table.align[i] ?? 0) * 2)];
      ctx.table = {
        width: cols.reduce((a, c) => a + c, 0),
        cols,
        head: b.table.head.map((cell, i) => ({ html: runsHtml(cell, links), align: align(i) })),
        rows: b.table.rows.map((row) => row.map((cell, i) => ({ html: runsHtml(cell, links), align: align(i) }))),
      };
    } else if ('code' in b) {
      ctx.code = { lang: b.code.lang, html: highlightHtml(b.code.lines.join('\n'), b.code.lang) };
      // The panel hugs its code; the box height is only the limit the planner fitted against.
      ctx.body = { style: boxStyle(body, s, rtl).replace(/height:[\d.]+px/, `max-height:${r(body.h)}px`) };
    } else if ('image' in b) {
      ctx.image = picture(b, body, s);
    } else if ('chart' in b) {
      // Laid out at the size the planner fitted, by the geometry it measured with.
      const g = chartGeometry({ chart: b.chart, box: body, size: s, lineHeight: opts.theme.lineHeight.body, measurer: opts.measurer });
      ctx.chart = { svg: chartSvg(b.chart, g, { theme: opts.theme, title: slide.title }), type: b.chart.type };
    }
  }
  return ctx;
}

/** Flow blocks with the spacing the planner measured: gaps and indents in em of the body size. */
function flowBlocks(blocks: Block[], links: string[], s: number, body: Box) {
  let first = true;
  const gap = (nested = false) => {
    const g = first ? 0 : nested ? SPACING.nestedGap : SPACING.itemGap;
    first = false;
    return `margin-top:${g}em`;
  };
  return blocks.map((b) => {
    if ('paragraph' in b) return { paragraph: runsHtml(b.paragraph, links), style: gap() };
    if ('list' in b) {
      const indents = listIndents(b.list);
      return {
        list: b.list.map((item) => {
          const at = indents(item.level);
          return {
            level: item.level,
            continued: item.continued,
            marker: item.ordered ? `${item.n ?? 1}.` : bulletFor(item.level),
            markerStyle: `inset-inline-start:${r(at.marker)}em;width:${r(at.text - at.marker)}em`,
            style: `${gap(item.level > 0)};padding-inline-start:${r(at.text)}em`,
            html: runsHtml(item.runs, links),
          };
        }),
      };
    }
    if ('math' in b) {
      // Drawn at exactly the size the planner gave it, so what fitted there fits here.
      const size = mathBlockSize(b.math.tex, s, body.w, body.h);
      const svg = typeset(b.math.tex, true)
        .svg.replace(/^<svg([^>]*?) style="[^"]*"/, '<svg$1')
        .replace(/^<svg([^>]*?) width="[^"]*"/, `<svg$1 width="${r(size.width)}px"`)
        .replace(/^<svg([^>]*?) height="[^"]*"/, `<svg$1 height="${r(size.height)}px"`);
      return { math: svg, style: gap() };
    }
    if ('quote' in b) {
      const cite = Math.round(s * SPACING.citeScale);
      return {
        quote: { html: runsHtml(b.quote.runs, links), cite: b.quote.cite, citeStyle: `margin-top:${r((SPACING.citeGap * s) / cite)}em;font-size:${cite}px` },
        style: gap(),
      };
    }
    return {};
  });
}

export { escapeHtml };
