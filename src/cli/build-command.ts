import path from 'node:path';
import { build, type BuildResult } from '../build.js';
import { BrowserSession } from '../browser/session.js';
import { expandInputs } from '../batch/inputs.js';
import { watchFiles } from '../watch/watch-files.js';
import { BriefdeckError, formatDiagnostic } from '../types/diagnostics.js';
import { printDiagnostics } from './run.js';
import { ProgressBar } from './progress.js';
import { allowances, type ReportArgs } from './report-options.js';

export interface BuildArgs extends ReportArgs {
  reports: string[];
  format?: string[];
  templates?: string;
  out?: string;
  json: boolean;
  paper?: string;
  perPage?: number;
  chrome?: string;
  concurrency?: number;
  shard?: string;
  force?: boolean;
  watch?: boolean;
}

export async function buildCommand(args: BuildArgs): Promise<void> {
  if (args.watch) return watchCommand(args);
  const results = await buildOnce(args);
  // Every good report was written; the run still fails so a pipeline notices the bad one.
  if (results.some((r) => r.error)) process.exitCode = 1;
}

/**
 * `build --watch`: builds, then rebuilds whenever a report or a file it read is saved. The build
 * records skip the reports that did not change, and one browser stays open between rebuilds.
 */
async function watchCommand(args: BuildArgs): Promise<void> {
  const session = new BrowserSession(args.chrome);
  /** Builds, and returns what to watch: each report and every file its build read. */
  const once = async (): Promise<string[]> => {
    try {
      return [...new Set((await buildOnce(args, session)).flatMap((r) => r.dependencies))];
    } catch (e) {
      // One report that cannot be built is a line, not the end of watching: its file is still watched.
      if (!(e instanceof BriefdeckError) || e.exitCode !== 1) throw e;
      process.stderr.write(`${e.message}\n`);
      return (await expandInputs(args.reports)).map((r) => path.resolve(r.file));
    }
  };
  const first = await once();
  let running = false;
  let again = false;
  const onChange = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    process.stderr.write(`${new Date().toTimeString().slice(0, 8)} change seen, rebuilding\n`);
    files.update(await once());
    running = false;
    if (again) {
      again = false;
      void onChange();
    }
  };
  const files = watchFiles(first, () => void onChange());
  process.stderr.write('watching for changes (Ctrl-C stops)\n');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  files.close();
  await session.close();
}

async function buildOnce(args: BuildArgs, session?: BrowserSession): Promise<BuildResult[]> {
  // Machines read --json output and logs: a bar only for a person watching a terminal.
  const bar = !args.json && process.stderr.isTTY ? new ProgressBar(process.stderr) : undefined;
  let results;
  let reports = 0;
  try {
    results = await build(args.reports, {
      session,
      formats: args.format,
      out: args.out,
      theme: args.theme,
      charts: args.charts,
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
  return results;
}
