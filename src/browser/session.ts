/**
 * The run's one Chromium: launched the first time a format needs it, reused for every PDF of every
 * report, and always closed — after the run, on an error, and on Ctrl-C — so no browser outlives a
 * build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { BriefdeckError } from '../types/diagnostics.js';
import { chromeArgs, findChrome } from './find-chrome.js';

const NO_BROWSER = 'no Chromium browser found';

/** Resolves to `value` after `ms`, without keeping the process alive for it. */
function delay<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms).unref());
}

export class BrowserSession {
  private launching?: Promise<Browser>;
  /** Settles once puppeteer is loaded and Chromium has been asked to start (or could not be). */
  private requested?: Promise<void>;
  private markRequested?: () => void;
  private aborted = false;
  /** Our own profile folder, so it is removed even when the browser has to be killed. */
  private profile?: string;

  /** `chrome`: the browser named on the command line, ahead of the environment and system paths. */
  constructor(private readonly chrome?: string) {}

  browser(): Promise<Browser> {
    // After an interrupt no new browser may start: the run is ending.
    if (this.aborted) return Promise.reject(new Error('interrupted'));
    if (!this.launching) {
      this.requested = new Promise((resolve) => (this.markRequested = resolve));
      this.launching = this.launch().finally(() => this.markRequested?.());
    }
    return this.launching;
  }

  /**
   * Settles once puppeteer is loaded and Chromium has been asked to start (or could not be), at once
   * if nothing has started it. A build waits for this much before planning a report, so the browser
   * boots on another core meanwhile: puppeteer loads module by module, each load waiting for a turn
   * of the event loop that the planner's long synchronous stretches hold back. Started alongside the
   * planning of 200 sections, the browser was ready only after it, about a quarter of a second later.
   */
  launchRequested(): Promise<void> {
    return this.requested ?? Promise.resolve();
  }

  private async launch(): Promise<Browser> {
    const executablePath = findChrome(this.chrome);
    if (!executablePath) {
      const named = this.chrome ? `--chrome` : process.env.CHROME_PATH ? 'CHROME_PATH' : process.env.PUPPETEER_EXECUTABLE_PATH ? 'PUPPETEER_EXECUTABLE_PATH' : undefined;
      const at = this.chrome ?? process.env.CHROME_PATH ?? process.env.PUPPETEER_EXECUTABLE_PATH;
      const why = named ? `${named}: no browser at ${at}` : NO_BROWSER;
      throw new BriefdeckError(`${why}: install one (apt-get install chromium) or name it with --chrome PATH or CHROME_PATH`, 1);
    }
    const { launch } = await import('puppeteer-core');
    this.profile = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-chrome-'));
    try {
      // Our own signal handling closes the browser and removes half-written files, in that order.
      const starting = launch({
        executablePath,
        headless: true,
        args: chromeArgs(),
        userDataDir: this.profile,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        protocolTimeout: 600_000,
      });
      // From here puppeteer spawns Chromium without waiting on anything outside this process, so it
      // has done so before a caller of launchRequested() next waits for a file.
      this.markRequested?.();
      return await starting;
    } catch (e) {
      this.removeProfile();
      throw new BriefdeckError(`cannot start the browser at ${executablePath}: ${(e as Error).message.split('\n')[0]}`, 1);
    }
  }

  /** Closes the browser if one was launched; kills it when it does not close in time. */
  async close(): Promise<void> {
    const launching = this.launching;
    this.launching = undefined;
    if (!launching) return;
    const browser = await launching.catch(() => undefined);
    if (browser) {
      const closed = browser.close().then(
        () => true,
        () => false,
      );
      if (!(await Promise.race([closed, delay(5000, false)]))) await this.killProcess(browser, 2000);
    }
    this.removeProfile();
  }

  /**
   * For an interrupted run: waits (at most `limitMs`) for a browser still starting, kills its whole
   * process group (Chromium's helpers included) and, once it has exited, removes its profile folder —
   * a folder removed while Chromium still writes to it comes back.
   */
  async abort(limitMs: number): Promise<void> {
    this.aborted = true;
    const launching = this.launching;
    this.launching = undefined;
    const browser = launching ? await Promise.race([launching.catch(() => undefined), delay(limitMs, undefined)]) : undefined;
    if (browser) await this.killProcess(browser, limitMs);
    this.removeProfile();
  }

  private async killProcess(browser: Browser, limitMs: number): Promise<void> {
    const child = browser.process();
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      // puppeteer starts Chromium as a process group leader: the group takes its helpers with it.
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
    await Promise.race([exited, delay(limitMs, undefined)]);
  }

  private removeProfile(): void {
    if (!this.profile) return;
    try {
      rmSync(this.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    } catch {
      // a browser still writing to it; the temp folder is the system's to clean
    }
    this.profile = undefined;
  }
}
