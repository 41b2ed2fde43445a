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
import { structure } from './structure/structure.js';
import { plan } from './plan/plan.js';
import { loadTheme } from './theme/load.js';
import type { Theme } from './theme/types.js';
import { Measurer } from './measure/text.js';

export interface LoadedReport {
  report: Report;
  diagnostics: Diagnostic[];
}

/** Reads and structures one report file. Throws BriefdeckError (exit 1) for a file that is not a report. */
export async function loadReport(file: string): Promise<LoadedReport> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a report' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
    throw new BriefdeckError(`${file}: ${why}`, 1, file);
  }
  const decoded = decodeReport(bytes, file);
  const parsed = parseMarkdown(decoded.text, file);
  const structured = structure(parsed, { file, baseDir: path.dirname(path.resolve(file)) });
  return { report: structured.value, diagnostics: [...decoded.diagnostics, ...structured.diagnostics] };
}

const measurers = new Map<Theme, Promise<Measurer>>();
export function measurerFor(theme: Theme): Promise<Measurer> {
  let m = measurers.get(theme);
  if (!m) {
    m = Measurer.load(theme.fonts);
    measurers.set(theme, m);
  }
  return m;
}

export interface PlannedReport {
  deck: Deck;
  theme: Theme;
  measurer: Measurer;
  diagnostics: Diagnostic[];
}

export async function planFile(file: string, opts: { theme?: string } = {}): Promise<PlannedReport> {
  const { report, diagnostics } = await loadReport(file);
  const theme = loadTheme(opts.theme ?? report.meta.theme ?? 'default');
  const measurer = await measurerFor(theme);
  const planned = plan(report, { theme, measurer, file });
  return { deck: planned.value, theme, measurer, diagnostics: [...diagnostics, ...planned.diagnostics] };
}
