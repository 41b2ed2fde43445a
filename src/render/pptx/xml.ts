/** XML text safety shared by the paragraph writer and the package repair. */
import { stripXmlIllegal } from '../../read/xml-chars.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Escapes text for element content and attribute values alike, dropping what XML cannot hold. */
export function escapeXml(text: string): string {
  return stripXmlIllegal(text).replace(/[&<>"']/g, (c) => ESC[c]);
}
