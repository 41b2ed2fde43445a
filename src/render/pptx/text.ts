/**
 * Paragraphs and runs → DrawingML (`<a:p>`). pptxgenjs 4.0.1 repeats `<a:pPr>` after every run of a
 * multi-run paragraph (schema-invalid: PowerPoint 2016 asks to repair, PptxGenJS PR #1083), sets one
 * typeface for latin, East Asian and complex scripts alike, and cannot place a list marker at an
 * arbitrary indent. So our text is written here, from the same numbers the planner measured with,
 * and put in place of a token when the package is assembled (see package.ts).
 */
import { centipoints, emu, hex } from './units.js';
import { escapeXml } from './xml.js';
import { deckEaFont, firstStrongRtl, scriptFont, segments } from './scripts.js';
import { runsText } from '../../structure/inline.js';

export interface TextRun {
  text: string;
  /** Font size in px. */
  size: number;
  /** Latin typeface (the theme's Office font). */
  font: string;
  color: string;
  /** Opacity 0–1 of the text colour. */
  alpha?: number;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  underline?: boolean;
  /** External link target, already checked by safeHref. */
  href?: string;
  /** Background tint behind the run (inline code). */
  highlight?: string;
  /** Extra letter spacing in px. */
  spacing?: number;
}

export type Marker = { char: string; color: string; font: string } | { number: number; color: string; font: string };

export interface Paragraph {
  runs: TextRun[];
  /** Logical alignment: `start` is the paragraph's reading start (right in right-to-left text). */
  align: 'start' | 'center' | 'end';
  /** Exact line pitch in px: the theme's line height × font size, as the planner measured. */
  lineHeight?: number;
  /** Space above the paragraph in px. */
  spaceBefore?: number;
  /** Where the text starts and where the first line's marker starts, in px from the box's start edge. */
  textIndent?: number;
  markerIndent?: number;
  marker?: Marker;
  /** Outline level (0-based) for lists, so PowerPoint's promote/demote and outline view work. */
  level?: number;
  /** Forces the direction; otherwise the deck's direction, or the text's when it starts right-to-left. */
  rtl?: boolean;
  /** Size and font of the paragraph mark, which sets an empty paragraph's height. */
  endSize: number;
  endFont: string;
}

export interface WriteContext {
  lang: string;
  rtl: boolean;
  /** Relationship id of an external link in the part being written. */
  link: (href: string) => string;
}

const HLINK_TEXT_COLOUR =
  '<a:extLst><a:ext uri="{A12FA001-AC4F-418D-AE19-62706E023703}"><ahyp:hlinkClr xmlns:ahyp="http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor" val="tx"/></a:ext></a:extLst>';

function paragraphRtl(p: Paragraph, ctx: WriteContext): boolean {
  return p.rtl ?? (ctx.rtl || firstStrongRtl(runsText(p.runs)));
}

function physicalAlign(align: Paragraph['align'], rtl: boolean): string {
  if (align === 'center') return 'ctr';
  return (align === 'start') !== rtl ? 'l' : 'r';
}

function fill(color: string, alpha?: number): string {
  const a = alpha !== undefined && alpha < 1 ? `<a:alpha val="${Math.round(alpha * 100000)}"/>` : '';
  return `<a:solidFill><a:srgbClr val="${hex(color)}">${a}</a:srgbClr></a:solidFill>`;
}

