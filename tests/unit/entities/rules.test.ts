import { describe, expect, it } from 'vitest';
import { recognizeMentions, type EntityType, type Mention } from '../../../utils/entities/index';

const has = (ms: Mention[], text: string, type: EntityType): boolean => ms.some((m) => m.text === text && m.type === type);
const zh = (t: string): Mention[] => recognizeMentions(t, 'zh-Hant');
const en = (t: string): Mention[] => recognizeMentions(t, 'en');

describe('Chinese rules', () => {
  it('joins directly adjacent places into one span', () => {
    expect(has(zh('該村位於中國浙江省杭州市，人口不多。'), '中國浙江省杭州市', 'place')).toBe(true);
  });
  it('recognises roads, buildings and rivers by their suffix', () => {
    const ms = zh('博物館位於信義路上，旁邊就是台北101大樓。');
    expect(has(ms, '信義路', 'place')).toBe(true);
    expect(has(zh('這條河最終注入基隆河。'), '基隆河', 'place')).toBe(true);
    // A sidewalk is not a place name.
    expect(zh('透水磚將先鋪設在漁港旁的人行道。').some((m) => m.text.endsWith('人行道'))).toBe(false);
  });
  it('types a transliterated name by its suffix and context', () => {
    expect(has(zh('他出生於德克薩斯州的一個小鎮。'), '德克薩斯州', 'place')).toBe(true);
    expect(has(zh('後來，史密斯表示他不會參選。'), '史密斯', 'person')).toBe(true);
  });
  it('keeps a name with a middle dot whole', () => {
    expect(has(zh('據喬治·華盛頓的日記記載，那天下雪。'), '喬治·華盛頓', 'person')).toBe(true);
  });
  it('finds Chinese names the segmenter does not know, but not ordinary words', () => {
    expect(has(zh('會後，陳建宏表示將繼續推動。'), '陳建宏', 'person')).toBe(true);
    expect(zh('在很大程度上，這是一個好消息。').filter((m) => m.type === 'person')).toEqual([]);
    expect(zh('他們依賴阿里的模型。').filter((m) => m.type === 'person')).toEqual([]);
  });
  it('finds Japanese names in Chinese text', () => {
    expect(has(zh('據報導，豐臣秀吉在大阪築城。'), '豐臣秀吉', 'person')).toBe(true);
  });
  it('treats a country army as an organisation and demonyms as no place', () => {
    expect(has(zh('翌日，英軍向北推進。'), '英軍', 'organization')).toBe(true);
    expect(zh('許多印度人移居海外。').some((m) => m.text === '印度')).toBe(false);
  });
  it('merges a chain of names in front of an organisation suffix', () => {
    expect(zh('他畢業於芝加哥大學法學院。').some((m) => m.type === 'organization' && m.text === '芝加哥大學法學院')).toBe(true);
  });
});

describe('English rules', () => {
  it('matches unambiguous places written in lower case', () => {
    const ms = en('i am moving from malaysia to auckland next year');
    expect(has(ms, 'malaysia', 'place')).toBe(true);
    expect(has(ms, 'auckland', 'place')).toBe(true);
  });
  it('does not take shouted common words for acronyms', () => {
    const ms = en('This is a FREE offer and it is VERY good, says the FBI.');
    expect(ms.some((m) => m.text === 'FREE' || m.text === 'VERY')).toBe(false);
    expect(has(ms, 'FBI', 'organization')).toBe(true);
  });
  it('reads compass-prefixed places and "X of Y" places', () => {
    expect(has(en('Oil rigs in the Gulf of Mexico were shut.'), 'Gulf of Mexico', 'place')).toBe(true);
    expect(has(en('He served in South Vietnam in 1968.'), 'South Vietnam', 'place')).toBe(true);
  });
  it('keeps a comma-separated legal suffix with the company name', () => {
    expect(has(en('She joined Acme Broadband Services, Inc. last year.'), 'Acme Broadband Services, Inc.', 'organization')).toBe(true);
  });
});

describe('clock times', () => {
  it('keeps digit and dated clock times, drops 一時 and 三點 used as words', () => {
    const dates = (t: string, lang: 'ja' | 'zh-Hant') => recognizeMentions(t, lang).filter((m) => m.type === 'date').map((m) => m.text);
    expect(dates('株価は一時8％下落した。', 'ja')).not.toContain('一時');
    expect(dates('他提出三點建議。', 'zh-Hant')).not.toContain('三點');
    expect(dates('會議上午10點15分開始。', 'zh-Hant')).toContain('上午10點15分');
    expect(dates('下午三點半出發。', 'zh-Hant')).toContain('下午三點半');
  });
});

describe('Japanese common nouns', () => {
  it('電気自動車 is a kind of car, トヨタ自動車 a company', () => {
    const orgs = (t: string) => recognizeMentions(t, 'ja').filter((m) => m.type === 'organization').map((m) => m.text);
    expect(orgs('電気自動車の販売が伸びた。')).not.toContain('電気自動車');
    expect(orgs('トヨタ自動車は11月24日、新型車を発表した。')).toContain('トヨタ自動車');
  });
});
