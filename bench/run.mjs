#!/usr/bin/env node
// briefdeck benchmark (`npm run bench`): figures, not a test. Slow timings never
// fail it; it exits 1 only when briefdeck itself cannot be run.
//
//   node bench/run.mjs [report.md [agent-report.md]] [--json]
//
// Jobs (whole-process wall time, medians of alternating runs after one untimed warm-up):
//   help      briefdeck --help                          vs  marp --help
//   html      report → HTML                             vs  marp → HTML
//   pdf-200   agent report repeated to 200 sections → PDF  vs  marp --pdf (same sections, one slide each)
//   pptx-200  the same 200 sections → PPTX                   vs  pandoc → PPTX
//   pdfs      report → slides PDF, handout, notes pages and briefing in one call (no peer prints these)
// Ours and theirs run alternately so both share the same machine noise. marp-cli is
// installed once into a cache folder under os.tmpdir(); pandoc is the Debian package.
// A missing peer skips its comparison. Peak memory comes from GNU time when present.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const N = 7;
/** Fewer runs for the jobs that take seconds: medians of 3 still show the ratio. */
const N_SLOW = 3;
const TARGETS = {
  help: { text: '≤ 150 ms', met: (ours) => ours <= 150 },
  html: { text: '≤ 1.0× marp', met: (ours, theirs) => theirs != null && ours <= theirs },
  'pdf-200': { text: '≤ 1.0× marp', met: (ours, theirs) => theirs != null && ours <= theirs },
  'pptx-200': { text: '≤ 3× pandoc', met: (ours, theirs) => theirs != null && ours <= 3 * theirs },
  pdfs: { text: '≤ 3 s', met: (ours) => ours <= 3000 },
};

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'bin', 'main.js');
const CACHE = join(tmpdir(), 'briefdeck-bench', 'marp');
const MARP_BIN = join(CACHE, 'node_modules', '.bin', 'marp');

const argv = process.argv.slice(2);
const JSON_OUT = argv.includes('--json');
const positional = argv.filter((a) => !a.startsWith('--'));
const REPORT = resolve(positional[0] ?? join(ROOT, 'examples', 'quarterly-review.md'));
const AGENT_REPORT = resolve(positional[1] ?? join(ROOT, 'test', 'fixtures', 'agent-report.md'));

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

const GNU_TIME = isExecutable('/usr/bin/time') ? '/usr/bin/time' : null;

