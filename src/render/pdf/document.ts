/** The HTML page every print starts from: the templates in `templates/print/` filled with a body. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Deck } from '../../types/deck.js';
import { PACKAGE_ROOT } from '../../theme/load.js';
import { compileTemplate, documentHead } from '../html/render.js';

export const PRINT_TEMPLATES = path.join(PACKAGE_ROOT, 'templates', 'print');

const sheets = new Map<string, string>();
/** A stylesheet of `templates/print/`, read once per process. */
export function printCss(name: string): string {
  let css = sheets.get(name);
  if (css === undefined) {
    css = readFileSync(path.join(PRINT_TEMPLATES, `${name}.css`), 'utf8');
    sheets.set(name, css);
  }
  return css;
}

/** A template of `templates/print/`, compiled once per process. */
export function printTemplate(name: string): HandlebarsTemplateDelegate {
  return compileTemplate(path.join(PRINT_TEMPLATES, `${name}.hbs`));
}

export function printDocument(deck: Deck, opts: { kind: string; version: string; styles: string[]; body: string }): string {
  return printTemplate('document')({
    ...documentHead(deck, opts.version),
    kind: opts.kind,
    styles: opts.styles,
    body: opts.body,
  });
}
