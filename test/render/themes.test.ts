/**
 * A theme's looks reach every output: the example built in each built-in theme and in a company
 * theme (logo, footer line) carries the theme's colours in the HTML deck's CSS and in the PPTX's
 * XML, opens its sections with section slides exactly when the theme says so, centres its covers
 * when the theme says so, shows the company's logo and footer line, and takes the theme's slide size.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planFile } from '../../src/pipeline.js';
import { renderHtml } from '../../src/render/html/render.js';
import type { Theme } from '../../src/theme/types.js';
import type { Layout } from '../../src/types/deck.js';
import { BAND, LAYOUTS, RULE } from '../../src/layout/specs.js';
import { EXAMPLE } from '../helpers/fixtures.js';
import { all, buildPptx, first, paragraphText, parseXml, readPptx, shapesOutside, type Built, type El, type ReadPptx } from '../helpers/pptx.js';
import { THEMES } from '../helpers/themes.js';
import { tempDir } from '../helpers/tmp.js';
import { imageSources } from '../helpers/html-images.js';

const EMU_PER_PX = 9525;
/** The example's top-level numbered sections ("## 1. Revenue and Margins" …): one section slide each. */
const NUMBERED_SECTIONS = readFileSync(EXAMPLE, 'utf8').match(/^## \d+\. /gm)!.length;
const COVERS: Layout[] = ['title', 'section'];

interface Outputs {
  theme: Theme;
  html: string;
  /** The `:root` custom properties of the HTML deck. */
  vars: Map<string, string>;
  pptx: Built;
  read: ReadPptx;
  /** The deck's own slide layouts ("briefdeck bullets" …) by layout name: part name and parsed XML. */
  layouts: Map<string, { part: string; root: El }>;
}

const outputs = new Map<string, Outputs>();
const get = (name: string) => outputs.get(name)!;

async function buildBoth(spec: string): Promise<Outputs> {
  const planned = await planFile(EXAMPLE, { theme: spec });
  const html = await renderHtml(planned.deck, { theme: planned.theme, measurer: planned.measurer, baseDir: path.dirname(EXAMPLE), version: 'test' });
  const root = /:root\s*\{([^}]*)\}/.exec(html)![1];
  const vars = new Map(root.split(';').map((d) => d.split(/:(.*)/s).map((x) => x.trim()) as [string, string]).filter(([k]) => k));
  const pptx = await buildPptx(EXAMPLE, undefined, { theme: spec });
  const read = await readPptx(pptx.buffer);
  const layouts = new Map<string, { part: string; root: El }>();
  for (const part of read.parts.filter((p) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(p))) {
    const name = /<p:cSld name="briefdeck ([^"]*)"/.exec(read.xml.get(part)!)?.[1];
    if (name) layouts.set(name, { part, root: parseXml(read.xml.get(part)!) });
  }
  return { theme: planned.theme, html, vars, pptx, read, layouts };
}

beforeAll(async () => {
  for (const t of THEMES) outputs.set(t.name, await buildBoth(t.spec));
}, 120_000);

