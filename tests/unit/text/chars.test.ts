import { describe, expect, it } from 'vitest';
import { HAN, HIRAGANA, KATAKANA, LATIN, LETTER, NUMBER, charClass, hasClass } from '../../../utils/text/chars';

/** The regexes the table stands for: every answer must be theirs. */
const REFERENCE: Array<[number, RegExp]> = [
  [HAN, /\p{Script=Han}/u],
  [HIRAGANA, /\p{Script=Hiragana}/u],
  [KATAKANA, /\p{Script=Katakana}/u],
  [LATIN, /\p{Script=Latin}/u],
  [LETTER, /\p{L}/u],
  [NUMBER, /\p{N}/u],
];

describe('charClass', () => {
  it('agrees with the Unicode property regexes on every BMP code unit, asked twice (table filled, then read)', () => {
    for (let pass = 0; pass < 2; pass++) {
      for (let code = 0; code < 0x10000; code++) {
        const ch = String.fromCharCode(code);
        const cls = charClass(ch);
        for (const [flag, re] of REFERENCE) if (((cls & flag) !== 0) !== re.test(ch)) throw new Error(`U+${code.toString(16)} flag ${flag}`);
      }
    }
  });
  it('classifies characters outside the BMP (surrogate pairs) as whole characters', () => {
    expect(charClass('𠀀') & HAN).toBe(HAN); // U+20000, CJK Extension B
    expect(charClass('𝐀') & LETTER).toBe(LETTER); // U+1D400, mathematical bold A
    expect(charClass('😀')).toBe(0);
  });
  it('answers the common cases', () => {
    expect(hasClass('漢', HAN)).toBe(true);
    expect(hasClass('か', HIRAGANA)).toBe(true);
    expect(hasClass('カ', KATAKANA)).toBe(true);
    expect(hasClass('ー', HIRAGANA | KATAKANA)).toBe(false); // the prolonged sound mark is Common script
    expect(hasClass('é', LATIN | LETTER)).toBe(true);
    expect(hasClass('３', NUMBER)).toBe(true);
    expect(hasClass(undefined, HAN)).toBe(false);
    expect(charClass('')).toBe(0);
  });
});
