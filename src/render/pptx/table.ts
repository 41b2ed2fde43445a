/**
 * Table slides as native PowerPoint tables, set as table.hbs sets them: the planner's column widths
 * (the same on every page of a continued table), its row heights, a header row in the header colours
 * on every page, striped body rows, a rule under each row and the cell padding it measured.
 */
import type { TableBlock } from '../../types/deck.js';
import { LAYOUTS, SPACING, px } from '../../layout/specs.js';
import { tableColumns, tableRowHeights } from '../../plan/table-geometry.js';
import { blockOf, type SlideCtx } from './context.js';
import type { Paragraph } from './text.js';
import { textRuns } from './runs.js';
import { hex, inches, points } from './units.js';

/** pptxgenjs reads cell margins of 1 or more as points and smaller ones as inches (its pre-4.0 compatibility). */
function cellMargin(px: number): number {
  const pt = points(px);
  return pt >= 1 ? pt : inches(px);
}

export function buildTable(c: SlideCtx): void {
  const block = blockOf(c.slide, 'table');
  if (!block) return;
  const { table } = block;
  const { theme, deck } = c;
  const body = px(LAYOUTS.table.boxes.body, deck.size);
  const s = c.slide.fit.body;
  const lh = theme.lineHeight.body;
  const font = theme.fonts.body.name;
  const widths = c.slide.fit.columns ?? tableColumns(table, body.w, s, c.measurer);
  const heights = tableRowHeights(table, widths, s, lh, c.measurer);
  const n = widths.length;
  const align = (i: number): Paragraph['align'] => (['start', 'center', 'end'] as const)[Math.round((table.align[i] ?? 0) * 2)];
  const rule = { type: 'solid' as const, pt: points(1), color: hex(theme.colors.rule) };
  const none = { type: 'none' as const };
  const margin: [number, number, number, number] = [cellMargin(SPACING.cellPadY * s), cellMargin(SPACING.cellPadX * s), cellMargin(SPACING.cellPadY * s), cellMargin(SPACING.cellPadX * s)];

  const row = (cells: TableBlock['head'], head: boolean, index: number) => {
    const order = [...Array(n).keys()];
    // A right-to-left deck reads its first column on the right, as the HTML table does under dir="rtl".
    if (c.stage.rtl) order.reverse();
    const fillColor = head ? theme.colors.tableHeader : index % 2 === 1 ? theme.colors.tableStripe : undefined;
    return order.map((col) => {
      const p: Paragraph = {
        runs: textRuns(cells[col] ?? [], { size: s, font, color: head ? theme.colors.tableHeaderText : theme.colors.text, bold: head || undefined }, theme, deck.links),
        align: align(col),
        lineHeight: s * lh,
        endSize: s,
        endFont: font,
      };
      return {
        text: c.texts.add([p]),
        options: {
          valign: 'top' as const,
          margin,
          border: [none, none, rule, none] as [typeof none, typeof none, typeof rule, typeof none],
          ...(fillColor ? { fill: { color: hex(fillColor) } } : {}),
        },
      };
    });
  };
  const rows = [row(table.head, true, -1), ...table.rows.map((r, i) => row(r, false, i))];
  const colW = (c.stage.rtl ? [...widths].reverse() : widths).map(inches);
  const w = widths.reduce((a, b) => a + b, 0);
  const h = heights.head + heights.rows.reduce((a, b) => a + b, 0);
  c.out.addTable(rows, { ...c.stage.place({ x: body.x, y: body.y, w, h }), colW, rowH: [heights.head, ...heights.rows].map(inches), autoPage: false, objectName: 'Table' });
}
