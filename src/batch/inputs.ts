/**
 * What `build` is given → the report files it builds. Shells expand globs, but a quoted glob, a
 * Windows shell or a CI job's argument list does not, so globs are expanded here too; a folder stands
 * for the Markdown reports below it.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { BriefdeckError } from '../types/diagnostics.js';

export interface ReportInput {
  /** The report, as the user would name it (relative paths stay relative). */
  file: string;
  /**
   * Folder under `--out` for its outputs: the report's folder below the folder or the fixed part of
   * the glob it was found by, so `reports/2025/q1.md` and `reports/2026/q1.md` do not overwrite each
   * other. Empty for a report named on its own.
   */
  outDir: string;
  /** Why it cannot be built (a pattern that matched nothing); it is reported like a broken report. */
  error?: string;
}

const REPORT_EXTENSIONS = ['md', 'markdown'];
/** Never reports: installed packages and hidden folders (.git, .cache…). */
const IGNORED = ['**/node_modules/**', '**/.*/**'];

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The folder part of a glob before its first wildcard: `reports/2025/*.md` → `reports/2025`. */
function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '.';
}

async function matching(pattern: string, cwd: string): Promise<string[]> {
  // Paths come back relative to cwd, as typed (absolute patterns come back absolute).
  const found = await glob(pattern, { cwd, ignore: IGNORED, onlyFiles: true, expandDirectories: false, absolute: path.isAbsolute(pattern) });
  return found.sort();
}

/**
 * Every report the arguments name, each once, in the order given (a glob's or a folder's matches
 * sorted by path). A missing file is kept: reading it reports "no such file" like any broken report.
 */
export async function expandInputs(args: string[], cwd = process.cwd()): Promise<ReportInput[]> {
  const out: ReportInput[] = [];
  const seen = new Set<string>();
  const add = (file: string, outDir: string) => {
    const key = path.resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ file, outDir });
  };
  for (const arg of args) {
    // Globs use forward slashes, on Windows too.
    const pattern = arg.split(path.sep).join('/');
    if (isFolder(path.resolve(cwd, arg))) {
      const base = pattern.replace(/\/+$/, '') || '/';
      const files = await matching(`${base === '/' ? '' : base}/**/*.{${REPORT_EXTENSIONS.join(',')}}`, cwd);
      if (!files.length) out.push({ file: arg, outDir: '', error: `${arg}: a folder with no Markdown reports (.md, .markdown) in it` });
      for (const f of files) add(f, path.relative(path.resolve(cwd, base), path.dirname(path.resolve(cwd, f))));
    } else if (isDynamicPattern(pattern) && !statExists(path.resolve(cwd, arg))) {
      const files = await matching(pattern, cwd);
      if (!files.length) out.push({ file: arg, outDir: '', error: `${arg}: matches no file` });
      const base = path.resolve(cwd, globBase(pattern));
      for (const f of files) add(f, path.relative(base, path.dirname(path.resolve(cwd, f))));
    } else {
      add(arg, '');
    }
  }
  return out;
}

/** A file called `report[1].md` is a file, not a pattern. */
function statExists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

export interface Shard {
  index: number;
  count: number;
}

/** `--shard 2/5` → { index: 2, count: 5 }; anything else is a usage error. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new BriefdeckError(`--shard must be i/n with 1 ≤ i ≤ n, such as 1/4 (got "${text}")`, 2);
  }
  return { index, count };
}

/**
 * Shard `i` of `n`: the i-th of n runs of consecutive inputs, in path order, so every machine of a CI
 * matrix picks the same split whatever order its shell listed the files in, and every report lands in
 * exactly one shard (sizes differ by at most one).
 */
export function selectShard<T extends { file: string }>(inputs: T[], shard: Shard): T[] {
  const key = (x: T) => path.resolve(x.file);
  const sorted = [...inputs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const from = Math.floor(((shard.index - 1) * sorted.length) / shard.count);
  const to = Math.floor((shard.index * sorted.length) / shard.count);
  const chosen = new Set(sorted.slice(from, to));
  return inputs.filter((x) => chosen.has(x));
}
