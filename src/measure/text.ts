/**
 * Text measurement and line breaking with the theme's real font metrics.
 *
 * The planner uses these numbers to decide whether content fits a slide, and the deck is then laid out by
 * Chromium with `white-space: normal; overflow-wrap: anywhere`. The one property that matters is that the
 * browser never needs MORE lines than we predict, so wherever we cannot match Chromium exactly we err on
 * the side of wider text and fewer break opportunities:
 *  - widths are sums of per-character advances plus the few kerning pairs that widen text; Chromium also
 *    applies the many pairs and ligatures that tighten it, so ordinary text measures 0–2 % wide here
 *    (kerning-heavy capitals up to ~6 %), and never narrower;
 *  - we only break where Chromium was observed to break (see `breakAllowed`), never elsewhere.
 */
import type { FontRole, ThemeFont } from '../theme/types.js';
import { type FaceMetrics, loadFontFamily } from './fonts.js';

export interface TextStyle {
  role: FontRole;
  bold?: boolean;
  italic?: boolean;
}

export interface Piece {
  text: string;
  style: TextStyle;
}

/**
 * Widths (em) assumed for characters the theme fonts lack, which the browser draws from some system font.
 * CJK fonts set ideographs on a 1 em grid. Emoji get more: Noto Color Emoji (what Chromium uses on
 * Linux, so also in our PDF export) advances about 1.25 em per emoji, and underestimating is the costly
 * mistake. Symbols (arrows, math, dingbats, shapes) come from fonts that draw them about 1 em wide: Carlito
 * lacks "→", and Chromium here set it 1.0 em wide.
 */
export const FALLBACK_EM = { wide: 1.0, emoji: 1.25, symbol: 1.0, other: 0.6 } as const;

/** Tab stops for `white-space: pre` text (code blocks); CSS `tab-size` defaults to 8 spaces. */
const TAB_SIZE = 8;

const ROLES: readonly FontRole[] = ['heading', 'body', 'mono'];

// Character classes, as bit flags, for line breaking and fallback widths.
const LETTER = 1; // \p{L}
const DIGIT = 2; // \p{N}
const IDEO = 4; // breaks on both sides like a CJK ideograph (UAX #14 class ID)
const NO_START = 8; // must not begin a line: small kana, prolonged sound mark, iteration marks, closing punctuation
const STICKY = 16; // combining marks, joiners, variation selectors, emoji modifiers: never break before
const SA = 32; // Thai, Lao, Khmer, Myanmar: words are found with a dictionary, not spaces
const ZERO = 64; // default-ignorable or control: drawn with no advance
const WIDE = 128; // East Asian Wide/Fullwidth
const EMOJI = 256; // pictographic
const SYMBOL = 512; // \p{S}: arrows, math operators, shapes…
const MARK = 1024; // \p{Mn} / \p{Me}: no advance when the font lacks it (a fallback font stacks it on its base)
const WORD = LETTER | DIGIT;

const SMALL_KANA_ETC = new Set([
  0x3005, 0x303b, 0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308e, 0x3095, 0x3096,
  0x309b, 0x309c, 0x309d, 0x309e, 0x30a1, 0x30a3, 0x30a5, 0x30a7, 0x30a9, 0x30c3, 0x30e3, 0x30e5, 0x30e7, 0x30ee,
  0x30f5, 0x30f6, 0x30fb, 0x30fc, 0x30fd, 0x30fe, 0xff9e, 0xff9f,
]);

const CJK_CLOSERS = new Set([
  0x3001, 0x3002, 0x3009, 0x300b, 0x300d, 0x300f, 0x3011, 0x3015, 0x3017, 0x3019, 0x301b, 0x301e, 0x301f, 0xff01,
  0xff09, 0xff0c, 0xff0e, 0xff1a, 0xff1b, 0xff1f, 0xff3d, 0xff5d, 0xff60, 0xff61, 0xff63, 0xff64,
]);

