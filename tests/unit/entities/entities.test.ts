import { describe, expect, it } from 'vitest';
import { extractEntities, recognizeMentions, type EntityType, type Mention } from '../../../utils/entities/index';

const has = (ms: Mention[], text: string, type: EntityType): boolean => ms.some((m) => m.text === text && m.type === type);

describe('Chinese mentions', () => {
  it('finds places, organisations and people with cues', () => {
    const t = '台積電董事長魏哲家今（24）日在新竹表示，公司將在美國亞利桑那州擴廠，投資金額達新台幣3億元。';
    const ms = recognizeMentions(t, 'zh-Hant');
    expect(has(ms, '台積電', 'organization')).toBe(true);
    expect(has(ms, '魏哲家', 'person')).toBe(true);
    expect(has(ms, '新竹', 'place')).toBe(true);
    // Directly adjacent places form one span, as in UNER (中國甘肅省金塔縣).
    expect(has(ms, '美國亞利桑那州', 'place')).toBe(true);
    expect(has(ms, '今（24）日', 'date')).toBe(true);
    expect(has(ms, '新台幣3億元', 'quantity')).toBe(true);
    for (const m of ms) expect(t.slice(m.start, m.end)).toBe(m.text);
  });
  it('recognises surname + given name with a speech cue and organisation suffixes', () => {
    const ms = recognizeMentions('陳建宏指出，中華民國紅十字會與台北市政府合作。', 'zh-Hant');
    expect(has(ms, '陳建宏', 'person')).toBe(true);
    expect(ms.some((m) => m.type === 'organization' && m.text.endsWith('政府') && m.text.startsWith('台北'))).toBe(true);
  });
  it('works on Simplified text through the same lexicons', () => {
    const ms = recognizeMentions('阿里巴巴在杭州发布新模型，美国白宫表示关注。', 'zh-Hans');
    expect(has(ms, '阿里巴巴', 'organization')).toBe(true);
    expect(has(ms, '杭州', 'place')).toBe(true);
    expect(has(ms, '美国白宫', 'organization')).toBe(true);
  });
  it('finds transliterated names with · and Latin names inside CJK text', () => {
    const ms = recognizeMentions('專家Toby Walsh表示，布萊恩·切斯基也同意。', 'zh-Hant');
    expect(has(ms, 'Toby Walsh', 'person')).toBe(true);
    expect(has(ms, '布萊恩·切斯基', 'person')).toBe(true);
  });
  it('dates and quantities', () => {
    const ms = recognizeMentions('2025年11月15日上午10點15分，指數收在26,596.03點，上漲1.5%，昨（23日）成交3.85億次。', 'zh-Hant');
    expect(has(ms, '2025年11月15日', 'date')).toBe(true);
    expect(has(ms, '上午10點15分', 'date')).toBe(true);
    expect(has(ms, '26,596.03點', 'quantity')).toBe(true);
    expect(has(ms, '1.5%', 'quantity')).toBe(true);
    expect(has(ms, '昨（23日）', 'date')).toBe(true);
    expect(has(ms, '3.85億次', 'quantity')).toBe(true);
  });
  it('never returns pronouns, generic nouns or section labels', () => {
    const ms = recognizeMentions('他說公司與政府都同意。記者報導。資料來源：網路。核稿編輯：王。廣告', 'zh-Hant');
    const bad = ['他', '她', '公司', '政府', '記者', '報導', '資料來源', '核稿編輯', '廣告'];
    expect(ms.filter((m) => bad.includes(m.text))).toEqual([]);
  });
});

describe('Japanese mentions', () => {
  it('finds organisations, people, places, dates and quantities', () => {
    const t = '2025年11月24日、トヨタ自動車の佐藤社長は東京都で会見し、株式会社ミライの買収に3億円を投じると発表した。ドナルド・トランプ大統領も5%の関税に言及した。';
    const ms = recognizeMentions(t, 'ja');
    expect(has(ms, 'トヨタ自動車', 'organization')).toBe(true);
    expect(has(ms, '東京都', 'place')).toBe(true);
    expect(has(ms, '株式会社ミライ', 'organization')).toBe(true);
    expect(has(ms, 'ドナルド・トランプ', 'person')).toBe(true);
    expect(has(ms, '2025年11月24日', 'date')).toBe(true);
    expect(has(ms, '3億円', 'quantity')).toBe(true);
    expect(has(ms, '5%', 'quantity')).toBe(true);
  });
  it('takes a kanji name before 首相/氏', () => {
    const ms = recognizeMentions('石破首相と山田太郎氏が会談した。', 'ja');
    expect(has(ms, '石破', 'person')).toBe(true);
    expect(has(ms, '山田太郎', 'person')).toBe(true);
  });
});

