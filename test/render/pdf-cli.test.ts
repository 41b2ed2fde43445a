/**
 * Printing from the command line, as a user runs it: no Chromium outlives a build, Ctrl-C during a
 * long print exits 130 and leaves no browser and no partial file, and a missing browser is one line
 * that says how to get one.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { EXAMPLE, ROOT } from '../helpers/fixtures.js';
import { hasBrowser } from '../helpers/browser.js';
import { hasPoppler, pdfInfo } from '../helpers/pdf.js';
import { tempDir } from '../helpers/tmp.js';

/** The browser profiles of Chromium processes running now, and the command lines holding them. */
function runningProfiles(): Map<string, string> {
  const r = spawnSync('ps', ['-eo', 'args='], { encoding: 'utf8' });
  const profiles = new Map<string, string>();
  for (const line of r.stdout.split('\n')) {
    const m = /--user-data-dir=(\S+)/.exec(line);
    if (m) profiles.set(m[1], line);
  }
  return profiles;
}

/**
 * Runs the CLI and notes the profile folder of every browser it starts (the Chromium processes whose
 * parent is this CLI), so a check afterwards looks at this run's browser only, not at other test
 * files' browsers running at the same time.
 */
function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const profiles = new Set<string>();
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const poll = setInterval(() => {
    const r = spawnSync('ps', ['-o', 'args=', '--ppid', String(child.pid)], { encoding: 'utf8' });
    for (const m of r.stdout.matchAll(/--user-data-dir=(\S+)/g)) profiles.add(m[1]);
  }, 25);
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      resolve(code ?? (signal ? -1 : null));
    }),
  );
  return { child, profiles, exited, stderr: () => stderr };
}

/** This run's browsers still running. */
const leftover = (profiles: Set<string>) => [...runningProfiles().keys()].filter((p) => profiles.has(p));

/** The example's sections repeated into a report long enough to interrupt mid-print. */
function longReport(dir: string, times: number): string {
  const src = readFileSync(EXAMPLE, 'utf8');
  const parts = src.split(/\n(?=## )/);
  const sections = parts.slice(1, 7);
  let text = parts[0];
  for (let i = 0; i < times; i++) text += `\n${sections[i % sections.length].replace(/^## \d+\. /, `## ${i + 1}. `)}`;
  cpSync(path.join(path.dirname(EXAMPLE), 'images'), path.join(dir, 'images'), { recursive: true });
  const file = path.join(dir, 'long.md');
  writeFileSync(file, text);
  return file;
}

/** Sends SIGINT `ms` after the run's browser process appears; fails if the build ends first. */
async function interruptAfterBrowser(run: ReturnType<typeof runCli>, ms: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const wait = setInterval(() => {
      if (run.profiles.size) {
        clearInterval(wait);
        setTimeout(resolve, ms);
      }
    }, 10);
    void run.exited.then(() => {
      clearInterval(wait);
      reject(new Error('the build finished before it could be interrupted'));
    });
  });
  run.child.kill('SIGINT');
}

describe.skipIf(!hasBrowser || !hasPoppler)('printing from the CLI', () => {
  it('leaves no Chromium process behind after a build', async () => {
    const out = tempDir('briefdeck-cli-pdf-');
    const run = runCli(['build', EXAMPLE, '-f', 'pdf,handout', '-o', out]);
    expect(await run.exited, run.stderr()).toBe(0);
    expect(pdfInfo(path.join(out, 'quarterly-review.pdf')).pages).toBeGreaterThan(1);
    expect(run.profiles.size).toBe(1);
    expect(leftover(run.profiles)).toEqual([]);
    expect([...run.profiles].filter((p) => existsSync(p)), 'browser profile folders left behind').toEqual([]);
  });

  it('on Ctrl-C while printing exits 130 with no browser and no partial file left', async () => {
    const dir = tempDir('briefdeck-cli-int-');
    const out = path.join(dir, 'out');
    // Long enough that planning (which the browser's start overlaps) ends well before printing does.
    const report = longReport(dir, 300);
    const run = runCli(['build', report, '-f', 'pdf', '-o', out]);
    // Interrupt once the browser is printing: it has started, planning is done, the print under way.
    await interruptAfterBrowser(run, 2500);
    expect(await run.exited).toBe(130);
    expect(leftover(run.profiles)).toEqual([]);
    expect([...run.profiles].filter((p) => existsSync(p)), 'browser profile folders left behind').toEqual([]);
    const files = (() => {
      try {
        return readdirSync(out);
      } catch {
        return [];
      }
    })();
    expect(files.filter((f) => f.endsWith('.tmp') || f.endsWith('.pdf'))).toEqual([]);
  });

  it('on Ctrl-C while the browser is still starting exits 130 with no browser and no profile left', async () => {
    const dir = tempDir('briefdeck-cli-int0-');
    const report = longReport(dir, 60);
    const run = runCli(['build', report, '-f', 'pdf', '-o', path.join(dir, 'out')]);
    // The moment the browser process appears: it is starting, its profile half written.
    await interruptAfterBrowser(run, 0);
    expect(await run.exited).toBe(130);
    expect(run.stderr()).toBe('');
    expect(leftover(run.profiles)).toEqual([]);
    expect([...run.profiles].filter((p) => existsSync(p)), 'browser profile folders left behind').toEqual([]);
  });

  it.each([
    ['--chrome /nonexistent', ['--chrome', '/nonexistent'], {}],
    ['CHROME_PATH=/nonexistent', [], { CHROME_PATH: '/nonexistent' }],
  ])('without a browser (%s) exits 1 with one line saying how to get one', (_name, args, env) => {
    const out = tempDir('briefdeck-cli-nochrome-');
    const r = spawnSync(process.execPath, [CLI, 'build', EXAMPLE, '-f', 'pdf', '-o', out, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/chrom/i);
    expect(lines[0]).toMatch(/--chrome|CHROME_PATH|apt-get install chromium/);
    expect(readdirSync(out)).toEqual([]);
  });
});
