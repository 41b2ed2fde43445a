import { build } from '../build.js';
import { formatDiagnostic } from '../types/diagnostics.js';
import { printDiagnostics } from './run.js';

export interface BuildArgs {
  reports: string[];
  format: string[];
  theme?: string;
  out: string;
  json: boolean;
}

export async function buildCommand(args: BuildArgs): Promise<void> {
  const results = await build(args.reports, {
    formats: args.format,
    out: args.out,
    theme: args.theme,
    onDiagnostics: (d) => printDiagnostics(d, formatDiagnostic),
  });
  if (args.json) {
    const summary = {
      reports: results.map((r) => ({ input: r.input, files: r.files, slides: r.slides, warnings: r.warnings })),
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    for (const r of results) {
      for (const f of r.files) process.stdout.write(`${f}  (${r.slides} slide${r.slides === 1 ? '' : 's'}${r.warnings ? `, ${r.warnings} warning${r.warnings === 1 ? '' : 's'}` : ''})\n`);
    }
  }
}
