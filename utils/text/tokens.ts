import stopwordList from './stopwords-en.json';
import { HAN, HIRAGANA, KATAKANA, charClass } from './chars';

const EN_STOPWORDS = new Set<string>(stopwordList);
/** [\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー] for one character. */
const isCjkChar = (ch: string): boolean => (charClass(ch) & (HAN | HIRAGANA | KATAKANA)) !== 0 || ch === 'ー';
/** [\p{Script=Hiragana}ー] for one character. */
const isHiraganaOrMark = (ch: string): boolean => (charClass(ch) & HIRAGANA) !== 0 || ch === 'ー';
const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Light suffix stripping (a small subset of Porter): enough to match plural/tense variants. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 4) w = w.slice(0, -2);
  return w;
}

/** Content-word stems of English text (stopwords and 1-letter tokens dropped). */
export function englishTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD_RE)) {
    const w = m[0];
    if (w.length < 2 || EN_STOPWORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}


/**
 * CJK terms: character bigrams over runs of CJK characters, plus each Han character on its own
 * (a hanzi/kanji is a content morpheme, so sentences about the same thing match even where the
 * bigrams straddle different word boundaries), plus Latin/number words as whole terms.
 * Hiragana-only bigrams (「した」「ている」「ことが」) are Japanese inflections and particles, not
 * content, and are dropped; katakana bigrams stay (loanwords and names).
 */
export function cjkTerms(text: string): string[] {
  const out: string[] = [];
  let prev = '';
  for (const ch of text) {
    if (isCjkChar(ch)) {
      // Hiragana-only bigrams are inflections and particles.
      if (prev && !(isHiraganaOrMark(prev) && isHiraganaOrMark(ch))) out.push(prev + ch);
      if (charClass(ch) & HAN) out.push(ch);
      prev = ch;
    } else prev = '';
  }
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]+/g)) out.push(m[0].toLowerCase());
  return out;
}

export function countWords(text: string): number {
  return (text.match(WORD_RE) ?? []).length;
}

/** Number of CJK characters in text (the length measure for CJK sentences). */
export function countCjkChars(text: string): number {
  let n = 0;
  for (const ch of text) if (isCjkChar(ch)) n++;
  return n;
}