/** One timed run; returns { ms, ok, detail, peakMb } (peak resident memory of the whole run when GNU time is there). */
function time(cmd, args, env = process.env) {
  const [c, a] = GNU_TIME ? [GNU_TIME, ['-f', '@@peak-kb %M', cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const r = spawnSync(c, a, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  const ok = !r.error && r.status === 0;
  const peak = /@@peak-kb (\d+)/.exec(r.stderr?.toString() ?? '');
  const detail = ok ? '' : r.error ? r.error.message : `exit ${r.status ?? r.signal}: ${tail(r.stderr) || tail(r.stdout)}`;
  return { ms, ok, detail, peakMb: peak ? Math.round(Number(peak[1]) / 1024) : null };
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
 * Runs one job: ours and theirs alternately, one warm-up each, then n timed.
 * Either side may be null (skipped). Returns figures in ms.
 */
function job(name, ours, theirs, { peer = 'marp', n = N } = {}) {
  const sides = { ours, theirs };
  const runs = { ours: [], theirs: [] };
  const peaks = [];
  const failed = {};
  for (let i = -1; i < n; i++) {
    for (const side of ['ours', 'theirs']) {
      const spec = sides[side];
      if (!spec || failed[side]) continue;
      const { cmd, args, env, before, after } = spec;
      const ctx = before?.();
      const r = time(cmd, typeof args === 'function' ? args(ctx) : args, env);
      after?.(ctx);
      if (!r.ok) {
        failed[side] = r.detail;
        say(`${name}: ${side === 'ours' ? 'briefdeck' : peer} failed — ${r.detail}`);
        continue;
      }
      if (i >= 0) runs[side].push(r.ms);
      if (side === 'ours' && r.peakMb != null) peaks.push(r.peakMb);
    }
  }
  const med = (side) => (runs[side].length === n ? median(runs[side]) : null);
  const o = med('ours');
  const t = med('theirs');
  const target = TARGETS[name];
  return {
    job: name,
    peer: theirs ? peer : null,
    oursMs: o == null ? null : round(o, 1),
    theirsMs: t == null ? null : round(t, 1),
    oursPeakMb: peaks.length ? Math.max(...peaks) : null,
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

const cleanup = (dir) => rmSync(dir, { recursive: true, force: true });
const pandoc = ['/usr/bin/pandoc', '/usr/local/bin/pandoc'].find(isExecutable) ?? null;
const pandocVersion = pandoc ? spawnSync(pandoc, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] : null;
if (!pandoc) say('pandoc not found (apt-get install pandoc); skipping the PPTX comparison');
const extra = {};

if (haveReport) {
  results.push(
    job(
      'html',
      haveCli ? { cmd: node, args: (d) => [CLI, 'build', REPORT, '-o', d], before: tmpOut, after: cleanup } : null,
      marp
        ? { cmd: MARP_BIN, args: (d) => [REPORT, '-o', join(d, 'deck.html')], env: marpEnv(), before: tmpOut, after: cleanup }
        : null,
    ),
  );

  // The 200-section jobs use an agent-written report (prose sections, no figures), the form the
  // pipelines that produce hundreds of reports write; the example adds tables, code and an image.
  const big = repeatSections(existsSync(AGENT_REPORT) ? AGENT_REPORT : REPORT, 200);
  say(`200-section report: ${big.sections} sections, ${Math.round(statSync(big.file).size / 1024)} KiB`);
  results.push(
    job(
      'pdf-200',
      haveCli && BROWSER ? { cmd: node, args: (d) => [CLI, 'build', big.file, '-f', 'pdf', '-o', d], before: tmpOut, after: cleanup } : null,
      marp && BROWSER
        ? { cmd: MARP_BIN, args: (d) => [big.marpFile, '--pdf', '--allow-local-files', '-o', join(d, 'deck.pdf')], env: marpEnv(), before: tmpOut, after: cleanup }
        : null,
      { n: N_SLOW },
    ),
  );
  results.push(
    job(
      'pptx-200',
      haveCli ? { cmd: node, args: (d) => [CLI, 'build', big.file, '-f', 'pptx', '-o', d], before: tmpOut, after: cleanup } : null,
      pandoc ? { cmd: pandoc, args: (d) => [big.file, '-o', join(d, 'deck.pptx'), `--resource-path=${dirname(big.file)}`], before: tmpOut, after: cleanup } : null,
      { peer: 'pandoc', n: N_SLOW },
    ),
  );
  results.push(
    job(
      'pdfs',
      haveCli && BROWSER ? { cmd: node, args: (d) => [CLI, 'build', REPORT, '-f', 'pdf,handout,notes,briefing', '-o', d], before: tmpOut, after: cleanup } : null,
      null,
      { n: N_SLOW },
    ),
  );

  // Sizes, from one build each: a text-only 200-section deck must stay small as PPTX.
  if (haveCli) {
    const textOnly = repeatSections(existsSync(AGENT_REPORT) ? AGENT_REPORT : REPORT, 200, { textOnly: true });
    const d = tmpOut();
    const r = time(node, [CLI, 'build', textOnly.file, '-f', 'pptx', '-o', d]);
    const pptx = join(d, 'report-200.pptx');
    if (r.ok && existsSync(pptx)) extra.textOnlyPptxKb = Math.round(statSync(pptx).size / 1024);
    extra.textOnlyPptxPeakMb = r.peakMb;
    cleanup(d);
  }
}

/**
 * The report's sections repeated (renumbered) until there are `count`, in a temp folder beside a copy
 * of its images; plus a copy for marp that starts a slide at every section heading.
 */
function repeatSections(report, count, { textOnly = false } = {}) {
  const text = readFileSync(report, 'utf8');
  const lines = text.split('\n');
  const starts = lines.flatMap((l, i) => (/^## /.test(l) ? [i] : []));
  if (!starts.length) throw new Error(`${report} has no "## " sections to repeat`);
  const head = lines.slice(0, starts[0]);
  const sections = starts.map((s, k) => lines.slice(s, starts[k + 1] ?? lines.length));
  const out = [...head];
  for (let i = 0; i < count; i++) {
    const [title, ...body] = sections[i % sections.length];
    const name = title.replace(/^##\s+(\d+\.\s+)?/, '');
    out.push(`## ${i + 1}. ${name}${i >= sections.length ? ` (${Math.floor(i / sections.length) + 1})` : ''}`);
    out.push(...(textOnly ? body.filter((l) => !/^\s*!\[/.test(l)) : body));
  }
  const dir = mkdtempSync(join(tmpdir(), 'briefdeck-bench-input-'));
  const images = join(dirname(report), 'images');
  if (existsSync(images)) cpSync(images, join(dir, 'images'), { recursive: true });
  const file = join(dir, `report-${count}.md`);
  writeFileSync(file, out.join('\n'));
  const marpFile = join(dir, `report-${count}.marp.md`);
  writeFileSync(marpFile, `---\nmarp: true\nheadingDivider: 2\n---\n\n${out.join('\n').replace(/^---\n[\s\S]*?\n---\n/, '')}`);
  return { file, marpFile, sections: count };
}

if (results.some((r) => r.failed?.ours)) oursBroken = true;

const meta = {
  n: N,
  node: process.version,
  report: haveReport ? relative(process.cwd(), REPORT) || REPORT : null,
  reportBytes: haveReport ? readFileSync(REPORT).length : null,
  marp: marpVersion,
  pandoc: pandocVersion,
  browser: BROWSER,
  ...extra,
};

if (JSON_OUT) {
  console.log(JSON.stringify({ ...meta, results }, null, 2));
} else {
  const fmt = (x) => (x == null ? '—' : x.toFixed(0));
  const rows = [
    ['job', 'ours ms', 'peak MB', 'peer', 'peer ms', 'ratio', 'target', 'met'],
    ...results.map((r) => [
      r.job,
      fmt(r.oursMs),
      r.oursPeakMb == null ? '—' : String(r.oursPeakMb),
      r.peer ?? '—',
      fmt(r.theirsMs),
      r.ratio == null ? '—' : `${r.ratio.toFixed(2)}×`,
      r.target,
      r.met == null ? '—' : r.met ? 'yes' : 'no',
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  console.log(`\nmedians of ${N} (slow jobs: ${N_SLOW}) alternating runs after 1 warm-up each; node ${process.version}; ${marpVersion ?? 'marp: skipped'}; ${pandocVersion ?? 'pandoc: skipped'}`);
  if (haveReport) console.log(`report: ${meta.report} (${meta.reportBytes} bytes)`);
  if (extra.textOnlyPptxKb != null) console.log(`text-only 200-section PPTX: ${extra.textOnlyPptxKb} KiB, peak ${extra.textOnlyPptxPeakMb ?? '?'} MB`);
  for (const row of rows) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
}

process.exit(oursBroken ? 1 : 0);
