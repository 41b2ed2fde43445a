/**
 * What a build may touch: only files in --out, each replaced only by a complete new one. A failed
 * build leaves the decks already there as they were and no partial file; the report, its folder and
 * the working folder are never written; no output ever lands on an input.
 */
import { cpSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefdeck } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { hasBrowser } from '../helpers/browser.js';
import { tempDir, visibleFiles } from '../helpers/tmp.js';
import { crashLines, partialFiles, snapshot } from './support.js';

const BRIEF = '# Weekly Depot Brief\n\n## 1. Depots\n\n- Leeds reopened on Monday after the roof repair.\n- York closed two bays for resurfacing.\n\n## 2. Next week\n\n- Recount the Bristol returns cage.\n';

/** A report in its own folder, and an output folder already holding last week's decks. */
function lastWeek(formats: string[]): { dir: string; file: string; out: string; before: Record<string, string> } {
  const dir = tempDir('briefdeck-safety-');
  const file = path.join(dir, 'brief.md');
  writeFileSync(file, BRIEF);
  const out = path.join(dir, 'decks');
  mkdirSync(out);
  for (const ext of formats) writeFileSync(path.join(out, `brief${ext}`), `last week's ${ext} deck`);
  writeFileSync(path.join(out, 'notes-to-self.txt'), 'not ours');
  return { dir, file, out, before: snapshot(out) };
}

describe('a build that fails', () => {
  it('on a template that does not compile leaves every deck already in --out as it was, and no partial file', () => {
    const { dir, file, out, before } = lastWeek(['.html', '.pptx', '.pdf']);
    const templates = path.join(dir, 'my-templates');
    mkdirSync(templates);
    writeFileSync(path.join(templates, 'bullets.hbs'), '<section>{{#each blocks}}<p>{{this}}</p>\n');
    const r = briefdeck(['build', file, '-f', 'html,pptx,pdf', '-o', out, '--templates', templates]);
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(out)).toEqual(before);
    expect(partialFiles(out)).toEqual([]);
  });

  it('for want of a browser leaves the PDF already in --out as it was, and no partial file', () => {
    const { file, out } = lastWeek(['.pdf']);
    const before = readFileSync(path.join(out, 'brief.pdf'));
    const r = briefdeck(['build', file, '-f', 'pdf,handout', '-o', out, '--chrome', path.join(out, 'no-such-browser')]);
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.status).toBe(1);
    expect(readFileSync(path.join(out, 'brief.pdf'))).toEqual(before);
    expect(readdirSync(out).sort()).toEqual(['brief.pdf', 'notes-to-self.txt']);
  });

  it('for want of a browser leaves the HTML and PPTX already in --out as they were too, though they need none', () => {
    const { file, out, before } = lastWeek(['.html', '.pptx', '.pdf']);
    const r = briefdeck(['build', file, '-f', 'html,pptx,pdf', '-o', out, '--chrome', path.join(out, 'no-such-browser')]);
    expect(r.status).toBe(1);
    expect(snapshot(out)).toEqual(before);
  });

  it('when a deck cannot be written (a folder in its place) says so in one line, and leaves no partial file', () => {
    const { out } = lastWeek([]);
    const file = path.join(path.dirname(out), 'brief.md');
    mkdirSync(path.join(out, 'brief.html'));
    const r = briefdeck(['build', file, '-f', 'html', '-o', out]);
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${path.join(out, 'brief.html')}: cannot write (EISDIR)\n`);
    expect(readdirSync(path.join(out, 'brief.html'))).toEqual([]);
    expect(partialFiles(out)).toEqual([]);
  });
});

describe('a build that succeeds', () => {
  it('writes nothing outside --out: the report folder and the working folder are as they were', () => {
    const reportDir = tempDir('briefdeck-safety-report-');
    const cwd = tempDir('briefdeck-safety-cwd-');
    const file = path.join(reportDir, 'returns.md');
    cpSync(path.join(FIXTURES, 'images'), path.join(reportDir, 'images'), { recursive: true });
    writeFileSync(file, `---\ntitle: Returns Review\ntheme: ./brand.yaml\n---\n\n## 1. Volumes\n\n- Returns fell 4% in the quarter.\n\n![Returns by month](images/returns-2025.png)\n\n## 2. Channels\n\n| Channel | Share |\n|---|--:|\n| Web | 61% |\n| Store | 39% |\n`);
    writeFileSync(path.join(reportDir, 'brand.yaml'), 'name: brand\ncolors:\n  accent: "#0F766E"\n');
    writeFileSync(path.join(cwd, 'todo.txt'), 'unrelated work in progress');
    const reportBefore = snapshot(reportDir);
    const cwdBefore = snapshot(cwd);
    const formats = hasBrowser ? 'all' : 'html,pptx';
    const r = briefdeck(['build', file, '-f', formats, '-o', 'decks', '--json'], { cwd });
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.status, r.stderr).toBe(0);
    expect(snapshot(reportDir)).toEqual(reportBefore);
    const { 'decks/': folder, ...rest } = Object.fromEntries(Object.entries(snapshot(cwd)).filter(([k]) => !k.startsWith('decks/') || k === 'decks/'));
    expect(folder).toBe('folder');
    expect(rest).toEqual(cwdBefore);
    const written = JSON.parse(r.stdout).reports[0].files.map((f: string) => path.basename(f)).sort();
    expect(visibleFiles(path.join(cwd, 'decks')).sort()).toEqual(written);
  }, 120_000);

  it('replaces a symbolic link in --out, never the file it points to', () => {
    const { dir, file, out } = lastWeek([]);
    const precious = path.join(dir, 'precious.html');
    writeFileSync(precious, 'a page someone wrote by hand');
    symlinkSync(precious, path.join(out, 'brief.html'));
    const r = briefdeck(['build', file, '-f', 'html', '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(precious, 'utf8')).toBe('a page someone wrote by hand');
    expect(lstatSync(path.join(out, 'brief.html')).isSymbolicLink()).toBe(false);
  });
});

