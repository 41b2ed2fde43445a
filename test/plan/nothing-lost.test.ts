/**
 * Nothing in the report is lost: every piece of text in the Markdown — each run of a paragraph, list
 * item, table cell, quote, footnote, image caption and line of code — is on a slide or in the speaker
 * notes, with its words in the report's order. Checked against the Markdown tree itself, so text the
 * structure stage failed to pick up counts as lost too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/read/parse.js';
import { planFile } from '../../src/pipeline.js';
import type { Deck } from '../../src/types/deck.js';
import { EXAMPLE, FIXTURES, fixtureReports, slideText } from '../helpers/fixtures.js';

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}$%]+/gu) ?? [];

interface Node {
  type: string;
  value?: string;
  alt?: string;
  children?: Node[];
}

/** The text leaves of the Markdown tree a reader would read. */
function leaves(node: Node, out: string[] = []): string[] {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      out.push(node.value ?? '');
      break;
    case 'code':
      out.push(...(node.value ?? '').split('\n'));
      break;
    case 'image':
      out.push(node.alt ?? '');
      break;
    // Typeset, not read as words; raw HTML is dropped with a warning; definitions are link targets.
    case 'math':
    case 'inlineMath':
    case 'html':
    case 'definition':
    case 'yaml':
      break;
    default: {
      // Adjacent text nodes are one run of text to a reader ("$48.2M … $0.9M" parses as three).
      const merged: Node[] = [];
      for (const child of node.children ?? []) {
        const prev = merged[merged.length - 1];
        if (child.type === 'text' && prev?.type === 'text') merged[merged.length - 1] = { type: 'text', value: `${prev.value}${child.value}` };
        else merged.push(child);
      }
      for (const child of merged) leaves(child, out);
    }
  }
  return out;
}

/**
 * What a presenter has, as three streams: the slides' content in order (so an item continued on the
 * next slide reads on), the slide titles with their section numbers, and the speaker notes.
 */
function streams(deck: Deck): string[] {
  const content = deck.slides.map((s) => slideText(s.blocks)).join(' ');
  const titles = deck.slides.map((s) => `${s.kicker ?? ''} ${s.title}`).join(' | ');
  const notes = deck.slides.map((s) => s.notes).join(' | ');
  // Table columns read top to bottom across continued pages, so a cell cut between two rows reads on.
  const columns: string[] = [];
  for (const s of deck.slides) {
    for (const b of s.blocks) {
      if (!('table' in b)) continue;
      b.table.rows.forEach((row) => row.forEach((cell, c) => (columns[c] = `${columns[c] ?? ''} ${cell.map((r) => r.text).join('')}`)));
    }
  }
  return [content, titles, notes, ...columns].map((t) => ` ${words(t).join(' ')} `);
}

describe('every word of the report reaches the deck', () => {
  for (const file of [EXAMPLE, ...fixtureReports().map((f) => path.join(FIXTURES, f))]) {
    it(path.basename(file), async () => {
      const { tree } = parseMarkdown(readFileSync(file, 'utf8'), file);
      const { deck } = await planFile(file);
      const haystacks = streams(deck);
      const missing = leaves(tree as Node).filter((t) => {
        const w = words(t);
        return w.length > 0 && !haystacks.some((h) => h.includes(` ${w.join(' ')} `));
      });
      expect(missing).toEqual([]);
    });
  }
});
