/**
 * Unicode classes of single characters, as bit flags.
 *
 * Tokenising, language detection and the entity rules ask "is this character Han / kana / a
 * letter?" for every character of an article. A Unicode-property regex per character is the
 * costliest part of those loops, so each UTF-16 code unit is classified once, by the same regexes,
 * and the answer kept in a table: the answers are properties of the character alone, identical
 * for every text. Characters outside the BMP (two code units) are classified directly each time.
 */
export const HAN = 1;
export const HIRAGANA = 2;
export const KATAKANA = 4;
export const LATIN = 8;
export const LETTER = 16;
export const NUMBER = 32;
/** Marks a table entry as filled (a character may have no class at all). */
const KNOWN = 128;

const BMP_SIZE = 0x10000;
const table = new Uint8Array(BMP_SIZE);

function classify(ch: string): number {
  let f = 0;
  if (/\p{Script=Han}/u.test(ch)) f |= HAN;
  if (/\p{Script=Hiragana}/u.test(ch)) f |= HIRAGANA;
  if (/\p{Script=Katakana}/u.test(ch)) f |= KATAKANA;
  if (/\p{Script=Latin}/u.test(ch)) f |= LATIN;
  if (/\p{L}/u.test(ch)) f |= LETTER;
  if (/\p{N}/u.test(ch)) f |= NUMBER;
  return f;
}

/** Flags of one character: a single code unit or a surrogate pair (as `for…of` yields them). */
export function charClass(ch: string): number {
  if (ch.length !== 1) return ch.length === 0 ? 0 : classify(ch);
  return charClassOfCode(ch.charCodeAt(0));
}

/** Flags of the BMP character with this UTF-16 code (a lone surrogate has none). */
export function charClassOfCode(code: number): number {
  let f = table[code] as number;
  if (f === 0) {
    f = classify(String.fromCharCode(code)) | KNOWN;
    table[code] = f;
  }
  return f & ~KNOWN;
}

/** `ch` (one character or undefined) has any of `flags`. */
export function hasClass(ch: string | undefined, flags: number): boolean {
  return ch !== undefined && (charClass(ch) & flags) !== 0;
}
