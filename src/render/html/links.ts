/** Which link targets stay live in a deck: web, mail and in-document anchors; nothing that runs code. */
export function safeHref(url: string): string | undefined {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so do we.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (/^#/.test(compact)) return url;
  if (/^(https?:|mailto:)/i.test(compact)) return url;
  return undefined;
}
