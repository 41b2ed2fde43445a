/** The command line as scripts and users meet it: files written, exit codes, one-line errors. */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefdeck } from '../helpers/cli.js';
import { EXAMPLE, FIXTURES } from '../helpers/fixtures.js';
import { tempDir, visibleFiles } from '../helpers/tmp.js';

const tmp = () => tempDir('briefdeck-cli-');

describe('briefdeck build', () => {
  it('writes <out>/<stem>.html and says so', () => {
    const out = tmp();
    const r = briefdeck(['build', EXAMPLE, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(visibleFiles(out)).toEqual(['quarterly-review.html']);
    expect(r.stdout).toContain(path.join(out, 'quarterly-review.html'));
  });

  it('writes every format from one plan with -f all, each file next to the others', () => {
    const out = tmp();
    const r = briefdeck(['build', EXAMPLE, '-f', 'all', '-o', out, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const stems = ['quarterly-review.html', 'quarterly-review.pptx', 'quarterly-review.pdf', 'quarterly-review.handout.pdf', 'quarterly-review.notes.pdf', 'quarterly-review.briefing.pdf'];
    expect(visibleFiles(out).sort()).toEqual([...stems].sort());
    const [report] = JSON.parse(r.stdout).reports;
    expect(report.files).toEqual(stems.map((f) => path.join(out, f)));
    // Each file is a real file of its kind, not an empty one.
    expect(readFileSync(path.join(out, 'quarterly-review.pptx')).subarray(0, 2).toString()).toBe('PK');
    for (const pdf of stems.filter((f) => f.endsWith('.pdf'))) {
      expect(readFileSync(path.join(out, pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('writes HTML and PPTX of the same deck with -f html,pptx', () => {
    const out = tmp();
    const r = briefdeck(['build', EXAMPLE, '-f', 'html,pptx', '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(visibleFiles(out).sort()).toEqual(['quarterly-review.html', 'quarterly-review.pptx']);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    // One plan: both files report the same slide count.
    expect(new Set(lines.map((l) => /\((\d+) slides/.exec(l)?.[1])).size).toBe(1);
  });

  it('needs no browser for HTML and PPTX', () => {
    const out = tmp();
    const r = briefdeck(['build', EXAMPLE, '-f', 'html,pptx', '-o', out], { env: { CHROME_PATH: path.join(out, 'no-such-browser') } });
    expect(r.status, r.stderr).toBe(0);
    expect(visibleFiles(out)).toHaveLength(2);
  });

  it('writes to ./output by default', () => {
    const cwd = tmp();
    writeFileSync(path.join(cwd, 'notes.md'), '# Weekly Notes\n\n## Status\nAll projects are on track this week.\n');
    const r = briefdeck(['build', 'notes.md'], { cwd });
    expect(r.status).toBe(0);
    expect(existsSync(path.join(cwd, 'output', 'notes.html'))).toBe(true);
  });

  it('prints a JSON summary with --json', () => {
    const out = tmp();
    const r = briefdeck(['build', EXAMPLE, path.join(FIXTURES, 'agent-report.md'), '-o', out, '--json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.reports).toHaveLength(2);
    expect(summary.reports[0]).toMatchObject({ input: EXAMPLE, files: [path.join(out, 'quarterly-review.html')], warnings: 0 });
    expect(summary.reports[0].slides).toBeGreaterThan(10);
  });

  it('reports a missing image as file:line: warning and still builds', () => {
    const out = tmp();
    const report = path.join(FIXTURES, 'structured-report.md');
    const r = briefdeck(['build', report, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr.trim()).toBe(`${report}:39: warning: image not found: figures/specialty-waits.png`);
  });

  it('fails with one line and exit 1 for a file that does not exist', () => {
    const r = briefdeck(['build', 'no-such-report.md', '-o', tmp()]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('no-such-report.md: no such file\n');
  });

  it('fails with exit 1 for a file that is not text, writing nothing', () => {
    const dir = tmp();
    const out = path.join(dir, 'out');
    writeFileSync(path.join(dir, 'logo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const r = briefdeck(['build', path.join(dir, 'logo.md'), '-o', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${path.join(dir, 'logo.md')}: not a text file\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('fails with file:line:column for malformed front matter', () => {
    const dir = tmp();
    const file = path.join(dir, 'bad.md');
    writeFileSync(file, '---\ntitle: Quarterly update\nauthor: [unclosed\n---\n\n# Body\n');
    const r = briefdeck(['build', file, '-o', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: invalid front matter: .+\\n$`));
    expect(r.stderr.split('\n')).toHaveLength(2);
  });

  it('is a usage error (exit 2) to ask for an unknown format, paper or handout layout', () => {
    const out = tmp();
    const unknown = briefdeck(['build', EXAMPLE, '-f', 'html,docx', '-o', out]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^briefdeck: unknown format "docx" \(available: html, pptx, pdf, handout, notes, briefing, all\)/);
    expect(briefdeck(['build', EXAMPLE, '-f', 'handout', '--paper', 'a3', '-o', out]).status).toBe(2);
    expect(briefdeck(['build', EXAMPLE, '-f', 'handout', '--per-page', '5', '-o', out]).status).toBe(2);
    expect(readdirSync(out)).toEqual([]);
  });

  it('is a usage error (exit 2) to give no report or an unknown option', () => {
    expect(briefdeck(['build']).status).toBe(2);
    const r = briefdeck(['build', EXAMPLE, '--colour', 'red']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown argument/);
  });
});

describe('themes and batches', () => {
  it('takes a theme file by path, its tokens over the default', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'brand.yaml'), 'name: brand\ncolors:\n  accent: "#C2410C"\n  heading: "#3B0764"\n');
    const r = briefdeck(['build', EXAMPLE, '-o', dir, '-t', path.join(dir, 'brand.yaml')]);
    expect(r.status).toBe(0);
    const html = readFileSync(path.join(dir, 'quarterly-review.html'), 'utf8');
    expect(html).toContain('--bd-accent: #C2410C');
    expect(html).toContain('--bd-heading: #3B0764');
    expect(html).toContain('--bd-background: #FFFFFF');
  });

  it('says which theme file is missing or wrong (exit 1), and which theme name is unknown (exit 2)', () => {
    const dir = tmp();
    const missing = briefdeck(['build', EXAMPLE, '-o', dir, '-t', './nowhere.yaml']);
    expect([missing.status, missing.stderr]).toEqual([1, './nowhere.yaml: theme file not found\n']);
    writeFileSync(path.join(dir, 'bad.yaml'), 'colors:\n  accent: 12\n');
    const bad = briefdeck(['build', EXAMPLE, '-o', dir, '-t', path.join(dir, 'bad.yaml')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/bad\.yaml:2: colors\.accent: 12 is not a colour\n$/);
    const unknown = briefdeck(['build', EXAMPLE, '-o', dir, '-t', 'neon']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^briefdeck: unknown theme "neon"/);
  });

  it('points at the front matter line of a theme it does not know (exit 1)', () => {
    const dir = tmp();
    const file = path.join(dir, 'r.md');
    writeFileSync(file, '---\ntitle: Weekly\ntheme: neon\n---\n\n## Status\nOn track.\n');
    const r = briefdeck(['build', file, '-o', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: unknown theme "neon"`));
  });

  it('builds the good reports of a batch when one is broken, and exits 1', () => {
    const dir = tmp();
    const r = briefdeck(['build', 'missing-one.md', EXAMPLE, '-o', dir, '--json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('missing-one.md: no such file\n');
    const summary = JSON.parse(r.stdout);
    expect(summary.reports.map((x: { input: string; error?: string }) => [x.input, x.error])).toEqual([
      ['missing-one.md', 'missing-one.md: no such file'],
      [EXAMPLE, undefined],
    ]);
    expect(existsSync(path.join(dir, 'quarterly-review.html'))).toBe(true);
  });
});

describe('briefdeck plan', () => {
  it('prints the deck model as JSON and writes nothing', () => {
    const cwd = tmp();
    const r = briefdeck(['plan', EXAMPLE, '--json'], { cwd });
    expect(r.status).toBe(0);
    const deck = JSON.parse(r.stdout);
    expect(deck.meta.title).toBe('Northwind Freight — Q3 2026 Operations Review');
    for (const slide of deck.slides) {
      expect(slide).toHaveProperty('layout');
      expect(slide).toHaveProperty('title');
      expect(typeof slide.notes).toBe('string');
      expect(slide.source).toEqual({ section: expect.any(String), line: expect.any(Number) });
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('prints a readable outline without --json', () => {
    const r = briefdeck(['plan', path.join(FIXTURES, 'agent-report.md')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Report on Developments in Grid-Scale Energy Storage — \d+ slides/);
    expect(r.stdout).toMatch(/\n *2 +agenda +Agenda\n/);
    expect(r.stdout).toMatch(/bullets +1 Falling Battery Costs\n +• /);
  });
});

describe('help and version', () => {
  it('--help lists the commands with examples', () => {
    const r = briefdeck(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('briefdeck build <reports..>');
    expect(r.stdout).toContain('briefdeck plan <report>');
    const build = briefdeck(['build', '--help']);
    expect(build.stdout).toContain('Examples:');
    expect(build.stdout).toContain('--format');
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    expect(briefdeck(['--version']).stdout.trim()).toBe(pkg.version);
  });
});
