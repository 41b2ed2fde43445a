import path from 'node:path';
import { build } from '../build.js';
import type { InputAllowances } from '../structure/structure.js';
import { formatDiagnostic } from '../types/diagnostics.js';
import { printDiagnostics } from './run.js';
import { ProgressBar } from './progress.js';

export interface BuildArgs {
  reports: string[];
  format?: string[];
  theme?: string;
  templates?: string;
  allowHtml?: boolean;
  allowPath?: string[];
  allowRemote?: boolean;
  out?: string;
  json: boolean;
  config?: string;
  paper?: string;
  perPage?: number;
  chrome?: string;
  concurrency?: number;
  shard?: string;
  force?: boolean;
}

/** The --allow-* options as what the pipeline takes: folders made absolute against the working folder. */
export function allowances(args: { allowHtml?: boolean; allowPath?: string[]; allowRemote?: boolean }): InputAllowances {
  return {
    html: !!args.allowHtml,
    paths: (args.allowPath ?? []).map((p) => path.resolve(p)),
    remote: !!args.allowRemote,
  };
}

export async function buildCommand(args: BuildArgs): Promise<void> {
  // Machines read --json output and logs: a bar only for a person watching a terminal.
  const bar = !args.json && process.stderr.isTTY ? new ProgressBar(process.stderr) : undefined;
  let results;
  let reports = 0;
  try {
    results = await build(args.reports, {
      formats: args.format,
      out: args.out,
      theme: args.theme,
      templates: args.templates,
      allow: allowances(args),
      paper: args.paper as 'a4' | 'letter' | undefined,
      perPage: args.perPage,
      chrome: args.chrome,
      concurrency: args.concurrency,
      shard: args.shard,
      force: args.force,
      config: args.config,
      // One report: the steps of its prints. Several: reports done, and the ones being built.
      onProgress: bar && ((file, done, total) => reports <= 1 && bar.update(file, done, total)),
      onReports:
        bar &&
        ((done, total, building) => {
          reports = total;
          if (total > 1) bar.update(building.map((f) => path.basename(f)).join(', '), done, total, 'reports');
        }),
      onDiagnostics: (d) => {
        bar?.clear();
        printDiagnostics(d, formatDiagnostic);
      },
      onError: (e) => {
        bar?.clear();
        process.stderr.write(`${e.message}\n`);
      },
    });
  } finally {
    bar?.clear();
  }
  if (args.json) {
    const summary = {
      reports: results.map((r) => ({
        input: r.input,
        files: r.files,
        slides: r.slides,
        warnings: r.warnings,
        milliseconds: r.milliseconds,
        cached: r.cached,
        ...(r.error ? { error: r.error } : {}),
      })),
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    for (const r of results) {
      for (const f of r.files) {
        const warnings = r.warnings ? `, ${r.warnings} warning${r.warnings === 1 ? '' : 's'}` : '';
        const unchanged = r.cached ? ', unchanged' : '';
        process.stdout.write(`${f}  (${r.slides} slide${r.slides === 1 ? '' : 's'}${warnings}${unchanged})\n`);
      }
    }
    if (!results.length && args.shard) process.stderr.write(`shard ${args.shard}: no reports to build\n`);
  }
  // Every good report was written; the run still fails so a pipeline notices the bad one.
  if (results.some((r) => r.error)) process.exitCode = 1;
}
