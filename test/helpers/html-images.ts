/**
 * The picture each <img> of a built HTML deck shows. A picture on several slides is written once, in
 * the table of the small script that fills in those <img>s; every other <img> carries its own.
 */
export function imageSources(html: string, selector = 'img'): string[] {
  const unescape = (s: string) => s.replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
  const table = /var u = (\[[^\]]*\]);/.exec(html);
  const shared: string[] = table ? (JSON.parse(table[1]) as string[]) : [];
  const cls = selector.startsWith('img.') ? selector.slice(4).replace(/\./g, ' ') : undefined;
  const tag = cls ? new RegExp(`<img class="${cls}" src="([^"]*)"(?: data-bd-image="(\\d+)")?`, 'g') : /<img(?: class="[^"]*")? src="([^"]*)"(?: data-bd-image="(\d+)")?/g;
  return [...html.matchAll(tag)].map((m) => (m[2] !== undefined ? shared[Number(m[2])] : unescape(m[1])));
}
