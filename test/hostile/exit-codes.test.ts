/**
 * What scripts rely on: exit 0 when decks were written (warnings allowed), 1 for input that is not a
 * usable report (one line per problem), 2 for a command line that is wrong; never a stack trace.
 * `--debug` is accepted and changes nothing about a build that works.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefdeck } from '../helpers/cli.js';
import { tempDir, visibleFiles } from '../helpers/tmp.js';
import { HOSTILE, crashLines } from './support.js';

const GOOD = '# Weekly Depot Brief\n\n## 1. Depots\n\n- Leeds reopened on Monday.\n- York closed two bays.\n';

function folderWith(files: Record<string, string | Buffer>): string {
  const dir = tempDir('briefdeck-exit-');
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('exit 0', () => {
  it('with warnings: the decks are written, each warning is one line on stderr', () => {
    const dir = folderWith({ 'brief.md': `${GOOD}\n![Depot map](maps/north.png)\n\nA pasted bell\u0007 character.\n` });
    const r = briefdeck(['build', 'brief.md', '-f', 'html,pptx', '-o', 'decks'], { cwd: dir });
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.status).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBe(2);
    for (const l of lines) expect(l).toMatch(/^brief\.md(:\d+)?: warning: /);
    expect(visibleFiles(path.join(dir, 'decks')).sort()).toEqual(['brief.html', 'brief.pptx']);
  });
});

describe('exit 1: input that is not a usable report, one line naming it', () => {
  const cases: [string, Record<string, string | Buffer>, string, RegExp][] = [
    ['a report that does not exist', {}, 'gone.md', /^gone\.md: no such file$/],
    // build takes a folder as the reports below it: this one has none.
    ['a folder given as the report', {}, '.', /^\.: (is a folder, not a report|a folder with no Markdown reports \(\.md, \.markdown\) in it)$/],
    ['a binary file', { 'scan.md': Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]) }, 'scan.md', /^scan\.md: not a text file$/],
    ['broken YAML front matter', { 'fm.md': '---\ntitle: [Q3\n---\n# B\n' }, 'fm.md', /^fm\.md:\d+:\d+: invalid front matter: .+$/],
    ['executable front matter', { 'js.md': '---js\nprocess.exit(0)\n---\n# B\n' }, 'js.md', /^js\.md:1: front matter must be YAML; "---js" is refused$/],
    ['an alias bomb', { 'bomb.md': `---\na: &a [x, x, x, x, x, x, x, x]\n${'bcdefghij'.split('').map((n, i) => `${n}: &${n} [${Array(8).fill(`*${'abcdefghij'[i]}`).join(', ')}]`).join('\n')}\ntitle: *j\n---\n# B\n` }, 'bomb.md', /^bomb\.md:\d+(:\d+)?: invalid front matter: .+$/],
    ['a front matter theme that does not exist', { 'theme.md': '---\ntheme: ./nowhere.yaml\n---\n# B\n' }, 'theme.md', /^(theme\.md:2: )?.*nowhere\.yaml.*$/],
  ];

  it.each(cases)('%s', (_name, files, report, line) => {
    const dir = folderWith(files);
    for (const command of [['build', report, '-f', 'html,pptx', '-o', 'decks'], ['plan', report]]) {
      const r = briefdeck(command, { cwd: dir });
      expect(crashLines(r.stderr), command[0]).toEqual([]);
      expect(r.status, `${command[0]}: ${r.stderr}`).toBe(1);
      expect(r.stderr.endsWith('\n')).toBe(true);
      expect(r.stderr.trimEnd().split('\n'), command[0]).toEqual([expect.stringMatching(line)]);
      expect(existsSync(path.join(dir, 'decks')), command[0]).toBe(false);
    }
  });

  // Every stage walks the tree; thousands of nested quotes must not overflow the stack.
  it('a blockquote nested 3000 deep is built, or refused as bad input, never an internal error', () => {
    const dir = folderWith({ 'quotes.md': `# Forwarded Thread\n\n${'> '.repeat(3000)}Original message from the depot.\n` });
    const r = briefdeck(['build', 'quotes.md', '-f', 'html,pptx', '-o', 'decks'], { cwd: dir });
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect([0, 1]).toContain(r.status);
  });
});

describe('exit 0, not an internal error', () => {
  // MathJax throws (rather than reports) for characters between its operator ranges: €, ə, 🪙…
  it('for inline math holding a euro sign, in prose and in a list item', () => {
    const dir = folderWith({ 'rates.md': '# Tariff Note\n\n## 1. Rates\n\nThe rate is $r = 5€$ per pallet.\n\n- The surcharge is $s = 0.4€$ per kilometre.\n' });
    const r = briefdeck(['build', 'rates.md', '-f', 'html,pptx', '-o', 'decks'], { cwd: dir });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.status).toBe(0);
  });
});

describe('exit 2: a command line that is wrong, before anything is read or written', () => {
  const cases: [string, string[]][] = [
    ['an unknown option', ['build', 'brief.md', '--colour', 'red']],
    ['an unknown format', ['build', 'brief.md', '-f', 'html,docx']],
    ['an unknown format inside "all"', ['build', 'brief.md', '-f', 'all,keynote']],
    ['--per-page 5', ['build', 'brief.md', '-f', 'handout', '--per-page', '5']],
    ['--per-page 0', ['build', 'brief.md', '-f', 'handout', '--per-page', '0']],
    ['--per-page -3', ['build', 'brief.md', '-f', 'handout', '--per-page', '-3']],
    ['--per-page 2.5', ['build', 'brief.md', '-f', 'handout', '--per-page', '2.5']],
    ['--per-page abc', ['build', 'brief.md', '-f', 'handout', '--per-page', 'abc']],
    ['--paper a3', ['build', 'brief.md', '-f', 'handout', '--paper', 'a3']],
    ['an unknown built-in theme', ['build', 'brief.md', '-t', 'neon']],
    ['no report', ['build']],
    ['no command', []],
    ['an unknown command', ['bild', 'brief.md']],
    ['two reports for plan', ['plan', 'brief.md', 'other.md']],
  ];

  it.each(cases)('%s', (_name, args) => {
    const dir = folderWith({ 'brief.md': GOOD, 'other.md': GOOD });
    const r = briefdeck([...args, ...(args[0] === 'build' ? ['-o', 'decks'] : [])], { cwd: dir });
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^briefdeck: \S/);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir).sort()).toEqual(['brief.md', 'other.md']);
  });
});

describe('--debug', () => {
  // The internal-error message tells users to "run again with --debug": build and plan must take it.
  it('is accepted by build and changes nothing about a build that works', () => {
    const dir = folderWith({ 'brief.md': GOOD });
    const plain = briefdeck(['build', 'brief.md', '-o', 'plain'], { cwd: dir });
    const debug = briefdeck(['build', 'brief.md', '-o', 'debug', '--debug'], { cwd: dir });
    expect(plain.status).toBe(0);
    expect([debug.status, debug.stderr]).toEqual([0, '']);
    expect(readFileSync(path.join(dir, 'debug', 'brief.html'), 'utf8')).toBe(readFileSync(path.join(dir, 'plain', 'brief.html'), 'utf8'));
  });

  it('is accepted by plan and changes nothing about its output', () => {
    const dir = folderWith({ 'brief.md': GOOD });
    const plain = briefdeck(['plan', 'brief.md', '--json'], { cwd: dir });
    const debug = briefdeck(['plan', 'brief.md', '--json', '--debug'], { cwd: dir });
    expect([debug.status, debug.stderr]).toEqual([0, '']);
    expect(debug.stdout).toBe(plain.stdout);
  });
});

describe('every hostile fixture report', () => {
  const reports = readdirSync(HOSTILE).filter((f) => f.endsWith('.md'));
  it.each(reports)('%s: plan prints its outline with exit 0 and no stack trace', (name) => {
    const out = tempDir('briefdeck-exit-plan-');
    mkdirSync(path.join(out, 'x'));
    const r = briefdeck(['plan', path.join(HOSTILE, name)], { cwd: out });
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ — \d+ slides?\n/);
    expect(readdirSync(out)).toEqual(['x']);
  });
});
