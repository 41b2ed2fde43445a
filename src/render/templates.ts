/**
 * The templates a deck is drawn with, found by file name: a user's folder (`--templates`) first, then
 * the theme's `templates:` folder, then the built-in ones (as Slidev layers user < theme < built-in).
 * Templates are code the user chose to run; report text only ever reaches them as data.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { PACKAGE_ROOT, displayPath } from '../theme/load.js';
import type { Theme } from '../theme/types.js';
import { BriefdeckError } from '../types/diagnostics.js';

export const BUILTIN_TEMPLATES = path.join(PACKAGE_ROOT, 'templates');

/** Every built-in template file, as paths relative to the templates folder ("bullets.hbs", "print/notes.css"). */
export function builtinTemplateFiles(dir = BUILTIN_TEMPLATES, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? builtinTemplateFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

export class Templates {
  private readonly texts = new Map<string, string>();
  private readonly compiled = new Map<string, HandlebarsTemplateDelegate>();
  private hb: typeof Handlebars | undefined;

  /** `dirs`: override folders, the one that wins first; the built-in folder is always last. */
  private constructor(readonly dirs: string[]) {}

  private static sets = new Map<string, Templates>();

  /** The set for a theme and an optional user folder, shared by every render that uses the same pair. */
  static for(theme: Theme, userDir?: string): Templates {
    const dirs = [userDir && path.resolve(userDir), theme.templates].filter((d): d is string => !!d);
    const key = dirs.join('\0');
    let set = Templates.sets.get(key);
    if (!set) {
      // Checked once per set: every slide of every deck asks for its set again.
      if (userDir && !(existsSync(dirs[0]) && statSync(dirs[0]).isDirectory())) throw new BriefdeckError(`--templates ${userDir}: not a folder`, 2);
      set = new Templates(dirs);
      Templates.sets.set(key, set);
    }
    return set;
  }

  /** The file that supplies `name`: the first override folder that has it, else the built-in one. */
  file(name: string): string {
    for (const dir of this.dirs) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    return path.join(BUILTIN_TEMPLATES, name);
  }

  /** A stylesheet or template source, read once. */
  text(name: string): string {
    let text = this.texts.get(name);
    if (text === undefined) {
      text = readFileSync(this.file(name), 'utf8');
      this.texts.set(name, text);
    }
    return text;
  }

  /** A Handlebars template, compiled once; a user's template that does not compile is one line naming it. */
  compile(name: string): HandlebarsTemplateDelegate {
    let t = this.compiled.get(name);
    if (!t) {
      const file = this.file(name);
      // Handlebars compiles lazily: parse now, so a broken template fails here, before any output.
      try {
        this.engine().parse(this.text(name));
      } catch (e) {
        throw templateError(file, e as Error);
      }
      const compiled = this.engine().compile(this.text(name));
      t = (ctx: unknown, opts?: Handlebars.RuntimeOptions) => {
        try {
          return compiled(ctx, opts);
        } catch (e) {
          throw templateError(file, e as Error);
        }
      };
      this.compiled.set(name, t);
    }
    return t;
  }

  /**
   * Compiles every template the override folders supply, and draws each once with no data, so a
   * broken one (bad syntax, a helper or partial that does not exist) stops a build before it writes.
   */
  check(): void {
    for (const dir of this.dirs) {
      for (const name of builtinTemplateFiles()) {
        if (name.endsWith('.hbs') && existsSync(path.join(dir, name)) && this.file(name) === path.join(dir, name)) this.compile(name)({});
      }
    }
  }

  private engine(): typeof Handlebars {
    if (!this.hb) {
      this.hb = Handlebars.create();
      this.hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
      for (const name of ['frame', 'flow', 'notes']) this.hb.registerPartial(name, this.text(`partials-${name}.hbs`));
    }
    return this.hb;
  }
}

function templateError(file: string, e: Error): BriefdeckError {
  if (e instanceof BriefdeckError) return e;
  const line = /line (\d+)/.exec(e.message)?.[1];
  const first = e.message.split('\n').find((l) => l.trim() && !/^Parse error on line/.test(l)) ?? e.message.split('\n')[0];
  const detail = /Parse error/.test(e.message) ? e.message.split('\n').filter((l) => /^Expecting|^Parse error/.test(l)).pop() ?? first : first;
  return new BriefdeckError(`${displayPath(file)}${line ? `:${line}` : ''}: template error: ${detail}`, 1);
}
