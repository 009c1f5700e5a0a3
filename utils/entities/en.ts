import { englishTagger, type Nlp } from './tagger';
import enLex from './lexicons/en-lexicon.json';
import { enNumericCandidates } from './numeric';
import { resolveOverlaps, type Candidate, type EntityType, type Mention } from './types';

const P_LEXICON = 4;
const P_RULE = 3;
const P_MODEL = 2;
/** Longest gazetteer entry in words; bounds the lookup window. */
const MAX_LEX_WORDS = 5;

const LEX = new Map<string, EntityType>();
for (const p of enLex.places) LEX.set(p, 'place');
for (const o of enLex.orgs) LEX.set(o, 'organization');
for (const n of enLex.persons) if (!LEX.has(n)) LEX.set(n, 'person');
const ORG_SUFFIX = new Set(enLex.orgSuffixes);
const PLACE_SUFFIX = new Set(enLex.placeSuffixes);
const TITLES = new Set(enLex.titles.map((t) => t.replace(/\.$/, '')));
const NOT_ENTITIES = new Set(enLex.notEntities);
/** Lower-case forms of unambiguous gazetteer places ("malaysia", "auckland"): web text is often written without capitals. */
const AMBIGUOUS_LOWER = new Set(['china', 'turkey', 'chad', 'jordan', 'georgia', 'guinea', 'niger', 'gulf', 'pacific', 'atlantic', 'target', 'reading', 'nice', 'mobile', 'phoenix', 'holland', 'delta', 'queens', 'austin', 'florence', 'victoria', 'virginia', 'washington', 'split', 'bath', 'orange', 'union', 'independence', 'marion', 'lincoln', 'jackson', 'madison', 'columbia', 'liberty', 'eugene', 'mesa', 'hamilton', 'charlotte', 'aurora', 'paris', 'sydney', 'lafayette', 'kent', 'york', 'ontario', 'buffalo', 'ely', 'wales', 'male', 'bar', 'sale', 'bury', 'deal', 'march', 'of', 'the', 'pony', 'cork', 'mold', 'batman', 'university', 'champagne', 'sparta', 'athens', 'troy', 'lansing', 'normal', 'hope', 'wiki', 'chihuahua', 'downtown', 'midtown', 'uptown', 'asia', 'darwin', 'richmond', 'columbus', 'providence', 'savannah', 'durham', 'lexington', 'trinidad', 'jersey', 'china town', 'bristol', 'chester', 'dover', 'camden', 'salem', 'concord', 'frankfort', 'mobile']);
/** Lower-case gazetteer places from our own lexicon; compromise's are added when it loads. */
const OWN_LOWER_PLACES = new Map<string, EntityType>();
for (const p of enLex.places) if (p.length >= 4 && !AMBIGUOUS_LOWER.has(p.toLowerCase()) && !/\./.test(p)) OWN_LOWER_PLACES.set(p.toLowerCase(), 'place');

/** What this module takes from compromise, made the first time English text is read. */
interface FromTagger {
  nlp: Nlp;
  lowerPlaces: Map<string, EntityType>;
  /** compromise's word list: an all-caps common word ("FREE", "VERY", "TEXT") is emphasis, not an acronym. */
  commonWords: Record<string, string | undefined>;
}
let fromTagger: FromTagger | null = null;

function tagger(): FromTagger {
  if (fromTagger) return fromTagger;
  const nlp = englishTagger();
  // compromise's last hook, 'chunks', groups terms into noun and verb chunks for the `<Noun>`
  // match syntax; people(), organizations() and places() match tags only and never read chunks,
  // so computing them was ~8% of every call spent on nothing. (compromise is used by this module alone.)
  const world = (nlp as unknown as { world: () => { hooks: string[] } }).world();
  world.hooks = world.hooks.filter((h) => h !== 'chunks');
  const lexicon = (nlp as unknown as { model: () => { one: { lexicon: Record<string, string> } } }).model().one.lexicon;
  const lowerPlaces = new Map(OWN_LOWER_PLACES);
  // compromise ships a world gazetteer (cities, countries, regions): usable in any letter case.
  for (const [w, tag] of Object.entries(lexicon)) {
    if (!/^(City|Country|Region,ProperNoun|Place,ProperNoun)$/.test(tag) || w.length < 4 || AMBIGUOUS_LOWER.has(w) || LEX.has(w)) continue;
    lowerPlaces.set(w, 'place');
  }
  return (fromTagger = { nlp, lowerPlaces, commonWords: lexicon });
}
/** Postal abbreviations that stand for places in web text (NY, SF, DC). */
const PLACE_ABBREVIATIONS = new Set(['NY', 'NYC', 'NJ', 'CA', 'TX', 'FL', 'SF', 'DC', 'LA', 'MA', 'PA', 'WA', 'VA', 'NC', 'SC', 'GA', 'OH', 'MI', 'IL', 'AZ', 'CO', 'MD', 'MN', 'OR', 'KS', 'MO', 'TN', 'NV', 'CT', 'UT', 'BC', 'UK', 'USA', 'US', 'UAE', 'EU']);
function isCommonWord(w: string): boolean {
  const tag = tagger().commonWords[w.toLowerCase()];
  return tag !== undefined && !/Organization|Country|City|Place|Region|Acronym|Person|Name/.test(tag);
}
const PLACE_HEADS = new Set(['Gulf', 'Bay', 'Lake', 'Mount', 'Cape', 'Isle', 'Isles', 'Strait', 'Straits', 'Sea', 'Port', 'Fort', 'Gulf', 'Republic', 'Kingdom', 'Province', 'State', 'City', 'County', 'Island', 'Islands', 'Valley', 'Bay']);
const COMPASS = new Set(['North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Upper', 'Lower', 'Greater']);
const CONNECTORS = new Set(['of', 'and', '&', 'for', 'the', 'de', 'du', 'von', 'van', 'la', 'le']);

