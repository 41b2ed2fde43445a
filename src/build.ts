/** `build`: plan each report once and write every requested format next to the others. */
import { mkdir, rename, writeFile, rm } from 'node:fs/promises';
import { readFileSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BriefdeckError, type Diagnostic } from './types/diagnostics.js';
import { planFile } from './pipeline.js';
import type { InputAllowances } from './structure/structure.js';
import { PAPERS, PER_PAGE, RENDERERS, type Paper, type PerPage } from './render/registry.js';
import { BrowserSession } from './browser/session.js';
import { PACKAGE_ROOT } from './theme/load.js';
import { Templates } from './render/templates.js';

export interface BuildOptions {
  /** Output formats; default `['html']`. */
  formats?: string[];
  /** Output folder; default `output`. */
  out?: string;
  /** Theme name (front matter `theme:` applies when absent). */
  theme?: string;
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
  /** Progress of a long print: the output file, and the steps of its print done out of their total. */
  onProgress?: (file: string, done: number, total: number) => void;
  /** Called with each report's diagnostics as soon as it is planned (and with a renderer's later). */
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
 * Documents printed by the browser at the same time. Two keep both cores of a small machine busy
 * (Chromium lays out in one process while it rasterises in another) without holding four large
 * documents in memory at once.
 */
const PRINTS_AT_ONCE = 2;

/** At most `max` tasks at a time; the others wait their turn in order. */
class Limit {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.max) this.active++;
    // A finishing task hands its slot straight to the next in line, so none can jump the queue.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

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

export async function build(inputs: string[], opts: BuildOptions = {}): Promise<BuildResult[]> {
  const formats = resolveFormats(opts.formats);
  const { paper, perPage } = checkPrintOptions(opts);
  const out = opts.out ?? 'output';
  const renderers = await Promise.all(formats.map((f) => RENDERERS[f]()));
  const results: BuildResult[] = [];
  const stems = new Map<string, string>();
  const session = new BrowserSession(opts.chrome);
  const prints = new Limit(PRINTS_AT_ONCE);
  const interrupt = onInterrupt(session);
  // The browser starts while the first report is planned. Failing to start it is the same for every
  // report, so it ends the run with one line instead of one error per report.
  let browserError: unknown;
  const browserReady = renderers.some((r) => r.usesBrowser)
    ? session.browser().then(
        () => undefined,
        (e: unknown) => {
          browserError = e;
        },
      )
    : undefined;
  try {
    for (const input of inputs) {
      try {
        results.push(await buildOne(input));
      } catch (e) {
        if (browserError) throw browserError;
        // One broken report must not cost a pipeline the other decks; usage errors still stop the run.
        if (!(e instanceof BriefdeckError) || e.exitCode !== 1 || inputs.length === 1) throw e;
        opts.onError?.(e);
        results.push({ input, files: [], slides: 0, warnings: 0, diagnostics: [], error: e.message });
      }
    }
  } catch (e) {
    // A print failing because Ctrl-C ended the browser is not an error to report: the interrupt
    // handler is cleaning up and exits with the signal's code.
    if (interrupt.interrupted()) await new Promise<never>(() => undefined);
    throw e;
  } finally {
    await session.close();
    interrupt.release();
  }
  return results;

  async function buildOne(input: string): Promise<BuildResult> {
    const stem = path.basename(input).replace(/\.[^.]+$/, '');
    const clash = stems.get(stem);
    if (clash) throw new BriefdeckError(`${input}: would overwrite the output of ${clash} (same file name)`, 1, input);
    // A report is never overwritten by an output: not its own (report.html built to HTML next to
    // itself), nor another report's of the same run.
    for (const renderer of renderers) {
      const target = path.join(out, `${stem}${renderer.extension}`);
      const report = inputs.find((i) => sameFile(i, target));
      if (report) throw new BriefdeckError(`${input}: its ${renderer.extension} output would overwrite the report ${report}; choose another --out`, 1, input);
    }
    const planned = await planFile(input, { theme: opts.theme, allow: opts.allow });
    // A template that does not compile stops this report before any of its files is written.
    Templates.for(planned.theme, opts.templates).check();
    opts.onDiagnostics?.(planned.diagnostics);
    stems.set(stem, input);
    await mkdir(out, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      throw new BriefdeckError(`${out}: cannot create the output folder (${e.code})`, 1);
    });
    const diagnostics = [...planned.diagnostics];
    // The formats of one report render at once: HTML and PPTX are built while Chromium prints, and
    // prints share the browser a few at a time. Each file is written as soon as it is ready.
    const outcomes = await Promise.allSettled(
      renderers.map(async (renderer) => {
        if (renderer.usesBrowser) {
          await browserReady;
          if (browserError) throw browserError;
        }
        const file = path.join(out, `${stem}${renderer.extension}`);
        const noticed: Diagnostic[] = [];
        const render = () =>
          renderer.render({
            deck: planned.deck,
            theme: planned.theme,
            measurer: planned.measurer,
            baseDir: path.dirname(path.resolve(input)),
            file: input,
            version: VERSION,
            templates: opts.templates,
            paper,
            perPage,
            browser: () => session.browser(),
            warn: (d) => noticed.push(d),
            progress: opts.onProgress ? (done, total) => opts.onProgress!(file, done, total) : undefined,
          });
        const data = renderer.usesBrowser ? await prints.run(render) : await render();
        // A run that asked for PDFs writes nothing when no browser can print them, not just some
        // formats: the HTML and PPTX wait for the browser to have started.
        await browserReady;
        if (browserError) throw browserError;
        if (noticed.length) opts.onDiagnostics?.(noticed);
        await writeAtomic(file, data);
        return { file, noticed };
      }),
    );
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    const done = outcomes.map((o) => (o as PromiseFulfilledResult<{ file: string; noticed: Diagnostic[] }>).value);
    for (const d of done) diagnostics.push(...d.noticed);
    const files = done.map((d) => d.file);
    return {
      input,
      files,
      slides: planned.deck.slides.length,
      warnings: diagnostics.filter((d) => d.level === 'warning').length,
      diagnostics,
    };
  }
}
