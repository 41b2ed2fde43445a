#!/usr/bin/env node
/**
 * The command line. It parses arguments and hands over to a command module; the pipeline (remark,
 * fonts, Handlebars…) is imported only once a command runs, so `--help` stays instant.
 */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { readFileSync } from 'node:fs';
import { fail, run } from './run.js';
// Only constants: the renderers themselves load when a build asks for their format.
import { ALL_FORMATS, PAPERS, PER_PAGE } from '../render/registry.js';
import type { ChartsMode } from '../chart/choose.js';

/** An option given twice takes its last value (`-o a -o b` writes to b), as most command lines do. */
const last = (value: string | string[]): string => (Array.isArray(value) ? value[value.length - 1] : value);
const lastNumber = (value: number | number[]): number => (Array.isArray(value) ? value[value.length - 1] : value);

/** What a report may reach beyond its text: the same three options on every command that reads one. */
const ALLOW = {
  'allow-html': { type: 'boolean', default: false, describe: 'Keep raw HTML in the report, through a sanitising allow-list (never scripts); default: dropped with a warning' },
  'allow-path': { type: 'string', array: true, describe: "Another folder images may be read from (repeatable); default: only the report's folder" },
  'allow-remote': { type: 'boolean', default: false, describe: 'Fetch http(s) images; default: not fetched, a placeholder instead' },
} as const;

/** The project config: the same option on every command that reads a report. */
const CONFIG = {
  config: { coerce: last, type: 'string', describe: 'Config file of defaults; default: the nearest briefdeck.config.json/.yaml, or package.json "briefdeck", above each report' },
} as const;

/** Whether clear numeric tables get chart slides: the same option on every command that plans a deck. */
const CHARTS = {
  charts: { coerce: (v: string | string[]) => last(v) as ChartsMode, type: 'string', choices: ['auto', 'off'], describe: 'Add a chart slide after each clear numeric table (auto), or only where <!-- chart: … --> asks (off); default: front matter "charts", else auto' },
} as const;

/** The options every command that reads a report takes, in the order its help lists them. */
const REPORT = { ...CONFIG, ...CHARTS, ...ALLOW } as const;

const version: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

const buildSyntax = (y: Argv) =>
  y
    .positional('reports', { describe: 'Markdown reports: files, folders (every .md below) or globs such as "reports/*.md"', type: 'string', array: true, demandOption: true })
    .option('format', { alias: 'f', type: 'string', array: true, describe: `Output format(s), comma-separated: ${ALL_FORMATS.join(', ')}, or all; default: html` })
    .option('theme', { coerce: last, alias: 't', type: 'string', describe: 'Theme name (see briefdeck themes), or path to a theme file (.yaml/.json); default: front matter "theme", else "default"' })
    .option('templates', { coerce: last, type: 'string', describe: 'Folder of templates that override the built-in ones by file name' })
    .option('out', { coerce: last, alias: 'o', type: 'string', describe: 'Output folder; default: output' })
    .option('paper', { coerce: last, type: 'string', choices: PAPERS, describe: 'Paper size of the handout, notes pages and briefing PDFs; default: a4' })
    .option('per-page', { coerce: lastNumber, type: 'number', choices: [...PER_PAGE], describe: 'Slides per handout page; default: 3, each beside lines for notes' })
    .options(REPORT)
    .option('chrome', { coerce: last, type: 'string', describe: 'Browser that prints the PDFs; default: CHROME_PATH, then the system Chromium' })
    .option('concurrency', { coerce: lastNumber, alias: 'j', type: 'number', describe: 'Reports built, and documents printed, at once; default: the number of cores' })
    .option('shard', { coerce: last, type: 'string', describe: 'Build only part i of n of the reports (sorted by path), e.g. 2/4: one per CI machine' })
    .option('force', { type: 'boolean', default: false, describe: 'Rebuild reports whose outputs are up to date (recorded in OUT/.briefdeck)' })
    .option('watch', { alias: 'w', type: 'boolean', default: false, describe: 'Rebuild whenever a report or a file it uses is saved (Ctrl-C stops)' })
    .option('json', { type: 'boolean', default: false, describe: 'Print a JSON summary (files, slides, warnings, milliseconds, cached, error) to stdout' })
    .example('$0 build report.md', 'Write output/report.html')
    .example('$0 build report.md -f pptx', 'Write an editable PowerPoint file, output/report.pptx')
    .example('$0 build report.md -f all', 'The deck, the PPTX, the slides PDF, handouts, notes pages and the briefing')
    .example('$0 build report.md -f handout --paper letter --per-page 6', 'Six slides per US-letter handout page')
    .example('$0 build q3.md q4.md -o decks', 'Build two decks into decks/')
    .example('$0 build reports/ -f all', 'Every report below reports/, in one run on one browser; unchanged ones are skipped')
    .example('$0 build "reports/*.md" --shard 2/4', 'The second quarter of the reports: one CI machine of four')
    .example('$0 build report.md --json', 'Build and print a machine-readable summary')
    .example('$0 build report.md -t stage', 'Use a built-in theme (list them: briefdeck themes)')
    .example('$0 build report.md -t ./brand.yaml', 'Use your own theme file (its tokens override the default)')
    .example('$0 build report.md --templates my-templates', 'Draw slides with your own templates (start with: briefdeck init templates my-templates)');