interface Tok {
  text: string;
  start: number;
  end: number;
}

function tokenize(text: string): Tok[] {
  return [...text.matchAll(/[A-Za-z0-9][A-Za-z0-9'’&-]*\.?(?:[A-Za-z]\.)*|[^\sA-Za-z0-9]/g)].map((m) => ({
    text: m[0],
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

const isCap = (w: string): boolean => /^[A-Z][A-Za-z0-9'’&.-]*$/.test(w) && !NOT_ENTITIES.has(w.replace(/\.$/, ''));

function lexiconCandidates(toks: Tok[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < toks.length; i++) {
    for (let n = Math.min(MAX_LEX_WORDS, toks.length - i); n >= 1; n--) {
      const first = toks[i] as Tok;
      const last = toks[i + n - 1] as Tok;
      let span = text.slice(first.start, last.end);
      let type = LEX.get(span);
      if (!type && span.endsWith('.')) {
        span = span.slice(0, -1);
        type = LEX.get(span);
      }
      if (!type && (span === span.toLowerCase() || /^[A-Z][a-z]+(?: [A-Z][a-z]+)*$/.test(span))) type = tagger().lowerPlaces.get(span.toLowerCase());
      if (!type) continue;
      out.push({ start: first.start, end: first.start + span.length, type, priority: P_LEXICON });
      break;
    }
  }
  return out;
}

/** Capitalised sequences: "Acme Widget Corp." → organisation, "Mr. John Smith" → person, "Elm Street" → place. */
function capitalisedRuns(toks: Tok[], text: string): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i] as Tok;
    if (!isCap(t.text)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < toks.length) {
      const w = (toks[j] as Tok).text;
      if (isCap(w)) j++;
      else if (CONNECTORS.has(w) && j + 1 < toks.length && isCap((toks[j + 1] as Tok).text) && w !== 'the') j += 2;
      else break;
    }
    const words = toks.slice(i, j).map((x) => x.text.replace(/\.$/, ''));
    const lastWord = words[words.length - 1] as string;
    const sentenceStart = i === 0 || /^[.!?"“]$/.test(toks[i - 1]?.text ?? '');
    if (TITLES.has(words[0] as string) && words.length >= 2 && !ORG_SUFFIX.has(lastWord)) {
      // Title names a person who follows; the title itself is not part of the name.
      let k = i + 1;
      while (k < j && TITLES.has((toks[k] as Tok).text.replace(/\.$/, ''))) k++;
      if (k < j) out.push({ start: (toks[k] as Tok).start, end: (toks[j - 1] as Tok).end, type: 'person', priority: P_RULE });
    } else if (ORG_SUFFIX.has(lastWord) && words.length >= 2) {
      // "Enron Broadband Services, Inc." — a comma-separated legal suffix belongs to the name.
      let end = (toks[j - 1] as Tok).end;
      const legal = /^,\s*(?:Inc\.|Inc|Corp\.|Corp|Ltd\.|Ltd|LLC|L\.L\.C\.|Co\.|plc|PLC)/.exec(text.slice(end));
      if (legal) end += legal[0].length;
      const containsKnown = words.some((w) => LEX.get(w) === 'organization');
      out.push({ start: t.start, end, type: 'organization', priority: containsKnown ? P_LEXICON + 1 : P_RULE });
    } else if (PLACE_SUFFIX.has(lastWord) && words.length >= 2) {
      out.push({ start: t.start, end: (toks[j - 1] as Tok).end, type: 'place', priority: P_RULE });
    } else if (words.length >= 3 && PLACE_HEADS.has(words[0] as string) && words[1] === 'of' && !ORG_SUFFIX.has(lastWord)) {
      out.push({ start: t.start, end: (toks[j - 1] as Tok).end, type: 'place', priority: P_RULE });
    } else if (words.length >= 2 && COMPASS.has(words[0] as string) && LEX.get(words.slice(1).join(' ')) === 'place') {
      out.push({ start: t.start, end: (toks[j - 1] as Tok).end, type: 'place', priority: P_LEXICON + 1 });
    } else if (words[0] === 'University' || words[0] === 'Bank' || words[0] === 'Department' || words[0] === 'Ministry') {
      if (words.length >= 3) out.push({ start: t.start, end: (toks[j - 1] as Tok).end, type: 'organization', priority: P_RULE });
    } else if (words.length === 1 && PLACE_ABBREVIATIONS.has(lastWord)) {
      out.push({ start: t.start, end: t.end, type: 'place', priority: P_RULE });
    } else if (!sentenceStart && words.length === 1 && /^[A-Z]{3,5}$/.test(lastWord) && !/^[IVXLC]+$/.test(lastWord) && !NOT_ENTITIES.has(lastWord) && !isCommonWord(lastWord)) {
      out.push({ start: t.start, end: t.end, type: 'organization', priority: P_MODEL - 1 });
    }
    i = j;
  }
  return out;
}

interface CompromiseOffset {
  text: string;
  offset: { start: number; length: number };
}

function compromiseCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const doc = tagger().nlp(text);
  const add = (list: CompromiseOffset[], type: EntityType): void => {
    for (const m of list) {
      let start = m.offset.start;
      let span = text.slice(start, start + m.offset.length);
      // Drop leading titles and trailing possessives/punctuation: the gold spans are bare names.
      const lead = /^(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|St|Rev)\.?\s+|(?:President|Senator|Governor|Mayor|Judge|General|Captain|Officer|Detective|Minister|Secretary|King|Queen|Prince|Princess|Pope|Coach|Chairman|Professor|Sir|Lady|Lord|Member|Councilmember|Councilman|Councilwoman|Commissioner)\s+)+/.exec(span);
      if (lead && type === 'person') {
        start += lead[0].length;
        span = span.slice(lead[0].length);
      }
      // (A dateline's dash too: "SINGAPORE — Residents …".)
      span = span.replace(/(?:['’]s|['’])$/, '').replace(/[\s.,;:!?"')\]\-–—]+$/, '');
      if (!span || !/[A-Z]/.test(span[0] ?? '') || NOT_ENTITIES.has(span) || TITLES.has(span)) continue;
      out.push({ start, end: start + span.length, type, priority: P_MODEL });
    }
  };
  add(doc.people().out('offset') as CompromiseOffset[], 'person');
  add(doc.organizations().out('offset') as CompromiseOffset[], 'organization');
  add(doc.places().out('offset') as CompromiseOffset[], 'place');
  return out;
}

/** Drop name spans that cannot be names: lower-case words, a bare suffix ("Inc", "Bank"), shouted all-caps words. */
function plausibleName(m: Candidate, text: string): boolean {
  const span = text.slice(m.start, m.end);
  if (LEX.has(span) || (m.priority === P_LEXICON && tagger().lowerPlaces.has(span.toLowerCase()))) return true;
  if (!/^[A-Z0-9]/.test(span) || NOT_ENTITIES.has(span)) return false;
  // "Bush administration", "the group": a lower-case head noun makes it a description, not a name.
  if (/\s[a-z][a-z]*$/.test(span)) return false;
  if (m.type === 'person' && /^(?:Hurricane|Tropical|Storm|Typhoon|Cyclone)\b/.test(span)) return false;
  const bare = span.replace(/\.$/, '');
  if (ORG_SUFFIX.has(bare) || PLACE_SUFFIX.has(bare) || TITLES.has(bare)) return false;
  // All-caps words in shouted text ("FREE", "VERY") are emphasis, not acronyms.
  if (/^[A-Z]{2,}\.?$/.test(span) && /[A-Z]{3,}\s+[A-Z]{3,}/.test(text)) return false;
  if (/^[A-Z]{2,}$/.test(span) && isCommonWord(span) && !LEX.has(span) && !PLACE_ABBREVIATIONS.has(span)) return false;
  return true;
}

/** A trailing sentence period is not part of a name, except in abbreviations (Inc., Corp., U.S.). */
function trimPeriod(m: Candidate, text: string): Candidate {
  const span = text.slice(m.start, m.end);
  if (span.endsWith('.') && !/(?:\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St)|\b(?:[A-Z]\.)+[A-Z])\.$/.test(span)) return { ...m, end: m.end - 1 };
  return m;
}

/** Throws EnglishTaggerNeeded while compromise is not loaded (see ./tagger). */
export function recognizeEnglish(text: string): Mention[] {
  tagger();
  const toks = tokenize(text);
  const names = [...lexiconCandidates(toks, text), ...capitalisedRuns(toks, text), ...compromiseCandidates(text)]
    .map((c) => trimPeriod(c, text))
    .filter((c) => plausibleName(c, text));
  return resolveOverlaps(text, [...enNumericCandidates(text), ...names]);
}
