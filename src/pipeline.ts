/**
 * The stages wired together: read → structure → plan → render. The CLI and the library API both
 * call these; neither knows how a stage works inside.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Deck } from './types/deck.js';
import type { Report } from './types/report.js';
import { BriefdeckError, type Diagnostic } from './types/diagnostics.js';
import { decodeReport } from './read/decode.js';
import { parseMarkdown } from './read/parse.js';
import { structure, type InputAllowances } from './structure/structure.js';
import { prepareImages } from './structure/prepare-images.js';
import { plan, type ChartSettings } from './plan/plan.js';
import type { ChartsMode } from './chart/choose.js';
import { loadTheme } from './theme/load.js';
import { themeWarnings } from './theme/warnings.js';
import type { Theme } from './theme/types.js';
import { Measurer } from './measure/text.js';

export interface LoadedReport {
  report: Report;
  diagnostics: Diagnostic[];
  /** Line of `theme:` in the front matter, for errors about it. */
  themeLine?: number;
}

/** Reads and structures one report file. Throws BriefdeckError (exit 1) for a file that is not a report. */
export async function loadReport(file: string, allow: InputAllowances = {}): Promise<LoadedReport> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a report' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
    throw new BriefdeckError(`${file}: ${why}`, 1, file);
  }
  const decoded = decodeReport(bytes, file);
  const loaded = await loadText(decoded.text, file, path.dirname(path.resolve(file)), allow);
  return { ...loaded, diagnostics: [...decoded.diagnostics, ...loaded.diagnostics] };
}

/** Structures a report's text; `file` names it in diagnostics, `baseDir` is where its pictures are. */
async function loadText(text: string, file: string, baseDir: string, allow: InputAllowances): Promise<LoadedReport> {
  const parsed = parseMarkdown(text, file);
  const structured = structure(parsed, { file, baseDir, allow });
  // Fetching remote images and decoding (or downscaling) every picture cannot wait synchronously.
  const imageDiagnostics = await prepareImages(structured.value, { file, baseDir, allow });
  const fm = /^---[ \t]*\n([\s\S]*?)\n---/.exec(text);
  const themeAt = fm ? fm[1].split('\n').findIndex((l) => /^theme\s*:/.test(l)) : -1;
  return {
    report: structured.value,
    diagnostics: byLine(structured.diagnostics.filter((d) => d.code !== 'image-remote-pending'), imageDiagnostics),
    themeLine: themeAt >= 0 ? themeAt + 2 : undefined,
  };
}

/** `later` merged into `diagnostics` by line, each before the first of `diagnostics` that comes after it. */
function byLine(diagnostics: Diagnostic[], later: Diagnostic[]): Diagnostic[] {
  const out = [...diagnostics];
  for (const d of later) {
    const at = out.findIndex((o) => o.line !== undefined && d.line !== undefined && o.line > d.line);
    if (at < 0) out.push(d);
    else out.splice(at, 0, d);
  }
  return out;
}

/** One measurer per set of fonts, shared by every report of a run that uses them. */
const measurers = new Map<string, Promise<Measurer>>();
export function measurerFor(theme: Theme): Promise<Measurer> {
  const key = JSON.stringify(theme.fonts);
  let m = measurers.get(key);
  if (!m) {
    m = Measurer.load(theme.fonts);
    measurers.set(key, m);
  }
  return m;
}

export interface PlannedReport {
  /** The report as read, before planning. */
  report: Report;
  deck: Deck;
  theme: Theme;
  measurer: Measurer;
  diagnostics: Diagnostic[];
}

/**
 * `theme` (the command line's) wins over the report's front matter, which wins over `defaultTheme`
 * (a project config's); `charts` likewise (see ChartSettings).
 */
export async function planFile(
  file: string,
  opts: { theme?: string; defaultTheme?: string; allow?: InputAllowances } & ChartSettings = {},
): Promise<PlannedReport> {
  return planLoaded(await loadReport(file, opts.allow), file, path.dirname(path.resolve(file)), opts.theme, opts.defaultTheme, opts);
}

export interface PlanMarkdownOptions {
  /** Theme name or theme file (relative to the working folder); front matter `theme:` applies when absent. */
  theme?: string;
  /** The report's name in diagnostics; default `report.md`. */
  file?: string;
  /** Folder the report's pictures and a front-matter theme file are relative to; default the working folder. */
  baseDir?: string;
  allow?: InputAllowances;
  /** `auto` (default): a clear numeric table gets a chart slide after it; `off`: only where a directive asks. */
  charts?: ChartsMode;
}

/**
 * The library's `plan`: Markdown text → the deck model and what was noticed on the way, without
 * reading or writing any file but the report's pictures and theme.
 */
export async function planMarkdown(markdown: string, opts: PlanMarkdownOptions = {}): Promise<{ deck: Deck; diagnostics: Diagnostic[] }> {
  const file = opts.file ?? 'report.md';
  const baseDir = path.resolve(opts.baseDir ?? '.');
  const { deck, diagnostics } = await planLoaded(await loadText(markdown, file, baseDir, opts.allow ?? {}), file, baseDir, opts.theme, undefined, { charts: opts.charts });
  return { deck, diagnostics };
}

async function planLoaded(
  loaded: LoadedReport,
  file: string,
  baseDir: string,
  themeSpec?: string,
  defaultTheme?: string,
  charts: ChartSettings = {},
): Promise<PlannedReport> {
  const { report, diagnostics, themeLine } = loaded;
  // --theme wins over front matter; a front-matter theme is resolved next to the report.
  const theme = themeSpec
    ? loadTheme({ spec: themeSpec, baseDir: process.cwd() })
    : report.meta.theme
      ? loadTheme({ spec: report.meta.theme, baseDir, from: { file, line: themeLine ?? 1 } })
      : defaultTheme
        ? loadTheme({ spec: defaultTheme, baseDir: process.cwd() })
        : loadTheme();
  const measurer = await measurerFor(theme);
  const planned = plan(report, { theme, measurer, file, charts: charts.charts, defaultCharts: charts.defaultCharts });
  return { report, deck: planned.value, theme, measurer, diagnostics: [...themeWarnings(theme), ...diagnostics, ...planned.diagnostics] };
}