const IDEO_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x2e80, 0x2fdf], // CJK radicals, Kangxi radicals
  [0x3006, 0x3007],
  [0x3041, 0x3096], // hiragana (small kana removed below)
  [0x30a1, 0x30fa], // katakana (small kana removed below)
  [0x3131, 0x318e], // Hangul compatibility jamo
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa48c], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff],
  [0xff10, 0xff19], // fullwidth digits
  [0xff21, 0xff3a], // fullwidth Latin
  [0xff41, 0xff5a],
  [0xff71, 0xff9d], // halfwidth katakana
  [0x1f300, 0x1f3fa], // emoji (1F3FB–1F3FF are skin-tone modifiers)
  [0x1f400, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f900, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

const ZERO_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x0008],
  [0x000a, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xe0000, 0xe0fff],
];

const SA_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0e00, 0x0eff], // Thai, Lao
  [0x1000, 0x109f], // Myanmar
  [0x1780, 0x17ff], // Khmer
  [0x19e0, 0x19ff],
  [0xaa60, 0xaa7f],
];

const inRanges = (cp: number, ranges: ReadonlyArray<readonly [number, number]>) =>
  ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

const RE_LETTER = /\p{L}/u;
const RE_DIGIT = /\p{N}/u;
const RE_MARK = /[\p{Mn}\p{Me}]/u;
const RE_ANY_MARK = /\p{M}/u;
const RE_PICTO = /\p{Extended_Pictographic}/u;
const RE_SYMBOL = /\p{S}/u;

function computeClass(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let c = 0;
  if (RE_LETTER.test(ch)) c |= LETTER;
  if (RE_DIGIT.test(ch)) c |= DIGIT;
  if (RE_SYMBOL.test(ch)) c |= SYMBOL;
  if (RE_MARK.test(ch)) c |= MARK;
  if (RE_ANY_MARK.test(ch) || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff) c |= STICKY;
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0000 && cp <= 0xe01ef) || (cp >= 0x1f3fb && cp <= 0x1f3ff)) {
    c |= STICKY;
  }
  if (inRanges(cp, ZERO_RANGES)) c |= ZERO;
  if (SMALL_KANA_ETC.has(cp) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0xff67 && cp <= 0xff70)) c |= NO_START;
  if (CJK_CLOSERS.has(cp)) c |= NO_START;
  if (!(c & NO_START) && inRanges(cp, IDEO_RANGES)) c |= IDEO;
  if (inRanges(cp, SA_RANGES)) c |= SA;
  if (inRanges(cp, WIDE_RANGES)) c |= WIDE;
  if (RE_PICTO.test(ch) || (cp >= 0x1f1e6 && cp <= 0x1f1ff) || (cp >= 0x1f3fb && cp <= 0x1f3ff)) c |= EMOJI;
  return c;
}

const ASCII_CLASS: number[] = Array.from({ length: 0x80 }, (_, cp) => computeClass(cp));
const classCache = new Map<number, number>();

function cls(cp: number): number {
  if (cp < 0) return 0;
  if (cp < 0x80) return ASCII_CLASS[cp]!;
  let c = classCache.get(cp);
  if (c === undefined) {
    c = computeClass(cp);
    classCache.set(cp, c);
  }
  return c;
}

const isAsciiAlnum = (cp: number) => cp < 0x80 && (cls(cp) & WORD) !== 0;
const isAsciiDigit = (cp: number) => cp >= 0x30 && cp <= 0x39;
/** Other Unicode spaces that UAX #14 lets a line break after (not NBSP, figure space, narrow NBSP). */
const isBreakingSpace = (cp: number) =>
  (cp >= 0x2000 && cp <= 0x200a && cp !== 0x2007) || cp === 0x205f || cp === 0x3000 || cp === 0x1680;

const codePoints = (chars: string) => new Set([...chars].map((c) => c.codePointAt(0)!));

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/**
 * Chromium decides breaks between two ASCII characters with its own table rather than ICU; this is that
 * table, measured in Chromium 156 over every printable pair. Matching it exactly matters inside long
 * URLs and identifiers: where the browser breaks early (after "?" in "b?c=d") and we did not, we would
 * cut the word "anywhere" and pack lines tighter than the browser does.
 */