describe('an input', () => {
  it('is never overwritten by its own output: brief.html built to HTML next to itself is exit 1, one line', () => {
    const dir = tempDir('briefdeck-safety-self-');
    writeFileSync(path.join(dir, 'brief.html'), BRIEF);
    const r = briefdeck(['build', 'brief.html', '-f', 'html', '-o', '.'], { cwd: dir });
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('brief.html: its .html output would overwrite the report brief.html; choose another --out\n');
    expect(readFileSync(path.join(dir, 'brief.html'), 'utf8')).toBe(BRIEF);
    expect(readdirSync(dir)).toEqual(['brief.html']);
  });

  it('is never overwritten through a symbolic link to its folder given as --out', () => {
    const dir = tempDir('briefdeck-safety-link-');
    mkdirSync(path.join(dir, 'reports'));
    writeFileSync(path.join(dir, 'reports', 'brief.html'), BRIEF);
    symlinkSync(path.join(dir, 'reports'), path.join(dir, 'decks'));
    const r = briefdeck(['build', 'reports/brief.html', '-f', 'html', '-o', 'decks'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(readFileSync(path.join(dir, 'reports', 'brief.html'), 'utf8')).toBe(BRIEF);
  });

  it('is never overwritten through a hard link at the output path: the deck replaces the link, not the report', () => {
    const dir = tempDir('briefdeck-safety-hardlink-');
    writeFileSync(path.join(dir, 'brief.html'), BRIEF);
    mkdirSync(path.join(dir, 'decks'));
    linkSync(path.join(dir, 'brief.html'), path.join(dir, 'decks', 'brief.html'));
    const r = briefdeck(['build', 'brief.html', '-f', 'html', '-o', 'decks'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'brief.html'), 'utf8')).toBe(BRIEF);
    expect(readFileSync(path.join(dir, 'decks', 'brief.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it("is never overwritten by another input's output: notes.md → notes.pptx next to a report named notes.pptx", () => {
    const dir = tempDir('briefdeck-safety-other-');
    writeFileSync(path.join(dir, 'notes.md'), BRIEF);
    const other = '# Board Notes\n\n- Saved with the wrong extension by an export script.\n';
    writeFileSync(path.join(dir, 'notes.pptx'), other);
    writeFileSync(path.join(dir, 'agenda.md'), '# Agenda\n\n## Items\n\n- Budget.\n');
    const r = briefdeck(['build', 'notes.md', 'notes.pptx', 'agenda.md', '-f', 'pptx', '-o', '.', '--json'], { cwd: dir });
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.status).toBe(1);
    expect(readFileSync(path.join(dir, 'notes.pptx'), 'utf8')).toBe(other);
    expect(r.stderr).toContain('notes.md: its .pptx output would overwrite the report notes.pptx; choose another --out\n');
    // The report that endangers nothing is still built.
    expect(existsSync(path.join(dir, 'agenda.pptx'))).toBe(true);
  });

  it('of the same name in another folder does not overwrite the first deck of the run', () => {
    const dir = tempDir('briefdeck-safety-stems-');
    for (const team of ['north', 'south']) {
      mkdirSync(path.join(dir, team));
      writeFileSync(path.join(dir, team, 'brief.md'), `# ${team === 'north' ? 'Northern' : 'Southern'} Depots\n\n## Status\n\n- All open.\n`);
    }
    const r = briefdeck(['build', 'north/brief.md', 'south/brief.md', '-o', 'decks'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('south/brief.md: would overwrite the output of north/brief.md (same file name)\n');
    expect(readFileSync(path.join(dir, 'decks', 'brief.html'), 'utf8')).toContain('Northern Depots');
  });
});
