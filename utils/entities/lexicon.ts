import * as OpenCC from 'opencc-js/t2cn';
import zhPlaces from './lexicons/zh-places.json';
import zhOrgs from './lexicons/zh-orgs.json';
import zhPersons from './lexicons/zh-persons.json';
import zhTranslit from './lexicons/zh-translit.json';
import zhGazetteer from './lexicons/zh-gazetteer.json';
import type { EntityType } from './types';

/**
 * Character-level Traditional→Simplified conversion ('tw' → 'cn' maps single characters only),
 * so the output has the same length and offsets map back one to one.
 */
const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });

export function toSimplified(text: string): string {
  const out = twToCn(text);
  // Guard the offset contract: if a conversion ever changed the length, match on the original instead.
  return out.length === text.length ? out : text;
}

export interface Dictionary {
  map: Map<string, EntityType>;
  maxLen: number;
}

function buildDictionary(groups: Array<[EntityType, string[]]>): Dictionary {
  const map = new Map<string, EntityType>();
  let maxLen = 0;
  for (const [type, words] of groups) {
    for (const w of words) {
      const key = toSimplified(w);
      if (!map.has(key)) map.set(key, type);
      maxLen = Math.max(maxLen, key.length);
    }
  }
  return { map, maxLen };
}

let zhCache: ZhLexicon | null = null;

export interface ZhLexicon {
  dict: Dictionary;
  surnames: Set<string>;
  compoundSurnames: Set<string>;
  /** Common Japanese family names written in kanji (宮崎, 豐臣), Simplified. */
  japaneseSurnames: Set<string>;
  titlesBefore: string[];
  cuesAfter: string[];
  translit: Set<string>;
  translitStrong: Set<string>;
  placeSuffixes: string[];
  notNames: Set<string>;
  /** Native Chinese full names (surname + given name) from a general dictionary; Simplified. */
  knownNames: Set<string>;
  /** Frequent verbs, adverbs, prepositions and time words (Simplified): never part of a name. */
  functionWords: Set<string>;
  /** short form → full form (both Simplified) */
  aliases: Map<string, string>;
}

/** Chinese lexicons, normalised to Simplified once on first use. */
export function zhLexicon(): ZhLexicon {
  if (zhCache) return zhCache;
  const s = (xs: string[]): string[] => xs.map(toSimplified);
  const aliases = new Map<string, string>();
  for (const [full, shorts] of Object.entries(zhOrgs.aliases)) for (const a of shorts) aliases.set(toSimplified(a), toSimplified(full));
  zhCache = {
    dict: buildDictionary([
      ['person', [...zhPersons.famous, ...zhPersons.westernGiven]],
      ['organization', zhOrgs.orgs],
      ['place', [...zhPlaces.countries, ...zhPlaces.regions, ...zhPlaces.cities, ...zhPlaces.divisions]],
      ['place', zhGazetteer.places],
      ['organization', zhGazetteer.orgs],
      ['person', zhGazetteer.translitNames],
    ]),
    knownNames: new Set(zhGazetteer.names),
    functionWords: new Set(zhGazetteer.functionWords),
    surnames: new Set(Array.from(toSimplified(zhPersons.surnames))),
    compoundSurnames: new Set(s(zhPersons.compoundSurnames)),
    japaneseSurnames: new Set(s(zhPersons.japaneseSurnames)),
    titlesBefore: s(zhPersons.titlesBefore).sort((a, b) => b.length - a.length),
    cuesAfter: s(zhPersons.cuesAfter).sort((a, b) => b.length - a.length),
    translit: new Set(Array.from(toSimplified(zhTranslit.chars))),
    translitStrong: new Set(Array.from(toSimplified(zhTranslit.strong))),
    placeSuffixes: s(zhTranslit.placeSuffixes).sort((a, b) => b.length - a.length),
    notNames: new Set(s(zhTranslit.notNames)),
    aliases,
  };
  return zhCache;
}
