/** The readable outline `briefdeck plan` prints: slide number, layout, title, key points. */
import type { Block, Deck } from '../types/deck.js';
import { runsText } from '../structure/inline.js';

function blockLines(b: Block): string[] {
  if ('list' in b) return b.list.map((i) => `${'  '.repeat(i.level)}${i.continued ? ' ' : i.ordered ? `${i.n}.` : '•'} ${runsText(i.runs)}`);
  if ('paragraph' in b) return [runsText(b.paragraph)];
  if ('table' in b) return [`[table: ${b.table.head.length} columns × ${b.table.rows.length} rows]`];
  if ('image' in b) return [`[image: ${b.image.alt || 'no caption'}]`];
  if ('code' in b) return [`[code${b.code.lang ? ` ${b.code.lang}` : ''}: ${b.code.lines.length} lines]`];
  if ('quote' in b) return [`“${runsText(b.quote.runs)}”${b.quote.cite ? ` — ${b.quote.cite}` : ''}`];
  if ('math' in b) return [`[math: ${b.math.tex}]`];
  if ('figure' in b) return [`[figure: ${b.figure.value} — ${b.figure.label}]`];
  if ('chart' in b) {
    const { type, stacked, series, categories } = b.chart;
    return [`[chart: ${stacked ? 'stacked ' : ''}${type}, ${series.length} series × ${categories.length} categories]`];
  }
  if ('subtitle' in b) return [b.subtitle];
  if ('byline' in b) return [b.byline];
  return [];
}

export function outline(deck: Deck): string {
  const width = String(deck.slides.length).length;
  const shown = deck.slides.filter((s) => !s.hidden).length;
  const skipped = deck.slides.length - shown;
  const lines: string[] = [`${deck.meta.title} — ${shown} slide${shown === 1 ? '' : 's'}${skipped ? ` (and ${skipped} skipped, in the briefing only)` : ''}`, ''];
  deck.slides.forEach((s, i) => {
    const head = `${String(i + 1).padStart(width)}  ${s.layout.padEnd(10)} ${s.kicker ? `${s.kicker} ` : ''}${s.title}${s.hidden ? ' (skipped: briefing only)' : ''}`;
    lines.push(head);
    for (const b of s.blocks) for (const l of blockLines(b)) lines.push(`${' '.repeat(width + 13)}${l}`);
  });
  return `${lines.join('\n')}\n`;
}
