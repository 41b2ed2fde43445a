/** XML text safety shared by the paragraph writer and the package repair. */
import { XML_ILLEGAL } from '../../read/xml-chars.js';

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
