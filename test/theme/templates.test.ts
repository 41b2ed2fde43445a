/**
 * Templates a designer edits: a copy from `init templates`, layered over the built-in ones by file
 * name (--templates, then the theme's `templates:` folder, then the built-ins); a broken one stops
 * the build before it writes; and a report's own text, however much it looks like a template, is
 * only ever shown, never run.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefdeck, type CliResult } from '../helpers/cli.js';
import { hasBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/fixtures.js';
import { hasPoppler, pdfText } from '../helpers/pdf.js';
import { readPptx } from '../helpers/pptx.js';
import { tempDir } from '../helpers/tmp.js';

const tmp = () => tempDir('briefdeck-templates-');

const REPORT = `---
title: Northgate Library — Autumn Programme Review
author: Branch services
---

# Northgate Library — Autumn Programme Review

## Attendance
Events drew 2,940 visitors between September and November, up from 2,310 last autumn. The Saturday coding club filled every session and kept a waiting list of around twenty children.

## Lending
- Loans of e-books rose by 14% while print loans held steady.
- The new self-service kiosks handled six in ten returns by November.

## Next season
Two volunteers will run a homework club on Tuesday evenings from January, and the reading room opens an hour earlier on weekdays.
`;

/** A folder holding report.md, the given files, and a copy of the built-in templates in tpl/ when asked. */
function project(files: Record<string, string> = {}, copyTemplates = false): string {
  const dir = tmp();
  writeFileSync(path.join(dir, 'report.md'), REPORT);
  if (copyTemplates) expect(briefdeck(['init', 'templates', 'tpl'], { cwd: dir }).status).toBe(0);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** Every file under `dir`, as sorted relative paths with "/". */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

/** The <section> of each slide, in order. */
function sections(html: string): string[] {
  return [...html.matchAll(/<section\b[\s\S]*?<\/section>/g)].map((m) => m[0]);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? whole),
  );
}

/** The text a viewer reads on the slides and in the speaker notes, tags removed and entities decoded. */
function slidesText(html: string): string {
  const start = html.indexOf('<div class="slides">');
  const end = html.indexOf('<script', start);
  return decode(html.slice(start, end).replace(/<[^>]+>/g, ''));
}

/** What a run that stopped must look like: exit 1, one line naming `file`, no trace, nothing written. */
function expectStoppedAt(r: CliResult, dir: string, file: string): void {
  expect(r.status, r.stderr).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n').filter(Boolean), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+)?: template error: .+\\n$`));
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(existsSync(path.join(dir, 'out')), 'output folder written').toBe(false);
}

/** bullets.hbs with a stamp of `who` in every bullets slide. */
function stampedBullets(who: string): string {
  const builtin = readFileSync(path.join(ROOT, 'templates', 'bullets.hbs'), 'utf8');
  const stamped = builtin.replace('class="layout-bullets"', `class="layout-bullets stamp-${who}"`).replace('</section>', `<p class="stamp">Drawn by ${who}</p>\n</section>`);
  expect(stamped).not.toBe(builtin);
  return stamped;
}

/** Builds report.md into `out` (unless `-o` says otherwise). */
const build = (dir: string, ...args: string[]) => briefdeck(['build', 'report.md', ...(args.includes('-o') ? [] : ['-o', 'out']), ...args], { cwd: dir });
const html = (dir: string, out = 'out') => readFileSync(path.join(dir, out, 'report.html'), 'utf8');

