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
  it('makes CJK character bigrams plus Latin words', () => {
    expect(cjkTerms('阿里巴巴推出Qwen')).toEqual(['阿里', '里巴', '巴巴', '巴推', '推出', 'qwen']);
  });
});
