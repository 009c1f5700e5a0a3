/**
 * What the UI strings need everywhere: the language, the lookup, and the few strings the page
 * itself shows (the collapse bars). Kept apart from i18n.ts's tables so that the content script,
 * evaluated on every Yahoo article before it paints, does not carry the popup's and the options
 * page's strings (about 10 KB of its bundle).
 */
export type UiLang = 'en' | 'zh-TW';
export type Vars = Record<string, string | number>;

/** The UI language: the user's choice, else the browser's (any Chinese → 繁體中文). */
export function resolveUiLang(setting: 'auto' | UiLang, browserLang: string): UiLang {
  if (setting !== 'auto') return setting;
  return /^zh/i.test(browserLang) ? 'zh-TW' : 'en';
}

/** A string from `tables`, in English's count-of-one form where there is one ("1 story", not
 * "1 stories"; Chinese has no plural), falling back to English, with `{name}`s filled in. */
export function lookup<K extends string>(tables: Record<UiLang, Record<K, string>>, enOne: Partial<Record<K, string>>, lang: UiLang, key: K, vars: Vars = {}): string {
  const one = lang === 'en' && (vars.n ?? vars.items) === 1 ? enOne[key] : undefined;
  const s = one ?? tables[lang][key] ?? tables.en[key];
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The collapse bars' strings (collapse mode): the only UI the content script draws. */
export const PAGE_STRINGS = {
  en: { barText: '{n} stories hidden', barTextNone: 'Stories hidden', barShow: 'Show', barHide: 'Hide' },
  'zh-TW': { barText: '已隱藏 {n} 則新聞', barTextNone: '已隱藏新聞', barShow: '顯示', barHide: '隱藏' },
} satisfies Record<UiLang, Record<string, string>>;
export type PageKey = keyof (typeof PAGE_STRINGS)['en'];
export const PAGE_EN_ONE: Partial<Record<PageKey, string>> = { barText: '1 story hidden' };

export const pageT = (lang: UiLang, key: PageKey, vars?: Vars): string => lookup(PAGE_STRINGS, PAGE_EN_ONE, lang, key, vars);
