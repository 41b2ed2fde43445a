/**
 * `briefdeck themes` and `briefdeck init`, as a designer meets them: listing and reading the built-in
 * themes, starting a theme of one's own that builds as it is, and copying the templates to edit.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { briefdeck } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { builtinThemeFile, builtinThemeNames, loadTheme, PACKAGE_ROOT } from '../../src/theme/load.js';
import { CODE_KEYS, COLOR_KEYS, ROLES, themeFileSchema } from '../../src/theme/schema.js';
import { LABEL_KEYS } from '../../src/plan/labels.js';

const tmp = () => tempDir('briefdeck-themes-');

const REPORT = `---
title: Harbour Depot — Weekly Status
author: Site operations
---

# Harbour Depot — Weekly Status

## Summary
Containers handled rose to 4,180 this week, up 6% on last week, while overtime fell by a fifth.
The new gate booking system cut the average truck wait from 41 to 27 minutes.

## Risks
- Crane 3 is due for its annual inspection on Friday and will be out of service for a day.
- Two reach-stacker drivers start leave next week; cover is agreed for the day shift only.

## Next steps
1. Move Friday's vessel work to cranes 1 and 2.
2. Confirm night-shift cover for the reach stackers by Wednesday.
`;

/** Every file under `dir`, as sorted relative paths with "/". */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

