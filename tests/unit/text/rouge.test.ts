import { describe, expect, it } from 'vitest';
import { lcsLength, rouge, rougeTokens } from '../../tools/rouge';

describe('rouge', () => {
  it('tokenises words for English and characters for CJK', () => {
    expect(rougeTokens("The Cat's hat!", 'words')).toEqual(['the', 'cat', 's', 'hat']);
    expect(rougeTokens('中文，測試 AI', 'chars')).toEqual(['中', '文', '測', '試', 'a', 'i']);
  });
  it('scores identical text 1 and disjoint text 0', () => {
    expect(rouge('a b c', 'a b c', 'words')).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1 });
    expect(rouge('a b c', 'd e f', 'words').rouge1).toBe(0);
  });
  it('computes partial overlaps', () => {
    const s = rouge('the cat sat', 'the cat ran away', 'words');
    expect(s.rouge1).toBeCloseTo((2 * (2 / 3) * (2 / 4)) / (2 / 3 + 2 / 4));
    expect(s.rouge2).toBeCloseTo((2 * (1 / 2) * (1 / 3)) / (1 / 2 + 1 / 3));
    expect(lcsLength(['a', 'b', 'c', 'd'], ['a', 'c', 'd'])).toBe(3);
  });
});