const ASCII_OPENERS = codePoints('(<[{');
const ASCII_BREAK_BEFORE_OPENER = codePoints('!"#%&)*+,.:;=>\\]|}~');
const ASCII_AFTER_HYPHEN = codePoints(`"#%&'(*+-<=>@[\\^_\`{|~${ALNUM}`);
const ASCII_AFTER_QUESTION = codePoints(`#$%&(*+-<=>@[\\^_\`{|~${ALNUM}`);

function asciiBreak(p: number, a: number, b: number): boolean {
  if (a === 0x2d) {
    // "COVID-|19" and "2020-|2021" break, but a minus sign stays with its number: "(-5", " -5".
    if (isAsciiDigit(b)) return isAsciiAlnum(p);
    return ASCII_AFTER_HYPHEN.has(b);
  }
  if (a === 0x3f) return ASCII_AFTER_QUESTION.has(b);
  return ASCII_BREAK_BEFORE_OPENER.has(a) && ASCII_OPENERS.has(b);
}

/**
 * Non-letters after which Chromium breaks before an ideograph/kana/Hangul/emoji, and before which it breaks
 * after one; measured in Chromium 156 against 漢 か カ 한 😀 ｗ. Openers, quotes, currency signs, NBSP stick
 * to the ideograph after them; closers, quotes, hyphens, %, ° stick to the one before them.
 */
const BREAK_AFTER_BEFORE_IDEO = codePoints('!#%&)*,-./:;<=>?@]^_`|}~–—…、。，．：；！？）」』】〉》〕〗〙〛｝］・°×÷§¶•·→←©®™½²‐');
const BREAK_BEFORE_AFTER_IDEO = codePoints('#$&(*+<=>@[\\^_`{~—¿¡（「『【〈《〔〖〘〚｛［€£¥±×÷§¶•·→←©®™½²');

/**
 * May a line break between `a` and `b` (`p` precedes `a`)? Between two ASCII characters exactly what
 * Chromium 156 does (`asciiBreak`); otherwise a deliberately conservative subset of its ICU rules for
 * `white-space: normal` (each checked in the browser):
 *  - after an ASCII space, whatever follows ("Bonjour !" can break before "!"); after other breaking spaces
 *    (U+3000, thin space…) only before a letter, digit or ideograph;
 *  - after a hyphen before a non-ASCII letter ("café-|bar" is ASCII, "x-|é" is not);
 *  - after an en dash between letters/digits ("10–|20"), never before it;
 *  - before and after an em dash next to a letter/digit ("word|—|word"), but not between two em dashes;
 *  - after an ellipsis before a letter ("wait…|what");
 *  - on both sides of CJK ideographs, kana, Hangul syllables, fullwidth forms and emoji ("使|用|Python|进"),
 *    except around the punctuation that sticks to them (see the two sets above) and before small kana/ー/々;
 *  - after ZWSP, and after a soft hyphen between letters.
 * Never before a space or ZWSP. Compared with Chromium on ~5,500 random punctuation-heavy strings, none of
 * our breaks was one Chromium refused; we skip about 40 % of Chromium's, nearly all next to non-ASCII
 * punctuation or symbols, which ordinary prose rarely puts without a space.
 */
