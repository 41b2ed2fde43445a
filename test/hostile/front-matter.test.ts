/**
 * Front matter is YAML and only YAML: executable front matter (`---js`) is refused and never run,
 * broken YAML is one line with file:line:column, and YAML built to exhaust memory (alias bombs,
 * nesting thousands deep) is refused quickly, in bounded memory, with exit 1.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, briefdeck } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/tmp.js';
import { crashLines } from './support.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A report file in a fresh folder. */
function report(name: string, text: string): { dir: string; file: string } {
  const dir = tempDir('briefdeck-fm-');
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return { dir, file };
}

describe('executable front matter', () => {
  // Each block, if a tool ran it, would write pwned.txt into the working folder, or set a global that
  // a second line then writes out.
  const blocks: [string, string][] = [
    ['---js', "---js\nrequire('fs').writeFileSync('pwned.txt', 'ran')\n---\n"],
    ['---javascript', "---javascript\n{ title: (function () { require('fs').writeFileSync('pwned.txt', 'ran'); return 'Owned'; })() }\n---\n"],
    ['--- js (spaced)', "--- js \nglobalThis.pwned = true; require('fs').writeFileSync('pwned.txt', String(globalThis.pwned))\n---\n"],
    ['---JS (upper case)', "---JS\nrequire('child_process').execSync('touch pwned.txt')\n---\n"],
    ['---coffee', "---coffee\nrequire('fs').writeFileSync 'pwned.txt', 'ran'\n---\n"],
  ];

  it.each(blocks)('%s is refused with exit 1 and one line naming the block, and never run', (_name, block) => {
    const { dir, file } = report('status.md', `${block}\n# Weekly Status\n\n## Depots\n\n- All depots open.\n`);
    const out = path.join(dir, 'out');
    const r = briefdeck(['build', file, '-f', 'html,pptx', '-o', out], { cwd: dir });
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${file}:1: front matter must be YAML; "${block.split('\n', 1)[0]}" is refused\n`);
    expect(existsSync(path.join(dir, 'pwned.txt')), 'the block ran').toBe(false);
    expect(existsSync(path.join(ROOT, 'pwned.txt')), 'the block ran').toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('is refused by plan too, which prints no deck', () => {
    const { dir, file } = report('status.md', "---js\nrequire('fs').writeFileSync('pwned.txt', 'ran')\n---\n# T\n");
    const r = briefdeck(['plan', file, '--json'], { cwd: dir });
    expect([r.status, r.stdout]).toEqual([1, '']);
    expect(existsSync(path.join(dir, 'pwned.txt'))).toBe(false);
  });

  it('further down a report is only text, shown as typed (here a setext heading), and never run', () => {
    const { dir, file } = report('later.md', "# Notes\n\nIntro line.\n\n---js\nrequire('fs').writeFileSync('pwned.txt', 'ran')\n---\n\n## Depots\n\n- Open.\n");
    const r = briefdeck(['plan', file, '--json'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const titles = JSON.parse(r.stdout).slides.map((s: { title: string }) => s.title);
    expect(titles).toContain("---js require('fs').writeFileSync('pwned.txt', 'ran')");
    expect(existsSync(path.join(dir, 'pwned.txt'))).toBe(false);
  });
});

describe('malformed YAML front matter', () => {
  const cases: [string, string, number, number][] = [
    ['an unclosed flow sequence', '---\ntitle: Q3 Review\nauthor: [Ops, Finance\n---\n', 4, 1],
    ['a mapping nested in a compact mapping', '---\ntitle: Q3\n  bad: indent\n---\n', 2, 1],
    ['an unterminated quoted string', '---\ntitle: "Q3 Review\nauthor: Ops\n---\n', 2, 8],
    ['a tab used for indentation', '---\ntitle: Q3\nmeta:\n\tauthor: Ops\n---\n', 4, 1],
    ['a duplicate key', '---\ntitle: Q3\ntitle: Q4\n---\n', 3, 1],
  ];

  it.each(cases)('%s is exit 1 and one line, file:line:column: invalid front matter', (_name, fm) => {
    const { dir, file } = report('review.md', `${fm}\n# Body\n\n- Point.\n`);
    const r = briefdeck(['build', file, '-o', path.join(dir, 'out')]);
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${escape(file)}:\\d+:\\d+: invalid front matter: [^\\n]+\\n$`));
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('points at the line and column of the mistake in the file, counting the opening ---', () => {
    // Line 4 of the file, column 8: the second ": " of "sites: x: y".
    const { file } = report('review.md', '---\ntitle: Q3\nowner: ops\nsites: x: y\n---\n\n# Body\n');
    const r = briefdeck(['plan', file]);
    expect(r.stderr).toBe(`${file}:4:8: invalid front matter: Nested mappings are not allowed in compact mappings\n`);
  });
});

describe('YAML built to exhaust memory', () => {
  /** Runs the CLI with a small heap: expanding any of these would need gigabytes and crash it instead. */
  function boundedBuild(file: string, out: string) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=256', CLI, 'build', file, '-f', 'html,pptx', '-o', out], {
      cwd: path.dirname(file),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', BRIEFDECK_DEBUG: '' },
      // A guard for the test run only: the build is expected to end long before it.
      timeout: 25_000,
      killSignal: 'SIGKILL',
    });
    return { status: r.status, signal: r.signal, stderr: r.stderr };
  }

  const billionLaughs = (() => {
    const lines = ['---', 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
    return [...lines, 'title: *j', '---', ''].join('\n');
  })();
  const doubling = (() => {
    const lines = ['---', 'l0: &l0 "ha"'];
    for (let i = 1; i <= 60; i++) lines.push(`l${i}: &l${i} [*l${i - 1}, *l${i - 1}]`);
    return [...lines, 'author: *l60', '---', ''].join('\n');
  })();
  const mergeKeys = (() => {
    const lines = ['---', 'm0: &m0 {k: v}'];
    for (let i = 1; i <= 40; i++) lines.push(`m${i}: &m${i} {<<: [*m${i - 1}, *m${i - 1}], k${i}: ${i}}`);
    return [...lines, 'title: Merge', '---', ''].join('\n');
  })();
  const deepFlow = `---\ntitle: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\n`;
  const deepBlock = `---\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n---\n`;

  it.each([
    ['billion laughs (9 × 9 aliases, ten levels)', billionLaughs],
    ['sixty levels of doubling aliases', doubling],
    ['merge keys doubling forty times', mergeKeys],
    ['a flow sequence nested 100 000 deep', deepFlow],
    ['a block mapping nested 3000 deep', deepBlock],
  ])('%s: exit 1, one line naming the file, and the build ends on its own in a small heap', (_name, fm) => {
    const { dir, file } = report('bomb.md', `${fm}\n# Body\n\n- Point.\n`);
    const r = boundedBuild(file, path.join(dir, 'out'));
    expect(r.signal, 'the build had to be killed').toBeNull();
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${escape(file)}:\\d+(:\\d+)?: invalid front matter: [^\\n]+\\n$`));
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  }, 30_000);
});

describe('front matter values that are not text', () => {
  // A mapping where text belongs is a mistake to point at, or to ignore; printing JavaScript's
  // "[object Object]" on the cover is neither.
  it('never put "[object Object]" on a slide', () => {
    const { file } = report('mapped.md', '---\ntitle: {text: Fleet Review, size: large}\nauthor:\n  name: Ops Desk\n---\n\n## Depots\n\n- Open.\n');
    const r = briefdeck(['plan', file, '--json']);
    expect(crashLines(r.stderr)).toEqual([]);
    if (r.status === 0) expect(r.stdout).not.toContain('[object Object]');
    else expect(r.stderr).toMatch(/^\S+mapped\.md:\d+(:\d+)?: /);
  });

  it('are shown as their text: numbers, dates, booleans and lists', () => {
    const { file } = report('values.md', '---\ntitle: 2027\nsubtitle: true\nauthor: [Ops, Finance, Legal]\ndate: 2027-01-31\n---\n\n## Depots\n\n- Open.\n');
    const r = briefdeck(['plan', file, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).meta).toMatchObject({ title: '2027', subtitle: 'true', author: 'Ops, Finance, Legal', date: '2027-01-31' });
  });

  it('a __proto__ key is kept as data and changes nothing else', () => {
    const { file } = report('proto.md', '---\n__proto__: {title: Polluted, polluted: yes}\ntitle: Fleet Review\nconstructor: {prototype: {polluted: yes}}\n---\n\n## Depots\n\n- Open.\n');
    const r = briefdeck(['plan', file, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const deck = JSON.parse(r.stdout);
    expect(deck.meta.title).toBe('Fleet Review');
    expect(r.stdout).not.toContain('Polluted');
  });
});
