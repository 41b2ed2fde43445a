/**
 * A project's defaults: `briefdeck.config.json`, `briefdeck.config.yaml` (or `.yml`) or a
 * `"briefdeck"` key in package.json, found from a report's folder upwards (or named with `--config`).
 * Front matter overrides it for one report, and command-line options override both.
 */
import path from 'node:path';
import { lilconfigSync, type LilconfigResult } from 'lilconfig';
import { parse as parseYaml } from 'yaml';
import { BriefdeckError } from '../types/diagnostics.js';
import { PAPERS, PER_PAGE, type Paper } from '../render/registry.js';
import type { InputAllowances } from '../structure/structure.js';
import type { ChartsMode } from '../chart/choose.js';

/** What a config file may set; paths are absolute once loaded (they are written relative to the file). */
export interface ProjectConfig {
  /** The file it came from. */
  file: string;
  theme?: string;
  /** Whether clear numeric tables get chart slides. */
  charts?: ChartsMode;
  formats?: string[];
  out?: string;
  paper?: Paper;
  perPage?: number;
  templates?: string;
  allowHtml?: boolean;
  allowPath?: string[];
  allowRemote?: boolean;
}

export const CONFIG_FILES = ['package.json', 'briefdeck.config.json', 'briefdeck.config.yaml', 'briefdeck.config.yml'];

const yamlLoader = (_file: string, content: string): unknown => parseYaml(content);
const searcher = lilconfigSync('briefdeck', {
  searchPlaces: CONFIG_FILES,
  loaders: { '.yaml': yamlLoader, '.yml': yamlLoader },
  // A project's config applies wherever its reports are; the search ends at the file system's root.
  stopDir: path.parse(process.cwd()).root,
});

/** The config that applies to a report: the nearest above its folder, or undefined when there is none. */
export function findConfig(report: string): ProjectConfig | undefined {
  let found: LilconfigResult;
  try {
    found = searcher.search(path.dirname(path.resolve(report)));
  } catch (e) {
    throw new BriefdeckError(`${unreadable(e)}`, 1);
  }
  return found && !found.isEmpty ? checkConfig(found.config, found.filepath) : undefined;
}

/** The config file named with `--config`. */
export function loadConfig(file: string): ProjectConfig {
  let found: LilconfigResult;
  try {
    found = searcher.load(path.resolve(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BriefdeckError(`${file}: no such config file`, 1);
    throw new BriefdeckError(unreadable(e, file), 1);
  }
  return checkConfig(found?.config ?? {}, path.resolve(file));
}

/** The config of a report: the one named with `--config`, else the nearest above the report. */
export function configFor(report: string, named?: string): ProjectConfig | undefined {
  return named ? loadConfig(named) : findConfig(report);
}

function unreadable(e: unknown, file?: string): string {
  const message = (e as Error).message.split('\n')[0];
  return file ? `${file}: cannot read the config (${message})` : `cannot read a config file: ${message}`;
}

const shown = (file: string) => path.relative(process.cwd(), file) || file;

/** Every field checked, with one line per problem naming the file; relative paths made absolute. */
function checkConfig(raw: unknown, file: string): ProjectConfig {
  const at = shown(file);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new BriefdeckError(`${at}: the config must be a mapping of options`, 1);
  const dir = path.dirname(file);
  const problems: string[] = [];
  const out: ProjectConfig = { file };
  const str = (key: string, v: unknown) => (typeof v === 'string' && v.trim() ? v : (problems.push(`${at}: ${key}: must be text (got ${JSON.stringify(v)})`), undefined));
  const bool = (key: string, v: unknown) => (typeof v === 'boolean' ? v : (problems.push(`${at}: ${key}: must be true or false (got ${JSON.stringify(v)})`), undefined));
  const local = (p: string | undefined) => (p === undefined ? undefined : path.resolve(dir, p));
  for (const [key, v] of Object.entries(raw as Record<string, unknown>)) {
    switch (key) {
      case 'theme': {
        const t = str(key, v);
        // A name stays a name; a path is relative to the config file.
        if (t) out.theme = /[\\/]|\.(ya?ml|json)$/i.test(t) ? path.resolve(dir, t) : t;
        break;
      }
      case 'charts': {
        const c = v === false ? 'off' : v === true ? 'auto' : typeof v === 'string' ? v.trim().toLowerCase() : v;
        if (c === 'auto' || c === 'off') out.charts = c;
        else problems.push(`${at}: charts: must be auto or off (got ${JSON.stringify(v)})`);
        break;
      }
      case 'formats':
      case 'format': {
        const list = Array.isArray(v) ? v : [v];
        if (list.every((f) => typeof f === 'string' && f.trim())) out.formats = list as string[];
        else problems.push(`${at}: ${key}: must be a format or a list of formats (got ${JSON.stringify(v)})`);
        break;
      }
      case 'out':
        out.out = local(str(key, v));
        break;
      case 'templates':
        out.templates = local(str(key, v));
        break;
      case 'paper': {
        const p = str(key, v)?.toLowerCase();
        if (p && PAPERS.includes(p as Paper)) out.paper = p as Paper;
        else if (p) problems.push(`${at}: paper: must be one of ${PAPERS.join(', ')} (got ${JSON.stringify(v)})`);
        break;
      }
      case 'perPage':
      case 'per-page':
        if (PER_PAGE.includes(v as (typeof PER_PAGE)[number])) out.perPage = v as number;
        else problems.push(`${at}: ${key}: must be one of ${PER_PAGE.join(', ')} (got ${JSON.stringify(v)})`);
        break;
      case 'allowHtml':
        out.allowHtml = bool(key, v);
        break;
      case 'allowRemote':
        out.allowRemote = bool(key, v);
        break;
      case 'allowPath': {
        const list = Array.isArray(v) ? v : [v];
        if (list.every((p) => typeof p === 'string' && p.trim())) out.allowPath = (list as string[]).map((p) => path.resolve(dir, p));
        else problems.push(`${at}: allowPath: must be a folder or a list of folders (got ${JSON.stringify(v)})`);
        break;
      }
      default:
        problems.push(`${at}: ${key}: is not a config option (theme, charts, formats, out, paper, perPage, templates, allowHtml, allowPath, allowRemote)`);
    }
  }
  if (problems.length) throw new BriefdeckError(problems.join('\n'), 1);
  return out;
}

/** Allowances given on the command line and in the config add up: the command line cannot take back the config's. */
export function withConfigAllowances(allow: InputAllowances | undefined, config: ProjectConfig | undefined): InputAllowances {
  return {
    html: !!(allow?.html || config?.allowHtml),
    paths: [...(allow?.paths ?? []), ...(config?.allowPath ?? [])],
    remote: !!(allow?.remote || config?.allowRemote),
  };
}
