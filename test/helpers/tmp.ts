import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * A fresh temporary folder, removed when the test file finishes. Call at module level or inside
 * tests of the file that imports it.
 */
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'briefdeck-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * What `ls` shows of a folder: its files without the hidden ones. The output folder also holds
 * `.briefdeck/`, the records that let an unchanged report skip its rebuild.
 */
export function visibleFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => !name.startsWith('.'));
}
