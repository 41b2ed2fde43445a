#!/usr/bin/env node
// briefdeck benchmark (`npm run bench`): figures, not a test. Slow timings never
// fail it; it exits 1 only when briefdeck itself cannot be run.
//
//   node bench/run.mjs [report.md] [--only JOB,JOB…] [--json | --markdown]
//
// Jobs (whole-process wall time, medians of alternating runs after one untimed warm-up):
//   help      briefdeck --help                                  vs  marp --help
//   html      report → HTML                                     vs  marp → HTML
//   pdf-200   report repeated to 200 sections → PDF             vs  marp --pdf (same sections, one slide each)
//   pptx-200  the same 200 sections → PPTX                      vs  pandoc → PPTX
//   pdfs      report → slides PDF, handout, notes pages and briefing in one call (no peer prints these)
//   batch-20  20 distinct reports → PDF in one call             vs  20 separate calls of briefdeck
//   all-200   the 200 sections → all six outputs (the baseline of all-2000)
//   all-2000  report repeated to 2000 sections → all six outputs, run once (it takes minutes)
// The report is the example (tables, code, math, an image) unless one is named; the 200- and
// 2000-section inputs repeat its sections. Ours and theirs run alternately so both share the same
// machine noise. marp-cli is installed once into a cache folder under os.tmpdir(); pandoc is the
// Debian package. A missing peer or browser skips what needs it.
//
// Memory is the whole process tree's peak PSS, sampled every 100 ms (bench/tree-memory.mjs): a
// print runs Chromium beside Node, and the machine has to hold all of it. GNU time's figure (the
// largest single process) is kept beside it when /usr/bin/time is there.

import { spawn, spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sampleTree } from './tree-memory.mjs';

const N = 7;
/** Fewer runs for the jobs that take seconds: medians of 3 still show the ratio. */
const N_SLOW = 3;
const BATCH = 20;
const ALL_MAX_MIB = 1024;
const ALL_MAX_SCALE = 12;
const JOBS = ['help', 'html', 'pdf-200', 'pptx-200', 'pdfs', 'batch-20', 'all-200', 'all-2000'];
const TARGETS = {
  help: { text: '≤ 150 ms', met: ({ ours }) => ours <= 150 },
  html: { text: '≤ 1.0× marp', met: ({ ours, theirs }) => theirs != null && ours <= theirs },
  'pdf-200': { text: '≤ 1.0× marp', met: ({ ours, theirs }) => theirs != null && ours <= theirs },
  'pptx-200': { text: '≤ 3× pandoc', met: ({ ours, theirs }) => theirs != null && ours <= 3 * theirs },
  pdfs: { text: '≤ 3 s', met: ({ ours }) => ours <= 3000 },
  'batch-20': { text: `≤ 0.2× ${BATCH} calls`, met: ({ ours, theirs }) => theirs != null && ours <= 0.2 * theirs },
  'all-200': { text: 'baseline of all-2000', met: () => null },
  'all-2000': {
    text: `completes, tree ≤ ${ALL_MAX_MIB} MiB, ≤ ${ALL_MAX_SCALE}× all-200`,
    // Over the memory limit is a miss even when the baseline is missing; otherwise the ratio decides.
    met: ({ ours, theirs, tree }) => (tree == null ? null : tree > ALL_MAX_MIB ? false : theirs == null ? null : ours <= ALL_MAX_SCALE * theirs),
  },
};

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'bin', 'main.js');
const CACHE = join(tmpdir(), 'briefdeck-bench', 'marp');
const MARP_BIN = join(CACHE, 'node_modules', '.bin', 'marp');

const argv = process.argv.slice(2);
const flags = new Set();
const positional = [];
let onlyArg = null;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--only') onlyArg = argv[++i] ?? '';
  else if (a.startsWith('--only=')) onlyArg = a.slice('--only='.length);
  else if (a.startsWith('--')) flags.add(a);
  else positional.push(a);
}
const JSON_OUT = flags.has('--json');
const MARKDOWN = flags.has('--markdown');
const DEFAULT_REPORT = join(ROOT, 'examples', 'quarterly-review.md');
const REPORT = resolve(positional[0] ?? DEFAULT_REPORT);

