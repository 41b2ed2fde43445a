/**
 * Nothing in the report is lost: every sentence, list item, table cell, quote and line of code is on
 * a slide or in the speaker notes, in the report's order.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport, planFile } from '../../src/pipeline.js';
import type { ReportBlock, Section } from '../../src/types/report.js';
import { runsText } from '../../src/structure/inline.js';
import { EXAMPLE, FIXTURES, fixtureReports, slideText } from '../helpers/fixtures.js';

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}$%]+/gu) ?? [];

function blockTexts(b: ReportBlock): string[] {
  switch (b.kind) {
    case 'paragraph':
      // Inline math is typeset, not read as words: check the text around it piece by piece.
      return b.runs.filter((r) => !r.math).map((r) => r.text);
    case 'list':
      return b.items.map((i) => runsText(i.runs));
    case 'table':
      return [b.head, ...b.rows].flat().map(runsText);
    case 'quote':
      return [runsText(b.runs), b.cite ?? ''];
    case 'code':
      return b.text.split('\n');
    case 'image':
      return [b.alt];
    case 'math':
      return [];
  }
}

const sectionTexts = (s: Section): string[] => [s.title, ...s.blocks.flatMap(blockTexts), ...s.children.flatMap(sectionTexts)];

describe('every word of the report reaches the deck', () => {
  for (const file of [EXAMPLE, ...fixtureReports().map((f) => path.join(FIXTURES, f))]) {
    it(path.basename(file), async () => {
      const { report } = await loadReport(file);
      const { deck } = await planFile(file);
      // Each slide's text, then its notes, as a presenter pages through.
      const deckWords = words(deck.slides.map((s) => `${slideText({ title: s.title, blocks: s.blocks })} ${s.notes}`).join(' '));
      const haystack = ` ${deckWords.join(' ')} `;
      const texts = [...report.preamble.flatMap(blockTexts), ...report.sections.flatMap(sectionTexts), ...report.conclusion.flatMap(blockTexts)];
      const missing = texts.filter((t) => words(t).length && !haystack.includes(` ${words(t).join(' ')} `));
      expect(missing).toEqual([]);
    });
  }
});
