/**
 * A pipeline hands over a folder of reports, some of them broken: each bad one is one line on stderr
 * and an `error` in the --json summary, each good one is built as if alone, and the run exits 1 so
 * the pipeline notices.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefdeck, type CliResult } from '../helpers/cli.js';
import { readPptx } from '../helpers/pptx.js';
import { tempDir, visibleFiles } from '../helpers/tmp.js';
import { crashLines } from './support.js';

describe('a batch with a binary file, broken front matter, executable front matter and good reports', () => {
  const dir = tempDir('briefdeck-batch-');
  const out = path.join(dir, 'decks');
  const inputs = {
    north: path.join(dir, 'north.md'),
    scan: path.join(dir, 'scan.md'),
    broken: path.join(dir, 'broken.md'),
    script: path.join(dir, 'script.md'),
    missing: path.join(dir, 'missing.md'),
    south: path.join(dir, 'south.md'),
  };
  writeFileSync(inputs.north, '# Northern Depots\n\n## Status\n\n- Leeds reopened.\n- York resurfacing bays 3 and 4.\n');
  // A scanned page saved over a report: a JPEG header, with its NUL bytes.
  writeFileSync(inputs.scan, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48]));
  writeFileSync(inputs.broken, '---\ntitle: Southern Depots\nowners: [Ops, Finance\n---\n\n# Body\n');
  writeFileSync(inputs.script, "---js\nrequire('fs').writeFileSync('pwned.txt', 'ran')\n---\n# Body\n");
  writeFileSync(inputs.south, '---\ntitle: Southern Depots\n---\n\n## Status\n\n| Depot | State |\n|---|---|\n| Bristol | open |\n| Exeter | closed |\n');
  const order = ['north', 'scan', 'broken', 'script', 'missing', 'south'] as const;
  let r: CliResult;
  let summary: { reports: { input: string; files: string[]; slides: number; warnings: number; error?: string }[] };
  beforeAll(() => {
    r = briefdeck(['build', ...order.map((k) => inputs[k]), '-f', 'html,pptx', '-o', out, '--json'], { cwd: dir });
    summary = JSON.parse(r.stdout);
  }, 120_000);

  it('exits 1 with one line per bad report, in order, and no stack trace', () => {
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`${inputs.scan}: not a text file`);
    expect(lines[1]).toMatch(new RegExp(`^${inputs.broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: invalid front matter: `));
    expect(lines[2]).toBe(`${inputs.script}:1: front matter must be YAML; "---js" is refused`);
    expect(lines[3]).toBe(`${inputs.missing}: no such file`);
  });

  it('prints a --json summary with one entry per report, in order: an error for the bad ones, files for the good ones', () => {
    expect(summary.reports.map((x) => x.input)).toEqual(order.map((k) => inputs[k]));
    const [north, scan, broken, script, missing, south] = summary.reports;
    for (const bad of [scan, broken, script, missing]) {
      expect(bad.error).toEqual(expect.any(String));
      expect(bad.files).toEqual([]);
    }
    expect(scan.error).toBe(`${inputs.scan}: not a text file`);
    for (const [good, stem] of [[north, 'north'], [south, 'south']] as const) {
      expect(good.error).toBeUndefined();
      expect(good.files).toEqual([path.join(out, `${stem}.html`), path.join(out, `${stem}.pptx`)]);
      expect(good.slides).toBeGreaterThan(1);
    }
  });

  it('writes the good decks, complete, and nothing for the bad ones', async () => {
    expect(visibleFiles(out).sort()).toEqual(['north.html', 'north.pptx', 'south.html', 'south.pptx']);
    expect(readFileSync(path.join(out, 'south.html'), 'utf8')).toContain('Exeter');
    const pptx = await readPptx(readFileSync(path.join(out, 'north.pptx')));
    expect(pptx.problems).toEqual([]);
    expect(pptx.slides[0].title).toBe('Northern Depots');
  });

  it('never ran the executable front matter', () => {
    expect(readdirSync(dir)).not.toContain('pwned.txt');
  });
});
