/** The library entry point, as a pipeline script would use it. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as briefdeck from '../src/index.js';
import { EXAMPLE, FIXTURES, ROOT } from './helpers/fixtures.js';
import { tempDir } from './helpers/tmp.js';

describe('library API', () => {
  it('build() writes the deck and returns what it wrote', async () => {
    const out = tempDir('briefdeck-lib-');
    const [result] = await briefdeck.build([EXAMPLE], { out });
    expect(result.files).toEqual([path.join(out, 'quarterly-review.html')]);
    expect(existsSync(result.files[0])).toBe(true);
    expect(readFileSync(result.files[0], 'utf8')).toMatch(/^<!doctype html>/);
    expect(result.slides).toBeGreaterThan(10);
  });

  it('exposes each stage as a function returning its value and diagnostics', async () => {
    const file = path.join(FIXTURES, 'structured-report.md');
    const decoded = briefdeck.decodeReport(readFileSync(file), file);
    const parsed = briefdeck.parseMarkdown(decoded.text, file);
    const structured = briefdeck.structure(parsed, { file, baseDir: path.dirname(file) });
    expect(structured.value.sections.map((s) => s.title)).toEqual(['Data and Method', 'Results', 'Recommendations']);
    expect(structured.diagnostics.map((d) => d.code)).toEqual(['image-missing']);
    const theme = briefdeck.loadTheme();
    const planned = briefdeck.planDeck(structured.value, { theme, measurer: await briefdeck.measurerFor(theme), file });
    expect(planned.value.slides[0].layout).toBe('title');
  });

  it('throws BriefdeckError with an exit code for user errors', async () => {
    await expect(briefdeck.build(['nowhere.md'])).rejects.toMatchObject({ name: 'BriefdeckError', exitCode: 1 });
    await expect(briefdeck.build([EXAMPLE], { formats: ['docx'] })).rejects.toMatchObject({ exitCode: 2 });
  });

  it('plan(markdown) gives the deck model and its diagnostics, from text', async () => {
    const text = '# Fleet Review\n\n## 1. Vans\n\nTwelve vans were replaced with electric ones; charging runs overnight at both depots.\n\n![Chart](missing.png)\n';
    const { deck, diagnostics } = await briefdeck.plan(text, { file: 'fleet.md' });
    expect(deck.meta.title).toBe('Fleet Review');
    expect(deck.slides.map((s) => s.title)).toContain('Vans');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'image-missing', file: 'fleet.md', line: 7 })]);
  });
});

describe('the package, imported by name from a script of its own', () => {
  it('builds and plans through `import { build, plan } from "briefdeck"`', () => {
    const dir = tempDir('briefdeck-esm-');
    mkdirSync(path.join(dir, 'node_modules'));
    // As npm links an installed package: the script resolves "briefdeck" through its exports map.
    symlinkSync(ROOT, path.join(dir, 'node_modules', 'briefdeck'), 'dir');
    writeFileSync(path.join(dir, 'ops.md'), '# Operations Update\n\n## 1. Depots\n\nBoth depots stayed open through the storm week.\n');
    writeFileSync(
      path.join(dir, 'script.mjs'),
      [
        "import { build, plan } from 'briefdeck';",
        "const { deck } = await plan('# Weekly Note\\n\\n## 1. Routes\\n\\nTwo routes moved to night runs.\\n');",
        "const [result] = await build('ops.md', { out: 'decks', formats: ['html'] });",
        'console.log(JSON.stringify({ title: deck.meta.title, files: result.files, cached: result.cached }));',
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, ['script.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ title: 'Weekly Note', files: [path.join('decks', 'ops.html')], cached: false });
    expect(readFileSync(path.join(dir, 'decks', 'ops.html'), 'utf8')).toContain('Operations Update');
  });
});
