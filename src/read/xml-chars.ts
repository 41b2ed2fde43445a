/**
 * Characters XML 1.0 cannot hold at all (not even escaped): C0 controls other than tab, LF and CR,
 * the non-characters U+FFFE and U+FFFF, and lone surrogates (they cannot be encoded). The reader
 * removes them from every report; the PPTX writer removes them again from deck JSON that carries them.
 */
// eslint-disable-next-line no-control-regex
export const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Every character XML_ILLEGAL can match, and every surrogate, paired or not: a plain class that
 * scans about twice as fast, so that text without any of them (nearly all) skips the exact pattern.
 */
// eslint-disable-next-line no-control-regex
const MAYBE_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function hasXmlIllegal(text: string): boolean {
  if (!MAYBE_ILLEGAL.test(text)) return false;
  XML_ILLEGAL.lastIndex = 0;
  const found = XML_ILLEGAL.test(text);
  XML_ILLEGAL.lastIndex = 0;
  return found;
}

export function stripXmlIllegal(text: string): string {
  return MAYBE_ILLEGAL.test(text) ? text.replace(XML_ILLEGAL, '') : text;
}