function breakAllowed(p: number, a: number, b: number): boolean {
  const cb = cls(b);
  if (cb & STICKY || b === 0x20 || b === 0x200b || b === 0xa0 || b === 0x202f || b === 0x2007) return false;
  if (a === 0x20 || a === 0x200b) return true;
  if (a < 0x80 && b < 0x80) return asciiBreak(p, a, b);
  const ca = cls(a);
  const wordB = (cb & (WORD | IDEO)) !== 0 && !(cb & NO_START);
  if (isBreakingSpace(a)) return wordB;
  switch (a) {
    case 0x2d: // hyphen-minus before a non-ASCII letter: "café-|bar" is covered above, this is "x-|é", "Русский-|текст"
      return (cls(p) & WORD) !== 0 && (cb & LETTER) !== 0 && !(cb & NO_START);
    case 0x2010: // hyphen
    case 0x2013: // en dash
      return (cls(p) & WORD) !== 0 && (cb & WORD) !== 0 && !(cb & NO_START);
    case 0x2026: // ellipsis
      return (cls(p) & WORD) !== 0 && (cb & LETTER) !== 0 && !(cb & NO_START);
    case 0x00ad: // soft hyphen
      return (cls(p) & LETTER) !== 0 && !(cls(p) & IDEO) && (cb & LETTER) !== 0 && !(cb & IDEO);
    case 0x2014: // em dash
      return b !== 0x2014 && wordB;
  }
  if (b === 0x2014) return (ca & (WORD | IDEO)) !== 0;
  // "。|2024", "、|Python": Chromium breaks after CJK closing punctuation before any letter or digit.
  if (wordB && CJK_CLOSERS.has(a)) return true;
  if (cb & IDEO) return (ca & (WORD | IDEO)) !== 0 || BREAK_AFTER_BEFORE_IDEO.has(a) || (a >= 0x1f3fb && a <= 0x1f3ff);
  if (ca & IDEO) return wordB || BREAK_BEFORE_AFTER_IDEO.has(b);
  return false;
}

let graphemes: Intl.Segmenter | undefined;
let words: Intl.Segmenter | undefined;

/** The text of a line laid out, with whitespace collapsed, plus bookkeeping for slicing it. */
interface Flat {
  n: number;
  text: string;
  /** code unit offset of each character in `text` (length n + 1) */
  starts: number[];
  cps: number[];
  /** advance in px (0 for the hard-break marker) */
  w: number[];
  piece: number[];
}

const HARD_BREAK = 0x0a;
const COUNTS_KEPT = 512;

/** Chromium's layout precision, px. */
const LAYOUT_UNIT = 1 / 64;
/** Chromium reports text widths rounded up to a LayoutUnit; so do we, so width() is never below the browser's. */
const ceilToLayoutUnit = (px: number) => (px > 0 ? Math.ceil(px / LAYOUT_UNIT - 1e-7) * LAYOUT_UNIT : 0);

interface LineSpan {
  start: number;
  end: number;
  width: number;
}

export class Measurer {
  /** Faces indexed role * 4 + bold * 2 + italic. */
  private readonly faces: FaceMetrics[];
  /** Final em advance per face and code point, fallbacks included. */
  private readonly em: Array<Map<number, number>>;

  /**
   * Recent line counts, by box width, size, faces and text, oldest first. Fitting asks again about the
   * paragraphs it has measured as it weighs one layout against another: a quarter to a half of all
   * asks. A few hundred kept are enough, as the asks about one slide come together.
   */
  private readonly counted = new Map<string, number>();

  private constructor(faces: FaceMetrics[]) {
    this.faces = faces;
    this.em = faces.map(() => new Map());
  }

  static async load(fonts: Record<FontRole, ThemeFont>): Promise<Measurer> {
    const families = await Promise.all(ROLES.map((role) => loadFontFamily(fonts[role])));
    const faces: FaceMetrics[] = [];
    for (const family of families) {
      for (const bold of [false, true]) for (const italic of [false, true]) faces.push(family.face(bold, italic));
    }
    return new Measurer(faces);
  }