const planSyntax = (y: Argv) =>
  y
    .positional('report', { describe: 'Markdown report file', type: 'string', demandOption: true })
    .option('theme', { coerce: last, alias: 't', type: 'string', describe: 'Theme name (see briefdeck themes), or path to a theme file (.yaml/.json)' })
    .options(REPORT)
    .option('json', { type: 'boolean', default: false, describe: 'Print the deck model as JSON' })
    .example('$0 plan report.md', 'Outline: slide number, layout, title, key points')
    .example('$0 plan report.md --json > deck.json', 'The deck model, for scripts');

const previewSyntax = (y: Argv) =>
  y
    .positional('report', { describe: 'Markdown report file', type: 'string', demandOption: true })
    .option('port', { coerce: lastNumber, alias: 'p', type: 'number', describe: 'Port; default: a free one' })
    .option('host', { coerce: last, type: 'string', default: '127.0.0.1', describe: 'Address to serve on (loopback by default: the deck is not shared)' })
    .option('open', { type: 'boolean', default: false, describe: 'Open the deck in the default browser' })
    .option('theme', { coerce: last, alias: 't', type: 'string', describe: 'Theme name or theme file, as for build' })
    .option('templates', { coerce: last, type: 'string', describe: 'Folder of templates, as for build' })
    .options(REPORT)
    .example('$0 preview report.md --open', 'Edit the report in your editor; the deck reloads on every save (Ctrl-C stops)');

const checkSyntax = (y: Argv) =>
  y
    .positional('reports', { describe: 'Markdown reports: files, folders or globs', type: 'string', array: true, demandOption: true })
    .option('theme', { coerce: last, alias: 't', type: 'string', describe: 'Theme name or theme file, as for build' })
    .option('strict', { type: 'boolean', default: false, describe: 'Treat every warning as an error (exit 1)' })
    .option('max-continued', { coerce: lastNumber, type: 'number', describe: 'Slides a section may continue on before it is reported; default 2' })
    .options(REPORT)
    .option('json', { type: 'boolean', default: false, describe: 'Print { diagnostics: [{ level, code, message, file, line }] } to stdout' })
    .example('$0 check report.md', 'Missing pictures and links are errors (exit 1); long sections, long titles, empty sections, dropped HTML and low contrast are warnings')
    .example('$0 check reports/ --strict', 'Fail a CI job on any warning');

const themeShowSyntax = (y: Argv) => y.positional('theme', { describe: 'Built-in theme name', type: 'string', demandOption: true });

const themesSyntax = (y: Argv) =>
  y
    .command('show <theme>', "Print a built-in theme's file (a theme to copy from)", themeShowSyntax, (argv) => run(async () => (await import('./themes-command.js')).themeShowCommand(argv)))
    .option('json', { type: 'boolean', default: false, global: false, describe: 'Print the list as JSON: { themes: [{ name, description }] }' })
    .example('$0 themes', 'Each built-in theme and what it looks like')
    .example('$0 themes show default', "The default theme's file, comments included")
    .example('$0 init theme brand', 'Start a theme of your own: brand.yaml, extending the default');

