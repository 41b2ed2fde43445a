/** One Intl.Segmenter per language and granularity, made once: they are costly to create. */
const cache = new Map<string, Intl.Segmenter>();

export function segmenter(lang: string, granularity: 'sentence' | 'word'): Intl.Segmenter {
  const key = `${granularity}\u0000${lang}`;
  let seg = cache.get(key);
  if (!seg) {
    try {
      seg = new Intl.Segmenter(lang, { granularity });
    } catch {
      // A malformed language tag from front matter must not stop the build.
      seg = new Intl.Segmenter('en', { granularity });
    }
    cache.set(key, seg);
  }
  return seg;
}