const wanted = new Set(onlyArg == null ? JOBS : onlyArg.split(',').map((s) => s.trim()).filter(Boolean));
const unknown = [...wanted].filter((j) => !JOBS.includes(j));
if (unknown.length || !wanted.size) {
  console.error(`bench: unknown job ${unknown.join(', ') || '(none given)'}; jobs: ${JOBS.join(', ')}`);
  process.exit(2);
}

// In --json and --markdown mode stdout carries only the result; progress goes to stderr.
const say = (msg) => (JSON_OUT || MARKDOWN ? console.error : console.log)(`bench: ${msg}`);

// all-2000's time target is a ratio to all-200, so one cannot be judged without the other.
if (wanted.has('all-2000') && !wanted.has('all-200')) {
  wanted.add('all-200');
  say('all-2000 is compared with all-200: running that too');
}

function isExecutable(p) {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function readOr(file, fallback = '') {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

// The CLI's own lookup (dist/ is built before the bench runs).
const { findChrome } = await import(join(ROOT, 'dist', 'browser', 'find-chrome.js')).catch(() => ({ findChrome: () => null }));
const BROWSER = findChrome() ?? null;

const GNU_TIME = isExecutable('/usr/bin/time') ? '/usr/bin/time' : null;

/** Keeps at most 64 MiB of a stream, as spawnSync's maxBuffer did. */
function collect(stream) {
  const chunks = [];
  let size = 0;
  stream?.on('data', (c) => {
    if (size < 64 << 20) chunks.push(c);
    size += c.length;
  });
  return () => Buffer.concat(chunks).toString();
}

/**
 * One run, spawned asynchronously so the tree can be sampled while it works. Returns { ms, ok, detail,
 * stdout, treeMib, topMib }: the tree's peak PSS, and GNU time's largest process when it is there.
 */
function runOnce(cmd, args, env = process.env) {
  const [c, a] = GNU_TIME ? [GNU_TIME, ['-f', '@@peak-kb %M', cmd, ...args]] : [cmd, args];
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(c, a, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Sampled from GNU time's process when it wraps the command: it adds well under 1 MiB.
    const sampler = child.pid ? sampleTree(child.pid) : null;
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    let settled = false;
    const settle = (error, status, signal) => {
      if (settled) return;
      settled = true;
      const ms = performance.now() - t0;
      const treeMib = sampler?.stop() || null;
      const err = stderr();
      const peak = /@@peak-kb (\d+)/.exec(err);
      const own = err
        .split('\n')
        .filter((l) => !/^@@peak-kb |^Command (exited with non-zero status|terminated by signal)/.test(l))
        .join('\n');
      const out = stdout();
      const ok = !error && status === 0;
      const detail = ok ? '' : error ? error.message : `exit ${status ?? signal}: ${tail(own) || tail(out)}`;
      done({ ms, ok, detail, stdout: out, stderr: own, treeMib, topMib: peak ? Math.round(Number(peak[1]) / 1024) : null });
    };
    child.on('error', (e) => settle(e));
    child.on('close', (status, signal) => settle(null, status, signal));
  });
}

function tail(text) {
  return (text ?? '').trim().split('\n').slice(-5).join('\n');
}

const maxOf = (a, b) => (a == null ? b : b == null ? a : Math.max(a, b));

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
      stdio: ['ignore', JSON_OUT || MARKDOWN ? 2 : 'inherit', 'inherit'],
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
 * One side's run: a command, or a list of them (`calls`) timed together. `check` may reject a run
 * that exited 0 but did not write what it should.
 */
async function runSpec(spec) {
  const ctx = spec.before?.();
  try {
    const calls = spec.calls
      ? spec.calls(ctx)
      : [{ cmd: spec.cmd, args: typeof spec.args === 'function' ? spec.args(ctx) : spec.args, env: spec.env }];
    const t0 = performance.now();
    let last = null;
    let treeMib = null;
    let topMib = null;
    for (const c of calls) {
      last = await runOnce(c.cmd, c.args, c.env);
      treeMib = maxOf(treeMib, last.treeMib);
      topMib = maxOf(topMib, last.topMib);
      if (!last.ok) break;
    }
    const r = { ...last, ms: performance.now() - t0, treeMib, topMib };
    const problem = r.ok ? spec.check?.(ctx, r) : null;
    return problem ? { ...r, ok: false, detail: problem } : r;
  } finally {
    spec.after?.(ctx);
  }
}

/**
 * Runs one job: ours and theirs alternately, `warmup` untimed runs each, then n timed.
 * Either side may be null (skipped). Returns figures in ms and MiB.
 */
async function job(name, ours, theirs, { peer = 'marp', n = N, warmup = 1, what = name } = {}) {
  say(`${name}: ${what}`);
  const sides = { ours, theirs };
  const runs = { ours: [], theirs: [] };
  const tree = { ours: null, theirs: null };
  const top = { ours: null, theirs: null };
  const failed = {};
  let stdout = '';
  for (let i = -warmup; i < n; i++) {
    for (const side of ['ours', 'theirs']) {
      const spec = sides[side];
      if (!spec || failed[side]) continue;
      const r = await runSpec(spec);
      if (!r.ok) {
        failed[side] = r.detail;
        say(`${name}: ${side === 'ours' ? 'briefdeck' : peer} failed — ${r.detail}`);
        continue;
      }
      if (i >= 0) runs[side].push(r.ms);
      tree[side] = maxOf(tree[side], r.treeMib);
      top[side] = maxOf(top[side], r.topMib);
      if (side === 'ours') stdout = r.stdout;
    }
  }
  const med = (side) => (runs[side].length === n ? median(runs[side]) : null);
  const o = med('ours');
  const t = med('theirs');
  return judge({
    job: name,
    what,
    peer: theirs ? peer : null,
    oursMs: o == null ? null : round(o, 1),
    theirsMs: t == null ? null : round(t, 1),
    oursTreeMib: tree.ours,
    theirsTreeMib: tree.theirs,
    oursTopMib: top.ours,
    theirsTopMib: top.theirs,
    slides: slidesOf(stdout),
    runs: { ours: runs.ours.map((x) => round(x, 1)), theirs: runs.theirs.map((x) => round(x, 1)) },
    failed: Object.keys(failed).length ? failed : undefined,
  });
}

/** Ratio, target and verdict from a result's figures; a build of ours that failed misses its target. */
function judge(r) {
  const target = TARGETS[r.job];
  const o = r.oursMs;
  const t = r.theirsMs;
  return {
    ...r,
    ratio: o != null && t != null ? round(o / t, 3) : null,
    target: target.text,
    met: o == null ? (r.failed?.ours ? false : null) : target.met({ ours: o, theirs: t, tree: r.oursTreeMib }),
  };
}

/** Slides per report, from `build --json`: one number, or null when the reports differ or it is not there. */
function slidesOf(stdout) {
  try {
    const counts = new Set(JSON.parse(stdout).reports.map((r) => r.slides));
    return counts.size === 1 ? [...counts][0] : null;
  } catch {
    return null;
  }
}

/** Reports a `build --json` run wrote files for, else the PDFs the folder holds. */
function reportsBuilt(dir, stdout) {
  try {
    return JSON.parse(stdout).reports.filter((r) => r.files?.length && !r.error).length;
  } catch {
    return readdirSync(dir).filter((f) => f.endsWith('.pdf')).length;
  }
}

/** Files the first report of a `build --json` run wrote, else what the folder holds. */
function filesWritten(dir, stdout) {
  try {
    return JSON.parse(stdout).reports[0].files.length;
  } catch {
    return readdirSync(dir).length;
  }
}

const inputDirs = [];
function tmpOut() {
  return mkdtempSync(join(tmpdir(), 'briefdeck-bench-'));
}
function tmpInput(kind) {
  const dir = mkdtempSync(join(tmpdir(), `briefdeck-bench-${kind}-`));
  inputDirs.push(dir);
  return dir;
}
const cleanup = (dir) => rmSync(dir, { recursive: true, force: true });

/** Indices of the ATX headings of `level` outside fenced code, where a `#` line is a comment. */
function headingLines(lines, level) {
  const heading = new RegExp(`^#{${level}}\\s`);
  const found = [];
  let fence = null;
  lines.forEach((l, i) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(l);
    if (f && (fence == null || (f[1][0] === fence[0] && f[1].length >= fence.length))) fence = fence == null ? f[1] : null;
    else if (fence == null && heading.test(l)) found.push(i);
  });
  return found;
}

