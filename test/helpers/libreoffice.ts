/**
 * Real LibreOffice and poppler for the PPTX rendering test: decks converted to PDF in one soffice
 * run (its start-up is the slow part) with a private profile, then read back word by word with
 * pdftotext's bounding boxes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

function found(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

/**
 * Whether soffice and pdftotext are here. In CI their absence is a failure (the test must run
 * there); elsewhere the caller skips with the returned reason.
 */
export function libreOfficeMissing(): string | undefined {
  const missing = ['soffice', 'pdftotext'].filter((c) => !found(c));
  if (!missing.length) return undefined;
  const reason = `${missing.join(' and ')} not installed (Debian: libreoffice-impress, poppler-utils)`;
  if (process.env.CI) throw new Error(`CI needs ${reason}`);
  return reason;
}

/** Converts every file to PDF in `outDir` with one LibreOffice process. */
export function convertToPdf(files: string[], outDir: string): void {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-lo-profile-'));
  try {
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files],
      { encoding: 'utf8', timeout: 180_000 },
    );
    if (r.status !== 0) throw new Error(`soffice failed (${r.status ?? r.signal}): ${r.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Page {
  width: number;
  height: number;
  words: Word[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e] ?? m));

/** Every page of a PDF with its words and their boxes (PDF points, origin top left). */
export function pdfWords(pdf: string): Page[] {
  const r = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  const pages: Page[] = [];
  for (const m of r.stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...m[3].matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([\s\S]*?)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: decode(w[5]),
    }));
    pages.push({ width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}
