/**
 * Code slides (code.hbs): a rounded panel in the code background that hugs its code, the language
 * as a small spaced label, and one paragraph per source line in the theme's mono font, coloured
 * with highlight.js's classes in the palette the deck's CSS uses (code-tints.ts).
 */
import { LAYOUTS, SLACK, SPACING, px } from '../../layout/specs.js';
import { highlightHtml } from '../html/highlight.js';
import { codeTintOf, type CodeTint } from '../code-tints.js';
import type { CodeColors } from '../../theme/types.js';
import { blockOf, type SlideCtx } from './context.js';
import type { Paragraph, TextRun } from './text.js';
import { hex } from './units.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(parseInt(e[1] === 'x' || e[1] === 'X' ? e.slice(2) : e.slice(1), e[1] === 'x' || e[1] === 'X' ? 16 : 10)) : ENTITIES[e] ?? m,
  );
}

/** highlight.js's HTML (nested spans, escaped text) → lines of tinted pieces, tinted as the deck's CSS tints them. */
export function highlightLines(code: string, lang: string | undefined, colors: CodeColors): { text: string; tint: CodeTint }[][] {
  const html = highlightHtml(code, lang);
  const lines: { text: string; tint: CodeTint }[][] = [[]];
  // Each open span: its tint (inherited, then its own rules) and its classes for its descendants.
  const stack: { tint: CodeTint; classes: string[] }[] = [{ tint: {}, classes: [] }];
  for (const m of html.matchAll(/<span class="([^"]*)">|<\/span>|([^<]+)/g)) {
    if (m[1] !== undefined) {
      const classes = m[1].split(/\s+/).filter(Boolean);
      const ancestors = new Set(stack.flatMap((open) => open.classes));
      stack.push({ tint: { ...stack[stack.length - 1].tint, ...codeTintOf(classes, ancestors, colors) }, classes });
    } else if (m[0] === '</span>') stack.length > 1 && stack.pop();
    else {
      decode(m[2]).split('\n').forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part) lines[lines.length - 1].push({ text: part, tint: stack[stack.length - 1].tint });
      });
    }
  }
  return lines;
}

const LABEL = { scale: 0.7, spacing: 0.1 };
const PANEL_RADIUS = 8;

/** Code keeps its spaces: measured as the planner does, runs of spaces as no-break spaces. */
function preWrap(line: string): string {
  return line.replace(/^ +/, (m) => '\u00a0'.repeat(m.length)).replace(/ {2,}/g, (m) => `${'\u00a0'.repeat(m.length - 1)} `);
}

export function buildCode(c: SlideCtx): void {
  const block = blockOf(c.slide, 'code');
  if (!block) return;
  const { theme } = c;
  const { lang, lines } = block.code;
  const body = px(LAYOUTS.code.boxes.body, c.deck.size);
  const s = c.slide.fit.body;
  const lh = theme.lineHeight.mono;
  const mono = theme.fonts.mono.name;
  const pad = SPACING.codePad * s;
  const label = lang ? SPACING.codeLabel * s : 0;
  const innerW = body.w - 2 * pad;
  const textH = lines.reduce(
    (h, l) => h + Math.max(1, c.measurer.lineCount([{ text: preWrap(l) || ' ', style: { role: 'mono' } }], innerW * SLACK, s)) * s * lh,
    0,
  );
  // The panel hugs its code; the box height is only the limit the planner fitted against.
  const panelH = Math.min(body.h, 2 * pad + label + textH);
  c.out.addShape(c.pres.ShapeType.roundRect, {
    ...c.stage.place({ x: body.x, y: body.y, w: body.w, h: panelH }),
    rectRadius: PANEL_RADIUS / 96,
    fill: { color: hex(theme.colors.codeBackground) },
    line: { type: 'none' },
    objectName: 'Code panel',
  });
  if (lang) {
    const size = s * LABEL.scale;
    const font = theme.fonts.body.name;
    const p: Paragraph = {
      runs: [{ text: lang.toUpperCase(), size, font, color: theme.colors.muted, spacing: LABEL.spacing * size }],
      align: 'start',
      lineHeight: size,
      endSize: size,
      endFont: font,
    };
    c.out.addText(c.texts.add([p]), { ...c.stage.place({ x: body.x + pad, y: body.y + pad, w: innerW, h: label }), margin: 0, valign: 'top', objectName: 'Language' });
  }
  const highlighted = highlightLines(lines.join('\n'), lang, c.theme.code);
  const paragraphs: Paragraph[] = lines.map((_, i) => ({
    runs: (highlighted[i] ?? []).map(
      (piece): TextRun => ({
        text: piece.text,
        size: s,
        font: mono,
        color: piece.tint.color ?? theme.colors.codeText,
        italic: piece.tint.italic,
        bold: piece.tint.bold,
      }),
    ),
    align: 'start',
    // Code reads left to right in every deck.
    rtl: false,
    lineHeight: s * lh,
    endSize: s,
    endFont: mono,
  }));
  c.out.addText(c.texts.add(paragraphs), {
    ...c.stage.place({ x: body.x + pad, y: body.y + pad + label, w: innerW, h: Math.max(1, panelH - 2 * pad - label) }),
    margin: 0,
    valign: 'top',
    objectName: 'Code',
  });
}
