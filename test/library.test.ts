/** The library entry point, as a pipeline script would use it. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as briefdeck from '../src/index.js';
import { EXAMPLE, FIXTURES } from './helpers/fixtures.js';
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
    const planned = briefdeck.plan(structured.value, { theme, measurer: await briefdeck.measurerFor(theme), file });
    expect(planned.value.slides[0].layout).toBe('title');
  });

  it('throws BriefdeckError with an exit code for user errors', async () => {
    await expect(briefdeck.build(['nowhere.md'])).rejects.toMatchObject({ name: 'BriefdeckError', exitCode: 1 });
    await expect(briefdeck.build([EXAMPLE], { formats: ['docx'] })).rejects.toMatchObject({ exitCode: 2 });
  });
});
