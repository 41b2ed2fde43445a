/** `build`: plan each report once and write every requested format next to the others. */
import { mkdir, readFile, rename, writeFile, rm } from 'node:fs/promises';
import { readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BriefdeckError, type Diagnostic } from './types/diagnostics.js';
import { planFile } from './pipeline.js';
import type { InputAllowances } from './structure/structure.js';
import { presentedDeck } from './render/presented.js';
import { collectGarbage, collectGarbageOver } from './collect-garbage.js';
import { PAPERS, PER_PAGE, RENDERERS, type Paper, type PerPage } from './render/registry.js';
import { BrowserSession } from './browser/session.js';
import { warmTabs } from './render/pdf/print.js';
import { PACKAGE_ROOT } from './theme/load.js';
import { Templates } from './render/templates.js';
import { expandInputs, parseShard, selectShard, type ReportInput, type Shard } from './batch/inputs.js';
import { BuildCache, buildKey } from './batch/cache.js';
import { buildDependencies } from './batch/deps.js';
import { Limit } from './batch/limit.js';
import { InOrder } from './batch/in-order.js';
import { findConfig, loadConfig, withConfigAllowances, type ProjectConfig } from './config/config.js';
import type { Renderer } from './render/registry.js';
import type { ChartsMode } from './chart/choose.js';

export interface BuildOptions {
  /** Output formats; default `['html']`. */
  formats?: string[];
  /** Output folder; default `output`. */
  out?: string;
  /** Theme name (front matter `theme:` applies when absent). */
  theme?: string;
  /**
   * `auto`: a clear numeric table gets a chart slide after it; `off`: only where `<!-- chart: … -->`
   * asks. Default: the report's front matter `charts:`, else its config's, else `auto`.
   */
  charts?: ChartsMode;
  /** A folder of templates that override the theme's and the built-in ones by file name. */
  templates?: string;
  /** What reports may reach beyond their text: raw HTML (sanitised), more image folders, remote images. */
  allow?: InputAllowances;
  /** Paper of the handout, notes pages and briefing; default `a4`. */
  paper?: Paper;
  /** Slides per handout page (1, 2, 3, 4, 6 or 9); default 3. */
  perPage?: number;
  /** The browser that prints PDFs; default `CHROME_PATH`, then the system's Chromium. */
  chrome?: string;
  /**
   * Reports built at once, and documents the browser prints at once (one tab each); default the
   * number of cores.
   */
  concurrency?: number;
  /** Build only this share of the inputs, in path order: `"2/5"` or `{ index: 2, count: 5 }`. */
  shard?: string | Shard;
  /** Rebuild reports whose outputs are up to date. */
  force?: boolean;
  /**
   * Where the project's defaults come from: a config file's path, or `false` for none; by default
   * the nearest `briefdeck.config.json`/`.yaml` or package.json `"briefdeck"` key above each report.
   * Options given here win over the config; the report's front matter `theme:` wins over its theme.
   */
  config?: string | false;
  /**
   * A browser kept open across runs (`build --watch`): used instead of starting one, and left open.
   */
  session?: BrowserSession;
  /** Progress of a long print: the output file, and the steps of its print done out of their total. */
  onProgress?: (file: string, done: number, total: number) => void;
  /** Progress of a run: reports finished out of all, and the ones being built now. */
  onReports?: (done: number, total: number, building: string[]) => void;
  /**
   * Called with each report's diagnostics as soon as it is planned (and with a renderer's later);
   * reports built side by side speak in the order they were given.
   */
  onDiagnostics?: (diagnostics: Diagnostic[]) => void;
  /** Called when one report of several cannot be built; the run goes on with the others. */
  onError?: (error: BriefdeckError) => void;
}