function pPr(p: Paragraph, rtl: boolean): string {
  const attrs: string[] = [];
  const text = p.textIndent ?? 0;
  const marker = p.markerIndent ?? text;
  attrs.push(`marL="${emu(text)}"`, `indent="${emu(marker - text)}"`);
  if (p.level) attrs.push(`lvl="${Math.min(8, p.level)}"`);
  attrs.push(`algn="${physicalAlign(p.align, rtl)}"`);
  attrs.push(`rtl="${rtl ? 1 : 0}"`);
  let inner = p.lineHeight ? `<a:lnSpc><a:spcPts val="${centipoints(p.lineHeight)}"/></a:lnSpc>` : '';
  inner += `<a:spcBef><a:spcPts val="${centipoints(p.spaceBefore ?? 0)}"/></a:spcBef><a:spcAft><a:spcPts val="0"/></a:spcAft>`;
  if (p.marker) {
    inner += `<a:buClr><a:srgbClr val="${hex(p.marker.color)}"/></a:buClr><a:buSzPct val="100000"/><a:buFont typeface="${escapeXml(p.marker.font)}"/>`;
    inner +=
      'number' in p.marker
        ? `<a:buAutoNum type="arabicPeriod" startAt="${Math.max(1, Math.min(32767, Math.round(p.marker.number)))}"/>`
        : `<a:buChar char="${escapeXml(p.marker.char)}"/>`;
  } else inner += '<a:buNone/>';
  return `<a:pPr ${attrs.join(' ')}>${inner}</a:pPr>`;
}

/**
 * `ea` and `cs` are written only where they matter (East Asian text or decks, Arabic and Hebrew):
 * characters of other scripts never use those fonts, and a 400-slide deck is smaller without them.
 */
function rPr(r: TextRun, lang: string, ea: string | undefined, cs: string | undefined, ctx: WriteContext, tag = 'a:rPr'): string {
  const attrs = [`lang="${escapeXml(lang)}"`, `sz="${Math.max(100, centipoints(r.size))}"`];
  if (r.bold) attrs.push('b="1"');
  if (r.italic) attrs.push('i="1"');
  if (r.underline || r.href) attrs.push('u="sng"');
  if (r.strike) attrs.push('strike="sngStrike"');
  if (r.spacing) attrs.push(`spc="${centipoints(r.spacing)}"`);
  let inner = fill(r.color, r.alpha);
  if (r.highlight) inner += `<a:highlight><a:srgbClr val="${hex(r.highlight)}"/></a:highlight>`;
  inner += `<a:latin typeface="${escapeXml(r.font)}"/>`;
  if (ea) inner += `<a:ea typeface="${escapeXml(ea)}"/>`;
  if (cs) inner += `<a:cs typeface="${escapeXml(cs)}"/>`;
  if (r.href) inner += `<a:hlinkClick r:id="${ctx.link(r.href)}">${HLINK_TEXT_COLOUR}</a:hlinkClick>`;
  return `<${tag} ${attrs.join(' ')}>${inner}</${tag}>`;
}

/** One run, cut where its script changes so each piece names the font and language it needs. */
function runXml(r: TextRun, ctx: WriteContext): string {
  const deckEa = deckEaFont(ctx.lang);
  let out = '';
  for (const seg of segments(r.text)) {
    const f = scriptFont(seg, ctx.lang);
    const props = rPr(r, f.lang, f.ea ?? deckEa, f.cs, ctx);
    // A line break inside a run (a hard break in the report) is a break element, not a character.
    seg.text.split('\n').forEach((line, i) => {
      if (i > 0) out += `<a:br>${props}</a:br>`;
      if (line) out += `<a:r>${props}<a:t>${escapeXml(line)}</a:t></a:r>`;
    });
  }
  return out;
}

export function paragraphXml(p: Paragraph, ctx: WriteContext): string {
  const rtl = paragraphRtl(p, ctx);
  const runs = p.runs.filter((r) => r.text).map((r) => runXml(r, ctx)).join('');
  const end: TextRun = { text: '', size: p.endSize, font: p.endFont, color: p.runs[0]?.color ?? '#000000' };
  const endProps = rPr(end, scriptFont({ text: '', script: 'other' }, ctx.lang).lang, deckEaFont(ctx.lang), undefined, { ...ctx, link: () => '' }, 'a:endParaRPr');
  return `<a:p>${pPr(p, rtl)}${runs}${endProps}</a:p>`;
}

export function paragraphsXml(ps: Paragraph[], ctx: WriteContext): string {
  return ps.map((p) => paragraphXml(p, ctx)).join('');
}
