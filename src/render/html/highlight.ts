/**
 * Syntax highlighting at build time with highlight.js, so the deck ships coloured code without a
 * highlighter script. Loaded only for decks that have code.
 */
import { escapeHtml } from './runs.js';

type Hljs = typeof import('highlight.js').default;
let hljs: Hljs | undefined;

export async function loadHighlighter(): Promise<void> {
  if (!hljs) hljs = (await import('highlight.js/lib/common')).default as unknown as Hljs;
}

export function highlightHtml(code: string, lang?: string): string {
  if (hljs && lang && hljs.getLanguage(lang)) {
    try {
      return hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
    } catch {
      /* fall through to plain text */
    }
  }
  return escapeHtml(code);
}
