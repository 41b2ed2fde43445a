/**
 * Characters XML 1.0 cannot hold at all (not even escaped): C0 controls other than tab, LF and CR,
 * the non-characters U+FFFE and U+FFFF, and lone surrogates (they cannot be encoded). The reader
 * removes them from every report; the PPTX writer removes them again from deck JSON that carries them.
 */
// eslint-disable-next-line no-control-regex
export const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
