/**
 * Finding and reading a theme: a built-in one by name, or a YAML/JSON file by path. A file may
 * `extends:` a built-in theme or another file and override a few tokens; one that names nothing
 * extends the default. Every problem is found before anything renders and reported one per line,
 * naming the file, the line, the field and the value.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { imageSize } from 'image-size';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Theme, ThemeFont } from './types.js';
import { themeFileSchema, type ThemeFile } from './schema.js';
import { normaliseColour, normaliseColours } from './colors.js';
import { BriefdeckError } from '../types/diagnostics.js';
import { isReadableFont } from '../measure/fonts.js';

/** The package root: themes/ and templates/ sit beside src/ and dist/. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const THEMES_DIR = path.join(PACKAGE_ROOT, 'themes');

export function builtinThemeNames(): string[] {
  const names = readdirSync(THEMES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length));
  // The default first, the rest alphabetically: the order `briefdeck themes` lists them in.
  return names.sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
}

export function builtinThemeFile(name: string): string | undefined {
  return builtinThemeNames().includes(name) ? path.join(THEMES_DIR, `${name}.yaml`) : undefined;
}

/** Where a theme was asked for, so an error can say so in the user's terms. */
export interface ThemeRequest {
  /** A built-in name, or a path to a .yaml/.yml/.json file. */
  spec: string;
  /** Folder a relative path is resolved against (the working folder for --theme, the report's for front matter). */
  baseDir: string;
  /** Front matter asked for it: errors then point at file:line and are bad input (exit 1), not bad usage. */
  from?: { file: string; line: number };
}

const cache = new Map<string, Theme>();

export function isThemePath(spec: string): boolean {
  return /[\\/]/.test(spec) || /\.(ya?ml|json)$/i.test(spec);
}

export function loadTheme(request: string | ThemeRequest = 'default'): Theme {
  const req: ThemeRequest = typeof request === 'string' ? { spec: request, baseDir: process.cwd() } : request;
  const file = isThemePath(req.spec) ? path.resolve(req.baseDir, req.spec) : builtinThemeFile(req.spec);
  if (!file) {
    const message = `unknown theme "${req.spec}" (available: ${builtinThemeNames().join(', ')}, or a path to a theme file)`;
    if (req.from) throw new BriefdeckError(`${req.from.file}:${req.from.line}: ${message}`, 1, req.from.file, req.from.line);
    throw new BriefdeckError(message, 2);
  }
  const known = cache.get(file);
  if (known) return known;
  if (!existsSync(file)) {
    const where = req.from ? `${req.from.file}:${req.from.line}: ` : '';
    throw new BriefdeckError(`${where}${req.spec}: theme file not found`, 1);
  }
  const theme = finish(resolveFile(file, []));
  cache.set(file, theme);
  return theme;
}

/** A theme file with its paths made absolute, merged over what it extends. */
type Layer = Omit<ThemeFile, 'extends' | '$schema' | 'footer' | 'logo'> & { footer?: string | null; logo?: string | null; source: string; sourceFiles?: string[] };