const initThemeSyntax = (y: Argv) =>
  y
    .positional('name', { describe: 'Theme name, also the file name (letters, digits, - and _)', type: 'string', demandOption: true })
    .option('dir', { coerce: last, type: 'string', describe: 'Folder to write it in; default: the working folder' })
    .option('force', { type: 'boolean', default: false, describe: 'Overwrite NAME.yaml if it exists' })
    .example('$0 init theme brand', 'Write brand.yaml, then: briefdeck build report.md --theme ./brand.yaml');

const initTemplatesSyntax = (y: Argv) =>
  y
    .positional('dir', { describe: 'Folder to copy them into (created if needed)', type: 'string', demandOption: true })
    .option('force', { type: 'boolean', default: false, describe: 'Overwrite template files already in DIR' })
    .example('$0 init templates my-templates', 'Copy them, then: briefdeck build report.md --templates my-templates');

const initSyntax = (y: Argv) =>
  y
    .command('theme <name>', 'Write NAME.yaml: a commented theme that extends the default one', initThemeSyntax, (argv) => run(async () => (await import('./init-command.js')).initThemeCommand(argv)))
    .command('templates <dir>', 'Copy the built-in templates into DIR, to edit and use with --templates DIR', initTemplatesSyntax, (argv) =>
      run(async () => (await import('./init-command.js')).initTemplatesCommand(argv)),
    )
    .demandCommand(1, 'Name what to write: init theme NAME, or init templates DIR');

const cli = yargs(hideBin(process.argv))
  .scriptName('briefdeck')
  .usage('$0 <command> [options]\n\nTurn a written report (Markdown) into a presentable slide deck.')
  .command('build <reports..>', 'Build decks from one or more reports', buildSyntax, (argv) => run(async () => (await import('./build-command.js')).buildCommand(argv)))
  .command('plan <report>', 'Print the deck a report would become, without writing anything', planSyntax, (argv) => run(async () => (await import('./plan-command.js')).planCommand(argv)))
  .command('preview <report>', 'Serve the deck on this machine and reload it whenever the report, its pictures, theme or templates change', previewSyntax, (argv) =>
    run(async () => (await import('./preview-command.js')).previewCommand(argv)),
  )
  .command('check <reports..>', 'Plan reports without writing them and report what would embarrass a presenter (for CI)', checkSyntax, (argv) =>
    run(async () => (await import('./check-command.js')).checkCommand(argv)),
  )
  .command('themes', 'List the built-in themes; themes show NAME prints one', themesSyntax, (argv) => run(async () => (await import('./themes-command.js')).themesCommand(argv)))
  .command('init', 'Write a starter theme or a copy of the templates to edit', initSyntax)
  .option('debug', { type: 'boolean', default: false, global: true, describe: 'Show the stack trace of an internal error' })
  .middleware((argv) => {
    if (argv.debug) process.env.BRIEFDECK_DEBUG = '1';
  })
  .demandCommand(1, 'Name a command: build, preview, check, plan, themes or init (see --help)')
  .strict()
  .recommendCommands()
  .version(version)
  .alias('v', 'version')
  .help()
  .alias('h', 'help')
  .epilogue('Exit codes: 0 success (warnings allowed), 1 bad input, 2 bad usage.')
  .wrap(Math.min(100, process.stdout.columns || 100))
  .fail((msg, err) => fail(msg ?? err?.message ?? 'invalid usage', 2));
// yargs lays out a command's whole help text as soon as it has started the command's handler, cached
// for a handler that would show it: some 40 ms of every run. Ours never show help, and --help lays
// its text out afresh. (Internal to yargs, so only where it is found: another version costs the
// 40 ms, nothing more.)
type Internals = { getInternalMethods?(): { getUsageInstance?(): { cacheHelpMessage?(): void } } };
const usage = (cli as unknown as Internals).getInternalMethods?.().getUsageInstance?.();
if (usage?.cacheHelpMessage) usage.cacheHelpMessage = () => undefined;
await cli.parseAsync();
