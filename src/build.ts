/** `build`: plan each report once and write every requested format next to the others. */
import { mkdir, rename, writeFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BriefdeckError, type Diagnostic } from './types/diagnostics.js';
import { planFile } from './pipeline.js';
import { PLANNED_FORMATS, RENDERERS } from './render/registry.js';
import { PACKAGE_ROOT } from './theme/load.js';

export interface BuildOptions {
  /** Output formats; default `['html']`. */
  formats?: string[];
  /** Output folder; default `output`. */
  out?: string;
  /** Theme name (front matter `theme:` applies when absent). */
  theme?: string;
  /** Called with each report's diagnostics as soon as it is planned. */
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
      if (PLANNED_FORMATS.includes(e)) throw new BriefdeckError(`format "${e}" is not available yet (available: ${Object.keys(RENDERERS).join(', ')})`, 2);
      if (!RENDERERS[e]) throw new BriefdeckError(`unknown format "${e}" (available: ${Object.keys(RENDERERS).join(', ')}, all)`, 2);
      if (!out.includes(e)) out.push(e);
    }
  }
  return out.length ? out : ['html'];
}

/** Writes through a temporary file and a rename, so a failed build never leaves half a deck. */
async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new BriefdeckError(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 1, file);
  }
}

export async function build(inputs: string[], opts: BuildOptions = {}): Promise<BuildResult[]> {
  const formats = resolveFormats(opts.formats);
  const out = opts.out ?? 'output';
  const renderers = await Promise.all(formats.map(async (f) => ({ format: f, renderer: await RENDERERS[f]() })));
  const results: BuildResult[] = [];
  const stems = new Map<string, string>();
  for (const input of inputs) {
    try {
      results.push(await buildOne(input));
    } catch (e) {
      // One broken report must not cost a pipeline the other decks; usage errors still stop the run.
      if (!(e instanceof BriefdeckError) || e.exitCode !== 1 || inputs.length === 1) throw e;
      opts.onError?.(e);
      results.push({ input, files: [], slides: 0, warnings: 0, diagnostics: [], error: e.message });
    }
  }
  return results;

  async function buildOne(input: string): Promise<BuildResult> {
    const planned = await planFile(input, { theme: opts.theme });
    opts.onDiagnostics?.(planned.diagnostics);
    const stem = path.basename(input).replace(/\.[^.]+$/, '');
    const clash = stems.get(stem);
    if (clash) throw new BriefdeckError(`${input}: would overwrite the output of ${clash} (same file name)`, 1, input);
    stems.set(stem, input);
    await mkdir(out, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      throw new BriefdeckError(`${out}: cannot create the output folder (${e.code})`, 1);
    });
    const files: string[] = [];
    for (const { renderer } of renderers) {
      const data = await renderer.render({
        deck: planned.deck,
        theme: planned.theme,
        measurer: planned.measurer,
        baseDir: path.dirname(path.resolve(input)),
        version: VERSION,
      });
      const file = path.join(out, `${stem}${renderer.extension}`);
      await writeAtomic(file, data);
      files.push(file);
    }
    return {
      input,
      files,
      slides: planned.deck.slides.length,
      warnings: planned.diagnostics.filter((d) => d.level === 'warning').length,
      diagnostics: planned.diagnostics,
    };
  }
}
