/** Finding and reading a theme. Only the built-in default for now; issue 5 adds the rest. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parse } from 'yaml';
import type { Theme } from './types.js';
import { BriefdeckError } from '../types/diagnostics.js';

/** The package root: themes/ and templates/ sit beside src/ and dist/. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function builtinThemeNames(): string[] {
  return ['default'];
}

export function loadTheme(name = 'default'): Theme {
  if (!builtinThemeNames().includes(name)) {
    throw new BriefdeckError(`unknown theme "${name}" (available: ${builtinThemeNames().join(', ')})`, 2);
  }
  const file = path.join(PACKAGE_ROOT, 'themes', `${name}.yaml`);
  return parse(readFileSync(file, 'utf8')) as Theme;
}
