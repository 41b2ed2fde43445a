#!/usr/bin/env node
// briefdeck setup: make the checkout runnable. Node builtins only — this runs
// before node_modules exists. Idempotent and silent when there is nothing to do.
//
//   node scripts/setup.mjs          install deps, build, check system packages
//   node scripts/setup.mjs --test   same (called by `npm test`)
//   node scripts/setup.mjs --check  report only; never installs or builds;
//                                   exit 1 when something would be done
//   node scripts/setup.mjs --chrome PATH   use the browser at PATH (no chromium install)
//
// Steps:
//   1. npm deps: `npm ci` when node_modules is missing or package-lock.json is
//      newer than node_modules/.package-lock.json (`npm install` when no lock).
//   2. TypeScript: `tsc -p tsconfig.json`, then the CLI bundle (scripts/bundle.mjs) and MathJax's
//      compiled code (scripts/code-cache.mjs), when dist/ is missing, deps were just
//      installed, the last build failed, or anything under src/ (or
//      tsconfig.json) is newer than the newest file in dist/.
//   3. System packages (SYSTEM_PACKAGES below). As root with apt-get: install
//      what is missing. Otherwise: one line naming them, exit 1.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Debian packages briefdeck needs at run time. Add new ones here, one per line.
// Packages listed in CUSTOM_CHECKS are detected by that function; every other
// one by `dpkg -s NAME` (skipped when dpkg is absent).
const SYSTEM_PACKAGES = [
  'chromium',
  'fonts-crosextra-carlito',
  'fonts-crosextra-caladea',
  'fonts-liberation2',
  // PPTX files are opened by real LibreOffice in the tests; the PDFs are read back with poppler.
  'libreoffice-impress',
  'poppler-utils',
  // Chinese, Japanese and Korean glyphs for LibreOffice (the HTML and PDFs embed their own fonts).
  'fonts-noto-cjk',
];

// Where the CLI looks for a browser, in order.
const BROWSER_ENV = ['CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH'];
const BROWSER_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

const CUSTOM_CHECKS = {
  chromium: () => findBrowser() !== null,
};

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
// --chrome PATH names the browser, ahead of CHROME_PATH / PUPPETEER_EXECUTABLE_PATH and the system's.
const chromeAt = argv.indexOf('--chrome');
const CHROME = chromeAt >= 0 ? argv.splice(chromeAt, 2)[1] ?? '' : undefined;
const args = new Set(argv);
const CHECK = args.has('--check');
const BUILD_FAILED_MARK = '.build-failed'; // written into dist/ when tsc fails

const log = (msg) => console.log(`setup: ${msg}`);
const fail = (msg) => {
  console.error(`setup: ${msg}`);
  process.exit(1);
};

function isExecutable(p) {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function findBrowser() {
  if (CHROME !== undefined) return isExecutable(CHROME) ? CHROME : null;
  for (const name of BROWSER_ENV) {
    const p = process.env[name];
    if (p && isExecutable(p)) return p;
  }
  for (const p of BROWSER_PATHS) if (isExecutable(p)) return p;
  return null;
}

function mtime(p) {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return -1;
  }
}

/** Newest mtime of any file below dir (-1 when empty or absent). */
function newestFile(dir, skip = () => false) {
  let newest = -1;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return -1;
  }
  for (const e of entries) {
    if (skip(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestFile(p, skip));
    else newest = Math.max(newest, mtime(p));
  }
  return newest;
}

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (r.error) return { ok: false, why: r.error.message };
  return { ok: r.status === 0, why: r.signal ? `signal ${r.signal}` : `exit ${r.status}` };
}

function commandExists(cmd) {
  const path = process.env.PATH ?? '';
  return path.split(':').some((d) => d && isExecutable(join(d, cmd)));
}

// ---- 1. npm dependencies -------------------------------------------------

function depsReason() {
  const nm = join(ROOT, 'node_modules');
  if (!existsSync(nm)) return 'node_modules missing';
  const lock = mtime(join(ROOT, 'package-lock.json'));
  if (lock < 0) return null;
  const installed = mtime(join(nm, '.package-lock.json'));
  if (installed < 0) return 'node_modules/.package-lock.json missing';
  if (lock > installed) return 'package-lock.json changed';
  return null;
}

function ensureDeps() {
  const why = depsReason();
  if (!why) return false;
  if (CHECK) {
    log(`would install npm dependencies (${why})`);
    return true;
  }
  const hasLock = existsSync(join(ROOT, 'package-lock.json'));
  const cmd = hasLock ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  log(`installing npm dependencies (${why}): npm ${cmd[0]}`);
  const r = run('npm', cmd);
  if (!r.ok) fail(`npm ${cmd[0]} failed (${r.why})`);
  return true;
}

// ---- 2. TypeScript build -------------------------------------------------