/** How a file is named in messages: relative to the working folder when it is inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function resolveFile(file: string, chain: string[]): Layer {
  const shown = displayPath(file);
  const { data, lineOf } = readThemeFile(file);
  const dir = path.dirname(file);
  const problems: string[] = [];
  const at = (keys: (string | number)[], message: string) => problems.push(`${shown}${lineOf(keys)}: ${keys.join('.')}: ${message}`);
  const local = (keys: (string | number)[], p: string, check: (abs: string) => string | undefined): string => {
    const abs = path.resolve(dir, p);
    const wrong = check(abs);
    if (wrong) at(keys, `${JSON.stringify(p)} ${wrong}`);
    return abs;
  };

  const layer: Layer = { ...data, source: file } as Layer;
  delete (layer as ThemeFile).extends;
  delete (layer as ThemeFile).$schema;
  if (typeof data.logo === 'string') layer.logo = local(['logo'], data.logo, checkPicture);
  if (data.templates !== undefined) layer.templates = local(['templates'], data.templates, checkFolder);
  if (data.fonts) {
    const fonts: Partial<Record<string, ThemeFont>> = {};
    for (const [role, f] of Object.entries(data.fonts) as [string, ThemeFont][]) {
      if (!f) continue;
      if (f.package && !packageInstalled(f.package)) at(['fonts', role, 'package'], `${JSON.stringify(f.package)} is not installed (npm install ${f.package})`);
      const files = f.files && (Object.fromEntries(
        Object.entries(f.files).map(([face, p]) => [face, local(['fonts', role, 'files', face], p as string, checkFont)]),
      ) as unknown as ThemeFont['files']);
      fonts[role] = { ...f, ...(files ? { files } : {}) };
    }
    layer.fonts = fonts as Layer['fonts'];
  }
  let base: Layer | undefined;
  if (data.extends !== undefined) {
    const spec = data.extends;
    const target = isThemePath(spec) ? path.resolve(dir, spec) : builtinThemeFile(spec);
    if (!target || !existsSync(target)) {
      at(['extends'], `${JSON.stringify(spec)} is not a built-in theme (${builtinThemeNames().join(', ')}) or a theme file`);
    } else if (target === file || chain.includes(target)) {
      at(['extends'], `${JSON.stringify(spec)} makes a loop (${[...chain, file, target].map(displayPath).join(' → ')})`);
    } else if (problems.length === 0) {
      base = resolveFile(target, [...chain, file]);
    }
  } else if (file !== builtinThemeFile('default')) {
    base = resolveFile(builtinThemeFile('default')!, [...chain, file]);
  }
  if (problems.length) throw new BriefdeckError(inFileOrder(problems).join('\n'), 1);
  const merged = base ? merge(base, layer) : layer;
  // A theme is called what its own file says, else after the file: never after what it extends.
  merged.name = data.name ?? path.basename(file).replace(/\.[^.]+$/, '');
  merged.description = data.description ?? (base ? `${merged.name} (based on ${base.name})` : '');
  merged.source = file;
  merged.sourceFiles = [file, ...(base?.sourceFiles ?? [])];
  return merged;
}

/** Problem lines sorted by their line number, as a reader goes through the file. */
function inFileOrder(problems: string[]): string[] {
  const line = (p: string) => Number(/^[^\n]*?:(\d+): /.exec(p)?.[1] ?? 0);
  return problems.map((p, i) => [p, i] as const).sort((a, b) => line(a[0]) - line(b[0]) || a[1] - b[1]).map(([p]) => p);
}

/** The file's tokens, checked against the schema; `lineOf` gives ":line" of a field for messages. */
function readThemeFile(file: string): { data: ThemeFile; lineOf: (keys: (string | number)[]) => string } {
  const shown = displayPath(file);
  const source = readFileSync(file, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw new BriefdeckError(
      doc.errors
        .map((e) => {
          const pos = lines.linePos(e.pos[0]);
          return `${shown}:${pos.line}:${pos.col}: not valid YAML or JSON: ${e.message.split('\n')[0]}`;
        })
        .join('\n'),
      1,
    );
  }
  // The line of a field is the line of its key: a value may be a block that starts lines below it.
  const lineOf = (keys: (string | number)[]): string => {
    for (let n = keys.length; n > 0; n--) {
      const parent = n === 1 ? doc.contents : doc.getIn(keys.slice(0, n - 1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(keys[n - 1]));
        const range = (isScalar(pair?.key) && pair.key.range) || undefined;
        if (range) return `:${lines.linePos(range[0]).line}`;
      }
    }
    return '';
  };
  const raw = doc.toJS({ maxAliasCount: 100 }) as unknown;
  // The built-in themes are checked against the schema by the test suite, not on every run.
  if (path.dirname(file) === THEMES_DIR) return { data: raw as ThemeFile, lineOf };
  const parsed = themeFileSchema().safeParse(raw ?? {});
  if (!parsed.success) {
    throw new BriefdeckError(inFileOrder(parsed.error.issues.flatMap((issue) => describeIssue(issue, raw, shown, lineOf))).join('\n'), 1);
  }
  return { data: parsed.data, lineOf };
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown, shown: string, lineOf: (keys: (string | number)[]) => string): string[] {
  const keys = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => `${shown}${lineOf([...keys, k])}: ${[...keys, k].join('.')}: is not a theme field${suggest(k, keys)}`);
  }
  const value = keys.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), raw);
  const field = keys.length ? `${keys.join('.')}: ` : '';
  const shownValue = value === undefined ? '' : `${JSON.stringify(value)} `;
  return [`${shown}${lineOf(keys)}: ${field}${shownValue}${issue.message}`];
}

