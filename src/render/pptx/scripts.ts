/**
 * Writing systems inside a run. PowerPoint picks a run's font per character class: `latin` for
 * Latin and most symbols, `ea` for Chinese, Japanese and Korean, `cs` for Arabic and Hebrew. Each
 * class needs a font that has its glyphs and a `lang` so spelling, line breaking and font fallback
 * work, so runs are cut where the script changes.
 */
import { isRtl } from '../../structure/lang.js';

export type Script = 'cjk' | 'arabic' | 'hebrew' | 'other';

const CJK = /[\u1100-\u11FF\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3130-\u318F\u31A0-\u31FF\u3200-\u9FFF\uA960-\uA97F\uAC00-\uD7FF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\u{20000}-\u{3FFFF}]/u;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const HEBREW = /[\u0590-\u05FF\uFB1D-\uFB4F]/u;
/** Characters that take the direction and script of their neighbours. */
const NEUTRAL = /[\s\p{P}\p{S}\p{N}]/u;

function scriptOf(ch: string): Script | undefined {
  if (CJK.test(ch)) return 'cjk';
  if (ARABIC.test(ch)) return 'arabic';
  if (HEBREW.test(ch)) return 'hebrew';
  return NEUTRAL.test(ch) ? undefined : 'other';
}

export interface Segment {
  text: string;
  script: Script;
}

/** Cuts text where its script changes; spaces, digits and punctuation stay with the text before them. */
export function segments(text: string): Segment[] {
  const out: { text: string; script?: Script }[] = [];
  let cur: { text: string; script?: Script } | undefined;
  for (const ch of text) {
    const s = scriptOf(ch);
    if (!cur) cur = { text: ch, script: s };
    else if (s === undefined || s === cur.script) cur.text += ch;
    else if (cur.script === undefined) {
      // Leading neutrals (an opening quote, a number) belong to the first real script.
      cur.text += ch;
      cur.script = s;
    } else {
      out.push(cur);
      cur = { text: ch, script: s };
    }
  }
  if (cur) out.push(cur);
  return out.map((x) => ({ text: x.text, script: x.script ?? 'other' }));
}

/** Whether a paragraph reads right to left: the direction of its first strong character (Unicode's rule P2). */
export function firstStrongRtl(text: string): boolean {
  for (const ch of text) {
    if (ARABIC.test(ch) || HEBREW.test(ch)) return true;
    if (/\p{L}/u.test(ch)) return false;
  }
  return false;
}

const REGION: Record<string, string> = { en: 'en-US', zh: 'zh-CN', ja: 'ja-JP', ko: 'ko-KR', ar: 'ar-SA', he: 'he-IL', fr: 'fr-FR', de: 'de-DE', es: 'es-ES', it: 'it-IT', pt: 'pt-PT', ru: 'ru-RU', nl: 'nl-NL' };

/** A BCP 47 tag as Office writes it ("en" → "en-US"), falling back to the tag as the report gave it. */
export function officeLang(lang: string): string {
  const tag = lang.trim();
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return 'en-US';
  return tag.includes('-') ? tag : REGION[tag.toLowerCase()] ?? tag.toLowerCase();
}

/** Fonts Office ships for each East Asian language; the report's language decides the Han glyph forms. */
const EA_FONTS: Record<'zh' | 'ja' | 'ko', string> = { zh: 'Microsoft YaHei', ja: 'Yu Gothic', ko: 'Malgun Gothic' };
/** Arial carries Arabic and Hebrew on every Office install; Calibri has neither. */
export const CS_FONT = 'Arial';

export interface ScriptFont {
  lang: string;
  ea?: string;
  cs?: string;
}

/** The language and font of a segment, given the deck's language. */
export function scriptFont(seg: Segment, deckLang: string): ScriptFont {
  const base = deckLang.toLowerCase().split('-')[0];
  if (seg.script === 'cjk') {
    const cjk: 'zh' | 'ja' | 'ko' =
      base === 'ja' || base === 'ko' || base === 'zh'
        ? base
        : /[\u3040-\u30FF]/.test(seg.text)
          ? 'ja'
          : /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/.test(seg.text)
            ? 'ko'
            : 'zh';
    return { lang: cjk === base ? officeLang(deckLang) : officeLang(cjk), ea: EA_FONTS[cjk] };
  }
  if (seg.script === 'arabic') return { lang: base === 'ar' || base === 'fa' || base === 'ur' ? officeLang(deckLang) : 'ar-SA', cs: CS_FONT };
  if (seg.script === 'hebrew') return { lang: base === 'he' || base === 'yi' ? officeLang(deckLang) : 'he-IL', cs: CS_FONT };
  return { lang: officeLang(deckLang) };
}

/** The East Asian font a CJK deck uses everywhere (so CJK punctuation in Latin runs matches too). */
export function deckEaFont(deckLang: string): string | undefined {
  const base = deckLang.toLowerCase().split('-')[0];
  return base === 'zh' || base === 'ja' || base === 'ko' ? EA_FONTS[base] : undefined;
}

export { isRtl };
