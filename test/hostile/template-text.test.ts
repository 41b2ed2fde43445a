/**
 * One smoke case beside test/theme/templates.test.ts (which covers body text at length): template
 * syntax in the front matter, where it lands on the cover and in <title>, prints as typed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefdeck } from '../helpers/cli.js';
import { readPptx } from '../helpers/pptx.js';
import { tempDir } from '../helpers/tmp.js';
import { crashLines } from './support.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const unescape = (html: string) => html.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]);

describe('front matter that looks like a template', () => {
  it('is printed as typed on the cover, in <title> and in the PPTX, and runs nothing', async () => {
    const dir = tempDir('briefdeck-fm-template-');
    const file = path.join(dir, 'mailing.md');
    const title = '{{#with "__proto__"}}{{constructor}}{{/with}} Renewal Mailing';
    const author = '{{{lookup . "constructor"}}} & {{> partials-notes}}';
    writeFileSync(file, `---\ntitle: '${title}'\nauthor: '${author}'\n---\n\n## What went out\n\n- Letters printed {{name}} instead of the member's name.\n`);
    const out = path.join(dir, 'out');
    const r = briefdeck(['build', file, '-f', 'html,pptx', '-o', out]);
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.status, r.stderr).toBe(0);
    const html = unescape(readFileSync(path.join(out, 'mailing.html'), 'utf8'));
    expect(html).toContain(`<title>${title}</title>`);
    expect(html).toContain(author);
    expect(html).toContain('Letters printed {{name}} instead');
    const pptx = await readPptx(readFileSync(path.join(out, 'mailing.pptx')));
    expect(pptx.problems).toEqual([]);
    expect(pptx.slides[0].title).toBe(title);
    expect(pptx.slides[0].shapes.map((s) => s.text).join('\n')).toContain(author);
  });
});
