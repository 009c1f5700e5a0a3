import scriptChars from './script-chars.json';
import { HAN, HIRAGANA, KATAKANA, LATIN, LETTER, charClass } from './chars';

export type Lang = 'zh-Hant' | 'zh-Hans' | 'ja' | 'en' | 'other';

/** Only the first part of a page is inspected: script statistics stabilise long before that. */
const SAMPLE_CHARS = 4000;
/** Kana share of CJK letters above which text is Japanese (Chinese text never contains kana except in quoted names). */
const KANA_SHARE_JA = 0.05;
/** CJK share of all letters above which a page counts as CJK even with Latin brand names mixed in. */
const CJK_SHARE = 0.3;
/** English function words must make up at least this share of Latin words for undeclared-language Latin text to be English. */
const EN_STOPWORD_SHARE = 0.12;

const HANT = new Set(Array.from(scriptChars.hant));
const HANS = new Set(Array.from(scriptChars.hans));
const EN_FUNCTION_WORDS = new Set(
  'the of and to a in is that for it on was with as by be at are this from or have an not but his her they their has had which were will said'.split(' '),
);

function declaredLang(declared: string | null | undefined): Lang | null {
  if (!declared) return null;
  const d = declared.trim().toLowerCase().replace(/_/g, '-');
  if (d.startsWith('ja')) return 'ja';
  if (d.startsWith('zh')) {
    if (/hans|cn|sg|my/.test(d)) return 'zh-Hans';
    return 'zh-Hant';
  }
  if (d.startsWith('en')) return 'en';
  return d ? 'other' : null;
}

/**
 * Decide the article language. The text wins over `declared` whenever the scripts are clear
 * (sites often ship a wrong or generic <html lang>); `declared` only breaks ties.
 */
export function detectLanguage(text: string, declared?: string | null): Lang {
  const sample = text.slice(0, SAMPLE_CHARS);
  let han = 0;
  let kana = 0;
  let latin = 0;
  let otherLetters = 0;
  let hant = 0;
  let hans = 0;
  for (const ch of sample) {
    const cls = charClass(ch);
    if (cls & HAN) {
      han++;
      if (HANT.has(ch)) hant++;
      else if (HANS.has(ch)) hans++;
    } else if (cls & (HIRAGANA | KATAKANA) && ch !== 'ー' && ch !== '・') kana++;
    else if (cls & LATIN) latin++;
    else if (cls & LETTER) otherLetters++;
  }
  const dec = declaredLang(declared);
  const cjk = han + kana;
  const letters = cjk + latin + otherLetters;
  if (letters === 0) return dec ?? 'other';
  // Latin letters are ~1 char per sound while CJK is ~1 char per word, so weight CJK up.
  if (cjk > 0 && (cjk * 3) / (cjk * 3 + latin + otherLetters) >= CJK_SHARE) {
    if (kana / cjk >= KANA_SHARE_JA) return 'ja';
    if (hant > hans) return 'zh-Hant';
    if (hans > hant) return 'zh-Hans';
    if (dec === 'zh-Hant' || dec === 'zh-Hans') return dec;
    if (dec === 'ja') return 'ja';
    return 'zh-Hant';
  }
  if (latin >= otherLetters) {
    if (dec === 'en') return 'en';
    const words = sample.toLowerCase().match(/[a-z]+/g) ?? [];
    const fn = words.filter((w) => EN_FUNCTION_WORDS.has(w)).length;
    if (words.length > 0 && fn / words.length >= EN_STOPWORD_SHARE) return 'en';
    return dec === null ? 'en' : 'other';
  }
  return 'other';
}

export function isCjk(lang: Lang): boolean {
  return lang === 'zh-Hant' || lang === 'zh-Hans' || lang === 'ja';
}
