/**
 * Finding and reading a theme: a built-in one by name, or a YAML/JSON file by path whose tokens
 * override the built-in default (issue 5 brings more built-ins and `extends:`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parse } from 'yaml';
import type { Theme } from './types.js';
import { BriefdeckError } from '../types/diagnostics.js';

/** The package root: themes/ and templates/ sit beside src/ and dist/. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const BUILTIN = ['default'];

export function builtinThemeNames(): string[] {
  return [...BUILTIN];
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
  const key = isThemePath(req.spec) ? path.resolve(req.baseDir, req.spec) : req.spec;
  const known = cache.get(key);
  if (known) return known;
  const theme = isThemePath(req.spec) ? fromFile(key, req) : builtin(req);
  cache.set(key, theme);
  return theme;
}

function fail(req: ThemeRequest, message: string): never {
  if (req.from) throw new BriefdeckError(`${req.from.file}:${req.from.line}: ${message}`, 1, req.from.file, req.from.line);
  throw new BriefdeckError(message, isThemePath(req.spec) ? 1 : 2);
}

function builtin(req: ThemeRequest): Theme {
  if (!BUILTIN.includes(req.spec)) fail(req, `unknown theme "${req.spec}" (available: ${BUILTIN.join(', ')}, or a path to a theme file)`);
  return parse(readFileSync(path.join(PACKAGE_ROOT, 'themes', `${req.spec}.yaml`), 'utf8')) as Theme;
}

function fromFile(file: string, req: ThemeRequest): Theme {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(req, code === 'ENOENT' ? `${req.spec}: theme file not found` : `${req.spec}: not a valid theme file (${(e as Error).message.split('\n')[0]})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail(req, `${req.spec}: a theme file must be a mapping of tokens`);
  const theme = merge(builtin({ ...req, spec: 'default' }), data as Record<string, unknown>) as Theme;
  theme.name = typeof (data as Theme).name === 'string' ? (data as Theme).name : path.basename(file).replace(/\.[^.]+$/, '');
  validate(theme, req);
  return theme;
}

/** Tokens the file gives replace the default's; nested groups (colors, fonts) merge key by key. */
function merge(base: unknown, over: Record<string, unknown>): unknown {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' ? merge(b, v as Record<string, unknown>) : v;
  }
  return out;
}

const COLOR = /^(#[0-9a-f]{3,8}|rgba?\([^)]*\)|hsla?\([^)]*\)|[a-z]+)$/i;
const require = createRequire(import.meta.url);

function validate(theme: Theme, req: ThemeRequest): void {
  if (theme.size !== '16:9' && theme.size !== '4:3') fail(req, `${req.spec}: size must be "16:9" or "4:3"`);
  for (const [k, v] of Object.entries(theme.colors ?? {})) {
    if (typeof v !== 'string' || !COLOR.test(v.trim())) fail(req, `${req.spec}: colors.${k} is not a colour: ${JSON.stringify(v)}`);
  }
  for (const role of ['heading', 'body', 'mono'] as const) {
    const f = theme.fonts?.[role];
    if (!f || typeof f.name !== 'string' || typeof f.family !== 'string' || typeof f.package !== 'string') {
      fail(req, `${req.spec}: fonts.${role} needs name, family and package`);
    }
    try {
      require.resolve(`${f.package}/package.json`);
    } catch {
      fail(req, `${req.spec}: fonts.${role}: font package "${f.package}" is not installed (npm install ${f.package})`);
    }
    const lh = theme.lineHeight?.[role];
    if (typeof lh !== 'number' || lh < 0.8 || lh > 3) fail(req, `${req.spec}: lineHeight.${role} must be a number between 0.8 and 3`);
  }
}
