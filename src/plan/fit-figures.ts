/**
 * Fitting a key-figures slide: one or two figures side by side, each as large as its column allows
 * on one line, over its label and the sentence it came from. Labels and sentences take the largest
 * size between the layout's preferred and minimum at which every column fits; a sentence still too
 * long is shortened with "…" on the slide (the prose is in the notes whole).
 */
import type { Block, FigureBlock, Slide } from '../types/deck.js';
import { columnBoxes, FIGURE, px, SLACK, SPACING, type Box, type LayoutSpec, type Size } from '../layout/specs.js';
import type { DraftSlide } from './draft.js';
import type { FitContext } from './fit.js';
import { longestFit } from './cuts.js';

type Finish = (draft: DraftSlide, blocks: Block[], body: number, ctx: FitContext, part: number) => Slide;

/** The sentence's size on a figures slide whose labels are `s`. */
export const figureSentenceSize = (s: number) => Math.round(s * SPACING.figureSentenceScale);

/** Each figure of a slide with the column it stands in, side by side across the content box. */
export function figureColumns(blocks: Block[], size: Size): { figure: FigureBlock; box: Box }[] {
  const figures = blocks.flatMap((b) => ('figure' in b ? [b.figure] : []));
  const boxes = columnBoxes(Math.max(1, figures.length)).map((b) => px(b, size));
  return figures.map((figure, i) => ({ figure, box: boxes[i] }));
}

/** A fitted figures slide's sizes in px: the figures, their labels and their sentences. */
export function figureSizes(fit: Slide['fit']): { value: number; label: number; sentence: number } {
  return { value: fit.figure ?? fit.body * 3, label: fit.body, sentence: figureSentenceSize(fit.body) };
}

/** Height of one figure's column at figure size `v` and label size `s`. */
export function figureHeight(f: FigureBlock, v: number, s: number, width: number, ctx: Pick<FitContext, 'measurer' | 'theme'>): number {
  const { measurer, theme } = ctx;
  const lh = theme.lineHeight;
  const lines = (text: string, size: number, bold = false) => measurer.lineCount([{ text, style: { role: 'body', bold } }], width * SLACK, size);
  const t = figureSentenceSize(s);
  return v * lh.heading + SPACING.figureLabelGap * s + lines(f.label, s, true) * s * lh.body + SPACING.figureSentenceGap * s + lines(f.sentence, t) * t * lh.body;
}

export function fitFigures(draft: DraftSlide, spec: LayoutSpec, ctx: FitContext, finish: Finish): Slide {
  const columns = figureColumns(draft.blocks, ctx.size);
  const figures = columns.map((c) => c.figure);
  const { w: width, h } = columns[0]?.box ?? px(columnBoxes(1)[0], ctx.size);
  const scale = ctx.theme.scale.heading;
  // One size for every figure, the largest at which the widest is one line in its column.
  let v = Math.round(FIGURE.pref * scale);
  const widest = () => Math.max(...figures.map((f) => ctx.measurer.width(f.value, { role: 'heading', bold: true }, v)));
  while (v > FIGURE.min * scale && widest() > width * SLACK) v -= 2;
  const fits = (fs: FigureBlock[], s: number) => fs.every((f) => figureHeight(f, v, s, width, ctx) <= h);
  for (let s = spec.body.pref; s >= spec.body.min; s -= 2) {
    if (fits(figures, s)) return withFigure(finish(draft, draft.blocks, s, ctx, 0), v);
  }
  const s = spec.body.min;
  const shortened = figures.map((f) => {
    if (fits([f], s)) return f;
    const end = longestFit(f.sentence, (at) => fits([{ ...f, sentence: `${f.sentence.slice(0, at).trimEnd()} …` }], s)) ?? 1;
    return { ...f, sentence: `${f.sentence.slice(0, end).trimEnd()} …` };
  });
  return withFigure(finish(draft, shortened.map((figure) => ({ figure })), s, ctx, 0), v);
}

const withFigure = (slide: Slide, v: number): Slide => ({ ...slide, fit: { ...slide.fit, figure: v } });
