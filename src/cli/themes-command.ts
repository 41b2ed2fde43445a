/**
 * `briefdeck themes`: the built-in themes, one per line (or as JSON), and `themes show NAME`, which
 * prints a built-in theme's file as it is, comments included: the place to start a theme of one's own.
 */
import { readFileSync } from 'node:fs';
import { builtinThemeFile, builtinThemeNames, loadTheme } from '../theme/load.js';
import { BriefdeckError } from '../types/diagnostics.js';

export interface ThemesArgs {
  json: boolean;
}

export interface ThemeShowArgs {
  theme: string;
}

/** Every built-in theme, the default first, with its one-line description. */
export function builtinThemes(): { name: string; description: string }[] {
  return builtinThemeNames().map((name) => ({ name, description: loadTheme(name).description }));
}

export async function themesCommand(args: ThemesArgs): Promise<void> {
  const themes = builtinThemes();
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ themes }, null, 2)}\n`);
    return;
  }
  const width = Math.max(...themes.map((t) => t.name.length));
  for (const t of themes) process.stdout.write(`${t.name.padEnd(width)}  ${t.description}`.trimEnd() + '\n');
}

export async function themeShowCommand(args: ThemeShowArgs): Promise<void> {
  const file = builtinThemeFile(args.theme);
  if (!file) throw new BriefdeckError(`unknown theme "${args.theme}" (available: ${builtinThemeNames().join(', ')})`, 2);
  process.stdout.write(readFileSync(file, 'utf8'));
}
