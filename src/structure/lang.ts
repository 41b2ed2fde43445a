/**
 * A language tag for reports that do not declare one. Scripts tell Japanese, Korean, Chinese, Arabic,
 * Hebrew, Russian and Greek apart; among Latin-script languages, the small words every sentence is
 * full of ("the", "und", "les", "los", "uma", "della", "het") tell English, German, French, Spanish,
 * Portuguese, Italian and Dutch apart. Short or ambiguous text is English. Good enough for `lang`
 * attributes, labels, hyphenation and font choice; front matter `lang` always wins.
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

/**
 * Frequent function words that (nearly) belong to one language only. Words several of these languages
 * share ("de", "en", "la", "que", "in", "con", "una", "il"…) are left out: they cannot tell them apart.
 * `other` holds common words of Latin-script languages without labels here (Polish, Swedish, Danish,
 * Norwegian, Indonesian, Turkish, Romanian, Czech), so that their reports stay English instead of
 * passing for Portuguese or Italian on a few shared words such as "na", "do" or "di".
 */
const WORD_LISTS = {
  en: 'the and of to are were that with for this which have has had be from by it will not than on or but can into our been their they these would should its there',
  de: 'der die und ist nicht mit den dem von zu auf für sich auch ein eine einen einem einer eines wird werden wurde wir im zum zur bei dass sind oder aus nach über durch hat haben kann können nur noch sowie bereits diese dieser dieses seit unsere',
  fr: 'le les et des du une est dans pour qui sur par pas au aux ce cette nous sont avec plus ont été leur leurs ces où aussi être avons notre depuis ainsi comme sera était',
  es: 'el los las y es más pero fue sus también muy hay han sin mientras según nuestra nuestro cuando ese esa hasta ya otro otra otros otras así hemos nuevo nueva nuevos nuevas puede pueden año años',
  pt: 'o os do da dos em na nas nos uma com não ao aos foi são é pela pelo pelos pelas seu sua mas também já sem muito isso às até ainda outro outra outros outras novo novos novas pode podem ano anos maior num numa neste nesta esse essa mesmo',
  it: 'di della delle dei degli che è per non sono nel nella nei alla alle dal dalla anche più ma tra questo questa stato essere gli molto loro dell nell anno anni nuovo nuovi nuove può hanno abbiamo ancora sul sulla',
  nl: 'het een van niet op te met voor zijn aan ook om bij naar wordt worden werd dat wij ons onze maar door tot deze dit heeft hebben kan nog uit geen zal zullen hun wel jaar nieuwe ze',
  other:
    'się jest nie że oraz jak dla przez być och att som det är av till inte ikke og af yang dan ini itu dengan untuk dari dalam akan pada tidak adalah kami ve bir bu ile için olarak daha și în pentru sunt fost jsou také',
};

const FUNCTION_WORDS: Record<string, string> = Object.fromEntries(
  Object.entries(WORD_LISTS).flatMap(([lang, words]) => words.split(' ').map((w) => [w, lang])),
);

/** Latin letters none of en, de, fr, es, pt, it, nl write (ł, ř, å, ø, ş, ă, ő…): a word with one is `other`. */
const FOREIGN_LETTER = /[^a-zàáâãäçèéêëìíîïñòóôõöùúûüÿßœ]/;

/** Text that is not prose: code, URLs, e-mail addresses, link targets, HTML tags, file paths. */
const NOT_PROSE = [
  /```[\s\S]*?```|~~~[\s\S]*?~~~/g,
  /`[^`\n]*`/g,
  /\]\([^)\s]*\)/g,
  /\b(?:https?|ftp):\/\/\S+|\bwww\.\S+/gi,
  /\S+@\S+\.\w+/g,
  /<[^>\n]+>/g,
  /\S*[\\/]\S*/g,
];

/** Fewer hits than this and the text is too short to tell: English. */
const MIN_HITS = 4;
/** The winner needs this many times the runner-up's hits, or the text is ambiguous: English. */
const MARGIN = 1.5;

function latinLang(text: string): string {
  let prose = text;
  for (const re of NOT_PROSE) prose = prose.replace(re, ' ');
  const counts = new Map<string, number>();
  for (const token of prose.match(/[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+/g) ?? []) {
    // Acronyms (IT, AI, ES, DE) say nothing about the language around them.
    if (token.length > 1 && token === token.toUpperCase()) continue;
    const word = token.toLowerCase();
    const lang = FOREIGN_LETTER.test(word) ? 'other' : FUNCTION_WORDS[word];
    if (lang) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  const [best, second] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!best || best[0] === 'other' || best[1] < MIN_HITS || best[1] < (second?.[1] ?? 0) * MARGIN) return 'en';
  return best[0];
}

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
  return best === 'en' ? latinLang(sample) : best;
}

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps']);
export function isRtl(lang: string): boolean {
  return RTL.has(lang.toLowerCase().split('-')[0]);
}
