/**
 * A language tag for reports that do not declare one, from the scripts their letters use.
 * Good enough for `lang` attributes and font choice; front matter `lang` always wins.
 */
const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30ff]/gu, 'ja'],
  [/[\uac00-\ud7af\u1100-\u11ff]/gu, 'ko'],
  [/[\u4e00-\u9fff\u3400-\u4dbf]/gu, 'zh'],
  [/[\u0600-\u06ff\u0750-\u077f]/gu, 'ar'],
  [/[\u0590-\u05ff]/gu, 'he'],
  [/[\u0400-\u04ff]/gu, 'ru'],
  [/[\u0370-\u03ff]/gu, 'el'],
];

export function detectLang(text: string): string {
  const sample = text.slice(0, 20000);
  const latin = (sample.match(/[A-Za-z\u00c0-\u024f]/g) ?? []).length;
  let best = 'en';
  let bestCount = latin;
  for (const [re, tag] of SCRIPTS) {
    const count = (sample.match(re) ?? []).length;
    // Japanese mixes kana with kanji: any real amount of kana makes it Japanese, not Chinese.
    const weight = tag === 'ja' ? count * 3 : count;
    if (weight > bestCount) {
      best = tag;
      bestCount = weight;
    }
  }
  return best;
}

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps']);
export function isRtl(lang: string): boolean {
  return RTL.has(lang.toLowerCase().split('-')[0]);
}
