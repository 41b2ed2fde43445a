/**
 * Units and placement. The deck model measures in CSS px at the deck's size; a slide is that size at
 * 96 px per inch (1280 × 720 px is PowerPoint's 13.333 × 7.5 in widescreen), so 1 px = 0.75 pt =
 * 9525 EMU and every box keeps the exact place the planner fitted text into.
 */
import type { Box } from '../../layout/specs.js';

export const PX_PER_IN = 96;
export const EMU_PER_PX = 9525;

export const inches = (px: number): number => px / PX_PER_IN;
export const points = (px: number): number => px * 0.75;
export const emu = (px: number): number => Math.round(px * EMU_PER_PX);
/** DrawingML sizes and spacings are in hundredths of a point and must be integers. */
export const centipoints = (px: number): number => Math.round(px * 75);

/** A box in inches, as pptxgenjs takes positions. */
export interface Placed {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Places px boxes on the slide. A right-to-left deck mirrors every box across the slide, as the HTML
 * deck does with `right:` instead of `left:`.
 */
export class Stage {
  constructor(
    readonly width: number,
    readonly height: number,
    readonly rtl: boolean,
  ) {}

  /** The box mirrored when the deck is right-to-left, still in px. */
  mirror(b: Box): Box {
    return this.rtl ? { ...b, x: this.width - b.x - b.w } : b;
  }

  place(b: Box): Placed {
    const m = this.mirror(this.clamp(b));
    return { x: inches(m.x), y: inches(m.y), w: inches(m.w), h: inches(m.h) };
  }

  /** No shape may leave the slide: a box reaching past an edge (a rounding hair) is cut at it. */
  clamp(b: Box): Box {
    const x = Math.max(0, Math.min(b.x, this.width));
    const y = Math.max(0, Math.min(b.y, this.height));
    return { x, y, w: Math.max(0, Math.min(b.w - (x - b.x), this.width - x)), h: Math.max(0, Math.min(b.h - (y - b.y), this.height - y)) };
  }
}

/** "#0F2A4A" → "0F2A4A". A theme colour that is not hex is a bug upstream: fail loudly, never write it. */
export function hex(color: string): string {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim());
  if (!m) throw new Error(`not a hex colour: ${JSON.stringify(color)}`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return h.toUpperCase();
}
