import { describe, expect, it } from 'vitest';
import { prefixKey, toSimplified, toSimplifiedAll, zhLexicon } from '../../../utils/entities/lexicon';
import zhGazetteer from '../../../utils/entities/lexicons/zh-gazetteer.json';
import zhOrgs from '../../../utils/entities/lexicons/zh-orgs.json';
import zhPersons from '../../../utils/entities/lexicons/zh-persons.json';
import zhPlaces from '../../../utils/entities/lexicons/zh-places.json';

describe('toSimplifiedAll', () => {
  it('converts every lexicon word exactly as one toSimplified call per word would', () => {
    const words = [
      ...zhGazetteer.places, ...zhGazetteer.orgs, ...zhGazetteer.translitNames,
      ...zhOrgs.orgs, ...zhPersons.famous, ...zhPersons.westernGiven, ...zhPersons.titlesBefore, ...zhPersons.cuesAfter,
      ...zhPlaces.countries, ...zhPlaces.regions, ...zhPlaces.cities, ...zhPlaces.divisions,
    ];
    expect(toSimplifiedAll(words)).toEqual(words.map(toSimplified));
  });
  it('falls back to one call per word when a word holds the separator', () => {
    expect(toSimplifiedAll(['臺灣', '兩行\n文字', '銀行'])).toEqual(['台湾', toSimplified('兩行\n文字'), '银行']);
    expect(toSimplifiedAll([])).toEqual([]);
  });
});

describe('Chinese dictionary index', () => {
  it('lists, for a two-character prefix, exactly the lengths of the entries that start with it, longest first', () => {
    const { map, lengthsByPrefix, singles } = zhLexicon().dict;
    const expected = new Map<number, Set<number>>();
    for (const key of map.keys()) if (key.length >= 2) (expected.get(prefixKey(key, 0)) ?? expected.set(prefixKey(key, 0), new Set()).get(prefixKey(key, 0))!).add(key.length);
    expect(lengthsByPrefix.size).toBe(expected.size);
    for (const [prefix, lengths] of lengthsByPrefix) {
      const want = [...(expected.get(prefix) ?? [])];
      if (singles.has(Math.floor(prefix / 0x10000))) want.push(1);
      expect(lengths).toEqual(want.sort((a, b) => b - a));
    }
    for (const key of map.keys()) if (key.length === 1) expect(singles.has(key.charCodeAt(0))).toBe(true);
  });
});
