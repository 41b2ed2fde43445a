/** Runs → inline HTML. Text is always escaped: report content is data, never markup. */
import type { Run } from '../../types/deck.js';
import { typeset } from '../../math/typeset.js';
import { safeHref } from './links.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESC[c]);
}

export function runsHtml(runs: Run[], links: string[]): string {
  return runs
    .map((r) => {
      if (r.math) return `<span class="math-inline">${typeset(r.text, false).svg}</span>`;
      let html = escapeHtml(r.text).replace(/\n/g, '<br>');
      if (r.code) html = `<code>${html}</code>`;
      if (r.strike) html = `<s>${html}</s>`;
      if (r.italic) html = `<em>${html}</em>`;
      if (r.bold) html = `<strong>${html}</strong>`;
      const href = r.link !== undefined ? safeHref(links[r.link] ?? '') : undefined;
      if (href) html = `<a href="${escapeHtml(href)}"${href.startsWith('#') ? '' : ' target="_blank" rel="noopener noreferrer"'}>${html}</a>`;
      return html;
    })
    .join('');
}
