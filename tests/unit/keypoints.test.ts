import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, extractKeyPoints, extractKeyPointsWith, quoteShare, trimSentence } from '../../utils/keypoints';

const enParagraphs = [
  'By Staff Reporter',
  'The city council approved a new budget for public transport on Monday, raising bus funding by 20 percent.',
  'Council members said the budget would add twelve new bus routes across the northern districts next year.',
  'The mayor praised the transport budget as the largest investment in buses for a decade.',
  'Opponents argued that the bus budget ignored road repairs in the southern districts.',
  'A public hearing on the transport budget will be held next month at city hall.',
  'Photo: Getty Images',
  'Local cafes reported a busy weekend thanks to warm weather and a street festival.',
];

describe('extractKeyPoints', () => {
  it('returns the requested number of points in article order', () => {
    const pts = extractKeyPoints({ title: 'Council approves transport budget', paragraphs: enParagraphs, lang: 'en' }, { count: 3 });
    expect(pts).toHaveLength(3);
    const order = pts.map((p) => p.paragraph * 1000 + p.sentence);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const p of pts) {
      expect(p.text.length).toBeGreaterThan(0);
      expect(enParagraphs[p.paragraph]?.slice(p.start, p.end)).toBe(p.text);
    }
  });
  it('never returns bylines, photo credits or off-topic filler', () => {
    const pts = extractKeyPoints({ title: 'Council approves transport budget', paragraphs: enParagraphs, lang: 'en' }, { count: 4 });
    const all = pts.map((p) => p.text).join('\n');
    expect(all).not.toMatch(/By Staff|Getty/);
    expect(pts.some((p) => p.paragraph === 1)).toBe(true);
  });
  it("never returns a live blog's post stamps, however many tokens they hold", () => {
    const posts = enParagraphs.slice(1, 6).flatMap((p, i) => [`${(i + 1) * 12} min ago${i + 4}:52 PM CST`, p]);
    const pts = extractKeyPoints({ title: 'Council approves transport budget', paragraphs: posts, lang: 'en' }, { count: 5 });
    expect(pts).toHaveLength(5);
    expect(pts.map((p) => p.text).join('\n')).not.toMatch(/min ago|PM CST/);
  });
  it("'auto' gives 3 for short articles and up to 5 for long ones", () => {
    expect(extractKeyPoints({ title: '', paragraphs: enParagraphs, lang: 'en' })).toHaveLength(3);
    const long = Array.from({ length: 120 }, (_, i) => `Sentence number ${i} talks about topic ${i % 7} with several extra words here.`);
    expect(extractKeyPoints({ title: '', paragraphs: long, lang: 'en' }, { count: 'auto' })).toHaveLength(5);
  });
  it('caps the count at the number of usable sentences', () => {
    const pts = extractKeyPoints({ title: '', paragraphs: ['Only one real sentence is present in this short text.'], lang: 'en' }, { count: 5 });
    expect(pts).toHaveLength(1);
  });
  it('skips Chinese bylines, sources and editor lines', () => {
    const paragraphs = [
      '記者王小明／台北報導',
      '行政院今天通過明年度總預算案，總額達新台幣3兆元，創下歷史新高。',
      '主計總處表示，預算增加主要用於國防、社福與基礎建設三大項目。',
      '在野黨則批評預算膨脹過快，將在立法院審查時要求刪減。',
      '經濟學者認為，擴張性預算有助於支撐明年的經濟成長。',
      '資料來源：行政院',
      '核稿編輯：林易萱',
      '廣告',
    ];
    const pts = extractKeyPoints({ title: '行政院通過總預算', paragraphs, lang: 'zh-Hant' }, { count: 3 });
    expect(pts).toHaveLength(3);
    expect(pts.map((p) => p.text).join('')).not.toMatch(/記者|資料來源|核稿編輯|廣告/);
    expect(pts[0]?.paragraph).toBe(1);
  });
  it('trims overlong sentences at a clause boundary with an ellipsis', () => {
    const long = '這是一個非常長的句子，' + '其中包含許多不同的子句與說明文字'.repeat(4) + '，' + '另外還有更多的補充資料與背景介紹'.repeat(5) + '，最後才結束。';
    const t = trimSentence(long, 'zh-Hant');
    expect(t.endsWith('…')).toBe(true);
    expect(t.length).toBeLessThanOrEqual(121);
    expect(long.startsWith(t.slice(0, -1))).toBe(true);
    expect(t.slice(0, -1)).toMatch(/[^，、；]$/);
    const en = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ').replace('word30', 'word30,');
    const te = trimSentence(en, 'en');
    expect(te).toBe(en.slice(0, en.indexOf('word30,') + 'word30'.length) + '…');
    expect(trimSentence('Short sentence stays.', 'en')).toBe('Short sentence stays.');
  });
  it('handles a very long article (sparse graph) and returns non-empty points', () => {
    const paragraphs = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} reports that topic ${i % 13} saw ${i} new events today. Officials commented on topic ${i % 5}.`);
    const pts = extractKeyPoints({ title: 'Topic report', paragraphs, lang: 'en' }, { count: 5 });
    expect(pts).toHaveLength(5);
    expect(pts.every((p) => p.text.trim().length > 0)).toBe(true);
  });
  it('measures the quoted share of a sentence', () => {
    expect(quoteShare('行政院今天通過明年度總預算案。')).toBe(0);
    expect(quoteShare('「今年是關鍵一年」')).toBe(1);
    expect(quoteShare('董事長表示：「今年是公司轉型的關鍵一年。」')).toBeGreaterThan(0.5);
    expect(quoteShare('He said "we will win" today.')).toBeCloseTo(9 / 20);
  });
  it('prefers a reported fact over an equally placed direct quote', () => {
    const paragraphs = [
      '行政院今天通過明年度總預算案，總額達新台幣3兆元，創下歷史新高。',
      '院長表示：「預算增加主要用於國防、社福與基礎建設，總預算創下新高。」',
      '主計總處說明，總預算增加主要用於國防、社福與基礎建設三大項目。',
    ];
    const pts = extractKeyPoints({ title: '行政院通過總預算', paragraphs, lang: 'zh-Hant' }, { count: 2 });
    expect(pts.map((p) => p.paragraph)).toEqual([0, 2]);
  });
  it('applies the CJK weight overrides only to CJK articles', () => {
    const zh = { title: '總預算', paragraphs: ['行政院今天通過明年度總預算案，總額創下歷史新高。', '主計總處說明，預算增加主要用於國防。', '在野黨批評總預算膨脹過快。'], lang: 'zh-Hant' as const };
    const override = { lead: 0.1, title: 1, mmrLambda: 0.9 };
    expect(extractKeyPointsWith(zh, { count: 2 }, { ...DEFAULT_WEIGHTS, cjk: override })).toEqual(
      extractKeyPointsWith(zh, { count: 2 }, { ...DEFAULT_WEIGHTS, ...override, cjk: undefined }),
    );
    const en = { title: '', paragraphs: enParagraphs, lang: 'en' as const };
    expect(extractKeyPointsWith(en, { count: 3 }, { ...DEFAULT_WEIGHTS, cjk: { lead: 0, centrality: 0, centroid: 0, title: 0 } })).toEqual(
      extractKeyPointsWith(en, { count: 3 }, DEFAULT_WEIGHTS),
    );
  });
  it('returns nothing for an empty article', () => {
    expect(extractKeyPoints({ title: '', paragraphs: [], lang: 'en' })).toEqual([]);
  });
});
