/**
 * Chart test decks: tables as a report writes them, turned into chart slides by the real chooser
 * (chartFor) and fitted by the real planner (fitSlide), appended to a small planned report so every
 * renderer sees a whole deck.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Deck, Run, TableBlock } from '../../src/types/deck.js';
import type { Theme } from '../../src/theme/types.js';
import type { Measurer } from '../../src/measure/text.js';
import { planFile } from '../../src/pipeline.js';
import { chartFor, type ChartRequest } from '../../src/chart/choose.js';
import { fitSlide } from '../../src/plan/fit.js';
import { labelsFor } from '../../src/plan/labels.js';

const runs = (text: string): Run[] => (text ? [{ text }] : []);

/** A table block from cell texts; numeric-looking columns right-aligned, as GFM `--:` would. */
export function table(head: string[], rows: string[][]): TableBlock {
  return { head: head.map(runs), rows: rows.map((r) => r.map(runs)), align: head.map((_, i) => (i === 0 ? 0 : 1)) };
}

export interface ChartSpec {
  title: string;
  table: TableBlock;
  request?: ChartRequest;
}

export interface ChartDeck {
  deck: Deck;
  theme: Theme;
  measurer: Measurer;
  baseDir: string;
  file: string;
  /** Index in deck.slides of each spec's chart slide. */
  chartSlides: number[];
}

const REPORT = `# Chart Review

A short report whose tables become charts.

## 1. Figures

Revenue grew in every region. The tables below hold the figures.
`;

/** `dir`: a fresh folder for the report (the tests' tempDir()). */
export async function chartDeck(specs: ChartSpec[], dir: string, opts: { theme?: string; lang?: string } = {}): Promise<ChartDeck> {
  const baseDir = dir;
  const file = path.join(baseDir, 'charts.md');
  writeFileSync(file, REPORT);
  const planned = await planFile(file, { theme: opts.theme });
  const { deck, theme, measurer } = planned;
  const lang = opts.lang ?? deck.meta.lang;
  const fit = { measurer, theme, size: deck.size, labels: labelsFor(lang, theme.labels) };
  const chartSlides: number[] = [];
  for (const spec of specs) {
    const choice = chartFor(spec.table, { request: spec.request, mode: 'auto', lang });
    if (!choice.chart) throw new Error(`no chart for "${spec.title}": ${choice.problem ?? 'the automatic rule declined'}`);
    const slides = fitSlide(
      { layout: 'chart', title: choice.title ?? spec.title, kicker: '1', blocks: [{ chart: choice.chart }], notes: `Notes of ${spec.title}.`, source: { section: 'Figures', line: 5 } },
      fit,
    );
    chartSlides.push(deck.slides.length);
    deck.slides.push(...slides);
  }
  return { deck, theme, measurer, baseDir, file, chartSlides };
}
