/**
 * Recognising a report's conclusion. Agent-written reports end with a paragraph that sums up the
 * whole report but sits, headingless, under the last section; a deck should close on it, not file it
 * under section 10. Reports written by hand often have a "Conclusion" section instead.
 */
import type { ReportBlock, Section } from '../types/report.js';
import { runsText } from './inline.js';

const CONCLUSION_TITLE =
  /^(conclusions?|summary|summary and (conclusions?|outlook|next steps)|closing( thoughts| remarks)?|final (thoughts|remarks)|concluding (thoughts|remarks)|wrap-?up|in conclusion|outlook)$/i;

/** Openings that address the report as a whole rather than the section they follow. */
const CONCLUDING_OPENER =
  /^(in conclusion|to conclude|in summary|to summ?ari[sz]e|in sum\b|to sum up|overall,|all in all|all told|taken together|in closing|in short,|ultimately,|through this|throughout this|this (report|analysis|review|study|paper|exploration|overview)|the (findings|analysis) (above|in this report)|these findings|as (this report|we have) (has |have )?(shown|seen|outlined|discussed)|looking ahead,|together, these)/i;

const STOP = new Set(
  'the and for with that this from into over under their these those have has are was were will can its our your more most than then also such been being about across through within between among what when where which while'.split(
    ' ',
  ),
);

function terms(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/\p{L}[\p{L}\p{N}'-]*/gu) ?? []) {
    if (w.length < 4 || STOP.has(w)) continue;
    out.add(w.replace(/(ies|es|s|ing|ed)$/, ''));
  }
  return out;
}

function lastLeaf(section: Section): Section {
  let s = section;
  while (s.children.length) s = s.children[s.children.length - 1];
  return s;
}

export function splitConclusion(sections: Section[]): { sections: Section[]; conclusion: ReportBlock[] } {
  if (!sections.length) return { sections, conclusion: [] };
  const last = sections[sections.length - 1];
  if (sections.length > 1 && !last.children.length && CONCLUSION_TITLE.test(last.title)) {
    return { sections: sections.slice(0, -1), conclusion: last.blocks };
  }
  const leaf = lastLeaf(last);
  const blocks = leaf.blocks;
  let firstTrailing = blocks.length;
  while (firstTrailing > 0 && blocks[firstTrailing - 1].kind === 'paragraph') firstTrailing--;
  // Look at most at the last three trailing paragraphs.
  firstTrailing = Math.max(firstTrailing, blocks.length - 3);
  const otherHeadings = sections.slice(0, -1).map((s) => terms(s.title));
  for (let i = firstTrailing; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.kind !== 'paragraph') continue;
    const text = runsText(block.runs).trim();
    const opener = CONCLUDING_OPENER.test(text);
    // The section keeps at least one block of its own unless the paragraph says outright it concludes.
    if (i === 0 && !/^(in conclusion|to conclude|in summary|to sum up)/i.test(text)) continue;
    const words = terms(text);
    const covered = otherHeadings.filter((h) => [...h].some((t) => words.has(t))).length;
    const broad = otherHeadings.length >= 3 && covered >= Math.max(3, Math.ceil(otherHeadings.length * 0.4));
    if (opener || broad) {
      return {
        sections: replaceLeaf(sections, leaf, { ...leaf, blocks: blocks.slice(0, i) }),
        conclusion: blocks.slice(i),
      };
    }
  }
  return { sections, conclusion: [] };
}

function replaceLeaf(sections: Section[], leaf: Section, next: Section): Section[] {
  const swap = (s: Section): Section =>
    s === leaf ? next : s.children.length ? { ...s, children: s.children.map(swap) } : s;
  return sections.map(swap);
}