/** A theme file with every example line uncommented: what a designer gets by removing each "# ". */
function uncommentAll(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^(\s*)# (\s*[a-z][A-Za-z0-9-]*:(?: |$))/, '$1$2'))
    .join('\n');
}

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('briefdeck themes', () => {
  it('lists every built-in theme, the default first, each with its one-line description', () => {
    const r = briefdeck(['themes']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const names = builtinThemeNames();
    expect(names[0]).toBe('default');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(names.length);
    lines.forEach((line, i) => {
      const description = loadTheme(names[i]!).description;
      expect(description).not.toBe('');
      expect(line).toMatch(new RegExp(`^${names[i]} +${description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    });
    // The descriptions start in one column.
    expect(new Set(lines.map((l, i) => l.indexOf(loadTheme(names[i]!).description))).size).toBe(1);
  });

  it('prints { themes: [{ name, description }] } with --json', () => {
    const r = briefdeck(['themes', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['themes']);
    expect(json.themes).toEqual(builtinThemeNames().map((name) => ({ name, description: loadTheme(name).description })));
    for (const t of json.themes) expect(Object.keys(t)).toEqual(['name', 'description']);
  });

  it('prints a built-in theme file as it is, comments included, with themes show NAME', () => {
    for (const name of builtinThemeNames()) {
      const r = briefdeck(['themes', 'show', name]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(readFileSync(builtinThemeFile(name)!, 'utf8'));
    }
    expect(briefdeck(['themes', 'show', 'default']).stdout).toMatch(/^#/m);
  });

  it('is a usage error (exit 2, one line naming the themes there are) to show a theme that does not exist', () => {
    const r = briefdeck(['themes', 'show', 'neon']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`briefdeck: unknown theme "neon" (available: ${builtinThemeNames().join(', ')})\n`);
    expect(briefdeck(['themes', 'show']).status).toBe(2);
    expect(briefdeck(['themes', 'neon']).status).toBe(2);
  });
});

describe('briefdeck init theme', () => {
  it('writes NAME.yaml, a theme that extends the default and builds a report as it is', () => {
    const dir = tmp();
    const r = briefdeck(['init', 'theme', 'brand'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('brand.yaml');
    expect(r.stdout).toContain('briefdeck build report.md --theme ./brand.yaml');
    expect(readdirSync(dir)).toEqual(['brand.yaml']);

    const text = readFileSync(path.join(dir, 'brand.yaml'), 'utf8');
    expect(parse(text)).toMatchObject({ extends: 'default', name: 'brand', description: expect.any(String) });
    const theme = loadTheme({ spec: './brand.yaml', baseDir: dir });
    const base = loadTheme('default');
    expect(theme.name).toBe('brand');
    expect(theme.colors).toEqual(base.colors);
    expect(theme.fonts).toEqual(base.fonts);

    writeFileSync(path.join(dir, 'report.md'), REPORT);
    const build = briefdeck(['build', 'report.md', '--theme', './brand.yaml', '-o', 'out'], { cwd: dir });
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toBe('');
    const html = readFileSync(path.join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('Harbour Depot');
    expect(html).toContain(`--bd-accent: ${base.colors.accent}`);
  });

  it('takes a designer\'s edit: a changed colour and an uncommented token reach the deck', () => {
    const dir = tmp();
    expect(briefdeck(['init', 'theme', 'brand'], { cwd: dir }).status).toBe(0);
    const file = path.join(dir, 'brand.yaml');
    const text = readFileSync(file, 'utf8');
    const edited = text
      .replace(/^( {2}accent: )"#[0-9A-Fa-f]{6}"/m, '$1"#C2410C"')
      .replace(/^ {2}# (background: )"#[0-9A-Fa-f]{6}"/m, '  $1"#FAF7F2"');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    writeFileSync(path.join(dir, 'report.md'), REPORT);
    const build = briefdeck(['build', 'report.md', '-t', './brand.yaml', '-o', 'out'], { cwd: dir });
    expect(build.status, build.stderr).toBe(0);
    const html = readFileSync(path.join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('--bd-accent: #C2410C');
    expect(html).toContain('--bd-background: #FAF7F2');
  });

  it('shows every token a theme may set, each a valid example once uncommented', () => {
    const dir = tmp();
    expect(briefdeck(['init', 'theme', 'everything'], { cwd: dir }).status).toBe(0);
    const text = readFileSync(path.join(dir, 'everything.yaml'), 'utf8');
    // Most tokens are commented out, with a note on what they do.
    const commented = text.split('\n').filter((l) => /^\s*# ?\s*[a-z][A-Za-z0-9-]*: /.test(l));
    expect(commented.length).toBeGreaterThan(40);

    const all = uncommentAll(text);
    writeFileSync(path.join(dir, 'all.yaml'), all);
    writeFileSync(path.join(dir, 'logo.png'), PNG);
    mkdirSync(path.join(dir, 'templates'));
    const data = parse(all);
    const fields = Object.keys(themeFileSchema().shape).filter((k) => k !== '$schema');
    expect(Object.keys(data).sort()).toEqual([...fields].sort());
    expect(Object.keys(data.colors).sort()).toEqual([...COLOR_KEYS].sort());
    expect(Object.keys(data.code).sort()).toEqual([...CODE_KEYS].sort());
    for (const group of ['fonts', 'scale', 'lineHeight']) expect(Object.keys(data[group]).sort()).toEqual([...ROLES].sort());
    for (const key of LABEL_KEYS) expect(data.labels).toHaveProperty(key);
    expect(Object.values(data.labels).some((v) => typeof v === 'object')).toBe(true);

    // The values shown are the default's: uncommenting them all changes nothing of its look.
    const theme = loadTheme({ spec: './all.yaml', baseDir: dir });
    const base = loadTheme('default');
    expect(theme.name).toBe('everything');
    for (const key of ['size', 'colors', 'code', 'fonts', 'scale', 'lineHeight', 'slideNumbers', 'titleStyle', 'sectionStyle'] as const) {
      expect(theme[key], key).toEqual(base[key]);
    }
    expect(theme.logo).toBe(path.join(dir, 'logo.png'));
    expect(theme.templates).toBe(path.join(dir, 'templates'));
  });

  it('writes into --dir, creating it', () => {
    const dir = tmp();
    const r = briefdeck(['init', 'theme', 'brand', '--dir', 'themes/ours'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`--theme ${['.', 'themes', 'ours', 'brand.yaml'].join(path.sep)}`);
    expect(loadTheme({ spec: './themes/ours/brand.yaml', baseDir: dir }).name).toBe('brand');
  });

  it('does not overwrite an existing file (exit 1, one line) unless told to with --force', () => {
    const dir = tmp();
    const file = path.join(dir, 'brand.yaml');
    expect(briefdeck(['init', 'theme', 'brand'], { cwd: dir }).status).toBe(0);
    const starter = readFileSync(file, 'utf8');
    writeFileSync(file, 'name: brand\ncolors:\n  accent: "#C2410C"\n');

    const again = briefdeck(['init', 'theme', 'brand'], { cwd: dir });
    expect(again.status).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/brand\.yaml already exists.*--force/);
    expect(readFileSync(file, 'utf8')).toBe('name: brand\ncolors:\n  accent: "#C2410C"\n');

    const forced = briefdeck(['init', 'theme', 'brand', '--force'], { cwd: dir });
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(starter);
    expect(readdirSync(dir)).toEqual(['brand.yaml']);
  });

  it('is a usage error (exit 2) to give a name that is not a simple file name, writing nothing', () => {
    const dir = tmp();
    for (const name of ['my theme', '../brand', 'brand.yaml', 'sub/brand']) {
      const r = briefdeck(['init', 'theme', name], { cwd: dir });
      expect(r.status, name).toBe(2);
      expect(r.stderr).toMatch(/^briefdeck: theme name .* letters, digits, - and _\n$/);
    }
    expect(readdirSync(dir)).toEqual([]);
    expect(briefdeck(['init', 'theme'], { cwd: dir }).status).toBe(2);
  });
});

describe('briefdeck init templates', () => {
  const builtin = path.join(PACKAGE_ROOT, 'templates');

  it('copies every built-in template, print/ included, and says how to use them', () => {
    const dir = tmp();
    const r = briefdeck(['init', 'templates', 'my-templates'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const files = filesUnder(builtin);
    expect(files).toContain('deck.css');
    expect(files.some((f) => f.startsWith('print/'))).toBe(true);
    const copy = path.join(dir, 'my-templates');
    expect(filesUnder(copy)).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(copy, f), 'utf8'), f).toBe(readFileSync(path.join(builtin, f), 'utf8'));
    expect(r.stdout).toContain(`${files.length} template files`);
    expect(r.stdout).toContain('--templates');
    expect(r.stdout).toContain('templates:');
  });

  it('builds with the edited copy, through --templates or a theme\'s templates:', () => {
    const dir = tmp();
    expect(briefdeck(['init', 'templates', 'tpl'], { cwd: dir }).status).toBe(0);
    const css = path.join(dir, 'tpl', 'deck.css');
    writeFileSync(css, `${readFileSync(css, 'utf8')}\n.reveal .title { letter-spacing: 0.0123em; }\n`);
    writeFileSync(path.join(dir, 'report.md'), REPORT);

    const r = briefdeck(['build', 'report.md', '--templates', 'tpl', '-o', 'a'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'a', 'report.html'), 'utf8')).toContain('letter-spacing: 0.0123em');

    expect(briefdeck(['init', 'theme', 'brand'], { cwd: dir }).status).toBe(0);
    const theme = path.join(dir, 'brand.yaml');
    writeFileSync(theme, readFileSync(theme, 'utf8').replace(/^# templates: .*$/m, 'templates: tpl'));
    const t = briefdeck(['build', 'report.md', '-t', './brand.yaml', '-o', 'b'], { cwd: dir });
    expect(t.status, t.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'b', 'report.html'), 'utf8')).toContain('letter-spacing: 0.0123em');
  });

  it('refuses to overwrite templates already there (exit 1, naming one), and writes nothing; --force does', () => {
    const dir = tmp();
    const copy = path.join(dir, 'tpl');
    mkdirSync(path.join(copy, 'print'), { recursive: true });
    writeFileSync(path.join(copy, 'print', 'notes.css'), '/* mine */\n');

    const r = briefdeck(['init', 'templates', 'tpl'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/notes\.css already exists.*--force/);
    // Nothing half-written: the folder is as it was.
    expect(filesUnder(copy)).toEqual(['print/notes.css']);
    expect(readFileSync(path.join(copy, 'print', 'notes.css'), 'utf8')).toBe('/* mine */\n');

    const forced = briefdeck(['init', 'templates', 'tpl', '--force'], { cwd: dir });
    expect(forced.status, forced.stderr).toBe(0);
    expect(filesUnder(copy)).toEqual(filesUnder(builtin));
    expect(readFileSync(path.join(copy, 'print', 'notes.css'), 'utf8')).toBe(readFileSync(path.join(builtin, 'print', 'notes.css'), 'utf8'));
  });
});

describe('briefdeck init and help', () => {
  it('is a usage error (exit 2) to run init without saying what to write, or with something unknown', () => {
    const dir = tmp();
    const bare = briefdeck(['init'], { cwd: dir });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/^briefdeck: .*init theme NAME.*init templates DIR.*\n$/);
    expect(briefdeck(['init', 'palette', 'x'], { cwd: dir }).status).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--help names the new commands, and build --help the --templates option and a built-in theme', () => {
    const help = briefdeck(['--help']);
    expect(help.stdout).toContain('briefdeck themes');
    expect(help.stdout).toContain('briefdeck init');
    const none = briefdeck([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/build, preview, check, plan, themes or init/);
    const build = briefdeck(['build', '--help']);
    expect(build.stdout).toContain('--templates');
    expect(build.stdout).toMatch(/build report\.md -t [a-z]+ /);
    expect(briefdeck(['plan', '--help']).stdout).not.toContain('--templates');
  });
});
