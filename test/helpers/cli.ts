import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './fixtures.js';

export const CLI = path.join(ROOT, 'dist', 'bin', 'main.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would (npm test builds dist/ first). */
export function briefdeck(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', BRIEFDECK_DEBUG: '', ...opts.env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
