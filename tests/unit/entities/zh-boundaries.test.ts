import { describe, expect, it } from 'vitest';
import { recognizeMentions, type EntityType, type Mention } from '../../../utils/entities/index';

const has = (ms: Mention[], text: string, type: EntityType): boolean => ms.some((m) => m.text === text && m.type === type);
const zh = (t: string): Mention[] => recognizeMentions(t, 'zh-Hant');

describe('Chinese organisation boundaries and generic descriptions', () => {
  it('does not pull a verb into an organisation name', () => {
    const ms = zh('他後來考入上海外國語學校，畢業後曾任南京市博物院研究員。');
    expect(has(ms, '上海外國語學校', 'organization')).toBe(true);
    expect(ms.some((m) => m.text.startsWith('入') || m.text.startsWith('任'))).toBe(false);
  });
  it('treats a generic modifier or a bare country before 公司/學校 as a description', () => {
    const ms = zh('他在一家日本公司工作，後來到一所國立大學和一間本地公司任職。');
    expect(ms.filter((m) => m.type === 'organization')).toEqual([]);
    expect(has(ms, '日本', 'place')).toBe(true);
  });
  it('does not read a minister title as the ministry', () => {
    expect(zh('兩國外交部長在東京會面。').some((m) => m.type === 'organization')).toBe(false);
    expect(has(zh('台北市政府今天宣布新措施。'), '台北市政府', 'organization')).toBe(true);
  });
  it('types a city named as a football club as an organisation', () => {
    expect(has(zh('他目前效力於英超球隊利物浦。'), '利物浦', 'organization')).toBe(true);
    expect(has(zh('他目前住在利物浦。'), '利物浦', 'place')).toBe(true);
  });
  it('keeps a national team whole after its country', () => {
    expect(has(zh('他曾代表巴西國家隊出賽。'), '巴西國家隊', 'organization')).toBe(true);
  });
});

describe('Chinese names and small places', () => {
  it('finds short names made of common given-name characters when a verb follows', () => {
    expect(has(zh('會後，劉志強先後拜訪了三位議員。'), '劉志強', 'person')).toBe(true);
    expect(has(zh('據報導，張偉遭到警方調查。'), '張偉', 'person')).toBe(true);
  });
  it('finds townships closed by 鄉/鎮/縣', () => {
    expect(has(zh('該村與石坪鄉相鄰。'), '石坪鄉', 'place')).toBe(true);
  });
  it('splits a city from the district that follows it', () => {
    expect(has(zh('總部位於天津市河西區。'), '天津市河西區', 'place')).toBe(true);
  });
  it('does not take a ship for a person', () => {
    expect(zh('埃姆登號於1914年沉沒。').some((m) => m.type === 'person')).toBe(false);
  });
});
