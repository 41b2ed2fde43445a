/**
 * Words the tool itself puts on slides and pages, in the report's language. A report in German gets
 * "Agenda", "Das Wichtigste" and "Seite 3 von 12"; a language with no translation here gets English.
 * A theme may replace any of them, for every language or for one.
 */
export interface Labels {
  agenda: string;
  introduction: string;
  takeaways: string;
  conclusion: string;
  /** Appended to the title of a slide that carries on the one before: "Revenue (cont.)". Keep it short. */
  continued: string;
  imageMissing: string;
  /** Printed pages: the speaker-notes heading on notes pages. */
  notes: string;
  /** Printed page footers; `{n}` and `{total}` are replaced by the page number and the page count. */
  pageOf: string;
  /** The footer of a very long document printed in parts, whose page count is not known as it prints. */
  page: string;
  /** The briefing's table of contents. */
  contents: string;
  /** The briefing's list of a section's key points. */
  keyPoints: string;
  /** Under a slide on handouts and notes pages; `{n}` is the slide number, `{total}` the count. */
  slideOf: string;
}

export type LabelKey = keyof Labels;

/** Every label name, in the order `Labels` declares them: what a theme's `labels:` may name. */
export const LABEL_KEYS = [
  'agenda',
  'introduction',
  'takeaways',
  'conclusion',
  'continued',
  'imageMissing',
  'notes',
  'pageOf',
  'page',
  'contents',
  'keyPoints',
  'slideOf',
] as const satisfies readonly LabelKey[];

// If Labels gains a key, this line stops compiling until LABEL_KEYS lists it too.
const _allKeysListed: Record<Exclude<LabelKey, (typeof LABEL_KEYS)[number]>, never> = {};
void _allKeysListed;

/**
 * A theme's replacements: label names with text apply to every language; a language tag with a
 * mapping applies to that language only and wins over the flat ones.
 *
 *     labels:
 *       agenda: Plan           # every language
 *       de: { agenda: Ablauf } # German reports (de, de-AT, …)
 *       pt-PT: { slideOf: "Diapositivo {n} de {total}" }  # a full tag wins over its language
 */
export type LabelOverrides = Partial<Labels> & { [lang: string]: string | Partial<Labels> | undefined };

export const EN_LABELS: Labels = {
  agenda: 'Agenda',
  introduction: 'Introduction',
  takeaways: 'Key takeaways',
  conclusion: 'Conclusion',
  continued: 'cont.',
  imageMissing: 'Image not available',
  notes: 'Notes',
  pageOf: 'Page {n} of {total}',
  page: 'Page {n}',
  contents: 'Contents',
  keyPoints: 'Key points',
  slideOf: 'Slide {n} of {total}',
};

const BUILT_IN = {
  en: EN_LABELS,
  de: {
    agenda: 'Agenda',
    introduction: 'Einleitung',
    takeaways: 'Das Wichtigste',
    conclusion: 'Fazit',
    continued: 'Forts.',
    imageMissing: 'Bild nicht verfügbar',
    notes: 'Notizen',
    pageOf: 'Seite {n} von {total}',
    page: 'Seite {n}',
    contents: 'Inhalt',
    keyPoints: 'Kernpunkte',
    slideOf: 'Folie {n} von {total}',
  },
  fr: {
    agenda: 'Sommaire',
    introduction: 'Introduction',
    takeaways: 'À retenir',
    conclusion: 'Conclusion',
    continued: 'suite',
    imageMissing: 'Image non disponible',
    notes: 'Notes',
    pageOf: 'Page {n} sur {total}',
    page: 'Page {n}',
    contents: 'Table des matières',
    keyPoints: 'Points clés',
    slideOf: 'Diapositive {n} sur {total}',
  },
  es: {
    agenda: 'Agenda',
    introduction: 'Introducción',
    takeaways: 'Ideas clave',
    conclusion: 'Conclusiones',
    continued: 'cont.',
    imageMissing: 'Imagen no disponible',
    notes: 'Notas',
    pageOf: 'Página {n} de {total}',
    page: 'Página {n}',
    contents: 'Índice',
    keyPoints: 'Puntos clave',
    slideOf: 'Diapositiva {n} de {total}',
  },
  pt: {
    agenda: 'Agenda',
    introduction: 'Introdução',
    takeaways: 'Principais pontos',
    conclusion: 'Conclusão',
    continued: 'cont.',
    imageMissing: 'Imagem indisponível',
    notes: 'Notas',
    pageOf: 'Página {n} de {total}',
    page: 'Página {n}',
    contents: 'Índice',
    keyPoints: 'Pontos-chave',
    slideOf: 'Slide {n} de {total}',
  },
  it: {
    agenda: 'Agenda',
    introduction: 'Introduzione',
    takeaways: 'Messaggi chiave',
    conclusion: 'Conclusioni',
    continued: 'segue',
    imageMissing: 'Immagine non disponibile',
    notes: 'Note',
    pageOf: 'Pagina {n} di {total}',
    page: 'Pagina {n}',
    contents: 'Indice',
    keyPoints: 'Punti chiave',
    slideOf: 'Diapositiva {n} di {total}',
  },
  nl: {
    agenda: 'Agenda',
    introduction: 'Inleiding',
    takeaways: 'Belangrijkste inzichten',
    conclusion: 'Conclusie',
    continued: 'vervolg',
    imageMissing: 'Afbeelding niet beschikbaar',
    notes: 'Notities',
    pageOf: 'Pagina {n} van {total}',
    page: 'Pagina {n}',
    contents: 'Inhoud',
    keyPoints: 'Kernpunten',
    slideOf: 'Dia {n} van {total}',
  },
  ru: {
    agenda: 'План',
    introduction: 'Введение',
    takeaways: 'Ключевые выводы',
    conclusion: 'Заключение',
    continued: 'продолж.',
    imageMissing: 'Изображение недоступно',
    notes: 'Заметки',
    pageOf: 'Страница {n} из {total}',
    page: 'Страница {n}',
    contents: 'Содержание',
    keyPoints: 'Основные тезисы',
    slideOf: 'Слайд {n} из {total}',
  },
  zh: {
    agenda: '目录',
    introduction: '引言',
    takeaways: '核心要点',
    conclusion: '结论',
    continued: '续',
    imageMissing: '图片无法显示',
    notes: '备注',
    pageOf: '第 {n} 页，共 {total} 页',
    page: '第 {n} 页',
    contents: '目录',
    keyPoints: '要点',
    slideOf: '幻灯片 {n} / {total}',
  },
  ja: {
    agenda: 'アジェンダ',
    introduction: 'はじめに',
    takeaways: '主なポイント',
    conclusion: '結論',
    continued: '続き',
    imageMissing: '画像を表示できません',
    notes: 'ノート',
    pageOf: 'ページ {n} / {total}',
    page: 'ページ {n}',
    contents: '目次',
    keyPoints: '要点',
    slideOf: 'スライド {n} / {total}',
  },
  ko: {
    agenda: '목차',
    introduction: '서론',
    takeaways: '핵심 요약',
    conclusion: '결론',
    continued: '계속',
    imageMissing: '이미지를 표시할 수 없음',
    notes: '노트',
    pageOf: '{n} / {total} 페이지',
    page: '{n} 페이지',
    contents: '목차',
    keyPoints: '주요 내용',
    slideOf: '슬라이드 {n} / {total}',
  },
  ar: {
    agenda: 'جدول الأعمال',
    introduction: 'مقدمة',
    takeaways: 'أهم النقاط',
    conclusion: 'الخاتمة',
    continued: 'تابع',
    imageMissing: 'الصورة غير متاحة',
    notes: 'ملاحظات',
    pageOf: 'الصفحة {n} من {total}',
    page: 'الصفحة {n}',
    contents: 'المحتويات',
    keyPoints: 'النقاط الرئيسية',
    slideOf: 'الشريحة {n} من {total}',
  },
  he: {
    agenda: 'סדר היום',
    introduction: 'מבוא',
    takeaways: 'עיקרי הדברים',
    conclusion: 'סיכום',
    continued: 'המשך',
    imageMissing: 'התמונה אינה זמינה',
    notes: 'הערות',
    pageOf: 'עמוד {n} מתוך {total}',
    page: 'עמוד {n}',
    contents: 'תוכן העניינים',
    keyPoints: 'נקודות עיקריות',
    slideOf: 'שקופית {n} מתוך {total}',
  },
} satisfies Record<string, Labels>;

