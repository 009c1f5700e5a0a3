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
