/** What a valid theme may still get wrong: text that is hard to read against what it is drawn on. */
import type { Diagnostic } from '../types/diagnostics.js';
import { AA, TEXT_PAIRS, contrast } from './colors.js';
import { displayPath } from './load.js';
import type { Theme } from './types.js';

export function themeWarnings(theme: Theme): Diagnostic[] {
  const out: Diagnostic[] = [];
  const where = theme.source ? displayPath(theme.source) : `theme "${theme.name}"`;
  for (const [fg, bg] of TEXT_PAIRS) {
    const ratio = contrast(theme.colors[fg], theme.colors[bg]);
    if (ratio < AA) {
      out.push({
        level: 'warning',
        code: 'theme-contrast',
        message: `${where}: colors.${fg} ${theme.colors[fg]} on colors.${bg} ${theme.colors[bg]} has contrast ${ratio.toFixed(2)}:1, below WCAG AA (${AA}:1)`,
      });
    }
  }
  return out;
}
