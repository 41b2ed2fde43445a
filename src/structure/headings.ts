/** Section numbers as authors write them: "1. Title", "2.1 Title", "IV. Title". */

const NUMBERED = /^((?:\d{1,3})(?:\.\d{1,3})*)(?:\.|\))?\s+(\S.*)$/u;
const ROMAN = /^((?:X{0,3})(?:IX|IV|V?I{0,3}))[.)]\s+(\S.*)$/u;

export interface HeadingText {
  number?: string;
  title: string;
}

export function splitHeadingNumber(text: string): HeadingText {
  const trimmed = text.trim();
  const m = NUMBERED.exec(trimmed);
  // "2024 results" is a title, not section 2024: a bare number needs a dot (or is dotted, like 2.1).
  if (m && (/[.)]\s/.test(trimmed.slice(m[1].length, m[1].length + 2)) || m[1].includes('.'))) {
    return { number: m[1], title: m[2].trim() };
  }
  const r = ROMAN.exec(trimmed);
  if (r && r[1]) return { number: r[1], title: r[2].trim() };
  return { title: trimmed };
}
