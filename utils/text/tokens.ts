import stopwordList from './stopwords-en.json';
import { HAN, HIRAGANA, KATAKANA, charClass, charClassOfCode } from './chars';

const EN_STOPWORDS = new Set<string>(stopwordList);
/** [\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー] for one character. */
const isCjkChar = (ch: string): boolean => (charClass(ch) & (HAN | HIRAGANA | KATAKANA)) !== 0 || ch === 'ー';
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
  visitCjkTerms(text, {
    pair: (a, b) => out.push(String.fromCharCode(a, b)),
    char: (c) => out.push(String.fromCharCode(c)),
    text: (t) => out.push(t),
  });
  return out;
}

/**
 * Receives the terms of `cjkTerms`, in the same order, without building strings where it can:
 * a bigram of two BMP characters as their two codes, a BMP Han character as its code; terms with
 * a character outside the BMP, and Latin words, as text.
 */
export interface CjkTermVisitor {
  pair(first: number, second: number): void;
  char(code: number): void;
  text(term: string): void;
}

const LOW_SURROGATE_MIN = 0xdc00;
const LOW_SURROGATE_MAX = 0xdfff;
const HIGH_SURROGATE_MIN = 0xd800;
const HIGH_SURROGATE_MAX = 0xdbff;
/** No character: `prev` before the first CJK character of a run. */
const NONE = -1;
/** ー: counts as CJK and, in bigrams, as hiragana (it lengthens a kana). */
const PROLONGED_SOUND_MARK = 0x30fc;

export function visitCjkTerms(text: string, visit: CjkTermVisitor): void {
  // Walk code points as `for…of` does: a surrogate pair is one character, a lone surrogate another.
  let prev = NONE; // code of the previous CJK character (BMP), or NONE
  let prevText = ''; // the previous CJK character when outside the BMP
  let prevHiraganaLike = false;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    const astral = code >= HIGH_SURROGATE_MIN && code <= HIGH_SURROGATE_MAX && next >= LOW_SURROGATE_MIN && next <= LOW_SURROGATE_MAX;
    const ch = astral ? text.slice(i, i + 2) : '';
    i += astral ? 2 : 1;
    const cls = astral ? charClass(ch) : charClassOfCode(code);
    const isCjk = (cls & (HAN | HIRAGANA | KATAKANA)) !== 0 || (!astral && code === PROLONGED_SOUND_MARK);
    if (!isCjk) {
      prev = NONE;
      prevText = '';
      continue;
    }
    const hiraganaLike = (cls & HIRAGANA) !== 0 || (!astral && code === PROLONGED_SOUND_MARK);
    const hadPrev = prev !== NONE || prevText !== '';
    // Hiragana-only bigrams are inflections and particles.
    if (hadPrev && !(prevHiraganaLike && hiraganaLike)) {
      if (astral || prevText) visit.text((prevText || String.fromCharCode(prev)) + (astral ? ch : String.fromCharCode(code)));
      else visit.pair(prev, code);
    }
    if (cls & HAN) {
      if (astral) visit.text(ch);
      else visit.char(code);
    }
    prev = astral ? NONE : code;
    prevText = astral ? ch : '';
    prevHiraganaLike = hiraganaLike;
  }
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]+/g)) visit.text(m[0].toLowerCase());
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
