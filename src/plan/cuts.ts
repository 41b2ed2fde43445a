/**
 * Where text may be cut when it has to continue on the next slide or be shortened: between words
 * where there are spaces, else between words as Intl.Segmenter finds them (Chinese, Japanese, Thai),
 * else between characters (a 400-character identifier).
 */
const words = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cut positions (offsets into `text`, excluding 0 and its end), best kind first. */
export function cutLevels(text: string): number[][] {
  const spaces = [...text.matchAll(/\s+/g)].map((m) => m.index!).filter((i) => i > 0 && i < text.length);
  const segments: number[] = [];
  for (const seg of words.segment(text)) if (seg.index > 0) segments.push(seg.index);
  const chars: number[] = [];
  for (const seg of graphemes.segment(text)) if (seg.index > 0) chars.push(seg.index);
  return [spaces, segments, chars];
}

/**
 * The longest head of `text` that `fits`, cut at the best kind of position that leaves any head at
 * all. `fits` must be monotonic: if a head fits, every shorter head fits too.
 */
export function longestFit(text: string, fits: (end: number) => boolean): number | undefined {
  for (const cuts of cutLevels(text)) {
    let best = -1;
    let lo = 0;
    let hi = cuts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (fits(cuts[mid])) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (best >= 0) return cuts[best];
  }
  return undefined;
}
