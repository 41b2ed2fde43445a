/**
 * `briefdeck check` in a CI job: it plans without writing, names each problem as file:line, fails
 * on what cannot be presented (a missing picture or linked file, an unreadable report), warns about
 * what reads badly, and fails on those too with --strict.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefdeck } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/tmp.js';

interface Found {
  diagnostics: Array<{ level: 'warning' | 'error'; code: string; message: string; file: string; line?: number }>;
}

const dir = tempDir('briefdeck-check-');
const sentence = 'The harbour authority counted every crane lift, every vessel movement and every shift change across both terminals this year.';

beforeAll(() => {
  mkdirSync(path.join(dir, 'logs'));
  writeFileSync(path.join(dir, 'logs', 'lifts.csv'), 'month,lifts\n');
  writeFileSync(
    path.join(dir, 'broken.md'),
    [
      '# Harbour Safety Review',
      '## 1. Incidents',
      'Near misses fell after the quay lighting went in. See the [incident log](logs/incidents.csv), the [lift log](logs/lifts.csv) and the [policy](https://example.com/policy).',
      '![Incidents per month](charts/incidents.png)',
    ].join('\n\n'),
  );
  writeFileSync(
    path.join(dir, 'untidy.md'),
    [
      '# Harbour Operations',
      '## 1. A heading about the terminals that is far too long to fit on one line of any slide title',
      'Crane lifts rose by a tenth.',
      '## 2. Training',
      '## 3. Equipment',
      '<div onclick="alert(1)">Cranes were inspected in March.</div>',
      '## 4. Lifts by month',
      Array.from({ length: 40 }, (_, i) => `- Month ${i + 1}: ${sentence}`).join('\n'),
    ].join('\n\n'),
  );
});

describe('briefdeck check', () => {
  it('writes nothing and exits 0 for a report a presenter can use as it is, even with --strict', () => {
    for (const extra of [[], ['--strict']]) {
      const r = briefdeck(['check', EXAMPLE, ...extra], { cwd: dir });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect(existsSync(path.join(dir, 'output'))).toBe(false);
  });

  it('fails on a missing picture and a link to a missing file, each one line with file:line', () => {
    const r = briefdeck(['check', 'broken.md'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'broken.md:5: error: link to a file that does not exist: logs/incidents.csv',
      'broken.md:7: error: image not found: charts/incidents.png',
    ]);
  });

  it('warns about a long title, an empty section, dropped HTML and a section running over many slides, and exits 0', () => {
    const r = briefdeck(['check', 'untidy.md'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^untidy\.md:3: warning: title takes 2 lines on its slide: "A heading about the terminals/),
      'untidy.md:7: warning: section "Training" has no text',
      expect.stringMatching(/^untidy\.md:11: warning: raw HTML/),
      expect.stringMatching(/^untidy\.md:13: warning: "Lifts by month" continues on \d+ more slides \(at most 2\): shorten it or split the section$/),
    ]);
  });

  it('lets the limit on continued slides be set, and makes every warning an error with --strict', () => {
    const loose = briefdeck(['check', 'untidy.md', '--max-continued', '20', '--json'], { cwd: dir });
    expect((JSON.parse(loose.stdout) as Found).diagnostics.map((d) => d.code)).not.toContain('slides-continued');
    const strict = briefdeck(['check', 'untidy.md', '--strict'], { cwd: dir });
    expect(strict.status).toBe(1);
    expect(strict.stderr.trim().split('\n').every((l) => l.includes(': error: '))).toBe(true);
  });

  it('gives { diagnostics } as JSON on stdout, and counts a report it cannot read as an error', () => {
    writeFileSync(path.join(dir, 'scan.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]));
    const r = briefdeck(['check', 'broken.md', 'scan.md', 'untidy.md', '--json'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const found = JSON.parse(r.stdout) as Found;
    expect(found.diagnostics.filter((d) => d.level === 'error').map((d) => [d.file, d.code, d.line])).toEqual([
      ['broken.md', 'link-missing', 5],
      ['broken.md', 'image-missing', 7],
      ['scan.md', 'input', undefined],
    ]);
    expect(found.diagnostics.find((d) => d.file === 'scan.md')!.message).toBe('not a text file');
    expect(found.diagnostics.filter((d) => d.file === 'untidy.md').map((d) => d.code)).toEqual(['title-long', 'section-empty', 'html-dropped', 'slides-continued']);
  });

  it('reports a theme whose text is hard to read', () => {
    writeFileSync(path.join(dir, 'pale.yaml'), 'name: pale\ncolors:\n  text: "#BBBBBB"\n');
    const r = briefdeck(['check', EXAMPLE, '--theme', './pale.yaml', '--json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Found).diagnostics.map((d) => d.code)).toContain('theme-contrast');
  });

  it('passes over the slides of a skipped section, and reports a directive it cannot follow', () => {
    writeFileSync(
      path.join(dir, 'skipped.md'),
      [
        '# Harbour Operations',
        '## 1. Cranes',
        '<!-- layout: grid -->',
        'Crane lifts rose by a tenth.',
        '<!-- skip -->',
        '## 2. Appendix: a heading about the terminals that is far too long to fit on one line of any slide title',
        Array.from({ length: 40 }, (_, i) => `- Month ${i + 1}: ${sentence}`).join('\n'),
      ].join('\n\n'),
    );
    const r = briefdeck(['check', 'skipped.md', '--json'], { cwd: dir });
    expect(r.status).toBe(0);
    const found = (JSON.parse(r.stdout) as Found).diagnostics;
    expect(found.map((d) => [d.code, d.line])).toEqual([['directive', 5]]);
  });

  it.each(['-1', '1.5'])('refuses --max-continued %s as a usage error (exit 2)', (value) => {
    const r = briefdeck(['check', 'untidy.md', '--max-continued', value], { cwd: dir });
    expect(r.status).toBe(2);
  });
});