describe('templates a designer edits', () => {
  it('draws every bullets slide with an edited copy of bullets.hbs, and nothing else differently', () => {
    const dir = project({}, true);
    writeFileSync(path.join(dir, 'tpl', 'bullets.hbs'), stampedBullets('Northgate'));

    expect(build(dir).status).toBe(0);
    const r = build(dir, '--templates', 'tpl', '-o', 'edited');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');

    const plain = sections(html(dir));
    const edited = sections(html(dir, 'edited'));
    expect(edited).toHaveLength(plain.length);
    const bullets = edited.filter((s) => s.includes('data-layout="bullets"'));
    expect(bullets.length).toBeGreaterThanOrEqual(2);
    for (const s of bullets) {
      expect(s).toContain('class="layout-bullets stamp-Northgate"');
      expect(s).toContain('<p class="stamp">Drawn by Northgate</p>');
    }
    edited.forEach((s, i) => {
      if (!s.includes('data-layout="bullets"')) expect(s, `slide ${i + 1}`).toBe(plain[i]);
    });
  });

  it('needs only the edited file: the others come from the built-in templates', () => {
    const dir = project({}, true);
    writeFileSync(path.join(dir, 'tpl', 'bullets.hbs'), stampedBullets('Northgate'));
    expect(build(dir, '--templates', 'tpl', '-o', 'full').status).toBe(0);

    for (const f of filesUnder(path.join(dir, 'tpl'))) if (f !== 'bullets.hbs') rmSync(path.join(dir, 'tpl', f));
    rmSync(path.join(dir, 'tpl', 'print'), { recursive: true });
    expect(filesUnder(path.join(dir, 'tpl'))).toEqual(['bullets.hbs']);

    const r = build(dir, '--templates', 'tpl', '-f', 'html,pptx');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    // The same deck as with the whole copy, whose other files are the built-in ones.
    expect(html(dir)).toBe(html(dir, 'full'));
    expect(html(dir)).toContain('Drawn by Northgate');
  });

  it('takes a theme\'s templates: folder, relative to the theme file, and lets --templates win over it file by file', () => {
    const agenda = (who: string) => `<section class="layout-agenda" data-layout="agenda">\n{{> frame}}\n<p class="stamp">Agenda by ${who}</p>\n{{> notes}}\n</section>\n`;
    const dir = project({
      'brand/clinic.yaml': 'extends: default\ntemplates: ./house-templates\n',
      'brand/house-templates/bullets.hbs': stampedBullets('house'),
      'brand/house-templates/agenda.hbs': agenda('house'),
      'mine/bullets.hbs': stampedBullets('me'),
    });

    const theme = build(dir, '-t', './brand/clinic.yaml', '-o', 'theme');
    expect(theme.status, theme.stderr).toBe(0);
    const byTheme = html(dir, 'theme');
    expect(byTheme).toContain('Drawn by house');
    expect(byTheme).toContain('Agenda by house');

    const both = build(dir, '-t', './brand/clinic.yaml', '--templates', 'mine', '-o', 'both');
    expect(both.status, both.stderr).toBe(0);
    const byBoth = html(dir, 'both');
    expect(byBoth).toContain('Drawn by me');
    expect(byBoth).not.toContain('Drawn by house');
    // mine/ has no agenda.hbs: the theme's is next in line, before the built-in one.
    expect(byBoth).toContain('Agenda by house');
  });

  it.skipIf(!hasBrowser || !hasPoppler)('changes the printed briefing through print/briefing.hbs', () => {
    const dir = project({}, true);
    const file = path.join(dir, 'tpl', 'print', 'briefing.hbs');
    const builtin = readFileSync(file, 'utf8');
    writeFileSync(file, builtin.replace('<h1>{{title}}</h1>', '<h1>{{title}}</h1>\n<p class="stamp">Prepared for the branch committee</p>'));
    const r = build(dir, '--templates', 'tpl', '-f', 'briefing');
    expect(r.status, r.stderr).toBe(0);
    const text = pdfText(path.join(dir, 'out', 'report.briefing.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('Prepared for the branch committee');
    expect(text).toContain('Northgate Library');
  });
});

describe('a template that does not compile', () => {
  const UNCLOSED = '<section class="layout-bullets" data-layout="bullets">\n{{> frame}}\n{{#each items}}\n<p>{{this}}</p>\n</section>\n';

  it('stops the build with one line naming the file, before anything is written', () => {
    const dir = project({ 'tpl/bullets.hbs': UNCLOSED });
    const r = build(dir, '--templates', 'tpl', '-f', 'html,pptx');
    expectStoppedAt(r, dir, path.join('tpl', 'bullets.hbs'));
  });

  it('is found in a theme\'s templates folder too', () => {
    const dir = project({ 'brand/clinic.yaml': 'templates: house\n', 'brand/house/bullets.hbs': UNCLOSED });
    const r = build(dir, '-t', './brand/clinic.yaml', '-f', 'html,pptx');
    expectStoppedAt(r, dir, path.join('brand', 'house', 'bullets.hbs'));
  });

  it('is found in a partial, and in a print template even when only the deck is built', () => {
    const frame = project({ 'tpl/partials-frame.hbs': '<h2>{{#if title}}{{title}}</h2>\n' });
    expectStoppedAt(build(frame, '--templates', 'tpl', '-f', 'html,pptx'), frame, path.join('tpl', 'partials-frame.hbs'));

    const print = project({ 'tpl/print/handout.hbs': '{{#each sheets}}<div class="sheet">{{/each}\n' });
    expectStoppedAt(build(print, '--templates', 'tpl', '-f', 'html,pptx'), print, path.join('tpl', 'print', 'handout.hbs'));
  });

  it('that compiles but names a helper that does not exist is one line naming the file too, and no file of any format', () => {
    const dir = project({ 'tpl/bullets.hbs': '<section class="layout-bullets" data-layout="bullets">\n{{> frame}}\n{{shout title}}\n</section>\n' });
    const r = build(dir, '--templates', 'tpl', '-f', 'html,pptx');
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toBe(`${path.join('tpl', 'bullets.hbs')}: template error: Missing helper: "shout"\n`);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

describe('report text that looks like a template', () => {
  const TRICKY = `---
title: Mail merge incident — {{constructor}} in the subject line
---

# Mail merge incident — {{constructor}} in the subject line

## What went wrong
The October renewal letters went out with {{constructor}} where the member's name belonged, and the reminder e-mails printed {{{x}}} in their first line. Support took 212 calls about it in two days.

## Why it happened
- The export escaped quotes twice, so \`{{#with "__proto__"}}{{/with}}\` reached the printer untouched.
- Nobody checked a printed sample before the batch was posted.

## What we changed
1. Placeholders such as {{lookup . "constructor"}} are now rejected by the export.
2. The print shop checks 50 letters of every batch.
`;
  const TYPED = ['{{constructor}}', '{{{x}}}', '{{#with "__proto__"}}{{/with}}', '{{lookup . "constructor"}}'];

  it('is shown as typed in the deck, its notes, the PPTX and the plan', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'incident.md'), TRICKY);
    const r = briefdeck(['build', 'incident.md', '-f', 'html,pptx', '-o', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');

    const deck = readFileSync(path.join(dir, 'out', 'incident.html'), 'utf8');
    const shown = slidesText(deck);
    for (const t of TYPED) expect(shown, t).toContain(t);
    const notes = decode([...deck.matchAll(/<aside class="notes">([\s\S]*?)<\/aside>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '')).join('\n'));
    expect(notes).toContain("went out with {{constructor}} where the member's name belonged");
    expect(notes).toContain('printed {{{x}}} in their first line');
    expect(decode(/<title>([^<]*)<\/title>/.exec(deck)![1]!)).toBe('Mail merge incident — {{constructor}} in the subject line');

    const pptx = await readPptx(readFileSync(path.join(dir, 'out', 'incident.pptx')));
    expect(pptx.problems).toEqual([]);
    const text = pptx.slides.map((s) => s.shapes.map((sh) => sh.text).join('\n') + '\n' + s.notes).join('\n');
    for (const t of TYPED) expect(text, t).toContain(t);
    // In the XML itself the quotes are escaped or kept, never dropped, and nothing became markup.
    expect(pptx.slides.map((s) => s.xml).join('')).toMatch(/\{\{#with (&quot;|")__proto__(&quot;|")\}\}\{\{\/with\}\}/);

    const plan = briefdeck(['plan', 'incident.md', '--json'], { cwd: dir });
    expect(plan.status, plan.stderr).toBe(0);
    const planned = JSON.stringify(JSON.parse(plan.stdout).slides);
    for (const t of TYPED) expect(planned, t).toContain(JSON.stringify(t).slice(1, -1));
  });
});
