/**
 * MathJax's bundle is loaded with the code V8 compiled for it at build time. The saved code must be
 * accepted by the Node that built it, must typeset exactly as MathJax loaded plainly does, and a
 * cache that does not fit must cost nothing but time.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireWithCodeCache } from '../../src/math/code-cache.js';
import { typeset } from '../../src/math/typeset.js';
import { ROOT } from '../helpers/fixtures.js';

const BUNDLE = path.join(ROOT, 'dist', 'mathjax-kit.cjs');
const FORMULAS: Array<[string, boolean]> = [
  ['a^2 + b^2 = c^2', false],
  ['\\int_0^1 x\\,dx = \\frac{1}{2}', true],
  ['\\text{margin} = \\frac{\\text{EBIT}}{\\text{revenue}} \\approx 12\\%', true],
  ['\\frac{1}{', false],
];

/** Runs a script in a plain Node, as the CLI runs: no test runner between it and V8. */
const node = (script: string) => execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });

const temp = mkdtempSync(path.join(tmpdir(), 'briefdeck-code-cache-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("MathJax's saved code", () => {
  it('is saved by the build next to the bundle and accepted by this Node', () => {
    const out = node(`
      import vm from 'node:vm'; import { readFileSync } from 'node:fs'; import { Module } from 'node:module';
      const file = ${JSON.stringify(BUNDLE)};
      const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: readFileSync(file + '.v8-cache') });
      console.log(script.cachedDataRejected);`);
    expect(out.trim()).toBe('false');
  });

  it('typesets exactly as MathJax loaded plainly', () => {
    const built = JSON.parse(
      node(`
        import { typeset } from ${JSON.stringify(path.join(ROOT, 'dist', 'math', 'typeset.js'))};
        console.log(JSON.stringify(${JSON.stringify(FORMULAS)}.map(([tex, display]) => typeset(tex, display))));`),
    );
    expect(built).toEqual(FORMULAS.map(([tex, display]) => JSON.parse(JSON.stringify(typeset(tex, display)))));
    expect(built[3].error).toBeTruthy();
  });

  it('loads the module as before when the saved code does not fit', () => {
    const file = path.join(temp, 'mathjax-kit.cjs');
    copyFileSync(BUNDLE, file);
    writeFileSync(`${file}.v8-cache`, Buffer.from('saved by another Node, or cut short'));
    const kit = requireWithCodeCache(file) as { mathjax?: { version?: string } };
    expect(kit.mathjax?.version).toMatch(/^\d+\.\d+/);
  });
});
