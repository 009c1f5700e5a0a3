import { describe, expect, it } from 'vitest';
import {
  HIDDEN_BY_DEFAULT,
  hiddenOverlap,
  metricsFromTpFpFns,
  ngrams,
  nodeText,
  pageF1,
  shingleMatching,
  tokenize,
} from '../tools/corpus';
import { DEFAULT_SETTINGS } from '../../utils/settings';

// Expected values come from the benchmark's evaluate.py run under Python 3 on the same inputs.
describe('benchmark scoring (evaluate.py transcribed)', () => {
  it('tokenises like Python re \\w+ with UNICODE (combining marks split words)', () => {
    expect(tokenize("Don't stop—naïve café_au_lait 3.14 中文字，日本語 नमस्ते")).toEqual([
      'Don', 't', 'stop', 'naïve', 'café_au_lait', '3', '14', '中文字', '日本語', 'नमस', 'त',
    ]);
    expect(tokenize(null)).toEqual([]);
  });

  it('makes 4-token shingles, one shorter shingle for a short text, none for an empty one', () => {
    expect(ngrams(['a', 'b', 'c', 'd', 'e'])).toHaveLength(2);
    expect(ngrams(['a', 'b'])).toEqual(['a\u0001b']);
    expect(ngrams([])).toEqual([]);
  });

  it('normalises tp/fp/fn per page to sum to 1', () => {
    const [tp, fp, fn] = shingleMatching(
      'the quick brown fox jumps over the lazy dog the quick brown fox',
      'the quick brown fox jumps over a lazy dog and more text here',
    );
    expect(tp).toBeCloseTo(0.17647058823529413, 12);
    expect(fp).toBeCloseTo(0.4117647058823529, 12);
    expect(fn).toBeCloseTo(0.4117647058823529, 12);
    expect(shingleMatching('one two', 'one two')).toEqual([1, 0, 0]);
    expect(shingleMatching('one two', 'one three')).toEqual([0, 0.5, 0.5]);
    expect(shingleMatching('', '')).toEqual([0, 0, 0]);
  });

  it('averages P over pages with predictions and R over pages with truth; F1 of the averages', () => {
    const rows = [
      shingleMatching('the quick brown fox jumps over the lazy dog the quick brown fox', 'the quick brown fox jumps over a lazy dog and more text here'),
      shingleMatching('one two', 'one two'),
      shingleMatching('', ''),
      shingleMatching('a b c d e', ''),
      shingleMatching('', 'x y z w'),
    ];
    const m = metricsFromTpFpFns(rows);
    expect(m.P).toBeCloseTo(0.43333333333333335, 12);
    expect(m.R).toBeCloseTo(0.43333333333333335, 12);
    expect(m.F1).toBeCloseTo(0.43333333333333335, 12);
    expect(pageF1([1, 0, 0])).toBe(1);
    expect(pageF1([0, 0, 1])).toBe(0);
  });
});

describe('safety overlap', () => {
  const article = 'Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu';

  it('counts article shingles inside hidden text, and those gone from the visible page', () => {
    const o = hiddenOverlap(article, ['unrelated words here', 'zeta eta theta iota kappa'], { visible: 'nav Alpha beta gamma delta epsilon' });
    expect(o.total).toBe(9);
    expect(o.shingles).toBe(2); // zeta..iota, eta..kappa
    expect(o.lost).toBe(2);
    expect(o.sample).toBe('zeta eta theta iota kappa');
    // A teaser repeating the lead inside a hidden feed does not lose the lead.
    const teaser = hiddenOverlap(article, 'Alpha beta gamma delta', { visible: article });
    expect(teaser.shingles).toBe(1);
    expect(teaser.lost).toBe(0);
  });

  it('never makes a shingle across two hidden blocks', () => {
    expect(hiddenOverlap(article, ['Alpha beta', 'gamma delta']).shingles).toBe(0);
    expect(hiddenOverlap(article, 'Alpha beta gamma delta').shingles).toBe(1);
  });

  it('reads text with block boundaries kept and skipped subtrees left out', () => {
    const doc = new DOMParser().parseFromString(
      '<div><p>one</p><p>two</p><script>var x</script><aside id="feed">feed text</aside></div>',
      'text/html',
    );
    expect(tokenize(nodeText(doc.body))).toEqual(['one', 'two', 'feed', 'text']);
    expect(tokenize(nodeText(doc.body, new Set([doc.getElementById('feed')!])))).toEqual(['one', 'two']);
  });

  it('hides by default exactly the kinds the settings hide by default', () => {
    const hidden = Object.entries(DEFAULT_SETTINGS.hide).filter(([, v]) => v).map(([k]) => k);
    expect([...HIDDEN_BY_DEFAULT].sort()).toEqual(hidden.sort());
  });
});