function buildReason(depsChanged) {
  if (depsChanged) return 'dependencies changed';
  const dist = join(ROOT, 'dist');
  if (!existsSync(dist)) return 'dist/ missing';
  if (existsSync(join(dist, BUILD_FAILED_MARK))) return 'last build failed';
  // The font-metrics seed is made only when missing, so it can be newer than the sources it came from.
  const built = newestFile(dist, (n) => n === BUILD_FAILED_MARK || n === 'font-metrics');
  if (built < 0) return 'dist/ empty';
  const source = Math.max(newestFile(join(ROOT, 'src')), mtime(join(ROOT, 'tsconfig.json')));
  if (source > built) return 'sources changed';
  return null;
}

function ensureBuild(depsChanged) {
  const why = buildReason(depsChanged);
  if (!why) return false;
  if (CHECK) {
    log(`would build TypeScript (${why})`);
    return true;
  }
  const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
  if (!existsSync(tsc)) fail('node_modules/.bin/tsc not found — run `npm ci`');
  log(`building TypeScript (${why})`);
  const r = run(tsc, ['-p', 'tsconfig.json']);
  const mark = join(ROOT, 'dist', BUILD_FAILED_MARK);
  if (!r.ok) {
    // tsc still emits on type errors, which would make dist/ look fresh;
    // the mark forces a rebuild next time.
    try {
      writeFileSync(mark, '');
    } catch {
      /* dist/ may not exist */
    }
    fail('TypeScript build failed');
  }
  const bundled = run(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs')]);
  if (!bundled.ok) {
    writeFileSync(mark, '');
    fail('bundling the CLI failed');
  }
  const cached = run(process.execPath, [join(ROOT, 'scripts', 'code-cache.mjs')]);
  if (!cached.ok) {
    writeFileSync(mark, '');
    fail("saving MathJax's compiled code failed");
  }
  const seeded = run(process.execPath, [join(ROOT, 'scripts', 'font-metrics.mjs')]);
  if (!seeded.ok) {
    writeFileSync(mark, '');
    fail('measuring the default fonts failed');
  }
  rmSync(mark, { force: true });
  return true;
}

// ---- 3. System packages --------------------------------------------------

/** Names from `names` that dpkg reports as installed (one dpkg call). */
function dpkgInstalled(names) {
  if (names.length === 0) return new Set();
  const r = spawnSync('dpkg', ['-s', ...names], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const ok = new Set();
  let pkg = null;
  for (const line of (r.stdout ?? '').split('\n')) {
    if (line.startsWith('Package: ')) pkg = line.slice(9).trim();
    else if (line.startsWith('Status: ') && pkg) {
      if (/\binstalled$/.test(line.trim()) && !line.includes('config-files')) ok.add(pkg);
      pkg = null;
    }
  }
  return ok;
}

function missingPackages() {
  const custom = SYSTEM_PACKAGES.filter((n) => CUSTOM_CHECKS[n]);
  const viaDpkg = SYSTEM_PACKAGES.filter((n) => !CUSTOM_CHECKS[n]);
  const missing = custom.filter((n) => !CUSTOM_CHECKS[n]());
  if (viaDpkg.length && commandExists('dpkg')) {
    const ok = dpkgInstalled(viaDpkg);
    missing.push(...viaDpkg.filter((n) => !ok.has(n)));
  }
  return SYSTEM_PACKAGES.filter((n) => missing.includes(n));
}

function ensureSystem() {
  const missing = missingPackages();
  if (missing.length === 0) {
    if (CHECK) log(`system packages ok (browser: ${findBrowser()})`);
    return false;
  }
  const list = missing.join(' ');
  const canInstall = !CHECK && process.getuid?.() === 0 && commandExists('apt-get');
  if (!canInstall) {
    console.error(
      `briefdeck setup: missing system package(s): ${list} — install with: sudo apt-get install ${list}`,
    );
    process.exit(1);
  }
  log(`installing system package(s): ${list}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = run('apt-get', ['update'], { env });
  if (!r.ok) fail(`apt-get update failed (${r.why})`);
  r = run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  if (!r.ok) fail(`apt-get install failed (${r.why})`);
  const still = missingPackages();
  if (still.length) fail(`still missing after apt-get install: ${still.join(' ')}`);
  return true;
}

// ---- main ----------------------------------------------------------------

const unknown = [...args].filter((a) => !['--check', '--test'].includes(a));
if (unknown.length) fail(`unknown option(s): ${unknown.join(' ')} (use --check, --test or --chrome PATH)`);
if (CHROME !== undefined && !isExecutable(CHROME)) fail(`--chrome: no browser at ${CHROME || '(no path given)'}`);

let pending = ensureDeps();
pending = ensureBuild(pending && !CHECK) || pending;
pending = ensureSystem() || pending;
if (CHECK) {
  if (!pending) log('nothing to do');
  process.exit(pending ? 1 : 0);
}
