/**
 * `build --watch` while an author edits: each save rebuilds the decks that changed, with the one
 * browser the run started; a save that breaks the report is a line, not the end; Ctrl-C ends it with
 * no browser left behind.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { hasBrowser } from '../helpers/browser.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('briefdeck-watch-');
const tmp = path.join(dir, 'tmp');
const report = path.join(dir, 'weekly.md');
const version = (depot: string) => `# Weekly Operations\n\n## 1. Depots\n\nDepot ${depot} reopened after the storm, and the night shift cleared the backlog by Friday.\n`;
const html = path.join(dir, 'out', 'weekly.html');

/** Waits (within the test's time limit) until `check` holds. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 100));
}
/** The run's Chromium processes: its profile lives in the run's own temporary folder. */
const browsers = () => spawnSync('pgrep', ['-f', tmp], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);

describe.skipIf(!hasBrowser)('briefdeck build --watch', () => {
  let child: ChildProcess;
  let stderr = '';
  let stdout = '';
  /** Builds of the slides PDF finished so far: each prints its line. */
  const printed = () => stdout.split('weekly.pdf  (').length - 1;
  beforeAll(async () => {
    mkdirSync(tmp);
    writeFileSync(report, version('Leeds'));
    child = spawn(process.execPath, [CLI, 'build', report, '-f', 'html,pdf', '-o', path.join(dir, 'out'), '--watch'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TMPDIR: tmp },
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    await until(() => stderr.includes('watching for changes'));
  }, 60_000);
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('builds at once, then rebuilds on each save with the browser it started', async () => {
    expect(readFileSync(html, 'utf8')).toContain('Depot Leeds');
    expect(existsSync(path.join(dir, 'out', 'weekly.pdf'))).toBe(true);
    const before = browsers();
    expect(before.length).toBeGreaterThan(0);
    writeFileSync(report, version('York'));
    await until(() => readFileSync(html, 'utf8').includes('Depot York'));
    await until(() => printed() === 2);
    // The same browser process printed the new PDF.
    expect(browsers()).toEqual(expect.arrayContaining([before[0]]));
  }, 60_000);

  it('says what broke when a save breaks the report, and carries on watching', async () => {
    writeFileSync(report, `---\ntitle: [Weekly\n---\n${version('Hull')}`);
    await until(() => /weekly\.md:2:\d+: invalid front matter/.test(stderr));
    expect(readFileSync(html, 'utf8')).toContain('Depot York');
    writeFileSync(report, version('Hull'));
    await until(() => readFileSync(html, 'utf8').includes('Depot Hull') && printed() === 3);
  }, 60_000);

  it('stops on Ctrl-C: exit 0, no browser left', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(browsers()).toEqual([]);
  }, 30_000);
});
