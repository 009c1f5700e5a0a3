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

/** Never inside a lexicon word, and no conversion rule spans it: it keeps batched words apart. */
const BATCH_SEPARATOR = '\n';

/**
 * `texts.map(toSimplified)` in one conversion: each call of the converter runs several dictionary
 * passes with their own set-up, which made building the lexicons (~20,000 words) the slowest part
 * of the first analysis. Conversion rules never match across a line break, so converting the
 * words joined by one converts each word as on its own; any doubt (a word containing the
 * separator, a different number of pieces) falls back to one call per word.
 */
export function toSimplifiedAll(texts: readonly string[]): string[] {
  if (texts.some((t) => t.includes(BATCH_SEPARATOR))) return texts.map(toSimplified);
  const pieces = twToCn(texts.join(BATCH_SEPARATOR)).split(BATCH_SEPARATOR);
  if (pieces.length !== texts.length) return texts.map(toSimplified);
  // The same offset guard as toSimplified, word by word.
  return texts.map((t, i) => {
    const out = pieces[i] as string;
    return out.length === t.length ? out : t;
  });
}

export interface Dictionary {
  map: Map<string, EntityType>;
  maxLen: number;
  /**
   * For each two-character prefix (its two UTF-16 units as one number, see `prefixKey`), the lengths of the entries starting with it,
   * longest first, plus 1 if its first character is an entry on its own. A scan then tries only
   * lengths that can match (about one per position) instead of every length up to `maxLen`
   * (16: 中 alone starts entries of 14 different lengths).
   */
  lengthsByPrefix: Map<number, number[]>;
  /** Entries of one character, by char code. */
  singles: Set<number>;
}

/**
 * The two UTF-16 units at `at` as one number: a lookup key that needs no substring (a new string
 * per text position, hashed on every lookup, cost more than the lookups themselves).
 */
export function prefixKey(s: string, at: number): number {
  return s.charCodeAt(at) * 0x10000 + s.charCodeAt(at + 1);
}
const key0 = (prefix: number): number => Math.floor(prefix / 0x10000);

function buildDictionary(groups: Array<[EntityType, string[]]>): Dictionary {
  const map = new Map<string, EntityType>();
  let maxLen = 0;
  for (const [type, words] of groups) {
    for (const key of toSimplifiedAll(words)) {
      if (!map.has(key)) map.set(key, type);
      maxLen = Math.max(maxLen, key.length);
    }
  }
  const singles = new Set<number>();
  // Built once per page on the first analysis: plain arrays (a handful of lengths each), no sets.
  const lengthsByPrefix = new Map<number, number[]>();
  for (const key of map.keys()) {
    if (key.length === 1) {
      singles.add(key.charCodeAt(0));
      continue;
    }
    const prefix = prefixKey(key, 0);
    const lengths = lengthsByPrefix.get(prefix);
    if (!lengths) lengthsByPrefix.set(prefix, [key.length]);
    else if (!lengths.includes(key.length)) lengths.push(key.length);
  }
  for (const [prefix, lengths] of lengthsByPrefix) {
    if (singles.has(key0(prefix))) lengths.push(1);
    lengths.sort((a, b) => b - a);
  }
  return { map, maxLen, lengthsByPrefix, singles };
}

/**
 * Descriptions rather than names in the generated gazetteer's organisations (上市公司, 國立大學, 高級中學,
 * 日本公司): a generic modifier or a bare country in front of a generic institution word.
 */
const GENERIC_GAZETTEER_ORG = /^(?:上市|公立|国立|私立|民办|综合|普通|重点|高级|地方|国有|外资|合资|商业|广播|安全|国家|国际|新|航空|本地|当地|外国|各级|基层|大型|小型|跨国|民营|国营|私营|全国|中央|分|总|子|母|专业|职业|技术|师范|理工|农业|女子|男子|儿童|业余|联合|社会|军事|青年)(?:公司|大学|学校|学院|中学|小学|医院|银行|电台|部队|法院|局|部|队|社|会|党|格局|机会|集训队|乐队|协会)$|^(?:中国|美国|英国|日本|德国|法国)(?:公司|大学|学校|会)$/;
const KEEP_GAZETTEER_ORG = new Set(['社会党', '中央社', '中央大学', '国际法院', '中央银行', '日本大学']);
const isGenericGazetteerOrg = (w: string): boolean => GENERIC_GAZETTEER_ORG.test(w) && !KEEP_GAZETTEER_ORG.has(w);

let zhCache: ZhLexicon | null = null;

export interface ZhLexicon {
  dict: Dictionary;
  surnames: Set<string>;
  /** Characters common in Chinese given names (Simplified). */
  givenChars: Set<string>;
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
  const s = (xs: string[]): string[] => toSimplifiedAll(xs);
  const aliases = new Map<string, string>();
  for (const [full, shorts] of Object.entries(zhOrgs.aliases)) for (const a of shorts) aliases.set(toSimplified(a), toSimplified(full));
  const placeSet = new Set(zhGazetteer.places);
  zhCache = {
    dict: buildDictionary([
      ['person', [...zhPersons.famous, ...zhPersons.westernGiven]],
      ['organization', zhOrgs.orgs],
      ['place', [...zhPlaces.countries, ...zhPlaces.regions, ...zhPlaces.cities, ...zhPlaces.divisions]],
      // 和澳洲, 的花海: a conjunction or particle glued to a place is not part of its name.
      ['place', zhGazetteer.places.filter((w) => !(/^[和与及于的向]/.test(w) && (placeSet.has(w.slice(1)) || w.length === 3 && /^[的向于]/.test(w))))],
      ['organization', zhGazetteer.orgs.filter((w) => !isGenericGazetteerOrg(w))],
      ['person', zhGazetteer.translitNames],
    ]),
    knownNames: new Set(zhGazetteer.names),
    functionWords: new Set(zhGazetteer.functionWords),
    surnames: new Set(Array.from(toSimplified(zhPersons.surnames))),
    givenChars: new Set(Array.from(toSimplified(zhPersons.givenChars))),
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