export interface BuildResult {
  input: string;
  files: string[];
  slides: number;
  warnings: number;
  diagnostics: Diagnostic[];
  /** Why this report was not built (bad input); the other reports of the run are built regardless. */
  error?: string;
  /** Time this report took, from reading it to its last file written. */
  milliseconds: number;
  /** Its outputs were up to date: nothing was built or written. */
  cached: boolean;
  /** The report and every file its build read (theme, fonts, logo, templates, pictures): what to watch. */
  dependencies: string[];
}

export const VERSION: string = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;

export function resolveFormats(formats: string[] = ['html']): string[] {
  const out: string[] = [];
  for (const f of formats.flatMap((x) => x.split(',')).map((x) => x.trim().toLowerCase()).filter(Boolean)) {
    const expanded = f === 'all' ? Object.keys(RENDERERS) : [f];
    for (const e of expanded) {
      if (!RENDERERS[e]) throw new BriefdeckError(`unknown format "${e}" (available: ${Object.keys(RENDERERS).join(', ')}, all)`, 2);
      if (!out.includes(e)) out.push(e);
    }
  }
  return out.length ? out : ['html'];
}

/**
 * A deck of this many slides is built frugally, to keep Node and Chromium small together: the HTML
 * and the PPTX are made first, while the browser is not yet started; then the PDFs print one format
 * at a time (two parts of it side by side), the notes pages, which take longest, first, and Node
 * collects its garbage as the prints leave it. Smaller decks render every format at once, which is
 * quicker and needs far less memory.
 */
export const FRUGAL_FROM_SLIDES = 2000;
/** A report this large (bytes) will likely make a frugal deck: the browser is not started before it is planned. */
const FRUGAL_FROM_BYTES = 800_000;
/**
 * Formats printed at once in a frugal build, and the order they take turns in: the longest first.
 * Two at a time peaked at about 1.1 GiB for 2000 sections (sampled each second); one at a time
 * lower, in about the same time now that each format prints two parts side by side.
 */
const FRUGAL_PRINTING = 1;
const FRUGAL_ORDER = ['.notes.pdf', '.pdf', '.handout.pdf', '.briefing.pdf'];
/**
 * Garbage a frugal build lets Node's heap gather between prints before it collects (bytes). At 2000
 * sections 64 MB peaked at 1030 MiB and 16 MB took 12.3 times a tenth of the deck; 32 MB met both
 * limits (985 MiB, 11.1 times).
 */
const PRINT_GARBAGE = 32 * 1024 * 1024;

/** Temporary files being written right now: removed if the run is interrupted. */
const pending = new Set<string>();

/** Writes through a temporary file and a rename, so a failed build never leaves half a deck. */
async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  pending.add(tmp);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new BriefdeckError(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 1, file);
  } finally {
    pending.delete(tmp);
  }
}

function checkConcurrency(value: number | undefined): number {
  if (value === undefined) return os.availableParallelism();
  if (!Number.isInteger(value) || value < 1) throw new BriefdeckError(`--concurrency must be a whole number of 1 or more (got "${value}")`, 2);
  return value;
}

function checkPrintOptions(opts: BuildOptions): { paper: Paper; perPage: PerPage } {
  const paper = (opts.paper ?? 'a4').toLowerCase() as Paper;
  if (!PAPERS.includes(paper)) throw new BriefdeckError(`--paper must be one of ${PAPERS.join(', ')} (got "${opts.paper}")`, 2);
  const perPage = Number(opts.perPage ?? 3) as PerPage;
  if (!PER_PAGE.includes(perPage)) throw new BriefdeckError(`--per-page must be one of ${PER_PAGE.join(', ')} (got "${opts.perPage}")`, 2);
  return { paper, perPage };
}

/**
 * Ctrl-C or a kill during a build: end the browser and remove half-written files before exiting, as
 * the default handler would have exited, but without leaving anything behind.
 */