function copyImages(report, dir) {
  const images = join(dirname(report), 'images');
  if (existsSync(images)) cpSync(images, join(dir, 'images'), { recursive: true });
}

/**
 * The report's sections repeated (renumbered) until there are `count`, in a temp folder beside a copy
 * of its images; plus a copy for marp that starts a slide at every section heading.
 */
function repeatSections(report, count, { textOnly = false } = {}) {
  const lines = readFileSync(report, 'utf8').split('\n');
  const starts = headingLines(lines, 2);
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
  const dir = tmpInput('input');
  copyImages(report, dir);
  const file = join(dir, `report-${count}.md`);
  writeFileSync(file, out.join('\n'));
  const marpFile = join(dir, `report-${count}.marp.md`);
  writeFileSync(marpFile, `---\nmarp: true\nheadingDivider: 2\n---\n\n${out.join('\n').replace(/^---\n[\s\S]*?\n---\n/, '')}`);
  return { file, marpFile, sections: count };
}

/**
 * `count` distinct reports in one temp folder (with the images): the report with its title and
 * section titles changed per copy, so no two have the same content for a cache to share.
 */
function batchReports(report, count) {
  const lines = readFileSync(report, 'utf8').split('\n');
  const frontEnd = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  const titled = new Set([...headingLines(lines, 1), ...headingLines(lines, 2)]);
  const dir = tmpInput('batch');
  copyImages(report, dir);
  const files = [];
  for (let k = 1; k <= count; k++) {
    const tag = `Region ${k}`;
    const text = lines.map((l, i) => {
      if (i > 0 && i < frontEnd) return l.replace(/^(title:\s*)(["']?)(.*?)\2\s*$/, (_, key, q, t) => `${key}${q}${t} — ${tag}${q}`);
      return titled.has(i) ? `${l} — ${tag}` : l;
    });
    const file = join(dir, `review-${String(k).padStart(2, '0')}.md`);
    writeFileSync(file, text.join('\n'));
    files.push(file);
  }
  return { dir, files };
}

/**
 * How this CLI takes a batch: the folder, else the files named one by one; with --force when it
 * knows it. Tried on HTML into a fresh folder, which takes a second, rather than on the timed PDFs.
 */
async function batchForm(batch) {
  let last = null;
  for (const inputs of [[batch.dir], batch.files]) {
    for (const force of [true, false]) {
      const d = tmpOut();
      last = await runOnce(process.execPath, [CLI, 'build', ...inputs, '-f', 'html', '-o', d, ...(force ? ['--force'] : [])]);
      cleanup(d);
      if (last.ok) return { inputs, force: force ? ['--force'] : [] };
      // Only an unknown --force is worth the retry without it; any other usage error is the folder form's.
      if (!(force && /unknown argument/i.test(last.detail))) break;
    }
  }
  return { error: last?.detail ?? 'no attempt ran' };
}

function machine() {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readOr('/proc/cpuinfo'))?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown CPU';
  const os = /^PRETTY_NAME="?(.*?)"?$/m.exec(readOr('/etc/os-release'))?.[1] ?? `${platform()} ${release()}`;
  return { cpu, cores: cpus().length, ramGib: round(totalmem() / 2 ** 30, 1), os };
}

function browserVersion() {
  if (!BROWSER) return null;
  const v = spawnSync(BROWSER, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  // Debian's wrapper script adds " built on Debian …" and may print shell noise to stderr.
  return v.status === 0 ? v.stdout.trim().split('\n')[0].replace(/\s+built on .*$/, '') : null;
}

// ---- main ------------------------------------------------------------------

let oursBroken = false;
const haveCli = existsSync(CLI);
if (!haveCli) {
  say('dist/bin/main.js not found — build first (`npm run bench` does: it runs scripts/setup.mjs); skipping briefdeck runs');
  oursBroken = true;
}
const haveReport = existsSync(REPORT);
const reportJobs = JOBS.filter((j) => j !== 'help' && wanted.has(j));
if (!haveReport && reportJobs.length) say(`report not found: ${REPORT}; skipping ${reportJobs.join(', ')}`);
const printJobs = ['pdf-200', 'pdfs', 'batch-20', 'all-200', 'all-2000'].filter((j) => wanted.has(j));
if (!BROWSER && printJobs.length) say(`no Chromium found (set CHROME_PATH); skipping briefdeck's side of ${printJobs.join(', ')} and marp's PDF`);

const needsMarp = ['help', 'html', 'pdf-200'].some((j) => wanted.has(j));
const marpVersion = needsMarp ? ensureMarp() : null;
const marp = marpVersion != null;

const pandoc = ['/usr/bin/pandoc', '/usr/local/bin/pandoc'].find(isExecutable) ?? null;
const pandocVersion = pandoc ? spawnSync(pandoc, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] : null;
if (!pandoc && wanted.has('pptx-200')) say('pandoc not found (apt-get install pandoc); skipping the PPTX comparison');

const node = process.execPath;
const results = [];
const extra = {};
const label = REPORT === DEFAULT_REPORT ? 'example report' : basename(REPORT);
// Built on first use: the 2000-section copy alone is megabytes.
const repeated = new Map();
const sectionsOf = (count) => {
  if (!repeated.has(count)) {
    const r = repeatSections(REPORT, count);
    say(`${count}-section report: ${Math.round(statSync(r.file).size / 1024)} KiB`);
    repeated.set(count, r);
  }
  return repeated.get(count);
};
/** Our build of `inputs` into a fresh folder per run, so no run can reuse a previous run's output. */
const ours = (inputs, formats, more = {}) => ({
  cmd: node,
  args: (d) => [CLI, 'build', ...inputs, '-f', formats, '-o', d, '--json'],
  before: tmpOut,
  after: cleanup,
  ...more,
});

if (wanted.has('help')) {
  results.push(
    await job(
      'help',
      haveCli ? { cmd: node, args: [CLI, '--help'] } : null,
      marp ? { cmd: MARP_BIN, args: ['--help'], env: marpEnv() } : null,
      { what: '`briefdeck --help`' },
    ),
  );
}

if (haveReport && wanted.has('html')) {
  results.push(
    await job(
      'html',
      haveCli ? ours([REPORT], 'html') : null,
      marp ? { cmd: MARP_BIN, args: (d) => [REPORT, '-o', join(d, 'deck.html')], env: marpEnv(), before: tmpOut, after: cleanup } : null,
      { what: `${label} → HTML` },
    ),
  );
}

// The 200- and 2000-section inputs repeat the example's sections, tables, code, math and image
// included: a deck of prose alone would spare exactly the parts that cost most to lay out and print.
if (haveReport && wanted.has('pdf-200')) {
  const big = sectionsOf(200);
  results.push(
    await job(
      'pdf-200',
      haveCli && BROWSER ? ours([big.file], 'pdf') : null,
      marp && BROWSER
        ? { cmd: MARP_BIN, args: (d) => [big.marpFile, '--pdf', '--allow-local-files', '-o', join(d, 'deck.pdf')], env: marpEnv(), before: tmpOut, after: cleanup }
        : null,
      { n: N_SLOW, what: '200 sections → slides PDF' },
    ),
  );
}

if (haveReport && wanted.has('pptx-200')) {
  const big = sectionsOf(200);
  results.push(
    await job(
      'pptx-200',
      haveCli ? ours([big.file], 'pptx') : null,
      pandoc ? { cmd: pandoc, args: (d) => [big.file, '-o', join(d, 'deck.pptx'), `--resource-path=${dirname(big.file)}`], before: tmpOut, after: cleanup } : null,
      { peer: 'pandoc', n: N_SLOW, what: '200 sections → PPTX' },
    ),
  );

  // Sizes, from one build: a 200-section deck without pictures must stay small as PPTX.
  if (haveCli) {
    const textOnly = repeatSections(REPORT, 200, { textOnly: true });
    const d = tmpOut();
    const r = await runOnce(node, [CLI, 'build', textOnly.file, '-f', 'pptx', '-o', d]);
    const pptx = join(d, 'report-200.pptx');
    if (r.ok && existsSync(pptx)) extra.textOnlyPptxKb = Math.round(statSync(pptx).size / 1024);
    extra.textOnlyPptxTreeMib = r.treeMib;
    extra.textOnlyPptxTopMib = r.topMib;
    cleanup(d);
  }
}

if (haveReport && wanted.has('pdfs')) {
  results.push(
    await job('pdfs', haveCli && BROWSER ? ours([REPORT], 'pdf,handout,notes,briefing') : null, null, {
      n: N_SLOW,
      what: `${label} → slides PDF, handout, notes pages, briefing`,
    }),
  );
}

if (haveReport && wanted.has('batch-20')) {
  const batch = batchReports(REPORT, BATCH);
  let form = null;
  if (haveCli && BROWSER) {
    form = await batchForm(batch);
    if (form.error) say(`batch-20: briefdeck takes neither the folder nor the ${BATCH} files — ${form.error}`);
    else say(`batch-20: one call takes ${form.inputs.length === 1 ? 'the folder' : `the ${BATCH} files`}${form.force.length ? ' and --force' : ''}`);
  }
  const one = form && !form.error;
  // The 20 calls get --force too when the CLI knows it, so neither side can be served from a cache.
  results.push(
    await job(
      'batch-20',
      one ? ours([...form.inputs, ...form.force], 'pdf', { check: (d, r) => (reportsBuilt(d, r.stdout) === BATCH ? null : `built ${reportsBuilt(d, r.stdout)} of ${BATCH} reports`) }) : null,
      one
        ? {
            calls: (d) => batch.files.map((f) => ({ cmd: node, args: [CLI, 'build', f, '-f', 'pdf', '-o', d, '--json', ...form.force] })),
            before: tmpOut,
            after: cleanup,
          }
        : null,
      { peer: `${BATCH} calls`, n: N_SLOW, what: `${BATCH} reports → slides PDFs in one call` },
    ),
  );
  if (form?.error) {
    results.at(-1).failed = { ours: form.error };
    results[results.length - 1] = judge(results.at(-1));
  }
}

/** -f all writes six files per report; fewer is a run that did not complete. */
const allSix = (d, r) => {
  const n = filesWritten(d, r.stdout);
  return n === 6 ? null : `wrote ${n} of 6 files`;
};

if (haveReport && wanted.has('all-200')) {
  const big = sectionsOf(200);
  results.push(
    await job('all-200', haveCli && BROWSER ? ours([big.file], 'all', { check: allSix }) : null, null, {
      n: N_SLOW,
      what: '200 sections → all six outputs',
    }),
  );
}

if (haveReport && wanted.has('all-2000')) {
  const huge = sectionsOf(2000);
  const r = await job('all-2000', haveCli && BROWSER ? ours([huge.file], 'all', { check: allSix }) : null, null, {
    n: 1,
    warmup: 0,
    what: '2000 sections → all six outputs',
  });
  const base = results.find((x) => x.job === 'all-200');
  results.push(base?.oursMs != null ? judge({ ...r, peer: 'all-200', theirsMs: base.oursMs, theirsTreeMib: base.oursTreeMib, theirsTopMib: base.oursTopMib }) : r);
}

for (const dir of inputDirs) cleanup(dir);

if (results.some((r) => r.failed?.ours)) oursBroken = true;

const meta = {
  date: today(),
  machine: machine(),
  n: N,
  nSlow: N_SLOW,
  node: process.version,
  report: haveReport ? relative(process.cwd(), REPORT) || REPORT : null,
  reportBytes: haveReport ? readFileSync(REPORT).length : null,
  marp: marpVersion,
  pandoc: pandocVersion,
  browser: BROWSER,
  chromium: browserVersion(),
  jobs: [...wanted],
  ...extra,
};

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const seconds = (ms) => (ms == null ? '—' : ms < 1000 ? `${ms.toFixed(0)} ms` : ms < 100_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(0)} s`);
const mib = (x) => (x == null ? '' : `, ${x} MiB`);
const verdict = (r) => (r.met == null ? '—' : r.met ? 'yes' : 'no');

if (JSON_OUT) {
  console.log(JSON.stringify({ ...meta, results }, null, 2));
} else if (MARKDOWN) {
  const m = meta.machine;
  const marpShort = marpVersion ? `marp-cli ${/marp-cli v?(\S+)/.exec(marpVersion)?.[1] ?? marpVersion}` : 'marp-cli: not run';
  console.log(
    `Measured ${meta.date} on ${m.cpu} (${m.cores} cores, ${m.ramGib} GiB RAM, ${m.os}); Node ${process.version.slice(1)}, ` +
      `${marpShort}, ${pandocVersion ?? 'pandoc: not run'}, ${meta.chromium ?? 'Chromium: not found'}. ` +
      `Medians of ${N} (slow jobs ${N_SLOW}, all-2000 one run); memory is the process tree's peak PSS.\n`,
  );
  console.log('| job | what | briefdeck | peer | ratio / figure | target | met |');
  console.log('|---|---|--:|--:|--:|---|---|');
  for (const r of results) {
    const what = r.slides == null ? r.what : `${r.what} (${r.slides} slides${r.job === 'batch-20' ? ' each' : ''})`;
    const peer = r.peer == null ? '—' : r.theirsMs == null ? `${r.peer}: failed` : `${r.peer} ${seconds(r.theirsMs)}${mib(r.theirsTreeMib)}`;
    const figure =
      r.oursMs == null ? '—' : r.job === 'all-2000' ? `${r.ratio == null ? '—' : `${r.ratio.toFixed(1)}×`}${mib(r.oursTreeMib)}` : r.ratio != null ? `${r.ratio.toFixed(2)}×` : seconds(r.oursMs);
    const ours = r.oursMs == null ? (r.failed?.ours ? 'failed' : 'skipped') : `${seconds(r.oursMs)}${mib(r.oursTreeMib)}`;
    console.log(`| \`${r.job}\` | ${what} | ${ours} | ${peer} | ${figure} | ${r.target} | ${verdict(r)} |`);
  }
  if (extra.textOnlyPptxKb != null) console.log(`\nThe 200-section PPTX without its pictures: ${extra.textOnlyPptxKb} KiB.`);
} else {
  const fmt = (x) => (x == null ? '—' : x.toFixed(0));
  const num = (x) => (x == null ? '—' : String(x));
  const rows = [
    ['job', 'ours ms', 'tree MiB', 'top MiB', 'peer', 'peer ms', 'peer MiB', 'ratio', 'target', 'met'],
    ...results.map((r) => [
      r.job,
      fmt(r.oursMs),
      num(r.oursTreeMib),
      num(r.oursTopMib),
      r.peer ?? '—',
      fmt(r.theirsMs),
      num(r.theirsTreeMib),
      r.ratio == null ? '—' : `${r.ratio.toFixed(2)}×`,
      r.target,
      verdict(r),
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  console.log(
    `\nmedians of ${N} (slow jobs: ${N_SLOW}; all-2000: 1) alternating runs after 1 warm-up each; node ${process.version}; ` +
      `${marpVersion ?? 'marp: skipped'}; ${pandocVersion ?? 'pandoc: skipped'}; ${meta.chromium ?? 'chromium: not found'}`,
  );
  console.log('tree MiB: peak PSS of the whole process tree (sampled every 100 ms); top MiB: GNU time, largest single process');
  if (haveReport) console.log(`report: ${meta.report} (${meta.reportBytes} bytes)`);
  if (extra.textOnlyPptxKb != null) {
    console.log(`200-section PPTX without pictures: ${extra.textOnlyPptxKb} KiB, tree ${extra.textOnlyPptxTreeMib ?? '?'} MiB, top ${extra.textOnlyPptxTopMib ?? '?'} MiB`);
  }
  for (const row of rows) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
}

process.exit(oursBroken ? 1 : 0);