/** "did you mean" for a misspelt field, from the fields its mapping allows. */
function suggest(key: string, parent: (string | number)[]): string {
  let shape: z.ZodType = themeFileSchema();
  for (const k of parent) {
    const inner = unwrap(shape);
    const next = inner && 'shape' in inner ? (inner.shape as Record<string, z.ZodType>)[String(k)] : undefined;
    if (!next) return '';
    shape = next;
  }
  const inner = unwrap(shape);
  const known = inner && 'shape' in inner ? Object.keys(inner.shape as object) : [];
  const close = known.filter((k) => k !== '$schema' && distance(k.toLowerCase(), key.toLowerCase()) <= 2);
  return close.length ? ` (did you mean ${close.join(' or ')}?)` : '';
}

function unwrap(t: z.ZodType): z.ZodType | undefined {
  let cur: unknown = t;
  for (let i = 0; i < 5 && cur; i++) {
    const def = (cur as { def?: { type?: string; innerType?: unknown; in?: unknown } }).def;
    if (def?.type === 'optional' || def?.type === 'nullable') cur = def.innerType;
    else if (def?.type === 'pipe') cur = def.in;
    else break;
  }
  return cur as z.ZodType | undefined;
}

/** Levenshtein distance, for short field names only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

const require = createRequire(import.meta.url);
function packageInstalled(pkg: string): boolean {
  try {
    require.resolve(`${pkg}/package.json`);
    return true;
  } catch {
    return false;
  }
}

function checkPicture(file: string): string | undefined {
  if (!existsSync(file) || !statSync(file).isFile()) return 'not found';
  try {
    const { type } = imageSize(readFileSync(file));
    return type && ['png', 'jpg', 'gif', 'svg'].includes(type) ? undefined : `is a ${type ?? 'file of unknown type'}, not a PNG, JPEG, GIF or SVG picture`;
  } catch {
    return 'is not a PNG, JPEG, GIF or SVG picture';
  }
}

function checkFolder(dir: string): string | undefined {
  return existsSync(dir) && statSync(dir).isDirectory() ? undefined : 'is not a folder';
}

function checkFont(file: string): string | undefined {
  if (!existsSync(file) || !statSync(file).isFile()) return 'not found';
  if (!/\.(woff2?|ttf|otf)$/i.test(file)) return 'is not a .woff2, .woff, .ttf or .otf font file';
  return isReadableFont(file) ? undefined : 'is not a font file that can be read';
}

/** Tokens of `over` replace those of `base`; groups merge key by key, except a font, which is replaced whole. */
function merge(base: Layer, over: Layer): Layer {
  const out = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    if (k === 'fonts' || k === 'colors' || k === 'code' || k === 'scale' || k === 'lineHeight') out[k] = { ...(b as object), ...(v as object) };
    else if (k === 'labels') out[k] = mergeLabels(b as Record<string, unknown> | undefined, v as Record<string, unknown>);
    else out[k] = v;
  }
  return out as Layer;
}

function mergeLabels(base: Record<string, unknown> | undefined, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = v && typeof v === 'object' && typeof out[k] === 'object' ? { ...(out[k] as object), ...v } : v;
  return out;
}

/** The merged layers as a complete theme, colours normalised. */
function finish(layer: Layer): Theme {
  const { footer, logo, ...rest } = layer;
  const theme = { ...rest, ...(footer ? { footer } : {}), ...(logo ? { logo } : {}) } as unknown as Theme;
  theme.colors = normaliseColours(theme.colors);
  theme.code = Object.fromEntries(Object.entries(theme.code).map(([k, v]) => [k, normaliseColour(v, theme.colors.codeBackground)])) as unknown as Theme['code'];
  return theme;
}
