/**
 * How highlighted code looks: highlight.js's classes, which of the theme's code colours each takes,
 * and their styles. One palette for the deck's CSS, the briefing's CSS and the PPTX's coloured runs,
 * so code reads the same in each. A selector is CSS-like: classes joined by "." on one element, " "
 * for an ancestor.
 */
import type { CodeColors } from '../theme/types.js';

interface TintRule {
  color?: keyof CodeColors;
  italic?: boolean;
  bold?: boolean;
}

export interface CodeTint {
  color?: string;
  italic?: boolean;
  bold?: boolean;
}

const CODE_TINTS: Array<{ selectors: string[]; tint: TintRule }> = [
  { selectors: ['hljs-keyword', 'hljs-selector-tag', 'hljs-built_in', 'hljs-meta hljs-keyword'], tint: { color: 'keyword' } },
  { selectors: ['hljs-string', 'hljs-regexp', 'hljs-addition', 'hljs-attribute'], tint: { color: 'string' } },
  { selectors: ['hljs-number', 'hljs-literal', 'hljs-symbol', 'hljs-bullet'], tint: { color: 'number' } },
  { selectors: ['hljs-comment', 'hljs-quote', 'hljs-deletion'], tint: { color: 'comment', italic: true } },
  { selectors: ['hljs-title', 'hljs-section', 'hljs-function hljs-title', 'hljs-title.function_'], tint: { color: 'title' } },
  { selectors: ['hljs-type', 'hljs-class hljs-title', 'hljs-title.class_', 'hljs-variable.language_'], tint: { color: 'type' } },
  { selectors: ['hljs-attr', 'hljs-variable', 'hljs-template-variable', 'hljs-params', 'hljs-property'], tint: { color: 'variable' } },
  { selectors: ['hljs-meta', 'hljs-tag', 'hljs-name'], tint: { color: 'meta' } },
  { selectors: ['hljs-emphasis'], tint: { italic: true } },
  { selectors: ['hljs-strong'], tint: { bold: true } },
];

/** A rule with the theme's colour in place of the colour's name. */
function tintOf(rule: TintRule, colors: CodeColors): CodeTint {
  const { color, ...style } = rule;
  return color ? { ...style, color: colors[color] } : style;
}

/** The palette as CSS rules, each selector under `scope` (".reveal " in the deck). */
export function codeTintCss(colors: CodeColors, scope = ''): string {
  return CODE_TINTS.map(({ selectors, tint: rule }) => {
    const tint = tintOf(rule, colors);
    const sel = selectors.map((s) => scope + s.split(' ').map((part) => `.${part}`).join(' ')).join(', ');
    const decl = [
      tint.color ? `color: ${tint.color};` : '',
      tint.italic ? 'font-style: italic;' : '',
      tint.bold ? 'font-weight: 700;' : '',
    ].filter(Boolean);
    return `${sel} { ${decl.join(' ')} }`;
  }).join('\n');
}

/**
 * The tint of an element with `classes` inside elements with `ancestors`, as the CSS above would
 * give it: matching rules applied by specificity (classes in the selector), then in order.
 */
export function codeTintOf(classes: string[], ancestors: Set<string>, colors: CodeColors): CodeTint {
  const own = new Set(classes);
  const hits: Array<{ tint: CodeTint; specificity: number; order: number }> = [];
  CODE_TINTS.forEach(({ selectors, tint }, order) => {
    for (const sel of selectors) {
      const parts = sel.split(' ').map((p) => p.split('.'));
      const last = parts.pop()!;
      if (last.every((c) => own.has(c)) && parts.every((p) => p.every((c) => ancestors.has(c)))) {
        hits.push({ tint: tintOf(tint, colors), specificity: last.length + parts.flat().length, order });
      }
    }
  });
  hits.sort((a, b) => a.specificity - b.specificity || a.order - b.order);
  return Object.assign({}, ...hits.map((h) => h.tint)) as CodeTint;
}