describe('English mentions', () => {
  it('finds people (titles stripped), organisations and places', () => {
    const t = 'Mr. John Smith, a director at Acme Widget Corp., met President Biden in New York on November 15, 2025.';
    const ms = recognizeMentions(t, 'en');
    expect(has(ms, 'John Smith', 'person')).toBe(true);
    expect(has(ms, 'Acme Widget Corp.', 'organization') || has(ms, 'Acme Widget Corp', 'organization')).toBe(true);
    expect(has(ms, 'Biden', 'person')).toBe(true);
    expect(has(ms, 'New York', 'place')).toBe(true);
    expect(has(ms, 'November 15, 2025', 'date')).toBe(true);
  });
  it('finds quantities and weekday dates', () => {
    const ms = recognizeMentions('On Monday the stock rose 3.5% to $50, and 385 million users signed up.', 'en');
    expect(has(ms, 'Monday', 'date')).toBe(true);
    expect(has(ms, '3.5%', 'quantity')).toBe(true);
    expect(has(ms, '$50', 'quantity')).toBe(true);
    expect(has(ms, '385 million users', 'quantity') || has(ms, '385 million', 'quantity')).toBe(true);
  });
  it('leaves a council title and a dateline dash out of the names (sg-en-modern, us-2025-articles)', () => {
    const ms = recognizeMentions('SINGAPORE — Residents met on Tuesday, said Council Member Daniel Reyes, who sponsored the measure.', 'en');
    expect(ms.some((m) => /[—–-]\s*$/.test(m.text)), JSON.stringify(ms.map((m) => m.text))).toBe(false);
    expect(has(ms, 'Daniel Reyes', 'person')).toBe(true);
    expect(ms.some((m) => m.text.startsWith('Member'))).toBe(false);
  });
  it('does not tag pronouns or demonyms', () => {
    const ms = recognizeMentions('He said American voters like it. She agreed.', 'en');
    expect(ms.filter((m) => ['He', 'She', 'American'].includes(m.text))).toEqual([]);
  });
});

describe('extractEntities merging', () => {
  it('merges a transliterated name, its original and its short form', () => {
    const ents = extractEntities({
      title: '切斯基談AI',
      paragraphs: ['Airbnb執行長布萊恩·切斯基（Brian Chesky）表示支持。', '切斯基說，阿里巴巴的模型很便宜。', '阿里的模型受到歡迎。'],
      lang: 'zh-Hant',
    });
    const chesky = ents.find((e) => e.text === '布萊恩·切斯基');
    expect(chesky?.type).toBe('person');
    expect(chesky?.aliases).toEqual(expect.arrayContaining(['Brian Chesky', '切斯基']));
    expect(chesky?.inTitle).toBe(true);
    expect(chesky?.count).toBe(4);
    expect(chesky?.mentions[0]).toEqual({ paragraph: 0, start: 9, end: 16 });
    const ali = ents.find((e) => e.text === '阿里巴巴');
    expect(ali?.aliases).toContain('阿里');
    expect(ali?.count).toBe(2);
    expect(ents[0]?.text).toBe('布萊恩·切斯基');
  });
  it('does not turn 阿里 into 阿里巴巴 when the full name is absent', () => {
    const ents = extractEntities({ title: '', paragraphs: ['阿里山的日出很美。'], lang: 'zh-Hant' });
    expect(ents.some((e) => e.text === '阿里')).toBe(false);
  });
  it('merges an English surname with the full name', () => {
    const ents = extractEntities({ title: '', paragraphs: ['Brian Chesky runs Airbnb.', 'Chesky said the company would grow.'], lang: 'en' });
    const e = ents.find((x) => x.text === 'Brian Chesky');
    expect(e?.aliases).toContain('Chesky');
  });
});
