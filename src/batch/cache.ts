/**
 * Unchanged reports are not rebuilt. Each built report leaves a small record in `<out>/.briefdeck/`:
 * a content hash of the report and the options, the hash of every file the build read besides it
 * (theme files, fonts, logo, templates, images) and the size and time of each file it wrote. The next
 * run with the same record skips the report, unless an output was deleted or edited since, or
 * `--force` is given. Like make's dependency files, the list of what a report reads comes from its
 * last build, so nothing has to be parsed to know it is unchanged.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../types/diagnostics.js';

/** The folder of records inside the output folder; hidden, like `.cache` folders. */
export const CACHE_FOLDER = '.briefdeck';

export interface CachedBuild {
  /** Hash of the tool, the report's bytes and the options. */
  key: string;
  /** Absolute path of every other file the build read → the hash of its bytes ("" when it was missing). */
  deps: Record<string, string>;
  outputs: Array<{ file: string; size: number; mtimeMs: number }>;
  slides: number;
  diagnostics: Diagnostic[];
}

/**
 * The tool itself is part of every key: its version, and the build of the code that is running, so a
 * developer's rebuilt briefdeck (same version number) never serves decks made by the old code.
 */
const TOOL = (() => {
  const here = fileURLToPath(import.meta.url);
  try {
    const s = statSync(here);
    return `${here}:${s.size}:${s.mtimeMs}`;
  } catch {
    return here;
  }
})();

export function hashBytes(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function buildKey(version: string, report: Buffer, options: unknown): string {
  return hashBytes(JSON.stringify([version, TOOL, hashBytes(report), options]));
}

/** Hash of a file, or of every file below a folder with their names (a file added or removed changes it). */
export function hashPath(p: string): string {
  try {
    const s = statSync(p);
    if (!s.isDirectory()) return hashBytes(readFileSync(p));
    const entries = readdirSync(p, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    return hashBytes(entries.map((f) => `${path.relative(p, f)}\0${hashBytes(readFileSync(f))}`).join('\n'));
  } catch {
    return '';
  }
}

export class BuildCache {
  constructor(private readonly out: string) {}

  private recordFile(outDir: string, stem: string): string {
    return path.join(this.out, CACHE_FOLDER, outDir, `${stem}.json`);
  }

  /** The record of the last build, when it still holds: same key, same inputs, outputs untouched. */
  async fresh(outDir: string, stem: string, key: string): Promise<CachedBuild | undefined> {
    let record: CachedBuild;
    try {
      record = JSON.parse(await readFile(this.recordFile(outDir, stem), 'utf8')) as CachedBuild;
    } catch {
      return undefined;
    }
    if (record.key !== key || !Array.isArray(record.outputs) || !record.deps) return undefined;
    for (const o of record.outputs) {
      try {
        const s = statSync(o.file);
        if (!s.isFile() || s.size !== o.size || s.mtimeMs !== o.mtimeMs) return undefined;
      } catch {
        return undefined;
      }
    }
    for (const [dep, hash] of Object.entries(record.deps)) if (hashPath(dep) !== hash) return undefined;
    return record;
  }

  /** Records a finished build. A record that cannot be written only costs a rebuild next time. */
  async save(outDir: string, stem: string, build: Omit<CachedBuild, 'outputs' | 'deps'> & { outputs: string[]; deps: string[] }): Promise<void> {
    const file = this.recordFile(outDir, stem);
    const record: CachedBuild = {
      ...build,
      deps: Object.fromEntries([...new Set(build.deps)].sort().map((d) => [d, hashPath(d)])),
      outputs: build.outputs.map((f) => {
        const s = statSync(f);
        return { file: path.resolve(f), size: s.size, mtimeMs: s.mtimeMs };
      }),
    };
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(tmp, JSON.stringify(record));
      await rename(tmp, file);
    } catch {
      await rm(tmp, { force: true });
    }
  }

  /** Forgets a report whose build failed, so a stale record cannot outlive the outputs it describes. */
  async forget(outDir: string, stem: string): Promise<void> {
    await rm(this.recordFile(outDir, stem), { force: true });
  }
}
