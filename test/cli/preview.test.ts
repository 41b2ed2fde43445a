/**
 * `briefdeck preview` as an author uses it: the deck on a loopback port, the report edited in an
 * editor, the page told to reload with the new text; a report that stops building keeps the last good
 * deck with the error over it; Ctrl-C ends it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('briefdeck-preview-');
const report = path.join(dir, 'weekly.md');
const version = (n: number) =>
  `# Weekly Operations\n\n## 1. Depots\n\nDepot ${n === 1 ? 'Leeds' : 'York'} reopened after the storm, and the night shift cleared the backlog by Friday.\n`;

/** Lines the server's event channel sends, as they arrive. */
class Events {
  readonly seen: string[] = [];
  private wake?: () => void;
  private readonly controller = new AbortController();
  constructor(url: string) {
    void (async () => {
      const res = await fetch(url, { signal: this.controller.signal });
      const decoder = new TextDecoder();
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        this.seen.push(...decoder.decode(chunk, { stream: true }).split('\n').filter(Boolean));
        this.wake?.();
      }
    })().catch(() => undefined);
  }
  /** Waits until a line matching `pattern` has arrived after the first `from` lines. */
  async next(pattern: RegExp, from: number): Promise<string[]> {
    while (!this.seen.slice(from).some((l) => pattern.test(l))) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.seen.slice(from);
  }
  close(): void {
    this.controller.abort();
  }
}

describe('briefdeck preview', () => {
  let child: ChildProcess;
  let url: string;
  let stderr = '';
  beforeAll(async () => {
    writeFileSync(report, version(1));
    child = spawn(process.execPath, [CLI, 'preview', report], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /^(http:\/\/\S+)\n/m.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`preview exited ${code}: ${stderr}`)));
    });
  }, 60_000);
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves the deck on loopback, on a free port', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await (await fetch(url)).text();
    expect(page).toContain('Depot Leeds reopened');
    expect(page).toContain('EventSource');
  });

  it('tells the page to reload when the report is saved, and serves the new deck', async () => {
    const events = new Events(`${url}__briefdeck/events`);
    await events.next(/^: connected/, 0);
    const from = events.seen.length;
    writeFileSync(report, version(2));
    await events.next(/^event: reload$/, from);
    const page = await (await fetch(url)).text();
    expect(page).toContain('Depot York reopened');
    expect(page).not.toContain('Depot Leeds');
    events.close();
  }, 30_000);

  it('keeps the last good deck and sends the error when the report stops building', async () => {
    const events = new Events(`${url}__briefdeck/events`);
    await events.next(/^: connected/, 0);
    const from = events.seen.length;
    writeFileSync(report, `---\ntitle: [Weekly\n---\n${version(1)}`);
    const lines = await events.next(/^event: problem$/, from);
    expect(lines.join('\n')).toMatch(/data: .*weekly\.md:2:\d+: invalid front matter/);
    // The page opened now is the last good deck, with the problem across it from the start.
    const page = await (await fetch(url)).text();
    expect(page).toContain('Depot York reopened');
    expect(page).toMatch(/id="bd-preview-problem"[^>]*>[^<]*weekly\.md:2:\d+: invalid front matter/);
    expect(stderr).toMatch(/no longer builds/);
    // Mended: the deck comes back.
    const again = events.seen.length;
    writeFileSync(report, version(1));
    await events.next(/^event: reload$/, again);
    expect(await (await fetch(url)).text()).toContain('Depot Leeds reopened');
    events.close();
  }, 30_000);

  it.skipIf(!hasBrowser)('in a browser: the deck runs, reloads itself on a save, and shows a problem over the last good deck', async () => {
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
      const shows = (text: string) => page.waitForFunction((t: string) => document.body.innerText.includes(t) || document.documentElement.innerHTML.includes(t), {}, text);
      writeFileSync(report, version(2));
      await shows('Depot York reopened');
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
      writeFileSync(report, `---\ntitle: [Weekly\n---\n${version(1)}`);
      await page.waitForSelector('#bd-preview-problem');
      expect(await page.$eval('#bd-preview-problem', (e) => e.textContent)).toMatch(/weekly\.md:2:\d+: invalid front matter/);
      // The last good deck is still there under the problem.
      expect(await page.evaluate(() => document.documentElement.innerHTML.includes('Depot York reopened'))).toBe(true);
      writeFileSync(report, version(2));
      await page.waitForFunction(() => !document.getElementById('bd-preview-problem'));
    } finally {
      await close();
    }
  }, 60_000);

  it('stops on Ctrl-C: exit 0, and the port is closed', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  }, 30_000);
});

describe('briefdeck preview, told to use a port in use', () => {
  it('says so in one line and exits 1', async () => {
    const { createServer } = await import('node:net');
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', () => resolve()));
    const port = (busy.address() as { port: number }).port;
    writeFileSync(report, version(1));
    const child = spawn(process.execPath, [CLI, 'preview', report, '--port', String(port)], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    busy.close();
    expect(code).toBe(1);
    expect(err).toBe(`briefdeck: port ${port} on 127.0.0.1 is in use: choose another with --port, or leave it out for a free one\n`);
  }, 30_000);
});
