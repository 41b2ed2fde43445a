/**
 * Pictures that exist only for this run — fetched, decoded from a `data:` URL, or downscaled — kept in
 * one temporary folder so the renderers read them like any other file. The folder is made when the
 * first picture needs it and removed when the process exits.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let folder: string | undefined;

function runFolder(): string {
  if (folder && existsSync(folder)) return folder;
  const made = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-images-'));
  folder = made;
  process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  return made;
}

/**
 * Removes the run's pictures now, for a long-lived process (or a test) that is done with its decks:
 * assets planned before this point no longer have their files.
 */
export function discardImageFiles(): void {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
}

/** Writes `bytes` once (named by their hash) and returns the file's absolute path. */
export function storeImageBytes(bytes: Buffer, ext: string): string {
  const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 40)}.${ext}`;
  const file = path.join(runFolder(), name);
  if (!existsSync(file)) writeFileSync(file, bytes);
  return file;
}