const hex = (c: string) => c.replace(/^#/, '').toUpperCase();
const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** The colour of a shape's or cell's own fill (not its line's). */
const fillOf = (el: El | undefined) => {
  const fill = el?.children.find((c) => c.name === 'a:solidFill');
  return fill && first(fill, 'a:srgbClr')?.attrs.val;
};
/** The shapes of a slide layout or slide: p:sp, p:pic… directly in its shape tree. */
const shapesIn = (root: El) => first(root, 'p:spTree')!.children.filter((c) => c.name === 'p:sp' || c.name === 'p:pic');
const isTitle = (sp: El) => all(sp, 'p:ph').some((ph) => ph.attrs.type === 'title');
/** The accent rule under a title: a 64 × 4 px rectangle. */
const isRule = (sp: El) => {
  const ext = first(sp, 'a:ext');
  return sp.name === 'p:sp' && ext?.attrs.cx === String(RULE.w * EMU_PER_PX) && ext.attrs.cy === String(RULE.h * EMU_PER_PX);
};
const textOf = (root: El) => all(root, 'a:p').map(paragraphText).join('\n');
/** A band or centred cover is drawn on the title background, in the title text colour. */
const onTitleBackground = (theme: Theme, layout: string) => COVERS.includes(layout as Layout) && theme.titleStyle !== 'plain';

describe.each(THEMES.map((t) => t.name))('the example in %s', (name) => {
  it('is a strictly valid PPTX with every shape on its slide, and an HTML deck with one section per slide', () => {
    const { read, pptx, html } = get(name);
    expect(read.problems).toEqual([]);
    expect(shapesOutside(read)).toEqual([]);
    expect(read.slides.length).toBe(pptx.deck.slides.length);
    expect(html.match(/<section class="layout-/g)?.length).toBe(pptx.deck.slides.length);
  });

  it("sets every theme colour as the HTML deck's CSS variable, and the code colours in its CSS", () => {
    const { theme, vars, html } = get(name);
    for (const [key, value] of Object.entries(theme.colors)) expect(vars.get(`--bd-${kebab(key)}`)?.toUpperCase(), key).toBe(value.toUpperCase());
    const css = html.toUpperCase();
    for (const [kind, value] of Object.entries(theme.code)) expect(css, `code.${kind}`).toContain(`COLOR: ${value.toUpperCase()}`);
  });

  it('colours the PPTX slide layouts: background, title placeholder, and the accent rule', () => {
    const { theme, layouts } = get(name);
    // One slide layout per deck layout, whichever layouts the deck uses.
    expect([...layouts.keys()].sort()).toEqual(Object.keys(LAYOUTS).sort());
    for (const [layout, { root }] of layouts) {
      const covered = onTitleBackground(theme, layout);
      const bg = first(first(root, 'p:bg')!, 'a:srgbClr')?.attrs.val;
      expect(bg, `${layout} background`).toBe(hex(covered ? theme.colors.titleBackground : theme.colors.background));
      const title = shapesIn(root).find(isTitle)!;
      expect(first(first(title, 'a:defRPr')!, 'a:srgbClr')?.attrs.val, `${layout} title`).toBe(hex(covered ? theme.colors.titleText : theme.colors.heading));
      // Every layout has the accent rule under its title, except a band title slide (its band is the accent).
      const ruled = !(layout === 'title' && theme.titleStyle === 'band');
      const rules = shapesIn(root).filter(isRule).map((r) => fillOf(first(r, 'p:spPr')));
      expect(rules, `${layout} rule`).toEqual(ruled ? [hex(theme.colors.accent)] : []);
      const bands = shapesIn(root).filter((sp) => first(sp, 'a:ext')?.attrs.cx === String(BAND * EMU_PER_PX)).map((sp) => fillOf(first(sp, 'p:spPr')));
      expect(bands, `${layout} band`).toEqual(COVERS.includes(layout as Layout) && theme.titleStyle === 'band' ? [hex(theme.colors.accent)] : []);
    }
  });

  it('draws each slide title in the heading colour, or the title text colour on a coloured cover', () => {
    const { theme, read, pptx } = get(name);
    pptx.deck.slides.forEach((slide, i) => {
      const title = shapesIn(read.slides[i].root).find(isTitle)!;
      const colours = new Set(all(title, 'a:rPr').map((r) => first(r, 'a:srgbClr')?.attrs.val));
      expect([...colours], `slide ${i + 1}`).toEqual([hex(onTitleBackground(theme, slide.layout) ? theme.colors.titleText : theme.colors.heading)]);
    });
  });

  it('fills the table header row with the header colour, its text in the header text colour', () => {
    const { theme, read, pptx } = get(name);
    const at = pptx.deck.slides.findIndex((s) => s.layout === 'table');
    const head = first(first(read.slides[at].root, 'a:tbl')!, 'a:tr')!;
    const cells = all(head, 'a:tc');
    expect(cells.length).toBeGreaterThan(1);
    for (const tc of cells) {
      expect(fillOf(first(tc, 'a:tcPr'))).toBe(hex(theme.colors.tableHeader));
      for (const r of all(tc, 'a:rPr')) expect(first(r, 'a:srgbClr')?.attrs.val).toBe(hex(theme.colors.tableHeaderText));
    }
  });

  it("sets the code slide's panel in the code background and its runs in the theme's code colours", () => {
    const { theme, read, pptx } = get(name);
    const at = pptx.deck.slides.findIndex((s) => s.layout === 'code');
    const shapes = shapesIn(read.slides[at].root);
    const nameOf = (sp: El) => first(sp, 'p:cNvPr')?.attrs.name;
    expect(fillOf(first(shapes.find((sp) => nameOf(sp) === 'Code panel')!, 'p:spPr'))).toBe(hex(theme.colors.codeBackground));
    const code = shapes.find((sp) => nameOf(sp) === 'Code')!;
    const colours = new Set(all(code, 'a:rPr').map((r) => first(r, 'a:srgbClr')?.attrs.val));
    const palette = new Set([...Object.values(theme.code), theme.colors.codeText].map(hex));
    expect([...colours].filter((c) => !palette.has(c!))).toEqual([]);
    // The example's code has keywords, strings, numbers and names: several kinds of token, each in its colour.
    expect([...colours].filter((c) => Object.values(theme.code).map(hex).includes(c!)).length).toBeGreaterThanOrEqual(3);
  });

  it('opens each numbered section with a section slide exactly when the theme asks for dividers', () => {
    const { theme, read, pptx, html } = get(name);
    const expected = theme.sectionStyle === 'divider' ? NUMBERED_SECTIONS : 0;
    expect(NUMBERED_SECTIONS).toBe(6);
    const sections = pptx.deck.slides.filter((s) => s.layout === 'section');
    expect(sections.length).toBe(expected);
    expect(sections.map((s) => s.kicker)).toEqual(Array.from({ length: expected }, (_, i) => String(i + 1)));
    expect(read.slides.filter((s) => read.xml.get(s.layoutPart)!.includes('<p:cSld name="briefdeck section"')).length).toBe(expected);
    expect(html.match(/<section class="layout-section\b/g)?.length ?? 0).toBe(expected);
    // Each shows its number above the section's title.
    read.slides.forEach((s, i) => {
      const slide = pptx.deck.slides[i];
      if (slide.layout !== 'section') return;
      expect(s.title).toBe(slide.title);
      expect(s.shapes.find((sh) => sh.name === 'Section number')?.text, `slide ${i + 1}`).toBe(slide.kicker);
    });
  });

  it('centres the title slide exactly when the theme has centred covers', () => {
    const { theme, read, html } = get(name);
    const title = shapesIn(read.slides[0].root).find(isTitle)!;
    const align = first(title, 'a:pPr')!.attrs.algn;
    expect(align).toBe(theme.titleStyle === 'centered' ? 'ctr' : 'l');
    expect(/<section class="layout-title cover-(\w+)"/.exec(html)?.[1]).toBe(theme.titleStyle);
  });
});

describe('a company theme with a logo and a footer line (harbour)', () => {
  it('puts the logo on every slide layout as a picture, and the footer line on the content layouts only', () => {
    const { layouts, read, theme } = get('harbour');
    expect(theme.footer).toBe('Harbour Logistics · Internal');
    for (const [layout, { part, root }] of layouts) {
      const pics = shapesIn(root).filter((s) => s.name === 'p:pic');
      expect(pics.length, layout).toBe(1);
      // The picture's relationship leads to an image stored in the package.
      const rels = parseXml(read.xml.get(`ppt/slideLayouts/_rels/${path.posix.basename(part)}.rels`)!);
      const id = first(pics[0], 'a:blip')!.attrs['r:embed'];
      const target = all(rels, 'Relationship').find((r) => r.attrs.Id === id)!.attrs.Target;
      expect(target, layout).toMatch(/^\.\.\/media\/.+\.(png|svg)$/);
      expect(read.parts, layout).toContain(path.posix.normalize(`ppt/slideLayouts/${target}`));
      if (COVERS.includes(layout as Layout)) expect(textOf(root), layout).not.toContain(theme.footer);
      else expect(textOf(root), layout).toContain(theme.footer);
    }
  });

  it('shows the logo in the HTML deck on every slide, as an embedded picture', () => {
    const { html, pptx, theme } = get('harbour');
    const logos = imageSources(html, 'img.box.logo');
    expect(logos.length).toBe(pptx.deck.slides.length);
    const svg = `data:image/svg+xml;base64,${readFileSync(theme.logo!).toString('base64')}`;
    expect(new Set(logos)).toEqual(new Set([svg]));
    expect(html.match(/<span class="footer-text">Harbour Logistics · Internal<\/span>/g)?.length).toBe(pptx.deck.slides.filter((s) => !COVERS.includes(s.layout)).length);
  });

  it('has no logo or footer line in a theme that gives none', () => {
    const { layouts, html } = get('default');
    for (const [layout, { root }] of layouts) expect(shapesIn(root).filter((s) => s.name === 'p:pic'), layout).toEqual([]);
    expect(html).not.toMatch(/class="box logo"|class="box footer"/);
  });
});

describe('a 4:3 theme', () => {
  let four: Outputs;
  beforeAll(async () => {
    const dir = tempDir('briefdeck-theme-43-');
    const file = path.join(dir, 'stage-43.yaml');
    writeFileSync(file, ['name: stage-43', 'extends: stage', 'size: "4:3"', ''].join('\n'));
    four = await buildBoth(file);
  }, 60_000);

  it('builds a 10 × 7.5 in PPTX and a 960 × 720 px HTML deck, everything on its slides', () => {
    expect(four.theme.size).toBe('4:3');
    expect(four.pptx.deck.size).toEqual({ width: 960, height: 720 });
    expect(four.read.size).toEqual({ cx: 9144000, cy: 6858000 });
    expect(four.read.problems).toEqual([]);
    expect(shapesOutside(four.read)).toEqual([]);
    expect(four.vars.get('--bd-width')).toBe('960px');
    expect(four.vars.get('--bd-height')).toBe('720px');
    // Still the theme it extends: stage's colours and section slides.
    expect(four.vars.get('--bd-background')).toBe(get('stage').theme.colors.background);
    expect(four.pptx.deck.slides.filter((s) => s.layout === 'section').length).toBe(NUMBERED_SECTIONS);
  });
});
