/**
 * `briefdeck init`: files to start from. `init theme NAME` writes a commented theme that extends the
 * default one and shows every token a designer can change, with the default's values; `init templates
 * DIR` copies the built-in templates into a folder that `--templates` (or a theme's `templates:`) uses.
 * Neither overwrites a file unless told to with --force.
 */
import { copyFileSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadTheme, PACKAGE_ROOT } from '../theme/load.js';
import type { Theme, ThemeFont } from '../theme/types.js';
import { EN_LABELS, LABEL_KEYS } from '../plan/labels.js';
import { BriefdeckError } from '../types/diagnostics.js';

export interface InitThemeArgs {
  name: string;
  dir?: string;
  force: boolean;
}

export interface InitTemplatesArgs {
  dir: string;
  force: boolean;
}

/** The theme a starter extends. */
const BASE = 'default';

export async function initThemeCommand(args: InitThemeArgs): Promise<void> {
  const { name } = args;
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    throw new BriefdeckError(`theme name "${name}" must be a simple file name: letters, digits, - and _`, 2);
  }
  const dir = path.resolve(args.dir ?? '.');
  const file = path.join(dir, `${name}.yaml`);
  const shown = shownPath(file);
  if (existsSync(file) && !args.force) throw new BriefdeckError(`${shown} already exists (use --force to overwrite it)`, 1);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new BriefdeckError(`${shownPath(dir)}: not a folder`, 1);
  const text = starterTheme(name, loadTheme(BASE), dir);
  mkdirSync(dir, { recursive: true });
  writeWhole(file, text, args.force);
  process.stdout.write(`Wrote ${shown}, a theme based on ${BASE}. Build with it: briefdeck build report.md --theme ${shown}\n`);
}

export async function initTemplatesCommand(args: InitTemplatesArgs): Promise<void> {
  const source = path.join(PACKAGE_ROOT, 'templates');
  const target = path.resolve(args.dir);
  const shown = shownPath(target);
  const files = filesUnder(source);
  if (existsSync(target) && !statSync(target).isDirectory()) throw new BriefdeckError(`${shown}: not a folder`, 1);
  // Every clash is found before anything is written: a refusal leaves the folder as it was.
  for (const rel of files) {
    const dest = path.join(target, rel);
    if (!existsSync(dest)) continue;
    if (statSync(dest).isDirectory()) throw new BriefdeckError(`${shownPath(dest)} is a folder, where the template ${rel} would go`, 1);
    if (!args.force) throw new BriefdeckError(`${shownPath(dest)} already exists (use --force to overwrite the templates in ${shown})`, 1);
  }
  const fresh = !existsSync(target);
  // A new folder is filled beside it and renamed into place, so it appears whole or not at all.
  const into = fresh ? `${target}.${process.pid}.tmp` : target;
  try {
    for (const rel of files) {
      const dest = path.join(into, rel);
      mkdirSync(path.dirname(dest), { recursive: true });
      copyFileSync(path.join(source, rel), dest, args.force ? 0 : constants.COPYFILE_EXCL);
    }
    if (fresh) {
      mkdirSync(path.dirname(target), { recursive: true });
      renameSync(into, target);
    }
  } finally {
    if (fresh) rmSync(into, { recursive: true, force: true });
  }
  process.stdout.write(
    `Wrote ${files.length} template files to ${shown}\n` +
      `Build with them: briefdeck build report.md --templates ${shown}  (or "templates: <folder>" in a theme file, relative to it)\n` +
      'Files you do not change can be deleted: the built-in ones of the same name are used instead.\n',
  );
}

/** Files under `dir`, as sorted relative paths with "/" ("deck.css", "print/notes.hbs"). */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : e.isFile() ? [`${prefix}${e.name}`] : []))
    .sort();
}

/** A path as the user would type it: relative to the working folder ("./brand.yaml") when inside it. */
function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  if (!rel) return '.';
  if (rel.startsWith('..') || path.isAbsolute(rel)) return file;
  return `.${path.sep}${rel}`;
}

