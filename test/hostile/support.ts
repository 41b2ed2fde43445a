/** Shared by the hostile-input tests: where their fixtures live, and what a crash looks like on stderr. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../helpers/fixtures.js';

export const HOSTILE = path.join(FIXTURES, 'hostile');

/** A hostile fixture report by file name. */
export const hostile = (name: string) => path.join(HOSTILE, name);

/**
 * Lines of stderr that belong to a stack trace or an uncaught error: "    at fn (file:1:2)",
 * "TypeError: …", "Error: …". A user only ever sees one-line messages.
 */
export function crashLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /^\s+at \S/.test(l) || /^\s*(\w*Error|Uncaught\b|node:internal)/.test(l) || /^\s*Error:/.test(l));
}

/** Every file under `dir` (relative path → sha256 of its bytes); folders are listed with a trailing slash. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      const rel = path.relative(dir, full);
      if (e.isDirectory()) {
        out[`${rel}/`] = 'folder';
        walk(full);
      } else out[rel] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  if (existsSync(dir) && statSync(dir).isDirectory()) walk(dir);
  return out;
}

/** Files in a folder left over from an interrupted or failed write. */
export function partialFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.tmp$|\.part$|~$/.test(f)) : [];
}

/** C0 control characters other than tab, LF and CR, and U+FFFE and U+FFFF: what XML 1.0 cannot hold. */
export const XML_ILLEGAL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
