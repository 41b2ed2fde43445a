/**
 * A project's defaults live in a config file found from the report's folder upwards; front matter
 * overrides it for one report and the command line overrides both.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefdeck } from '../helpers/cli.js';
import { loadTheme } from '../../src/theme/load.js';
import { tempDir, visibleFiles } from '../helpers/tmp.js';

const report = (title: string, frontMatter = '') =>
  `${frontMatter ? `---\n${frontMatter}\n---\n\n` : ''}# ${title}\n\n## 1. Depots\n\nBoth depots stayed open through the storm week, and the night shift cleared the backlog by Friday.\n`;

/** Whether a built deck is drawn in a built-in theme: its slide background and accent are that theme's. */
const inTheme = (file: string, name: string) => {
  const html = readFileSync(file, 'utf8');
  const { colors } = loadTheme({ spec: name });
  return html.includes(`--bd-background: ${colors.background}`) && html.includes(`--bd-accent: ${colors.accent}`);
};

describe('a project config', () => {
  const dir = tempDir('briefdeck-config-');
  const project = path.join(dir, 'project');
  const reports = path.join(project, 'reports', 'weekly');
  beforeAll(() => {
    mkdirSync(reports, { recursive: true });
    writeFileSync(path.join(project, 'briefdeck.config.yaml'), 'theme: stage\nformats: [html, pptx]\nout: decks\n');
    writeFileSync(path.join(reports, 'plain.md'), report('Plain Week'));
    writeFileSync(path.join(reports, 'own.md'), report('Own Theme Week', 'theme: editorial'));
  });

  it('is found from the report\'s folder upwards, and its paths are relative to it', () => {
    const r = briefdeck(['build', path.join(reports, 'plain.md'), '--json'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(visibleFiles(path.join(project, 'decks')).sort()).toEqual(['plain.html', 'plain.pptx']);
    expect(inTheme(path.join(project, 'decks', 'plain.html'), 'stage')).toBe(true);
    expect(existsSync(path.join(dir, 'output'))).toBe(false);
  });

  it('gives way to front matter for the theme, and to the command line for everything', () => {
    const own = briefdeck(['build', path.join(reports, 'own.md'), '--json'], { cwd: dir });
    expect(own.status, own.stderr).toBe(0);
    expect(inTheme(path.join(project, 'decks', 'own.html'), 'editorial')).toBe(true);
    const cli = briefdeck(['build', path.join(reports, 'own.md'), '-t', 'contrast', '-f', 'html', '-o', 'elsewhere', '--json'], { cwd: dir });
    expect(cli.status, cli.stderr).toBe(0);
    expect(visibleFiles(path.join(dir, 'elsewhere'))).toEqual(['own.html']);
    expect(inTheme(path.join(dir, 'elsewhere', 'own.html'), 'contrast')).toBe(true);
  });

  it('is read from package.json\'s "briefdeck" key, or named with --config', () => {
    const pkg = path.join(dir, 'pkg');
    mkdirSync(pkg);
    writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'ops-reports', private: true, briefdeck: { out: 'slides', paper: 'letter' } }));
    writeFileSync(path.join(pkg, 'week.md'), report('Package Week'));
    const r = briefdeck(['build', 'week.md'], { cwd: pkg });
    expect(r.status, r.stderr).toBe(0);
    expect(visibleFiles(path.join(pkg, 'slides'))).toEqual(['week.html']);
    writeFileSync(path.join(dir, 'ci.json'), JSON.stringify({ formats: 'pptx', out: 'ci-out' }));
    const named = briefdeck(['build', 'week.md', '--config', path.join(dir, 'ci.json')], { cwd: pkg });
    expect(named.status, named.stderr).toBe(0);
    expect(visibleFiles(path.join(dir, 'ci-out'))).toEqual(['week.pptx']);
  });

  it('says what is wrong in a config, one line each naming the file, exit 1', () => {
    const bad = path.join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(path.join(bad, 'briefdeck.config.json'), JSON.stringify({ theme: 'stage', perPage: 5, colour: 'blue' }));
    writeFileSync(path.join(bad, 'week.md'), report('Bad Week'));
    const r = briefdeck(['build', 'week.md'], { cwd: bad });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'briefdeck.config.json: perPage: must be one of 1, 2, 3, 4, 6, 9 (got 5)',
      'briefdeck.config.json: colour: is not a config option (theme, charts, formats, out, paper, perPage, templates, allowHtml, allowPath, allowRemote)',
    ]);
    expect(existsSync(path.join(bad, 'output'))).toBe(false);
    const missing = briefdeck(['build', 'week.md', '--config', 'nowhere.yaml'], { cwd: bad });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('nowhere.yaml: no such config file\n');
  });

  it('applies to plan and check as to build, and --config names one for them too', () => {
    const plan = briefdeck(['plan', path.join(reports, 'plain.md'), '--json'], { cwd: dir });
    expect(plan.status, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout).theme).toBe('stage');
    writeFileSync(path.join(dir, 'editorial.json'), JSON.stringify({ theme: 'editorial' }));
    const named = briefdeck(['plan', path.join(reports, 'plain.md'), '--json', '--config', path.join(dir, 'editorial.json')], { cwd: dir });
    expect(JSON.parse(named.stdout).theme).toBe('editorial');
    const check = briefdeck(['check', path.join(reports, 'plain.md'), '--config', path.join(dir, 'nowhere.json')], { cwd: dir });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('nowhere.json: no such config file');
  });
});

describe('charts: auto or off', () => {
  const dir = tempDir('briefdeck-charts-config-');
  const table = '| Quarter | Revenue ($M) |\n|---|--:|\n| Q1 2026 | 41.2 |\n| Q2 2026 | 43.9 |\n| Q3 2026 | 48.2 |\n';
  const md = (frontMatter = '') =>
    `${frontMatter ? `---\n${frontMatter}\n---\n\n` : ''}# Quarterly Review\n\n## 1. Revenue\n\nRevenue grew in every quarter, with the strongest gain in the third.\n\n${table}`;
  const layouts = (args: string[], cwd: string) => {
    const r = briefdeck(['plan', ...args, '--json'], { cwd });
    expect(r.status, r.stderr).toBe(0);
    return (JSON.parse(r.stdout).slides as { layout: string }[]).map((s) => s.layout);
  };

  it('comes from the command line, else the front matter, else the config, else auto', () => {
    writeFileSync(path.join(dir, 'plain.md'), md());
    writeFileSync(path.join(dir, 'on.md'), md('charts: auto'));
    expect(layouts(['plain.md'], dir)).toContain('chart');
    writeFileSync(path.join(dir, 'briefdeck.config.json'), JSON.stringify({ charts: 'off' }));
    expect(layouts(['plain.md'], dir)).not.toContain('chart');
    expect(layouts(['on.md'], dir)).toContain('chart');
    expect(layouts(['on.md', '--charts', 'off'], dir)).not.toContain('chart');
    expect(layouts(['plain.md', '--charts', 'auto'], dir)).toContain('chart');
  });

  it('is refused with one line when it is neither', () => {
    const r = briefdeck(['plan', 'plain.md', '--charts', 'sometimes'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/charts/);
  });
});
