/** The README's before/after example is what `briefdeck plan` really prints, so it stays true. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { briefdeck } from './helpers/cli.js';
import { ROOT } from './helpers/fixtures.js';
import { tempDir } from './helpers/tmp.js';

it('README: the example report plans to the outline shown after it', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## How a report becomes slides'));
  const report = /````markdown\n([\s\S]*?)\n````/.exec(section)![1];
  const outline = /After —[^\n]*\n\n```\n([\s\S]*?)```/.exec(section)![1];
  const dir = tempDir('briefdeck-readme-');
  writeFileSync(path.join(dir, 'q3.md'), `${report}\n`);
  const r = briefdeck(['plan', 'q3.md'], { cwd: dir });
  expect(r.status).toBe(0);
  expect(r.stdout).toBe(outline);
});
