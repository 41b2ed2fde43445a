/**
 * Theme files as a designer writes them: extending a built-in or another file, colours in any CSS
 * form, font files of their own, and every mistake reported before anything is drawn. Also the
 * built-in themes themselves, which are not checked at run time.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { briefdeck, type CliResult } from '../helpers/cli.js';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';
import { readPptx } from '../helpers/pptx.js';
import { tempDir } from '../helpers/tmp.js';
import { builtinThemeFile, builtinThemeNames, loadTheme } from '../../src/theme/load.js';
import { CODE_KEYS, COLOR_KEYS, themeFileSchema } from '../../src/theme/schema.js';
import { AA, TEXT_PAIRS, contrast } from '../../src/theme/colors.js';
import { themeWarnings } from '../../src/theme/warnings.js';
import { imageSources } from '../helpers/html-images.js';

const tmp = () => tempDir('briefdeck-theme-');

const REPORT = `---
title: Riverside Clinic — Monthly Operations
author: Clinic management
---

# Riverside Clinic — Monthly Operations

## Patient visits
The clinic saw 3,412 patients in October, 7% more than in September. Same-day appointments now make up a third of all visits.

## Waiting times
- Median wait at reception fell from 18 to 11 minutes after the second check-in desk opened.
- Phone queues remain long on Monday mornings; a call-back option goes live next month.

## Staffing
Two nurses joined the evening team. One GP post is still open and is covered by locums until January.
`;

/** A folder holding report.md and the given files (paths relative to it). */
function project(files: Record<string, string | Buffer> = {}): string {
  const dir = tmp();
  writeFileSync(path.join(dir, 'report.md'), REPORT);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

/** What a failed run must look like: exit 1, nothing on stdout, no stack trace, no output folder. */
function expectStopped(r: CliResult, dir: string, out = 'out'): void {
  expect(r.status, r.stderr).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(existsSync(path.join(dir, out)), 'output folder written').toBe(false);
}

/** The CSS custom property `--bd-NAME` of a deck. */
function cssVar(html: string, name: string): string | undefined {
  return new RegExp(`--bd-${name}: ([^;]+);`).exec(html)?.[1];
}

describe('a theme file that extends a built-in', () => {
  it('overrides a few of stage\'s tokens and keeps the rest, in the deck and in the PPTX', async () => {
    const dir = project({
      'brand.yaml': [
        'extends: stage',
        'colors:',
        '  accent: rgb(194, 65, 12)',
        'footer: Riverside Clinic · Internal',
        'labels:',
        '  agenda: Running order',
        '',
      ].join('\n'),
    });
    const r = briefdeck(['build', 'report.md', '-t', './brand.yaml', '-f', 'html,pptx', '-o', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const stage = loadTheme('stage');

    const html = readFileSync(path.join(dir, 'out', 'report.html'), 'utf8');
    expect(cssVar(html, 'accent')).toBe('#C2410C');
    // What the file leaves out is stage's, not the default's.
    expect(cssVar(html, 'background')).toBe(stage.colors.background);
    expect(stage.colors.background).not.toBe(loadTheme('default').colors.background);
    expect(cssVar(html, 'text')).toBe(stage.colors.text);
    expect(html).toContain('<span class="footer-text">Riverside Clinic · Internal</span>');
    expect(html).toMatch(/<section class="layout-agenda"[^>]*>\s*<h2 class="box title"[^>]*><span>Running order<\/span>/);

    const pptx = await readPptx(readFileSync(path.join(dir, 'out', 'report.pptx')));
    expect(pptx.problems).toEqual([]);
    const xml = [...pptx.xml.values()].join('\n');
    expect(xml).toContain('<a:srgbClr val="C2410C"/>');
    expect(xml).not.toMatch(/rgb\(/);
    expect(xml).toContain(`<p:bg><p:bgPr><a:solidFill><a:srgbClr val="${stage.colors.background.slice(1)}"/>`);
    expect(xml).toContain('<a:t>Riverside Clinic · Internal</a:t>');
    expect(pptx.slides.map((s) => s.title)).toContain('Running order');
  });

  it.each([
    ['a CSS name', 'rebeccapurple', '#663399'],
    ['short hex', '"#c41"', '#CC4411'],
    ['lower-case hex', '"#c2410c"', '#C2410C'],
    ['rgb() with spaces', 'rgb(194 65 12)', '#C2410C'],
    ['hsl()', 'hsl(12, 80%, 45%)', '#CF3C17'],
    // Half-transparent pale yellow over stage's navy (#0B1320): the colour the slide shows.
    ['rgba() blended over the background', 'rgba(255, 255, 200, 0.5)', '#858974'],
  ])('writes an accent given as %s (%s) as %s', (_form, value, expected) => {
    const dir = project({ 'brand.yaml': `extends: stage\ncolors:\n  accent: ${value}\n` });
    const r = briefdeck(['build', 'report.md', '-t', './brand.yaml', '-o', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(cssVar(readFileSync(path.join(dir, 'out', 'report.html'), 'utf8'), 'accent')).toBe(expected);
  });

  it('follows a chain of files, each path resolved from the file that writes it', async () => {
    // newsroom-night.yaml extends ./base/newsroom.yaml, which extends editorial and names
    // ./newsroom-mark.svg next to itself. The report names the theme relative to its own folder,
    // and the build runs from a third folder: no path may be taken from the working folder.
    const root = tmp();
    cpSync(path.join(FIXTURES, 'themes', 'chain'), path.join(root, 'brand'), { recursive: true });
    mkdirSync(path.join(root, 'reports'));
    mkdirSync(path.join(root, 'elsewhere'));
    const report = path.join(root, 'reports', 'october.md');
    writeFileSync(report, REPORT.replace('author: Clinic management\n', 'author: Clinic management\ntheme: ../brand/newsroom-night.yaml\n'));

    const r = briefdeck(['build', report, '-f', 'html,pptx', '-o', 'out'], { cwd: path.join(root, 'elsewhere') });
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(path.join(root, 'elsewhere', 'out', 'october.html'), 'utf8');
    const editorial = loadTheme('editorial');
    expect(cssVar(html, 'accent')).toBe('#B42318'); // newsroom-night
    expect(cssVar(html, 'heading')).toBe('#1F2A44'); // newsroom
    expect(cssVar(html, 'background')).toBe(editorial.colors.background); // editorial
    expect(cssVar(html, 'font-body')).toMatch(new RegExp(`^'bd ${escape(editorial.fonts.body.family)}'`));
    expect(html).toContain('<span class="footer-text">Newsroom · Late desk</span>');
    expect(html).toContain('<span>In this briefing</span>');
    const mark = readFileSync(path.join(root, 'brand', 'base', 'newsroom-mark.svg')).toString('base64');
    expect(imageSources(html, 'img.box.logo')).toContain(`data:image/svg+xml;base64,${mark}`);

    const pptx = await readPptx(readFileSync(path.join(root, 'elsewhere', 'out', 'october.pptx')));
    expect(pptx.problems).toEqual([]);
    expect(pptx.parts.some((p) => /^ppt\/media\/.+\.(svg|png)$/.test(p))).toBe(true);
    const xml = [...pptx.xml.values()].join('\n');
    expect(xml).toContain('<a:srgbClr val="B42318"/>');
    expect(xml).toContain(`typeface="${editorial.fonts.body.name}"`);
  });

  it('is named after its own file, never after what it extends', () => {
    const theme = loadTheme({ spec: path.join(FIXTURES, 'themes', 'chain', 'newsroom-night.yaml'), baseDir: ROOT });
    expect(theme.name).toBe('newsroom-night');
    expect(theme.logo).toBe(path.join(FIXTURES, 'themes', 'chain', 'base', 'newsroom-mark.svg'));
  });
});

describe('a theme that brings its own font files', () => {
  const caladea = path.join(ROOT, 'node_modules', '@fontsource', 'caladea', 'files');

  /** A theme folder with two Caladea files under fonts/, named as a designer might. */
  function fontProject(theme: string): string {
    const dir = project({ 'brand.yaml': theme });
    mkdirSync(path.join(dir, 'fonts'));
    copyFileSync(path.join(caladea, 'caladea-latin-400-normal.woff2'), path.join(dir, 'fonts', 'house-serif-regular.woff2'));
    copyFileSync(path.join(caladea, 'caladea-latin-700-normal.woff2'), path.join(dir, 'fonts', 'house-serif-bold.woff2'));
    return dir;
  }

  const THEME = [
    'fonts:',
    '  body:',
    '    name: Cambria',
    '    family: Caladea',
    '    files:',
    '      regular: ./fonts/house-serif-regular.woff2',
    '      bold: ./fonts/house-serif-bold.woff2',
    '',
  ].join('\n');

  it('embeds exactly those files in the deck, and names the Office font in the PPTX', async () => {
    const dir = fontProject(THEME);
    const r = briefdeck(['build', 'report.md', '-t', './brand.yaml', '-f', 'html,pptx', '-o', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');

    const html = readFileSync(path.join(dir, 'out', 'report.html'), 'utf8');
    const faces = [...html.matchAll(/@font-face \{[^}]*\}/g)].map((m) => m[0]).filter((f) => f.includes("font-family: 'bd Caladea'"));
    const bytes = (name: string) => readFileSync(path.join(dir, 'fonts', name)).toString('base64');
    expect(faces).toHaveLength(2);
    const regular = faces.find((f) => /font-style: normal; font-weight: 400;/.test(f));
    const bold = faces.find((f) => /font-style: normal; font-weight: 700;/.test(f));
    expect(regular).toContain(`src: url(data:font/woff2;base64,${bytes('house-serif-regular.woff2')}) format('woff2')`);
    expect(bold).toContain(`src: url(data:font/woff2;base64,${bytes('house-serif-bold.woff2')}) format('woff2')`);
    expect(cssVar(html, 'font-body')).toMatch(/^'bd Caladea', 'Cambria'/);

    const pptx = await readPptx(readFileSync(path.join(dir, 'out', 'report.pptx')));
    expect(pptx.problems).toEqual([]);
    const bullets = pptx.slides.find((s) => s.title === 'Waiting times')!;
    expect(bullets.xml).toContain('<a:latin typeface="Cambria"');
    // Headings keep the default's font: only the body was replaced.
    expect(bullets.xml).toContain(`typeface="${loadTheme('default').fonts.heading.name}"`);
  });

  it('stops with one line naming fonts.body.files.regular when that file is not there', () => {
    const dir = fontProject(THEME.replace('house-serif-regular', 'house-serif-regualr'));
    const r = briefdeck(['build', 'report.md', '-t', './brand.yaml', '-f', 'html,pptx', '-o', 'out'], { cwd: dir });
    expectStopped(r, dir);
    expect(r.stderr).toBe('brand.yaml:6: fonts.body.files.regular: "./fonts/house-serif-regualr.woff2" not found\n');
  });
});

describe('a theme with mistakes stops the build before anything is written', () => {
  const cases: Array<[string, Record<string, string>, RegExp[]]> = [
    ['a colour that is not one', { 'bad.yaml': 'name: clinic\ncolors:\n  accent: "#GGG"\n' }, [/^bad\.yaml:3: colors\.accent: "#GGG" is not a colour$/]],
    ['a colour that is a number', { 'bad.yaml': 'colors:\n  heading: 12\n' }, [/^bad\.yaml:2: colors\.heading: 12 is not a colour$/]],
    // The line of a field whose value is a block below it is checked on its own, further down.
    ['a misspelt field', { 'bad.yaml': 'colours:\n  accent: "#C2410C"\n' }, [/^bad\.yaml:\d+: colours: is not a theme field \(did you mean colors\?\)$/]],
    ['a misspelt colour name', { 'bad.yaml': 'colors:\n  acent: "#C2410C"\n' }, [/^bad\.yaml:2: colors\.acent: is not a theme field \(did you mean accent\?\)$/]],
    ['a title style that does not exist', { 'bad.yaml': 'titleStyle: banner\n' }, [/^bad\.yaml:1: titleStyle: "banner" must be one of band, centered, plain$/]],
    ['a section style that does not exist', { 'bad.yaml': 'sectionStyle: loud\n' }, [/^bad\.yaml:1: sectionStyle: "loud" must be one of kicker, divider, none$/]],
    ['a slide size that does not exist', { 'bad.yaml': 'size: "21:9"\n' }, [/^bad\.yaml:1: size: "21:9" must be "16:9" or "4:3"$/]],
    ['a scale below 0.5', { 'bad.yaml': 'scale:\n  body: 0.3\n' }, [/^bad\.yaml:2: scale\.body: 0\.3 must be a number from 0\.5 to 2$/]],
    ['a line height above 3', { 'bad.yaml': 'lineHeight:\n  heading: 4\n' }, [/^bad\.yaml:2: lineHeight\.heading: 4 must be a number from 0\.8 to 3$/]],
    ['slide numbers that are not true or false', { 'bad.yaml': 'slideNumbers: sometimes\n' }, [/^bad\.yaml:1: slideNumbers: "sometimes" must be true or false$/]],
    [
      'a font with neither package nor files',
      { 'bad.yaml': 'fonts:\n  body: { name: Cambria, family: Caladea }\n' },
      [/^bad\.yaml:2: fonts\.body: .* needs either package or files \(not both\)$/],
    ],
    [
      'a font with both package and files',
      { 'bad.yaml': 'fonts:\n  body: { name: Cambria, family: Caladea, package: "@fontsource/caladea", files: { regular: ./serif.woff2 } }\n' },
      [/^bad\.yaml:2: fonts\.body: .* needs either package or files \(not both\)$/],
    ],
    [
      'a font package that is not installed',
      { 'bad.yaml': 'fonts:\n  heading: { name: Georgia, family: Harbour Grotesk, package: "@fontsource/harbour-grotesk" }\n' },
      [/^bad\.yaml:2: fonts\.heading\.package: "@fontsource\/harbour-grotesk" is not installed \(npm install @fontsource\/harbour-grotesk\)$/],
    ],
    [
      'a font file that is not there',
      { 'bad.yaml': 'fonts:\n  mono:\n    name: Consolas\n    family: House Mono\n    files:\n      regular: fonts/house-mono.ttf\n' },
      [/^bad\.yaml:6: fonts\.mono\.files\.regular: "fonts\/house-mono\.ttf" not found$/],
    ],
    [
      'a font file that is not a font',
      { 'bad.yaml': 'fonts:\n  body: { name: Cambria, family: Caladea, files: { regular: ./serif.woff2 } }\n', 'serif.woff2': 'downloaded the web page instead of the font\n' },
      [/^bad\.yaml:2: fonts\.body\.files\.regular: "\.\/serif\.woff2" is not a font file that can be read$/],
    ],
    [
      'a font file of another kind',
      { 'bad.yaml': 'fonts:\n  body: { name: Cambria, family: Caladea, files: { regular: ./serif.pdf } }\n', 'serif.pdf': '%PDF-1.7\n' },
      [/^bad\.yaml:2: fonts\.body\.files\.regular: "\.\/serif\.pdf" is not a \.woff2, \.woff, \.ttf or \.otf font file$/],
    ],
    ['a logo that is not there', { 'bad.yaml': 'logo: ./clinic-logo.png\n' }, [/^bad\.yaml:1: logo: "\.\/clinic-logo\.png" not found$/]],
    [
      'a logo that is not a picture',
      { 'bad.yaml': 'logo: ./clinic-logo.png\n', 'clinic-logo.png': 'Riverside Clinic\n' },
      [/^bad\.yaml:1: logo: "\.\/clinic-logo\.png" is not a PNG, JPEG, GIF or SVG picture$/],
    ],
    ['templates that are not a folder', { 'bad.yaml': 'templates: ./slides.hbs\n', 'slides.hbs': '<section></section>\n' }, [/^bad\.yaml:1: templates: "\.\/slides\.hbs" is not a folder$/]],
    ['templates that are not there', { 'bad.yaml': 'templates: ./my-templates\n' }, [/^bad\.yaml:1: templates: "\.\/my-templates" is not a folder$/]],
    [
      'a label that does not exist',
      { 'bad.yaml': 'labels:\n  agendum: Running order\n  de:\n    takeaway: Kurz gesagt\n' },
      [/^bad\.yaml:2: labels\.agendum: "Running order" is not a label \(labels: agenda, .*\)$/, /^bad\.yaml:4: labels\.de\.takeaway: "Kurz gesagt" is not a label \(labels: agenda, .*\)$/],
    ],
    [
      'an unknown theme to extend',
      { 'bad.yaml': 'extends: neon\n' },
      [new RegExp(`^bad\\.yaml:1: extends: "neon" is not a built-in theme \\(${builtinThemeNames().join(', ')}\\) or a theme file$`)],
    ],
    ['a theme file to extend that is not there', { 'bad.yaml': 'extends: ./house.yaml\n' }, [/^bad\.yaml:1: extends: "\.\/house\.yaml" is not a built-in theme .* or a theme file$/]],
    ['a file that extends itself', { 'bad.yaml': 'extends: ./bad.yaml\n' }, [/^bad\.yaml:1: extends: "\.\/bad\.yaml" makes a loop \(bad\.yaml → bad\.yaml\)$/]],
    [
      'two files that extend each other',
      { 'bad.yaml': 'extends: ./house.yaml\n', 'house.yaml': 'extends: ./bad.yaml\n' },
      [/^house\.yaml:1: extends: "\.\/bad\.yaml" makes a loop \(bad\.yaml → house\.yaml → bad\.yaml\)$/],
    ],
    ['a mistake in a file it extends', { 'bad.yaml': 'extends: ./house.yaml\n', 'house.yaml': 'name: house\ncolors:\n  text: transparent-ish\n' }, [/^house\.yaml:3: colors\.text: "transparent-ish" is not a colour$/]],
    ['YAML that does not parse', { 'bad.yaml': 'name: clinic\ncolors:\n  accent: red\n text: blue\n' }, [/^bad\.yaml:4:\d+: not valid YAML or JSON: .+$/]],
    ['a label that is not text', { 'bad.yaml': 'name: clinic\nlabels:\n  agenda: 3\n' }, [/^bad\.yaml:3: labels\.agenda: 3 must be text, or a mapping of label names to text$/]],
    ['a field given twice', { 'bad.yaml': 'colors:\n  accent: red\n  accent: blue\n' }, [/^bad\.yaml:3:\d+: not valid YAML or JSON: .*unique.*$/]],
    [
      'JSON that does not parse',
      { 'bad.json': '{\n  "colors": {\n    "accent": "#C2410C"\n    "text": "#1A1A1A"\n  }\n}\n' },
      [/^bad\.json:4:\d+: not valid YAML or JSON: .*,.*$/],
    ],
    ['JSON with a wrong value', { 'bad.json': '{\n  "colors": {\n    "accent": "#GGG"\n  }\n}\n' }, [/^bad\.json:3: colors\.accent: "#GGG" is not a colour$/]],
    ['a list instead of a mapping', { 'bad.yaml': '- accent: red\n' }, [/^bad\.yaml(:\d+)?: .*a theme file must be a mapping of tokens$/]],
    [
      'several mistakes at once, one line each',
      { 'bad.yaml': 'colours: {}\ncolors:\n  accent: "#GGG"\n  text: nope\nscale:\n  body: 9\ntitleStyle: banner\n' },
      [
        /^bad\.yaml:1: colours: is not a theme field \(did you mean colors\?\)$/,
        /^bad\.yaml:3: colors\.accent: "#GGG" is not a colour$/,
        /^bad\.yaml:4: colors\.text: "nope" is not a colour$/,
        /^bad\.yaml:6: scale\.body: 9 must be a number from 0\.5 to 2$/,
        /^bad\.yaml:7: titleStyle: "banner" must be one of band, centered, plain$/,
      ],
    ],
  ];

  it.each(cases)('%s', (_what, files, expected) => {
    const dir = project(files);
    const theme = Object.keys(files)[0]!;
    const r = briefdeck(['build', 'report.md', '-t', `./${theme}`, '-f', 'html,pptx', '-o', 'out'], { cwd: dir });
    expectStopped(r, dir);
    const got = lines(r.stderr);
    expect(got, r.stderr).toHaveLength(expected.length);
    for (const re of expected) expect(got.filter((l) => re.test(l)), `${re} in:\n${r.stderr}`).toHaveLength(1);
  });

  // Known bug: the line of a field whose value is a block mapping is the line of the block's first
  // entry, one below the field (src/theme/load.ts, lineOf reads the value node's range, not the
  // key's). Turn this into `it` once fixed.
  it('points at the line of the field itself when its value is a block below it', () => {
    const dir = project({ 'bad.yaml': 'name: clinic\ncolours:\n  accent: "#C2410C"\nfonts:\n  body:\n    name: Cambria\n    family: Caladea\n' });
    const r = briefdeck(['build', 'report.md', '-t', './bad.yaml', '-o', 'out'], { cwd: dir });
    expectStopped(r, dir);
    expect(lines(r.stderr).sort()).toEqual([
      'bad.yaml:2: colours: is not a theme field (did you mean colors?)',
      'bad.yaml:5: fonts.body: {"name":"Cambria","family":"Caladea"} needs either package or files (not both)',
    ]);
  });

  it('says the same when the report\'s front matter names the broken file, resolved next to the report', () => {
    const dir = project({ 'brand/clinic.yaml': 'colors:\n  accent: "#GGG"\n' });
    writeFileSync(path.join(dir, 'report.md'), REPORT.replace('author: Clinic management\n', 'author: Clinic management\ntheme: brand/clinic.yaml\n'));
    const r = briefdeck(['build', 'report.md', '-o', 'out'], { cwd: dir });
    expectStopped(r, dir);
    expect(r.stderr).toBe(`${path.join('brand', 'clinic.yaml')}:2: colors.accent: "#GGG" is not a colour\n`);
  });

  it('is bad usage (exit 2) to name a built-in theme that does not exist with --theme', () => {
    const dir = project();
    const r = briefdeck(['build', 'report.md', '-t', 'neon', '-o', 'out'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`briefdeck: unknown theme "neon" (available: ${builtinThemeNames().join(', ')}, or a path to a theme file)\n`);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('is bad input (exit 1) pointing at the front matter line to name one there', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'report.md'), REPORT.replace('author: Clinic management\n', 'author: Clinic management\ntheme: neon\n'));
    const r = briefdeck(['build', 'report.md', '-o', 'out'], { cwd: dir });
    expectStopped(r, dir);
    expect(r.stderr).toBe(`report.md:4: unknown theme "neon" (available: ${builtinThemeNames().join(', ')}, or a path to a theme file)\n`);
  });
});

describe('colours that are hard to read', () => {
  it('warn, naming the colours and their contrast, and the deck is still built', () => {
    const dir = project({ 'soft.yaml': 'colors:\n  text: "#999999"\n' });
    const r = briefdeck(['build', 'report.md', '-t', './soft.yaml', '-o', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(lines(r.stderr)).toContain('warning: soft.yaml: colors.text #999999 on colors.background #FFFFFF has contrast 2.85:1, below WCAG AA (4.5:1)');
    for (const line of lines(r.stderr)) expect(line).toMatch(/^warning: soft\.yaml: colors\.text #999999 on colors\.\w+ #[0-9A-F]{6} has contrast \d\.\d\d:1, below WCAG AA/);
    expect(r.stdout).toMatch(/out[\\/]report\.html {2}\(\d+ slides, 2 warnings\)/);
    expect(readFileSync(path.join(dir, 'out', 'report.html'), 'utf8')).toContain('--bd-text: #999999');

    const warnings = themeWarnings(loadTheme({ spec: './soft.yaml', baseDir: dir }));
    expect(warnings.map((w) => [w.level, w.code])).toEqual([
      ['warning', 'theme-contrast'],
      ['warning', 'theme-contrast'],
    ]);
  });

  it('judge a translucent colour by what it looks like over its background', () => {
    // Black at 30% over white is a light grey (#B3B3B3): too pale for text, though black is not.
    const dir = project({ 'faded.yaml': 'colors:\n  text: rgba(0, 0, 0, 0.3)\n' });
    const r = briefdeck(['build', 'report.md', '-t', './faded.yaml', '-o', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning: faded\.yaml: colors\.text #B3B3B3 on colors\.background #FFFFFF has contrast 2\.\d\d:1/m);
  });
});

describe('the built-in themes', () => {
  const names = builtinThemeNames();

  it('are the four documented ones', () => {
    expect([...names].sort()).toEqual(['contrast', 'default', 'editorial', 'stage']);
  });

  it.each(names)('%s passes the theme file schema (they are not checked at run time)', (name) => {
    const raw = parse(readFileSync(builtinThemeFile(name)!, 'utf8'));
    const parsed = themeFileSchema().safeParse(raw);
    expect(parsed.success, JSON.stringify(parsed.error?.issues, null, 2)).toBe(true);
  });

  it.each(names)('%s writes every colour as #RRGGBB, so loading it needs no colour parser', (name) => {
    const raw = parse(readFileSync(builtinThemeFile(name)!, 'utf8'));
    expect(Object.keys(raw.colors).sort()).toEqual([...COLOR_KEYS].sort());
    expect(Object.keys(raw.code).sort()).toEqual([...CODE_KEYS].sort());
    for (const [key, value] of [...Object.entries(raw.colors), ...Object.entries(raw.code)]) expect(value, key).toMatch(/^#[0-9A-F]{6}$/);
  });

  it.each(names)('%s has text everyone can read: every text colour meets WCAG AA on what it is drawn on', (name) => {
    const theme = loadTheme(name);
    for (const key of COLOR_KEYS) expect(theme.colors[key], key).toMatch(/^#[0-9A-F]{6}$/);
    for (const key of CODE_KEYS) expect(theme.code[key], key).toMatch(/^#[0-9A-F]{6}$/);
    for (const [fg, bg] of TEXT_PAIRS) {
      expect(contrast(theme.colors[fg], theme.colors[bg]), `${fg} on ${bg}`).toBeGreaterThanOrEqual(AA);
    }
    for (const key of CODE_KEYS) expect(contrast(theme.code[key], theme.colors.codeBackground), `code.${key}`).toBeGreaterThanOrEqual(AA);
    expect(themeWarnings(theme)).toEqual([]);
  });

  it('contrast meets WCAG AAA (7:1) for reading text and for every code colour', () => {
    const { colors, code } = loadTheme('contrast');
    const pairs: Array<[string, string, string]> = [
      ['text on background', colors.text, colors.background],
      ['heading on background', colors.heading, colors.background],
      ['muted on background', colors.muted, colors.background],
      ['codeText on codeBackground', colors.codeText, colors.codeBackground],
      ...CODE_KEYS.map((k): [string, string, string] => [`code.${k} on codeBackground`, code[k], colors.codeBackground]),
    ];
    for (const [what, fg, bg] of pairs) expect(contrast(fg, bg), what).toBeGreaterThanOrEqual(7);
  });

  it('measure contrast by the WCAG formula', () => {
    expect(contrast('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrast('#FFFFFF', '#FFFFFF')).toBe(1);
    expect(contrast('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
  });

  it('build the same report without a warning', () => {
    const dir = project();
    for (const name of names) {
      const r = briefdeck(['build', 'report.md', '-t', name, '-o', name], { cwd: dir });
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stderr, name).toBe('');
    }
    expect(readdirSync(dir).sort()).toEqual([...names, 'report.md'].sort());
  });
});
