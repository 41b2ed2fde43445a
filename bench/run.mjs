#!/usr/bin/env node
// briefdeck benchmark (`npm run bench`): figures, not a test. Slow timings never
// fail it; it exits 1 only when briefdeck itself cannot be run.
//
//   node bench/run.mjs [report.md] [--json]
//
// Jobs (whole-process wall time, N runs each, medians, one untimed warm-up):
//   help   node dist/bin/main.js --help          vs  marp --help
//   build  node dist/bin/main.js build FILE -o D  vs  marp FILE -o D.html
// Ours and marp run alternately (ours, marp, ours, marp, ...) so both share
// the same machine noise. marp-cli is installed once into a cache folder under
// os.tmpdir(); if that fails the comparison is skipped.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const N = 7;
const TARGETS = {
  help: { text: '≤ 150 ms', met: (ours) => ours <= 150 },
  build: { text: '≤ 1.0× marp', met: (ours, theirs) => theirs != null && ours <= theirs },
};

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'bin', 'main.js');
const CACHE = join(tmpdir(), 'briefdeck-bench', 'marp');
const MARP_BIN = join(CACHE, 'node_modules', '.bin', 'marp');

const argv = process.argv.slice(2);
const JSON_OUT = argv.includes('--json');
const positional = argv.filter((a) => !a.startsWith('--'));
const REPORT = resolve(positional[0] ?? join(ROOT, 'examples', 'quarterly-review.md'));

// In --json mode stdout carries only the JSON; progress goes to stderr.
const say = (msg) => (JSON_OUT ? console.error : console.log)(`bench: ${msg}`);

function isExecutable(p) {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

// The CLI's own lookup (dist/ is built before the bench runs).
const { findChrome } = await import(join(ROOT, 'dist', 'browser', 'find-chrome.js')).catch(() => ({ findChrome: () => null }));
const BROWSER = findChrome() ?? null;

/** One timed run; returns { ms, ok, detail }. */
function time(cmd, args, env = process.env) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  const ok = !r.error && r.status === 0;
  const detail = ok ? '' : r.error ? r.error.message : `exit ${r.status ?? r.signal}: ${tail(r.stderr) || tail(r.stdout)}`;
  return { ms, ok, detail };
}

function tail(buf) {
  const s = (buf ?? '').toString().trim();
  return s.split('\n').slice(-5).join('\n');
}

const round = (x, digits) => Number(x.toFixed(digits));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Installs marp-cli into the cache once; returns its version or null. */
function ensureMarp() {
  if (!isExecutable(MARP_BIN)) {
    say(`installing @marp-team/marp-cli into ${CACHE} (once)`);
    try {
      mkdirSync(CACHE, { recursive: true });
      // Own package.json so npm installs here, not into an enclosing project.
      if (!existsSync(join(CACHE, 'package.json'))) {
        writeFileSync(join(CACHE, 'package.json'), '{ "name": "briefdeck-bench-marp", "private": true }\n');
      }
    } catch (e) {
      say(`cannot create ${CACHE}: ${e.message}; skipping the marp comparison`);
      return null;
    }
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '@marp-team/marp-cli'], {
      cwd: CACHE,
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
      stdio: ['ignore', JSON_OUT ? 2 : 'inherit', 'inherit'],
    });
    if (r.error || r.status !== 0 || !isExecutable(MARP_BIN)) {
      say('could not install @marp-team/marp-cli; skipping the marp comparison');
      return null;
    }
  }
  const v = spawnSync(MARP_BIN, ['--version'], { env: marpEnv(), encoding: 'utf8' });
  if (v.error || v.status !== 0) {
    say(`marp --version failed (${v.error?.message ?? `exit ${v.status}`}); skipping the marp comparison`);
    return null;
  }
  return v.stdout.trim().split('\n')[0];
}

function marpEnv() {
  const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' };
  if (BROWSER) env.CHROME_PATH = BROWSER;
  return env;
}

/**
 * Runs one job: ours and theirs alternately, one warm-up each, then N timed.
 * Either side may be null (skipped). Returns figures in ms.
 */