function onInterrupt(session: BrowserSession): { release: () => void; interrupted: () => boolean } {
  let interrupted = false;
  const handler = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    for (const tmp of pending) rmSync(tmp, { force: true });
    // A browser still starting is waited for (briefly), so it can be ended and its profile removed;
    // the timer keeps Node alive until then, whatever else has stopped.
    setInterval(() => undefined, 1000);
    void session.abort(2000).finally(() => {
      for (const tmp of pending) rmSync(tmp, { force: true });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, handler);
  return {
    release: () => {
      for (const s of signals) process.off(s, handler);
    },
    interrupted: () => interrupted,
  };
}

/** A file's size in bytes; 0 when it cannot be read (its build will say why). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Whether two paths name the same file (through symlinks too, when the file exists). */
function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

export async function build(input: string | string[], opts: BuildOptions = {}): Promise<BuildResult[]> {
  const inputs = typeof input === 'string' ? [input] : input;
  // Options given here are checked at once (a usage error); a config's, report by report.
  const given = {
    formats: opts.formats ? resolveFormats(opts.formats) : undefined,
    ...checkPrintOptions({ paper: opts.paper ?? 'a4', perPage: opts.perPage ?? 3 }),
  };
  const concurrency = checkConcurrency(opts.concurrency);
  const shard = typeof opts.shard === 'string' ? parseShard(opts.shard) : opts.shard;
  const named = typeof opts.config === 'string' ? loadConfig(opts.config) : undefined;
  let reports = await expandInputs(inputs);
  if (shard) reports = selectShard(reports, shard);
  if (!reports.length) return [];
  const modules = new Map<string, Promise<Renderer>>();
  const rendererOf = (format: string) => {
    if (!modules.has(format)) modules.set(format, RENDERERS[format]());
    return modules.get(format)!;
  };
  const settings = await Promise.all(reports.map((r) => settingsFor(r)));
  const needsBrowser = settings.some((s) => 'renderers' in s && s.renderers.some((r) => r.usesBrowser));
  const targets = outputTargets(reports, settings.map((s) => ('out' in s ? s.out : '')));
  const results: BuildResult[] = new Array(reports.length);
  const session = opts.session ?? new BrowserSession(opts.chrome);
  const prints = new Limit(concurrency);
  const speak = new InOrder(reports.length);
  const interrupt = onInterrupt(session);
  const building = new Set<string>();
  let done = 0;
  // The browser starts while the first report is planned. Failing to start it is the same for every
  // report, so it ends the run with one line instead of one error per report.
  let browserError: unknown;
  let browserWanted: Promise<void> | undefined;
  const browserReady = () =>
    (browserWanted ??= session.browser().then(
      // The tabs the first prints will want open while the report is still being planned.
      (browser) => void warmTabs(browser, concurrency),
      (e: unknown) => {
        browserError = e;
      },
    ));
  // With --force it starts at once (unless every report is large enough to be built frugally);
  // otherwise when a report turns out not to be up to date, so a run whose outputs are all up to date
  // never starts it.
  if (opts.force && needsBrowser && !reports.every((r) => sizeOf(r.file) >= FRUGAL_FROM_BYTES)) void browserReady();
  // A usage error, an internal error or a browser that cannot start ends the whole run; the reports
  // already being built finish first, so nothing is left half written.
  let fatal: { error: unknown } | undefined;
  // Reports that may still print. Once none may, the browser closes while the last files are still
  // being merged and written, instead of after them.
  let mayPrint = reports.length;
  let closing: Promise<void> | undefined;
  const reportPrinted = () => {
    if (--mayPrint === 0 && !opts.session) closing = session.close();
  };
  const next = { index: 0 };
  const worker = async () => {
    while (!fatal && next.index < reports.length) {
      const index = next.index++;
      const input = reports[index];
      building.add(input.file);
      opts.onReports?.(done, reports.length, [...building]);
      const started = performance.now();
      const printed = once(reportPrinted);
      try {
        results[index] = await buildOne(input, index, started, printed);
      } catch (e) {
        if (browserError) e = browserError;
        // One broken report must not cost a pipeline the other decks; usage errors still stop the run.
        if (!(e instanceof BriefdeckError) || e.exitCode !== 1 || reports.length === 1 || e === browserError) fatal ??= { error: e };
        else {
          const error = e;
          speak.emit(index, () => opts.onError?.(error));
          results[index] = {
            input: input.file,
            files: [],
            slides: 0,
            warnings: 0,
            diagnostics: [],
            error: e.message,
            milliseconds: Math.round(performance.now() - started),
            cached: false,
            dependencies: [path.resolve(input.file)],
          };
        }
      } finally {
        printed();
        speak.finish(index);
        building.delete(input.file);
        done++;
        opts.onReports?.(done, reports.length, [...building]);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, reports.length) }, worker));
    if (fatal) throw fatal.error;
  } catch (e) {
    // A print failing because Ctrl-C ended the browser is not an error to report: the interrupt
    // handler is cleaning up and exits with the signal's code.
    if (interrupt.interrupted()) await new Promise<never>(() => undefined);
    throw e;
  } finally {
    await closing;
    if (!opts.session) await session.close();
    interrupt.release();
  }
  return results;

  /** `printed` is called once the report's last print is back (or at once, when it prints nothing). */
  async function buildOne(report: ReportInput, index: number, started: number, printed: () => void): Promise<BuildResult> {
    const input = report.file;
    if (report.error) throw new BriefdeckError(report.error, 1, input);
    const found = settings[index];
    if ('error' in found) throw found.error;
    const { renderers, out, paper, perPage, templates, allow, cache } = found;
    const target = targets[index];
    if (target.clash) throw new BriefdeckError(`${input}: would overwrite the output of ${target.clash} (same file name)`, 1, input);
    const outDir = path.join(out, report.outDir);
    // A report is never overwritten by an output: not its own (report.html built to HTML next to
    // itself), nor another report's of the same run.
    for (const renderer of renderers) {
      const file = path.join(outDir, `${target.stem}${renderer.extension}`);
      const other = reports.find((i) => sameFile(i.file, file));
      if (other) throw new BriefdeckError(`${input}: its ${renderer.extension} output would overwrite the report ${other.file}; choose another --out`, 1, input);
    }
    const say = (diagnostics: Diagnostic[]) => {
      if (diagnostics.length) speak.emit(index, () => opts.onDiagnostics?.(diagnostics));
    };
    // The cache key needs only the report's bytes; a report that cannot be read is left to planFile,
    // which says why.
    const bytes = await readFile(input).catch(() => undefined);
    const key = bytes && buildKey(VERSION, bytes, cacheOptions(found));
    if (key && !opts.force) {
      const fresh = await cache.fresh(report.outDir, target.stem, key);
      if (fresh) {
        say(fresh.diagnostics);
        return {
          input,
          files: fresh.outputs.map((o) => path.join(outDir, path.basename(o.file))),
          slides: fresh.slides,
          warnings: fresh.diagnostics.filter((d) => d.level === 'warning').length,
          diagnostics: fresh.diagnostics,
          milliseconds: Math.round(performance.now() - started),
          cached: true,
          dependencies: [path.resolve(input), ...Object.keys(fresh.deps)],
        };
      }
    }
    const usesBrowser = renderers.some((r) => r.usesBrowser);
    if (usesBrowser && (bytes?.length ?? 0) < FRUGAL_FROM_BYTES) {
      void browserReady();
      await session.launchRequested();
    }
    await cache.forget(report.outDir, target.stem);
    const planned = await planFile(input, { theme: opts.theme, defaultTheme: found.defaultTheme, charts: opts.charts, defaultCharts: found.defaultCharts, allow });
    // A template that does not compile stops this report before any of its files is written.
    Templates.for(planned.theme, templates).check();
    say(planned.diagnostics);
    await mkdir(outDir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      throw new BriefdeckError(`${outDir}: cannot create the output folder (${e.code})`, 1);
    });
    const diagnostics = [...planned.diagnostics];
    const { deck, theme, measurer } = planned;
    // What to watch is known now: the report itself need not stay in memory while the formats render.
    const deps = buildDependencies(planned.report, theme, { baseDir: path.dirname(path.resolve(input)), templates, remote: !!allow.remote });
    if (found.config) deps?.push(found.config);
    const frugal = deck.slides.length >= FRUGAL_FROM_SLIDES;
    // A frugal build starts the browser once the HTML and the PPTX are made.
    let offBrowserLeft = frugal ? renderers.filter((r) => !r.usesBrowser).length : 0;
    let offBrowserDone!: () => void;
    const offBrowser = new Promise<void>((resolve) => (offBrowserDone = resolve));
    if (offBrowserLeft === 0) offBrowserDone();
    // The HTML's and the PPTX's garbage goes before Chromium comes: at 2000 sections Node still held
    // 0.8 GiB of it when the browser started, the run's highest point.
    const browserStarted = usesBrowser
      ? offBrowser.then(() => {
          if (frugal) collectGarbage();
          return browserReady();
        })
      : undefined;
    // A huge deck's prints each leave megabytes of strings and PDF bytes: collected as they pile up.
    const frugalPrints = { run: <T>(task: () => Promise<T>) => prints.run(() => task().finally(() => collectGarbageOver(PRINT_GARBAGE))) };
    // The formats of one report render at once: HTML and PPTX are built while Chromium prints, and
    // prints share the browser a few at a time. Each file is written as soon as it is ready.
    let printsLeft = renderers.filter((r) => r.usesBrowser).length;
    if (!printsLeft) printed();
    const renderOne = async (renderer: Renderer) => {
      const donePrinting = renderer.usesBrowser
        ? once(() => {
            if (--printsLeft === 0) printed();
          })
        : undefined;
      if (renderer.usesBrowser) {
        await browserStarted;
        if (browserError) throw browserError;
      }
      // Each format of a huge deck starts from a collected heap, not on top of the last one's garbage.
      if (frugal) collectGarbage();
      const file = path.join(outDir, `${target.stem}${renderer.extension}`);
      const noticed: Diagnostic[] = [];
      const render = () =>
        renderer.render({
          deck,
          theme,
          measurer,
          baseDir: path.dirname(path.resolve(input)),
          file: input,
          version: VERSION,
          templates,
          paper,
          perPage,
          browser: () => session.browser(),
          prints: frugal ? frugalPrints : prints,
          donePrinting,
          warn: (d) => noticed.push(d),
          progress: opts.onProgress ? (done, total) => opts.onProgress!(file, done, total) : undefined,
        });
      let data: string | Buffer;
      try {
        data = await render();
      } finally {
        if (frugal && !renderer.usesBrowser && --offBrowserLeft === 0) offBrowserDone();
        donePrinting?.();
      }
      // A run that asked for PDFs writes nothing when no browser can print them, not just some
      // formats: the HTML and PPTX wait for the browser to have started.
      await browserStarted;
      if (browserError) throw browserError;
      say(noticed);
      await writeAtomic(file, data);
      return { file, noticed };
    };
    const pending: Array<Promise<{ file: string; noticed: Diagnostic[] }>> = new Array(renderers.length);
    if (frugal) {
      // The HTML and PPTX start at once; the PDFs take turns in FRUGAL_ORDER.
      const printing = new Limit(FRUGAL_PRINTING);
      const rank = (r: Renderer) => (FRUGAL_ORDER.includes(r.extension) ? FRUGAL_ORDER.indexOf(r.extension) : FRUGAL_ORDER.length);
      const order = renderers.map((r, i) => ({ r, i })).sort((a, b) => Number(!!a.r.usesBrowser) - Number(!!b.r.usesBrowser) || rank(a.r) - rank(b.r));
      for (const { r, i } of order) pending[i] = r.usesBrowser ? printing.run(() => renderOne(r)) : renderOne(r);
    } else renderers.forEach((r, i) => (pending[i] = renderOne(r)));
    const outcomes = await Promise.allSettled(pending);
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    const written = outcomes.map((o) => (o as PromiseFulfilledResult<{ file: string; noticed: Diagnostic[] }>).value);
    for (const d of written) diagnostics.push(...d.noticed);
    const files = written.map((d) => d.file);
    const slides = presentedDeck(deck).slides.length;
    if (key && deps) await cache.save(report.outDir, target.stem, { key, deps, outputs: files, slides, diagnostics });
    return {
      input,
      files,
      slides,
      warnings: diagnostics.filter((d) => d.level === 'warning').length,
      diagnostics,
      milliseconds: Math.round(performance.now() - started),
      cached: false,
      dependencies: [path.resolve(input), ...(deps ?? [])],
    };
  }

  /** Everything besides the report and the files it reads that changes what a build writes. */
  function cacheOptions(s: Settings): unknown {
    const theme = opts.theme && /[\\/]|\.(ya?ml|json)$/i.test(opts.theme) ? path.resolve(opts.theme) : opts.theme;
    return { formats: s.formats, theme, defaultTheme: s.defaultTheme, charts: opts.charts, defaultCharts: s.defaultCharts, templates: s.templates && path.resolve(s.templates), allow: s.allow, paper: s.paper, perPage: s.perPage };
  }

  /**
   * One report's options: what was given here, else its project config's, else the defaults. A
   * config that cannot be used is that report's error, like a report that cannot be read.
   */
  async function settingsFor(report: ReportInput): Promise<Settings | { error: BriefdeckError }> {
    let config: ProjectConfig | undefined;
    try {
      config = named ?? (opts.config === false || report.error ? undefined : findConfig(report.file));
    } catch (e) {
      if (e instanceof BriefdeckError) return { error: e };
      throw e;
    }
    let formats = given.formats;
    if (!formats) {
      try {
        formats = resolveFormats(config?.formats);
      } catch (e) {
        return { error: new BriefdeckError(`${path.relative(process.cwd(), config!.file)}: formats: ${(e as Error).message}`, 1) };
      }
    }
    const paper = opts.paper ? given.paper : (config?.paper ?? given.paper);
    const perPage = (opts.perPage ? given.perPage : (config?.perPage ?? given.perPage)) as PerPage;
    const out = opts.out ?? config?.out ?? 'output';
    return {
      config: config?.file,
      formats,
      renderers: await Promise.all(formats.map(rendererOf)),
      out,
      cache: new BuildCache(out),
      paper,
      perPage,
      templates: opts.templates ?? config?.templates,
      defaultTheme: config?.theme,
      defaultCharts: config?.charts,
      allow: withConfigAllowances(opts.allow, config),
    };
  }
}

interface Settings {
  /** The config file the report's defaults came from. */
  config?: string;
  formats: string[];
  renderers: Renderer[];
  out: string;
  cache: BuildCache;
  paper: Paper;
  perPage: PerPage;
  templates?: string;
  defaultTheme?: string;
  defaultCharts?: ChartsMode;
  allow: InputAllowances;
}

/**
 * Each report's output name, and the report it would clash with: two reports of the same name in one
 * output folder would overwrite each other, so the later one is refused.
 */
function outputTargets(reports: ReportInput[], outs: string[]): Array<{ stem: string; clash?: string }> {
  const taken = new Map<string, string>();
  return reports.map((r, i) => {
    const stem = path.basename(r.file).replace(/\.[^.]+$/, '');
    if (r.error) return { stem };
    const key = path.resolve(outs[i], r.outDir, stem);
    const clash = taken.get(key);
    if (clash) return { stem, clash };
    taken.set(key, r.file);
    return { stem };
  });
}

/** `fn`, to be called at most once however often the result is. */
function once(fn: () => void): () => void {
  let called = false;
  return () => {
    if (called) return;
    called = true;
    fn();
  };
}
