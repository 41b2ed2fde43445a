/** XML text safety shared by the paragraph writer and the package repair. */

/**
 * Characters XML 1.0 cannot hold at all (not even escaped): C0 controls other than tab, LF and CR,
 * and the non-characters U+FFFE and U+FFFF. Lone surrogates are included: they cannot be encoded.
 */
export const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function hasIllegal(text: string): boolean {
  XML_ILLEGAL.lastIndex = 0;
  const found = XML_ILLEGAL.test(text);
  XML_ILLEGAL.lastIndex = 0;
  return found;
}

export function stripIllegal(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Escapes text for element content and attribute values alike, dropping what XML cannot hold. */
export function escapeXml(text: string): string {
  return stripIllegal(text).replace(/[&<>"']/g, (c) => ESC[c]);
}
