/**
 * A pipeline builds a night's reports in one call: folders and globs name them, shards split them
 * across machines, unchanged reports are skipped, a broken one does not stop the rest, and no browser
 * outlives the run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefdeck, CLI } from '../helpers/cli.js';
import { hasBrowser } from '../helpers/browser.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { tempDir, visibleFiles } from '../helpers/tmp.js';

interface Summary {
  reports: Array<{ input: string; files: string[]; slides: number; warnings: number; milliseconds: number; cached: boolean; error?: string }>;
}

const json = (stdout: string): Summary => JSON.parse(stdout) as Summary;

/** A short report of its own for each region, so every deck differs. */
function regionReport(region: string, extra = ''): string {
  return `# ${region} Depot Review\n\n## 1. Throughput\n\nThe ${region} depot handled more parcels per shift than last quarter, mostly from the new sorting line.\n\n## 2. Staffing\n\nTwo supervisors joined in ${region}; overtime fell by a fifth.\n${extra}`;
}

describe('folders and globs', () => {
  const dir = tempDir('briefdeck-batch-globs-');
  const reports = path.join(dir, 'reports');
  beforeAll(() => {
    mkdirSync(path.join(reports, '2025'), { recursive: true });
    mkdirSync(path.join(reports, '2026'), { recursive: true });
    mkdirSync(path.join(reports, 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(path.join(reports, '.drafts'), { recursive: true });
    writeFileSync(path.join(reports, 'summary.md'), regionReport('Northern'));
    writeFileSync(path.join(reports, '2025', 'q4.md'), regionReport('Eastern'));
    writeFileSync(path.join(reports, '2026', 'q4.markdown'), regionReport('Western'));
    writeFileSync(path.join(reports, 'notes.txt'), 'not a report');
    writeFileSync(path.join(reports, 'node_modules', 'pkg', 'README.md'), '# A package readme\n');
    writeFileSync(path.join(reports, '.drafts', 'draft.md'), '# A draft\n');
  });

  it('takes a folder as every Markdown report below it, and mirrors its sub-folders in the output', () => {
    const r = briefdeck(['build', 'reports', '-o', 'out', '--json'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(json(r.stdout).reports.map((x) => x.input)).toEqual([
      path.join('reports', '2025', 'q4.md'),
      path.join('reports', '2026', 'q4.markdown'),
      path.join('reports', 'summary.md'),
    ]);
    // Two reports called q4 do not overwrite each other: each keeps its year's folder.
    expect(visibleFiles(path.join(dir, 'out')).sort()).toEqual(['2025', '2026', 'summary.html']);
    expect(readFileSync(path.join(dir, 'out', '2025', 'q4.html'), 'utf8')).toContain('Eastern Depot Review');
    expect(readFileSync(path.join(dir, 'out', '2026', 'q4.html'), 'utf8')).toContain('Western Depot Review');
  });

  it('expands a quoted glob itself, as a shell would', () => {
    const flat = briefdeck(['build', 'reports/*.md', '-o', 'flat', '--json'], { cwd: dir });
    expect(flat.status, flat.stderr).toBe(0);
    expect(json(flat.stdout).reports.map((x) => x.input)).toEqual([path.join('reports', 'summary.md')]);
    const deep = briefdeck(['build', 'reports/**/*.md', '-o', 'deep', '--json'], { cwd: dir });
    expect(deep.status, deep.stderr).toBe(0);
    expect(json(deep.stdout).reports.map((x) => x.input)).toEqual([path.join('reports', '2025', 'q4.md'), path.join('reports', 'summary.md')]);
    expect(existsSync(path.join(dir, 'deep', '2025', 'q4.html'))).toBe(true);
  });

  it('says which glob or folder matched no report, exit 1, and builds the others', () => {
    mkdirSync(path.join(dir, 'empty'), { recursive: true });
    const r = briefdeck(['build', 'reports/summary.md', 'archive/*.md', 'empty', '-o', 'some'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['archive/*.md: matches no file', 'empty: a folder with no Markdown reports (.md, .markdown) in it']);
    expect(visibleFiles(path.join(dir, 'some'))).toEqual(['summary.html']);
  });
});

describe('--shard i/n', () => {
  const dir = tempDir('briefdeck-batch-shard-');
  const names = ['alder', 'birch', 'cedar', 'damson', 'elm', 'fir', 'gorse'];
  beforeAll(() => {
    for (const n of names) writeFileSync(path.join(dir, `${n}.md`), regionReport(n));
  });
  const shard = (i: number, n: number, order: string[]) => {
    const r = briefdeck(['build', ...order.map((x) => `${x}.md`), '--shard', `${i}/${n}`, '-o', `out-${i}-${n}`, '--json'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    return json(r.stdout).reports.map((x) => path.basename(x.input, '.md'));
  };

  it('builds every report in exactly one shard, the shards within one report of the same size', () => {
    for (const n of [1, 2, 3, 7]) {
      const shards = Array.from({ length: n }, (_, i) => shard(i + 1, n, names));
      expect(shards.flat().sort()).toEqual(names);
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('splits the same way whatever order the shell listed the files in', () => {
    const shuffled = ['fir', 'alder', 'gorse', 'cedar', 'elm', 'birch', 'damson'];
    for (let i = 1; i <= 3; i++) expect(shard(i, 3, shuffled).sort()).toEqual(shard(i, 3, names).sort());
  });

  it('builds nothing and says so for a shard with no reports, exit 0', () => {
    const r = briefdeck(['build', 'alder.md', '--shard', '2/3', '-o', 'lone'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('shard 2/3: no reports to build\n');
    expect(existsSync(path.join(dir, 'lone'))).toBe(false);
  });

  it.each(['0/3', '4/3', '1/0', 'half', '1/2/3'])('refuses --shard %s as a usage error (exit 2)', (value) => {
    const r = briefdeck(['build', 'alder.md', '--shard', value], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`briefdeck: --shard must be i/n with 1 ≤ i ≤ n, such as 1/4 (got "${value}")\n`);
  });
});

describe('unchanged reports are not rebuilt', () => {
  const dir = tempDir('briefdeck-batch-cache-');
  const out = path.join(dir, 'out');
  const mtimes = () => Object.fromEntries(visibleFiles(out).map((f) => [f, statSync(path.join(out, f)).mtimeMs]));
  const build = (...extra: string[]) => {
    const r = briefdeck(['build', 'north.md', 'south.md', 'west.md', '-f', 'html,pptx', '-o', 'out', '--json', ...extra], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    return json(r.stdout).reports;
  };
  const cachedOf = (reports: Summary['reports']) => Object.fromEntries(reports.map((r) => [path.basename(r.input, '.md'), r.cached]));
  beforeAll(() => {
    cpSync(path.join(FIXTURES, 'images'), path.join(dir, 'images'), { recursive: true });
    const picture = readdirSync(path.join(dir, 'images')).find((f) => f.endsWith('.png'))!;
    writeFileSync(path.join(dir, 'north.md'), regionReport('Northern'));
    writeFileSync(path.join(dir, 'south.md'), regionReport('Southern', `\n![Parcels per shift](images/${picture})\n`));
    writeFileSync(path.join(dir, 'west.md'), `---\ntheme: ./house.yaml\n---\n${regionReport('Western')}`);
    writeFileSync(path.join(dir, 'house.yaml'), 'name: house\ncolors:\n  accent: "#0F766E"\n');
  });

  it('builds everything the first time, and nothing the second: same decks, untouched files', () => {
    const first = build();
    expect(first.every((r) => !r.cached && r.files.length === 2)).toBe(true);
    const before = mtimes();
    const second = build();
    expect(cachedOf(second)).toEqual({ north: true, south: true, west: true });
    // The summary still says what each deck is: files, slides and warnings as built.
    expect(second.map((r) => [r.files, r.slides, r.warnings])).toEqual(first.map((r) => [r.files, r.slides, r.warnings]));
    expect(mtimes()).toEqual(before);
  });

  it('rebuilds only the report that changed, or whose picture or theme changed', () => {
    build();
    writeFileSync(path.join(dir, 'north.md'), regionReport('Northern', '\n## 3. Fleet\n\nFour vans were replaced with electric ones.\n'));
    expect(cachedOf(build())).toEqual({ north: false, south: true, west: true });
    expect(readFileSync(path.join(out, 'north.html'), 'utf8')).toContain('Fleet');

    const picture = readdirSync(path.join(dir, 'images')).find((f) => f.endsWith('.png'))!;
    const bytes = readFileSync(path.join(dir, 'images', picture));
    writeFileSync(path.join(dir, 'images', picture), Buffer.concat([bytes, Buffer.from([0])]));
    expect(cachedOf(build())).toEqual({ north: true, south: false, west: true });

    writeFileSync(path.join(dir, 'house.yaml'), 'name: house\ncolors:\n  accent: "#9A3412"\n');
    expect(cachedOf(build())).toEqual({ north: true, south: true, west: false });
    expect(readFileSync(path.join(out, 'west.html'), 'utf8')).toContain('#9A3412');
  });

  it('rebuilds a report whose output was deleted or edited, or when the options change', () => {
    build();
    rmSync(path.join(out, 'south.pptx'));
    writeFileSync(path.join(out, 'west.html'), 'edited by hand');
    expect(cachedOf(build())).toEqual({ north: true, south: false, west: false });
    expect(existsSync(path.join(out, 'south.pptx'))).toBe(true);
    expect(cachedOf(build('--theme', 'stage'))).toEqual({ north: false, south: false, west: false });
    expect(cachedOf(build('--theme', 'stage'))).toEqual({ north: true, south: true, west: true });
  });

  it('rebuilds everything with --force', () => {
    build();
    const before = mtimes();
    expect(cachedOf(build('--force'))).toEqual({ north: false, south: false, west: false });
    const after = mtimes();
    for (const f of Object.keys(before)) expect(after[f], f).not.toBe(before[f]);
  });

  it('needs no browser when every PDF is up to date', () => {
    if (!hasBrowser) return;
    const first = briefdeck(['build', 'north.md', '-f', 'pdf', '-o', 'pdfs'], { cwd: dir });
    expect(first.status, first.stderr).toBe(0);
    // Were the browser started, this would fail: there is none at this path.
    const again = briefdeck(['build', 'north.md', '-f', 'pdf', '-o', 'pdfs', '--chrome', path.join(dir, 'no-browser-here')], { cwd: dir });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('unchanged');
  });
});

describe('a batch of reports built side by side', () => {
  const dir = tempDir('briefdeck-batch-side-');
  const regions = ['Northern', 'Eastern', 'Southern', 'Western', 'Central', 'Coastal'];
  beforeAll(() => {
    regions.forEach((r, i) => writeFileSync(path.join(dir, `${String(i + 1).padStart(2, '0')}-${r.toLowerCase()}.md`), regionReport(r)));
    // A broken report in the middle of the run: its front matter never closes its list.
    writeFileSync(path.join(dir, '03b-broken.md'), '---\ntitle: Broken\nowners: [Ops, Finance\n---\n\n# Body\n');
  });

  it('builds each good report as if alone, reports the broken one in its place, and exits 1', () => {
    const r = briefdeck(['build', '.', '-f', 'html,pptx', '--concurrency', '3', '-o', 'out', '--json'], { cwd: dir });
    expect(r.status).toBe(1);
    const reports = json(r.stdout).reports;
    expect(reports.map((x) => path.basename(x.input))).toEqual(readdirSync(dir).filter((f) => f.endsWith('.md')).sort());
    const broken = reports.find((x) => x.input.includes('broken'))!;
    expect(broken.error).toMatch(/^03b-broken\.md:3:\d+: invalid front matter/);
    expect(r.stderr.trim().split('\n')).toEqual([broken.error]);
    for (const x of reports.filter((x) => x !== broken)) {
      expect(x.error).toBeUndefined();
      expect(x.files.map((f) => path.extname(f))).toEqual(['.html', '.pptx']);
      expect(x.milliseconds).toBeGreaterThan(0);
      expect(x.slides).toBeGreaterThan(0);
    }
  });

  it('writes the same decks with one report at a time as with several at once', () => {
    const one = briefdeck(['build', '.', '-f', 'html', '-j', '1', '-o', 'one', '--json'], { cwd: dir });
    const many = briefdeck(['build', '.', '-f', 'html', '-j', '4', '-o', 'many', '--json'], { cwd: dir });
    expect(one.status).toBe(1);
    expect(many.status).toBe(1);
    const decks = (folder: string) => visibleFiles(path.join(dir, folder)).map((f) => readFileSync(path.join(dir, folder, f), 'utf8').replace(/briefdeck-[0-9a-f]+/g, ''));
    expect(visibleFiles(path.join(dir, 'many'))).toEqual(visibleFiles(path.join(dir, 'one')));
    expect(decks('many')).toEqual(decks('one'));
  });

  it.each(['0', '-2', '1.5', 'many'])('refuses --concurrency %s as a usage error (exit 2)', (value) => {
    const r = briefdeck(['build', '.', '--concurrency', value], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^briefdeck: --concurrency must be a whole number of 1 or more/);
  });

  it('shows reports done, the ones being built and the time on a terminal', () => {
    // `script` gives the run a terminal, as a person watching it has. The bar shows once a run has
    // taken half a second, so the run prints, one report at a time, to last well beyond that.
    const formats = hasBrowser ? 'pdf,pptx' : 'html,pptx';
    const tty = spawnSync('script', ['-qec', `${process.execPath} ${CLI} build . -f ${formats} -j 1 -o tty --force`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (tty.error) return; // no `script` on this system
    expect(tty.stdout).toMatch(/\] \d+\/7 reports \d+\.\ds /);
  });
});

describe('the browser of a batch', () => {
  const dir = tempDir('briefdeck-batch-browser-');
  const tmp = path.join(dir, 'tmp');
  beforeAll(() => {
    mkdirSync(tmp);
    for (const r of ['Northern', 'Eastern', 'Southern', 'Western']) writeFileSync(path.join(dir, `${r.toLowerCase()}.md`), regionReport(r));
    writeFileSync(path.join(dir, 'broken.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]));
  });

  it('leaves no Chromium process and no browser profile behind, after a run with a broken report', () => {
    if (!hasBrowser) return;
    // The run's own temporary folder: its browser's profile lives there, so its processes can be told apart.
    const r = briefdeck(['build', '.', '-f', 'pdf,handout', '-o', 'out'], { cwd: dir, env: { TMPDIR: tmp } });
    expect(r.status).toBe(1);
    expect(visibleFiles(path.join(dir, 'out')).length).toBe(8);
    const left = spawnSync('pgrep', ['-f', tmp], { encoding: 'utf8' });
    expect(left.stdout.trim()).toBe('');
    expect(readdirSync(tmp).filter((f) => f.startsWith('briefdeck-chrome-'))).toEqual([]);
  });
});