/** Writes `text` to `file` whole: a new file exclusively, a replacement through a file renamed over it. */
function writeWhole(file: string, text: string, replace: boolean): void {
  if (!replace) {
    try {
      writeFileSync(file, text, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new BriefdeckError(`${shownPath(file)} already exists (use --force to overwrite it)`, 1);
      throw e;
    }
    return;
  }
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The starter theme

/** A YAML scalar: plain when that reads back as the same text (also inside `{ }`), else quoted. */
function scalar(value: string): string {
  const plain = /^[A-Za-z][A-Za-z0-9 _./-]*$/.test(value) && !/ $/.test(value) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** One `key: value` line of the starter, with what it does. */
interface Token {
  key: string;
  value: string;
  note?: string;
  /** Set in the file, not commented out. */
  set?: boolean;
}

/**
 * Token lines, their notes aligned. Commented-out lines start with "# " whatever their depth, so that
 * removing those two characters is all uncommenting takes: `#   keyword: …` under `# code:`, `  # text: …`
 * under a `colors:` that is set.
 */
function tokens(indent: number, list: Token[], groupSet = false): string[] {
  const lines = list.map((t) => {
    const pad = ' '.repeat(indent);
    const body = `${t.set ? pad : groupSet ? `${pad}# ` : `# ${pad}`}${t.key}: ${t.value}`;
    return { body, note: t.note };
  });
  const width = Math.max(...lines.filter((l) => l.note).map((l) => l.body.length), 0);
  return lines.map((l) => (l.note ? `${l.body.padEnd(width)}  # ${l.note}` : l.body));
}

function fontLine(role: string, font: ThemeFont, dir: string): string {
  const from = font.package
    ? `package: ${scalar(font.package)}`
    : `files: { ${Object.entries(font.files ?? {})
        .map(([face, file]) => `${face}: ${scalar(path.relative(dir, file as string).split(path.sep).join('/'))}`)
        .join(', ')} }`;
  return `#   ${role}: { name: ${scalar(font.name)}, family: ${scalar(font.family)}, ${from} }`;
}

const ROLES = ['heading', 'body', 'mono'] as const;

/** The colours a starter sets (to the default's values): the two a brand changes first. */
const SET_COLOURS = ['accent', 'heading'];

/** What each colour paints. */
const COLOUR_NOTES: Record<string, string> = {
  background: 'slide background',
  text: 'body text',
  heading: 'slide titles, quotes, the conclusion',
  accent: 'bullets, the rule under titles, section numbers, quote bars, the title band',
  accentText: 'text on the accent: section numbers',
  muted: 'footer, slide numbers, captions, quote sources',
  rule: 'table lines, the frame of a missing picture',
  codeBackground: 'code panels and inline code',
  codeText: 'code that is not highlighted',
  tableHeader: 'table header row',
  tableHeaderText: 'table header row text',
  tableStripe: 'every other table row',
  titleBackground: 'title slide (band or centered titleStyle)',
  titleText: 'title slide text',
};

const CODE_NOTES: Record<string, string> = {
  keyword: 'if, return, class, built-ins',
  string: 'strings, regular expressions',
  number: 'numbers, true, false, null',
  comment: 'comments (in italics)',
  title: 'names of functions, headings',
  type: 'types and class names',
  variable: 'variables, parameters, keys',
  meta: 'tags, annotations, preprocessor lines',
};

const ROLE_NOTES: Record<string, string> = { heading: 'titles', body: 'body text, tables, notes', mono: 'code' };

const LABEL_NOTES: Record<string, string> = {
  agenda: 'the agenda slide',
  introduction: 'title of the slide of text before the first section',
  takeaways: 'the key takeaways slide',
  conclusion: 'the conclusion slide',
  continued: 'after the title of a slide that carries on',
  imageMissing: 'in place of a picture not found',
  notes: 'notes pages: the heading of the notes',
  pageOf: 'printed page footers',
  page: 'printed page footers of documents too long to know their page count while printing',
  contents: "the briefing's table of contents",
  keyPoints: "the briefing's key points",
  slideOf: 'under a slide on handouts and notes pages',
};

/**
 * A commented theme named `name` that extends the default (`base`): every token it may set, with the
 * default's value, most commented out. `dir` is where it will be written (paths are relative to it).
 */
export function starterTheme(name: string, base: Theme, dir: string): string {
  const c = base.colors as unknown as Record<string, string>;
  const code = base.code as unknown as Record<string, string>;
  const logo = base.logo ? path.relative(dir, base.logo).split(path.sep).join('/') : 'logo.png';
  const templates = base.templates ? path.relative(dir, base.templates).split(path.sep).join('/') : 'templates';
  const lines = [
    `# ${name}.yaml: a briefdeck theme. Build a report with it:`,
    '#',
    `#   briefdeck build report.md --theme ./${name}.yaml`,
    '#',
    `# It extends the ${BASE} theme: whatever this file leaves out or comments out keeps the ${BASE}`,
    `# value. To change a token, uncomment its line by removing the "# " (and its group's line, such`,
    `# as "# code:") and edit the value. The values shown are the ${BASE} theme's, or an example where it`,
    `# has none; \`briefdeck themes show ${BASE}\` prints it in full. A mistake is reported before`,
    `# anything is built, with this file's line and the field.`,
    '#',
    '# Colours take #rgb, #rrggbb, CSS names (navy, teal) or rgb()/rgba(); a translucent colour is',
    '# blended over what it is drawn on. Keep text readable on its background (4.5:1 or more).',
    '# Paths (logo, font files, templates) are relative to this file.',
    '',
    '# The theme this one starts from: a built-in name (see `briefdeck themes`) or a theme file.',
    `extends: ${BASE}`,
    `name: ${scalar(name)}`,
    `description: ${scalar(`${name}: our own look, based on the ${BASE} theme`)}`,
    '',
    '# Slide shape, "16:9" or "4:3"; the PowerPoint file takes the same shape.',
    ...tokens(0, [{ key: 'size', value: JSON.stringify(base.size) }]),
    '',
    '# What each colour paints. Two are set to start with: change them to your brand colours.',
    'colors:',
    ...tokens(
      2,
      [...SET_COLOURS, ...Object.keys(c).filter((k) => !SET_COLOURS.includes(k))].map((k) => ({
        key: k,
        value: JSON.stringify(c[k]),
        note: COLOUR_NOTES[k],
        set: SET_COLOURS.includes(k),
      })),
      true,
    ),
    '',
    '# Highlighted code, by kind of token; each should be readable on codeBackground.',
    '# code:',
    ...tokens(2, Object.keys(code).map((k) => ({ key: k, value: JSON.stringify(code[k]), note: CODE_NOTES[k] }))),
    '',
    '# Typefaces of titles (heading), text (body) and code (mono). Each needs three things. `name` is',
    '# the font written into PowerPoint files, one that Office has (Calibri, Arial, Cambria, Georgia).',
    '# `family` is the open font with the same widths, which measures the text and is embedded in the',
    '# HTML and PDFs: Carlito for Calibri, Arimo for Arial, Caladea for Cambria, Tinos for Times New',
    '# Roman, Gelasio for Georgia, Cousine for Courier New. Then where that family comes from: `package`,',
    '# an installed @fontsource package (npm install @fontsource/arimo), or `files`, font files (.woff2,',
    '# .woff, .ttf or .otf) relative to this file. A role you set replaces the whole font of that role.',
    '# fonts:',
    ...ROLES.map((role) => fontLine(role, base.fonts[role], dir)),
    '#   # With font files instead of a package (bold, italic and boldItalic may be left out):',
    '#   # heading:',
    '#   #   name: Georgia',
    '#   #   family: Gelasio',
    '#   #   files: { regular: fonts/Gelasio-Regular.woff2, bold: fonts/Gelasio-Bold.woff2 }',
    '',
    '# Type size of each role, as a multiple of the sizes the layouts are designed for: 0.5 to 2.',
    '# Text is still fitted to each slide; a larger size fits fewer words on a slide.',
    '# scale:',
    ...tokens(2, ROLES.map((role) => ({ key: role, value: String(base.scale[role]), note: ROLE_NOTES[role] }))),
    '',
    '# Line spacing of each role, as a multiple of its font size: 0.8 to 3.',
    '# lineHeight:',
    ...tokens(2, ROLES.map((role) => ({ key: role, value: String(base.lineHeight[role]), note: ROLE_NOTES[role] }))),
    '',
    '# The footer row of every slide but the title slide: slide numbers ("4 / 12") at its end, true',
    '# or false; a line of text at its start (null for none).',
    ...tokens(0, [
      { key: 'slideNumbers', value: String(base.slideNumbers) },
      { key: 'footer', value: scalar(base.footer ?? 'Your company · Internal') },
    ]),
    '',
    '# A picture (PNG, JPEG, GIF or SVG, relative to this file; null for none): at the start of the',
    '# footer row, and in the top corner of the title and section slides.',
    ...tokens(0, [{ key: 'logo', value: scalar(logo) }]),
    '',
    '# The title slide: band (titleBackground, an accent band at its edge), centered (titleBackground,',
    '# the title centred) or plain (the slide background, the title in the heading colour).',
    ...tokens(0, [{ key: 'titleStyle', value: base.titleStyle }]),
    '',
    '# How sections show: kicker (the section number above each slide title), divider (the same, and a',
    '# slide with the number and title opens each numbered section) or none (no section numbers).',
    ...tokens(0, [{ key: 'sectionStyle', value: base.sectionStyle }]),
    '',
    '# Words briefdeck puts on slides and pages, English ones shown. A label with text replaces it in',
    '# every language; a language tag with labels replaces them in reports in that language only (and',
    '# wins). {n} and {total} stand for the numbers.',
    '# labels:',
    ...tokens(2, [
      ...LABEL_KEYS.map((k) => ({ key: k, value: scalar(EN_LABELS[k]), note: LABEL_NOTES[k] })),
      { key: 'de', value: '{ agenda: Tagesordnung, takeaways: Kernpunkte }', note: 'reports in German only' },
    ]),
    '',
    '# A folder of your own templates, relative to this file: each file in it replaces the built-in',
    '# one of the same name. Start one with `briefdeck init templates templates`.',
    ...tokens(0, [{ key: 'templates', value: scalar(templates) }]),
    '',
  ];
  return lines.join('\n');
}
