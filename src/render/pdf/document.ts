/** The HTML page every print starts from: the templates in `templates/print/` filled with a body. */
import type { Deck } from '../../types/deck.js';
import { documentHead, templatesOf, type HtmlOptions } from '../html/render.js';

type TemplateSource = Pick<HtmlOptions, 'theme' | 'templates'>;

/** A stylesheet of `templates/print/` (or the user's or theme's copy of it). */
export function printCss(from: TemplateSource, name: string): string {
  return templatesOf(from).text(`print/${name}.css`);
}

/** A template of `templates/print/` (or the user's or theme's copy of it). */
export function printTemplate(from: TemplateSource, name: string): HandlebarsTemplateDelegate {
  return templatesOf(from).compile(`print/${name}.hbs`);
}

export function printDocument(deck: Deck, from: TemplateSource, opts: { kind: string; version: string; styles: string[]; body: string }): string {
  return printTemplate(from, 'document')({
    ...documentHead(deck, opts.version),
    kind: opts.kind,
    styles: opts.styles,
    body: opts.body,
  });
}
