/**
 * Table geometry: column widths and row heights, as the planner measures them and as the HTML
 * (table-layout: fixed with these very widths) and PPTX tables set them.
 */
import type { Run, TableBlock } from '../types/deck.js';
import type { Measurer, Piece } from '../measure/text.js';
import { SLACK, SPACING } from '../layout/specs.js';

function pieces(cell: Run[], bold: boolean): Piece[] {
  return cell.map((r) => ({ text: r.text, style: { role: r.code ? 'mono' : 'body', bold: bold || r.bold, italic: r.italic } }));
}

function longestWord(cell: Run[], bold: boolean, s: number, m: Measurer): number {
  let widest = 0;
  for (const p of pieces(cell, bold)) {
    for (const word of p.text.split(/\s+/)) if (word) widest = Math.max(widest, m.width(word, p.style, s));
  }
  return widest;
}

function natural(cell: Run[], bold: boolean, s: number, m: Measurer): number {
  return pieces(cell, bold).reduce((w, p) => w + m.width(p.text, p.style, s), 0);
}

export function tableColumns(table: TableBlock, boxW: number, s: number, m: Measurer): number[] {
  const n = Math.max(1, table.align.length, table.head.length);
  const pad = 2 * SPACING.cellPadX * s;
  const nat = new Array<number>(n).fill(pad);
  const min = new Array<number>(n).fill(pad);
  const rows: [Run[][], boolean][] = [[table.head, true], ...table.rows.map((r): [Run[][], boolean] => [r, false])];
  for (const [row, bold] of rows) {
    for (let c = 0; c < n; c++) {
      const cell = row[c] ?? [];
      nat[c] = Math.max(nat[c], natural(cell, bold, s, m) / SLACK + pad);
      min[c] = Math.max(min[c], longestWord(cell, bold, s, m) / SLACK + pad);
    }
  }
  // A column never needs more than the whole table's width.
  for (let c = 0; c < n; c++) {
    nat[c] = Math.min(nat[c], boxW);
    min[c] = Math.min(min[c], boxW);
  }
  const sumNat = nat.reduce((a, b) => a + b, 0);
  const sumMin = min.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sumNat <= boxW) widths = nat.map((w) => w + ((boxW - sumNat) * w) / sumNat);
  else if (sumMin <= boxW) {
    const give = nat.map((w, c) => w - min[c]);
    const total = give.reduce((a, b) => a + b, 0) || 1;
    widths = min.map((w, c) => w + ((boxW - sumMin) * give[c]) / total);
  } else widths = min.map((w) => (boxW * w) / sumMin);
  return widths.map((w) => Math.floor(w));
}

/** Lines a cell's text takes in a column `width` px wide (padding included in the width). */
export function cellLines(cell: Run[], width: number, s: number, m: Measurer, bold = false): number {
  return cell.length ? m.lineCount(pieces(cell, bold), (width - 2 * SPACING.cellPadX * s) * SLACK, s) : 1;
}

/** Height of a row whose tallest cell takes `lines` lines: text, padding and the rule below it. */
export function rowHeight(lines: number, s: number, lh: number): number {
  return lines * s * lh + 2 * SPACING.cellPadY * s + 1;
}

export function tableRowHeights(table: TableBlock, widths: number[], s: number, lh: number, m: Measurer): { head: number; rows: number[] } {
  const height = (row: Run[][], bold: boolean) => rowHeight(Math.max(1, ...widths.map((w, c) => cellLines(row[c] ?? [], w, s, m, bold))), s, lh);
  return { head: height(table.head, true), rows: table.rows.map((r) => height(r, false)) };
}
