/**
 * Soft hyphens for the briefing and notes prose. Debian's Chromium ships no hyphenation dictionaries
 * (`hyphens: auto` leaves every word whole, checked with Chromium 156), so words get U+00AD at the
 * break points of the Liang patterns the `hyphen` package has for the report's language; Chromium
 * breaks there and draws the hyphen. Languages without patterns (Chinese, Japanese, Arabic…) are
 * left alone: they break without hyphens.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Hyphenate = (text: string, options?: { minWordLength?: number }) => string;

/** Report languages whose patterns are filed under another name. */
const ALIASES: Record<string, string> = {
  en: 'en-us',
  de: 'de-1996',
  'de-de': 'de-1996',
  'de-at': 'de-1996',
  'de-ch': 'de-ch-1901',
  el: 'el-monoton',
  mn: 'mn-cyrl',
  sr: 'sr-cyrl',
  nb: 'nb',
  no: 'nb',
};

const loaded = new Map<string, Hyphenate | undefined>();

function load(name: string): Hyphenate | undefined {
  if (!/^[a-z-]+$/.test(name)) return undefined;
  if (!loaded.has(name)) {
    let fn: Hyphenate | undefined;
    try {
      fn = (require(`hyphen/${name}`) as { hyphenateSync: Hyphenate }).hyphenateSync;
    } catch {
      fn = undefined;
    }
    loaded.set(name, fn);
  }
  return loaded.get(name);
}

/**
 * The report language's hyphenator: `en-GB` → British patterns, `en` → American; text in a language
 * without patterns comes back as it was.
 */
export function hyphenator(lang: string): (text: string) => string {
  const l = lang.toLowerCase();
  const primary = l.split('-')[0];
  for (const name of [ALIASES[l] ?? l, ALIASES[primary] ?? primary]) {
    const fn = load(name);
    // Words of five letters or fewer stay whole; so do URLs and anything with digits (`hyphen` splits text only at spaces).
    if (fn) return (text) => text.replace(/\S+/g, (w) => (/[\d/@:_]/.test(w) ? w : fn(w, { minWordLength: 6 })));
  }
  return (text) => text;
}