  /**
   * width in px of `text` set in `style` at `sizePx` (no wrapping)
   *
   * Whitespace is taken as is, as in `white-space: pre`: tabs advance to stops every eight spaces (counted
   * from the start of `text`), control characters such as "\n" add nothing.
   */
  width(text: string, style: TextStyle, sizePx: number): number {
    const face = this.faceIndex(style);
    const metrics = this.faces[face]!;
    let em = 0;
    let prev = -1;
    let regional = 0;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo < 0xe000) {
          cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
          i++;
        }
      }
      if (cp === 0x09) {
        em = this.tabStop(face, em);
      } else {
        regional = cp >= 0x1f1e6 && cp <= 0x1f1ff ? regional + 1 : 0;
        em += this.charEm(face, cp, prev, regional);
        if (prev >= 0) em += metrics.kernWidening(prev, cp);
      }
      prev = cp;
    }
    return ceilToLayoutUnit(em * sizePx);
  }

  /** greedy line breaking of styled pieces in a box `maxWidth` px wide; returns the lines (each line as pieces) and the widest line's width */
  wrap(pieces: Piece[], maxWidth: number, sizePx: number): { lines: Piece[][]; widest: number } {
    const flat = this.flatten(pieces, sizePx);
    const spans = this.breakLines(flat, pieces, maxWidth, sizePx);
    let widest = 0;
    const lines = spans.map((span) => {
      widest = Math.max(widest, ceilToLayoutUnit(span.width));
      return this.spanPieces(flat, pieces, span);
    });
    return { lines, widest };
  }

  /** convenience: number of lines */
  lineCount(pieces: Piece[], maxWidth: number, sizePx: number): number {
    // Each text is prefixed by its face and length, so that no two lists of pieces share a key.
    let key = `${maxWidth} ${sizePx}`;
    for (const { text, style } of pieces) key += ` ${this.faceIndex(style)}:${text.length}:${text}`;
    const known = this.counted.get(key);
    if (known !== undefined) {
      this.counted.delete(key);
      this.counted.set(key, known);
      return known;
    }
    const count = this.breakLines(this.flatten(pieces, sizePx), pieces, maxWidth, sizePx).length;
    this.counted.set(key, count);
    if (this.counted.size > COUNTS_KEPT) this.counted.delete(this.counted.keys().next().value!);
    return count;
  }

  /** Vertical metrics (em) of the face `style` resolves to, e.g. to place a baseline. */
  verticalMetrics(style: TextStyle): { ascent: number; descent: number; lineGap: number } {
    const face = this.faces[this.faceIndex(style)]!;
    return { ascent: face.ascent, descent: face.descent, lineGap: face.lineGap };
  }

  private faceIndex(style: TextStyle): number {
    const role = ROLES.indexOf(style.role);
    if (role < 0) throw new Error(`Unknown font role "${String(style.role)}"`);
    return role * 4 + (style.bold ? 2 : 0) + (style.italic ? 1 : 0);
  }

  private tabStop(face: number, em: number): number {
    const space = this.charEm(face, 0x20, -1, 0);
    const tab = space * TAB_SIZE;
    if (tab <= 0) return em;
    let next = (Math.floor(em / tab + 1e-9) + 1) * tab;
    // CSS Text 3: a tab that would advance less than half a space jumps to the following stop.
    if (next - em < space / 2) next += tab;
    return next;
  }

  /** em advance of `cp`; `prev` and the regional-indicator run length make emoji sequences count once. */
  private charEm(face: number, cp: number, prev: number, regional: number): number {
    const cache = this.em[face]!;
    let em = cache.get(cp);
    if (em === undefined) {
      em = this.plainEm(face, cp);
      cache.set(cp, em);
    }
    if (em > 0 && (prev === 0x200d || regional > 0 || (cp >= 0x1f3fb && cp <= 0x1f3ff))) {
      // A fallback emoji font draws a ZWJ sequence, a flag (two regional indicators) or a skin-toned emoji
      // as one glyph; only sequences the theme font itself lacks get here with a fallback width.
      if (this.faces[face]!.advance(cp) === undefined) {
        if (prev === 0x200d && cls(cp) & EMOJI) return 0;
        if (regional > 0 && regional % 2 === 0) return 0;
        if (cp >= 0x1f3fb && cp <= 0x1f3ff && cls(prev) & EMOJI) return 0;
      }
    }
    return em;
  }

  private plainEm(face: number, cp: number): number {
    const c = cls(cp);
    // The browser never draws default-ignorables, even when the font has a visible glyph for them.
    if (c & ZERO) return 0;
    const adv = this.faces[face]!.advance(cp);
    if (adv !== undefined) return adv;
    if (c & MARK) return 0;
    if (c & EMOJI) return FALLBACK_EM.emoji;
    if (c & WIDE) return FALLBACK_EM.wide;
    if (c & SYMBOL) return FALLBACK_EM.symbol;
    return FALLBACK_EM.other;
  }

  /**
   * Collapse whitespace like CSS `white-space: normal` (runs become one space, none at a line's start or
   * before a forced break) and record each character's advance. "\n" becomes a forced break, as the HTML
   * renderer turns it into <br>.
   */
  private flatten(pieces: Piece[], sizePx: number): Flat {
    const parts: string[] = [];
    const starts: number[] = [];
    const cps: number[] = [];
    const w: number[] = [];
    const piece: number[] = [];
    let offset = 0;
    let lineStart = true;
    let prev = -1;
    let prevFace = -1;
    let regional = 0;
    const push = (cp: number, ch: string, px: number, idx: number) => {
      starts.push(offset);
      cps.push(cp);
      w.push(px);
      piece.push(idx);
      parts.push(ch);
      offset += ch.length;
    };
    for (let idx = 0; idx < pieces.length; idx++) {
      const { text, style } = pieces[idx]!;
      const face = this.faceIndex(style);
      const metrics = this.faces[face]!;
      // Kerning only happens within one font: a bold word never kerns with the regular text next to it.
      const kern = (cp: number) => (prev >= 0 && prevFace === face ? metrics.kernWidening(prev, cp) : 0);
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        if (cp === HARD_BREAK) {
          if (cps.length > 0 && cps[cps.length - 1] === 0x20) {
            cps.pop();
            w.pop();
            piece.pop();
            starts.pop();
            offset -= parts.pop()!.length;
          }
          push(HARD_BREAK, '\n', 0, idx);
          lineStart = true;
          prev = -1;
          regional = 0;
          continue;
        }
        if (cp === 0x20 || cp === 0x09 || cp === 0x0d || cp === 0x0c) {
          if (lineStart || cps[cps.length - 1] === 0x20) continue;
          push(0x20, ' ', (this.charEm(face, 0x20, -1, 0) + kern(0x20)) * sizePx, idx);
          prev = 0x20;
          prevFace = face;
          regional = 0;
          continue;
        }
        regional = cp >= 0x1f1e6 && cp <= 0x1f1ff ? regional + 1 : 0;
        const em = this.charEm(face, cp, prev, regional);
        push(cp, ch, (em + kern(cp)) * sizePx, idx);
        lineStart = false;
        prev = cp;
        prevFace = face;
      }
    }
    starts.push(offset);
    return { n: cps.length, text: parts.join(''), starts, cps, w, piece };
  }

  private breakOpportunities(flat: Flat): Uint8Array {
    const { n, cps } = flat;
    const brk = new Uint8Array(n + 1);
    let saRun = n > 0 && cls(cps[0]!) & SA ? 0 : -1;
    for (let i = 1; i <= n; i++) {
      const b = i < n ? cps[i]! : -1;
      const a = cps[i - 1]!;
      if (i < n && a !== HARD_BREAK && b !== HARD_BREAK && breakAllowed(i >= 2 ? cps[i - 2]! : -1, a, b)) brk[i] = 1;
      // Thai, Lao, Khmer and Myanmar have no spaces between words; Chromium breaks them at dictionary word
      // boundaries, and if we broke them only "anywhere" we would pack lines tighter than the browser does.
      const inSa = i < n && (cls(b) & SA) !== 0;
      if (inSa && saRun < 0) saRun = i;
      if (!inSa && saRun >= 0) {
        this.markSaBreaks(flat, saRun, i, brk);
        saRun = -1;
      }
    }
    return brk;
  }

  private markSaBreaks(flat: Flat, from: number, to: number, brk: Uint8Array): void {
    words ??= new Intl.Segmenter('th', { granularity: 'word' });
    const base = flat.starts[from]!;
    const text = flat.text.slice(base, flat.starts[to]);
    let c = from;
    for (const seg of words.segment(text)) {
      if (seg.index === 0) continue;
      while (c < to && flat.starts[c]! - base < seg.index) c++;
      if (c < to && flat.starts[c]! - base === seg.index && !(cls(flat.cps[c]!) & STICKY)) brk[c] = 1;
    }
  }

  private breakLines(flat: Flat, pieces: Piece[], maxWidth: number, sizePx: number): LineSpan[] {
    const { n, cps, w } = flat;
    const lines: LineSpan[] = [];
    if (n === 0) return lines;
    const brk = this.breakOpportunities(flat);
    // Chromium rounds each text run's width up to a LayoutUnit (1/64 px) before comparing it with the box, so
    // a line that fits only to the last 1/64 px may not fit in the browser.
    const max = maxWidth - LAYOUT_UNIT + 1e-9;

    // The line being filled: content [start, end), `width` without its trailing spaces, which hang.
    let start = -1;
    let end = -1;
    let width = 0;
    let trailing = 0;
    let hyphen = 0;
    const emit = () => {
      lines.push(start < 0 ? { start: 0, end: 0, width: 0 } : { start, end, width: width + hyphen });
      start = -1;
      end = -1;
      width = 0;
      trailing = 0;
      hyphen = 0;
    };

    let i = 0;
    while (i < n) {
      if (cps[i] === HARD_BREAK) {
        emit();
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && !brk[j] && cps[j] !== HARD_BREAK) j++;
      let k = j;
      while (k > i && cps[k - 1] === 0x20) k--;
      let content = 0;
      for (let x = i; x < k; x++) content += w[x]!;
      let spaces = 0;
      for (let x = k; x < j; x++) spaces += w[x]!;
      // A soft hyphen shows a hyphen only if the line ends there; count it when testing the fit.
      const segHyphen =
        k > i && cps[k - 1] === 0x00ad
          ? this.charEm(this.faceIndex(pieces[flat.piece[k - 1]!]!.style), 0x2d, -1, 0) * sizePx
          : 0;

      if (k === i) {
        // Only spaces (e.g. after a ZWSP): they vanish at a line start and hang at a line end.
        if (start >= 0) trailing += spaces;
        i = j;
        continue;
      }
      if (start >= 0 && width + trailing + content + segHyphen > max) emit();
      if (start < 0) {
        if (content + segHyphen > max) {
          // overflow-wrap: anywhere: a word wider than the whole box is cut between graphemes.
          const last = this.splitWord(flat, i, k, max, lines);
          start = last.start;
          width = last.width;
        } else {
          start = i;
          width = content;
        }
      } else {
        width += trailing + content;
      }
      end = k;
      trailing = spaces;
      hyphen = segHyphen;
      i = j;
    }
    if (start >= 0) emit();
    return lines;
  }

  /** Emits full lines cut from the over-wide word [from, to) and returns the remainder, still open. */
  private splitWord(flat: Flat, from: number, to: number, max: number, lines: LineSpan[]): LineSpan {
    graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const base = flat.starts[from]!;
    const text = flat.text.slice(base, flat.starts[to]);
    let lineStart = from;
    let acc = 0;
    let c = from;
    for (const seg of graphemes.segment(text)) {
      const gs = c;
      const endOffset = seg.index + seg.segment.length;
      let gw = 0;
      while (c < to && flat.starts[c]! - base < endOffset) gw += flat.w[c++]!;
      if (acc + gw > max && gs > lineStart) {
        lines.push({ start: lineStart, end: gs, width: acc });
        lineStart = gs;
        acc = 0;
      }
      acc += gw;
    }
    return { start: lineStart, end: to, width: acc };
  }

  private spanPieces(flat: Flat, pieces: Piece[], span: LineSpan): Piece[] {
    const out: Piece[] = [];
    let s = span.start;
    while (s < span.end) {
      const idx = flat.piece[s]!;
      let e = s + 1;
      while (e < span.end && flat.piece[e] === idx) e++;
      out.push({ text: flat.text.slice(flat.starts[s], flat.starts[e]), style: pieces[idx]!.style });
      s = e;
    }
    return out;
  }
}