function job(name, ours, theirs) {
  const sides = { ours, theirs };
  const runs = { ours: [], theirs: [] };
  const failed = {};
  for (let i = -1; i < N; i++) {
    for (const side of ['ours', 'theirs']) {
      const spec = sides[side];
      if (!spec || failed[side]) continue;
      const { cmd, args, env, before, after } = spec;
      const ctx = before?.();
      const r = time(cmd, typeof args === 'function' ? args(ctx) : args, env);
      after?.(ctx);
      if (!r.ok) {
        failed[side] = r.detail;
        say(`${name}: ${side === 'ours' ? 'briefdeck' : 'marp'} failed — ${r.detail}`);
        continue;
      }
      if (i >= 0) runs[side].push(r.ms);
    }
  }
  const med = (side) => (runs[side].length === N ? median(runs[side]) : null);
  const o = med('ours');
  const t = med('theirs');
  const target = TARGETS[name];
  return {
    job: name,
    oursMs: o == null ? null : round(o, 1),
    theirsMs: t == null ? null : round(t, 1),
    ratio: o != null && t != null ? round(o / t, 3) : null,
    target: target.text,
    met: o == null ? null : target.met(o, t),
    runs: { ours: runs.ours.map((x) => round(x, 1)), theirs: runs.theirs.map((x) => round(x, 1)) },
    failed: Object.keys(failed).length ? failed : undefined,
  };
}

function tmpOut() {
  return mkdtempSync(join(tmpdir(), 'briefdeck-bench-'));
}

// ---- main ------------------------------------------------------------------

let oursBroken = false;
const haveCli = existsSync(CLI);
if (!haveCli) {
  say('dist/bin/main.js not found — build first (`npm run bench` does: it runs scripts/setup.mjs); skipping briefdeck runs');
  oursBroken = true;
}
const haveReport = existsSync(REPORT);
if (!haveReport) say(`report not found: ${REPORT}; skipping the build job`);

const marpVersion = ensureMarp();
const marp = marpVersion != null;

const node = process.execPath;
const results = [];

results.push(
  job(
    'help',
    haveCli ? { cmd: node, args: [CLI, '--help'] } : null,
    marp ? { cmd: MARP_BIN, args: ['--help'], env: marpEnv() } : null,
  ),
);

if (haveReport) {
  const cleanup = (dir) => rmSync(dir, { recursive: true, force: true });
  results.push(
    job(
      'build',
      haveCli ? { cmd: node, args: (d) => [CLI, 'build', REPORT, '-o', d], before: tmpOut, after: cleanup } : null,
      marp
        ? { cmd: MARP_BIN, args: (d) => [REPORT, '-o', join(d, 'deck.html')], env: marpEnv(), before: tmpOut, after: cleanup }
        : null,
    ),
  );
}

if (results.some((r) => r.failed?.ours)) oursBroken = true;

const meta = {
  n: N,
  node: process.version,
  report: haveReport ? relative(process.cwd(), REPORT) || REPORT : null,
  reportBytes: haveReport ? readFileSync(REPORT).length : null,
  marp: marpVersion,
  browser: BROWSER,
};

if (JSON_OUT) {
  console.log(JSON.stringify({ ...meta, results }, null, 2));
} else {
  const fmt = (x) => (x == null ? '—' : x.toFixed(0));
  const rows = [
    ['job', 'ours ms', 'marp ms', 'ratio', 'target', 'met'],
    ...results.map((r) => [
      r.job,
      fmt(r.oursMs),
      fmt(r.theirsMs),
      r.ratio == null ? '—' : `${r.ratio.toFixed(2)}×`,
      r.target,
      r.met == null ? '—' : r.met ? 'yes' : 'no',
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  console.log(`\nmedians of ${N} alternating runs (after 1 warm-up each); node ${process.version}; ${marpVersion ?? 'marp: skipped'}`);
  if (haveReport) console.log(`report: ${meta.report} (${meta.reportBytes} bytes)`);
  for (const row of rows) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
}

process.exit(oursBroken ? 1 : 0);
