import { describe, expect, it } from 'vitest';
import { cjkTerms, englishTerms, stem } from '../../../utils/text/tokens';

describe('tokens', () => {
  it('stems plural and tense variants to one form', () => {
    expect(stem('companies')).toBe('company');
    expect(stem('markets')).toBe(stem('market'));
    expect(stem('jumped')).toBe('jump');
  });
  it('drops English stopwords', () => {
    expect(englishTerms('The markets were falling in the morning')).toEqual(['market', 'fall', stem('morning')]);
  });
  it('makes CJK character bigrams, single Han characters and Latin words', () => {
    expect(cjkTerms('阿里巴巴推出Qwen')).toEqual(['阿', '阿里', '里', '里巴', '巴', '巴巴', '巴', '巴推', '推', '推出', '出', 'qwen']);
  });
  it('drops hiragana-only bigrams (Japanese inflections and particles) but keeps katakana', () => {
    const terms = cjkTerms('政府が発表していた');
    expect(terms).toContain('発表');
    expect(terms).toContain('表し');
    expect(terms).not.toContain('して');
    expect(terms).not.toContain('てい');
    expect(terms).not.toContain('いた');
    expect(cjkTerms('イカ')).toEqual(['イカ']);
  });
});

describe('cjkTerms (code-based walk)', () => {
  /** The former per-character regex implementation: the walk over char codes must give the same terms. */
  function reference(text: string): string[] {
    const cjkChar = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u;
    const hiraganaOnly = /^[\p{Script=Hiragana}ー]+$/u;
    const out: string[] = [];
    let prev = '';
    for (const ch of text) {
      if (cjkChar.test(ch)) {
        if (prev && !hiraganaOnly.test(prev + ch)) out.push(prev + ch);
        if (/\p{Script=Han}/u.test(ch)) out.push(ch);
        prev = ch;
      } else prev = '';
    }
    for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]+/g)) out.push(m[0].toLowerCase());
    return out;
  }
  it.each([
    ['Traditional Chinese with Latin and digits', '輝達（NVIDIA）執行長黃仁勳今（24）日表示，AI晶片需求3.85億次。'],
    ['Japanese: hiragana runs, katakana, the prolonged sound mark', '政府がスーパーコンピューターの導入を発表していた。ーあー'],
    ['characters outside the BMP (CJK Extension B) inside and at the ends of runs', '𠀀中𠀁文𠀂 𠀃か𠀄'],
    ['lone surrogates are not characters of any script', `中\uD800文\uDC00字`],
    ['empty', ''],
  ])('%s', (_name, text) => {
    expect(cjkTerms(text)).toEqual(reference(text));
  });
});