/** Primary language subtags with built-in labels (lower case). */
export const LANGUAGES = Object.keys(BUILT_IN) as readonly (keyof typeof BUILT_IN)[];
export type LabelLanguage = (typeof LANGUAGES)[number];

/** Chinese written in Traditional characters (Taiwan, Hong Kong, Macao) gets its own wording. */
const ZH_HANT: Labels = {
  agenda: '目錄',
  introduction: '引言',
  takeaways: '核心要點',
  conclusion: '結論',
  continued: '續',
  imageMissing: '圖片無法顯示',
  notes: '備忘稿',
  pageOf: '第 {n} 頁，共 {total} 頁',
  page: '第 {n} 頁',
  contents: '目錄',
  keyPoints: '要點',
  slideOf: '投影片 {n} / {total}',
};

/** `de-AT`, `PT_br`, ` zh-Hant ` → lower-case subtags joined by `-`. */
function subtags(lang: string | undefined): string[] {
  return (lang ?? '').trim().toLowerCase().replace(/_/g, '-').split('-').filter(Boolean);
}

function builtIn(tags: string[]): Labels {
  const [primary] = tags;
  if (primary === 'zh' && (tags.includes('hant') || (!tags.includes('hans') && tags.some((t) => t === 'tw' || t === 'hk' || t === 'mo')))) return ZH_HANT;
  return (primary && (BUILT_IN as Record<string, Labels>)[primary]) || EN_LABELS;
}

/** Only label names with text: anything else a caller slipped in is ignored, not printed. */
function pick(from: unknown): Partial<Labels> {
  if (!from || typeof from !== 'object') return {};
  const out: Partial<Labels> = {};
  for (const key of LABEL_KEYS) {
    const v = (from as Record<string, unknown>)[key];
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}

/**
 * The labels for a report in `lang` (a BCP 47 tag such as `de`, `de-AT`, `pt-BR`, `zh-Hans`; case and
 * `_` do not matter). Languages without built-in labels get English. `overrides` (a theme's
 * `labels:`) apply on top: flat names first, then those for the language, then those for longer tags.
 */
export function labelsFor(lang: string | undefined, overrides?: LabelOverrides): Labels {
  const tags = subtags(lang);
  const labels = { ...builtIn(tags) };
  if (!overrides) return labels;
  const byTag = new Map<string, unknown>();
  for (const [k, v] of Object.entries(overrides)) if (v && typeof v === 'object') byTag.set(subtags(k).join('-'), v);
  Object.assign(labels, pick(overrides));
  // `pt`, then `pt-pt`; `zh`, then `zh-hant`, then `zh-hant-tw`: the more specific tag wins.
  for (let i = 1; i <= tags.length; i++) Object.assign(labels, pick(byTag.get(tags.slice(0, i).join('-'))));
  return labels;
}
