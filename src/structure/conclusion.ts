/**
 * Recognising a report's conclusion. Agent-written reports end with a paragraph that sums up the
 * whole report but sits, headingless, under the last section; a deck should close on it, not file it
 * under section 10. Reports written by hand often have a "Conclusion" section instead.
 */
import type { ReportBlock, Section } from '../types/report.js';
import { runsText } from './inline.js';
import { CJK_OPENERS, CONCLUSION_TITLES, WORD_OPENERS } from './closing-words.js';

const CONCLUSION_TITLE =
  /^(conclusions?|summary|summary and (conclusions?|outlook|next steps)|closing( thoughts| remarks)?|final (thoughts|remarks)|concluding (thoughts|remarks)|wrap-?up|in conclusion|outlook)$/i;

const CONCLUSION_TITLE_OTHER = new RegExp(`^(?:${CONCLUSION_TITLES.join('|')})$`, 'iu');

/** Openings that address the report as a whole rather than the section they follow. */
const CONCLUDING_OPENER =
  /^(in conclusion|to conclude|in summary|to summ?ari[sz]e|in sum\b|to sum up|overall,|all in all|all told|taken together|in closing|in short,|ultimately,|through this|throughout this|this (report|analysis|review|study|paper|exploration|overview)|the (findings|analysis) (above|in this report)|these findings|as (this report|we have) (has |have )?(shown|seen|outlined|discussed)|looking ahead,|together, these)/i;

/**
 * Words in spaced scripts must end where the phrase ends ("Insgesamt zeigt…", not
 * "Insgesamtkosten"), and a phrase followed by a figure states a total ("Insgesamt 40 Filialen…",
 * "Au total, 40 magasins…"), not a conclusion.
 */
const OTHER_OPENER = new RegExp(
  `^(?:(?:${WORD_OPENERS.join('|')})(?![\\p{L}\\p{N}])(?![\\s,:]*[\\p{N}\\p{Sc}])|${CJK_OPENERS.join('|')})`,
  'iu',
);

/** Openers that say outright that the report concludes, even in a section's only paragraph. */
const OUTRIGHT =
  /^(in conclusion|to conclude|in summary|to sum up|zusammenfassend|abschließend|en conclusion|pour conclure|en résumé|en conclusi[oó]n|en resumen|para concluir|em conclus[aã]o|em resumo|in conclusione|per concludere|concluderend|samenvattend|в заключение|подводя итог|总之|總之|综上所述|綜上所述|总而言之|總而言之|まとめると|以上をまとめると|結論として|결론적으로|요약하면|و?في الختام|و?خلاصه القول)/iu;

/** Text as the patterns expect it: composed, and Arabic without vowel marks or alef/teh marbuta variants. */
function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u064B-\u065F\u0670\u0640]/gu, '')
    .replace(/[أإآ]/gu, 'ا')
    .replace(/ة/gu, 'ه')
    .trim();
}

/** A section title without the decorations numbering leaves on it: "五、结论", "第六章 结论", "Fazit:". */
function bareTitle(title: string): string {
  return normalise(title)
    .replace(/^第?[一二三四五六七八九十百零〇\d]+[章节節部分]*[、.．:：\s]*/u, '')
    .replace(/^[（(][一二三四五六七八九十\d]+[)）]\s*/u, '')
    .replace(/[\s:：.。!！]+$/u, '')
    .trim();
}

export function isConclusionTitle(title: string): boolean {
  const bare = bareTitle(title);
  return CONCLUSION_TITLE.test(bare) || CONCLUSION_TITLE_OTHER.test(bare);
}

export function isConcludingOpener(text: string): boolean {
  const t = normalise(text);
  return CONCLUDING_OPENER.test(t) || OTHER_OPENER.test(t);
}

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

export function splitConclusion(sections: Section[]): { sections: Section[]; conclusion: ReportBlock[]; title?: string; directives?: Section['directives'] } {
  if (!sections.length) return { sections, conclusion: [] };
  const last = sections[sections.length - 1];
  if (sections.length > 1 && !last.children.length && isConclusionTitle(last.title)) {
    return { sections: sections.slice(0, -1), conclusion: last.blocks, title: last.title, ...(last.directives ? { directives: last.directives } : {}) };
  }
  const leaf = lastLeaf(last);
  // Footnotes gathered at the end of a report are not part of its closing words: they are passed
  // over here, and stay with the section they were written in.
  const blocks = leaf.blocks.filter((b) => b.kind !== 'note');
  let firstTrailing = blocks.length;
  while (firstTrailing > 0 && blocks[firstTrailing - 1].kind === 'paragraph') firstTrailing--;
  // Look at most at the last three trailing paragraphs.
  firstTrailing = Math.max(firstTrailing, blocks.length - 3);
  const otherHeadings = sections.slice(0, -1).map((s) => terms(s.title));
  for (let i = firstTrailing; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.kind !== 'paragraph') continue;
    const text = runsText(block.runs).trim();
    const opener = isConcludingOpener(text);
    // The section keeps at least one block of its own unless the paragraph says outright it concludes.
    if (i === 0 && !OUTRIGHT.test(normalise(text))) continue;
    const words = terms(text);
    const covered = otherHeadings.filter((h) => [...h].some((t) => words.has(t))).length;
    const broad = otherHeadings.length >= 3 && covered >= Math.max(3, Math.ceil(otherHeadings.length * 0.4));
    if (opener || broad) {
      const closing = new Set<ReportBlock>(blocks.slice(i));
      return {
        sections: replaceLeaf(sections, leaf, { ...leaf, blocks: leaf.blocks.filter((b) => !closing.has(b)) }),
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
