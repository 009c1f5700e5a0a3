import jaLex from './lexicons/ja-lexicon.json';
import { cjkNumericCandidates } from './numeric';
import { resolveOverlaps, type Candidate, type EntityType, type Mention } from './types';
import { HAN, KATAKANA, hasClass } from '../text/chars';

const P_LEXICON = 4;
const P_COMPOSED = 5;
const P_RULE = 3;
/** Kanji names are 2–4 characters (family name 1–3 + given name 0–2 in running text). */
const MAX_KANJI_NAME = 4;
const MIN_KANJI_NAME = 2;

const DICT = new Map<string, EntityType>();
for (const p of jaLex.places) DICT.set(p, 'place');
for (const o of jaLex.orgs) DICT.set(o, 'organization');
const MAX_LEN = Math.max(...[...DICT.keys()].map((k) => k.length));
const ORG_SUFFIXES = [...jaLex.orgSuffixes].sort((a, b) => b.length - a.length);
/** Organisation suffixes that are also ordinary words after a kanji modifier. */
const COMMON_NOUN_SUFFIXES = new Set(['自動車']);
const CUES_AFTER = [...jaLex.personCuesAfter].sort((a, b) => b.length - a.length);
const NOT_NAMES = new Set(jaLex.notNames);

const isKanji = (c: string | undefined): boolean => hasClass(c, HAN);
const isKatakana = (c: string | undefined): boolean => hasClass(c, KATAKANA) || c === 'ー';

function lexicon(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < text.length; i++) {
    for (let len = Math.min(MAX_LEN, text.length - i); len >= 2; len--) {
      const type = DICT.get(text.slice(i, i + len));
      if (!type) continue;
      // Katakana entries must not be part of a longer katakana word (アメリカン…).
      if (isKatakana(text[i + len]) && isKatakana(text[i + len - 1])) continue;
      out.push({ start: i, end: i + len, type, priority: P_LEXICON });
      break;
    }
  }
  return out;
}

function rules(text: string, lexical: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  // Katakana names joined by ・ (ドナルド・トランプ) are people.
  for (const m of text.matchAll(/[\p{Script=Katakana}ー]{2,}(?:[・＝][\p{Script=Katakana}ー]{2,})+/gu)) {
    out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, type: 'person', priority: P_RULE });
  }
  // 株式会社X / X株式会社 / X銀行 / X大学 / X省 …
  for (const m of text.matchAll(/株式会社[\p{Script=Katakana}ー\p{Script=Han}A-Za-z]{2,10}/gu)) {
    out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, type: 'organization', priority: P_RULE });
  }
  for (const suffix of ORG_SUFFIXES) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(suffix, from);
      if (at < 0) break;
      from = at + 1;
      const anchor = lexical.find((c) => c.end === at);
      let start = at;
      if (anchor) start = anchor.start;
      else {
        const kind = isKatakana(text[at - 1]) ? isKatakana : isKanji(text[at - 1]) ? isKanji : (c: string | undefined) => c !== undefined && /[A-Za-z0-9&]/.test(c);
        while (start > 0 && at - start < 10 && kind(text[start - 1])) start--;
      }
      const prefix = text.slice(start, at);
      if (prefix.length < 2 || NOT_NAMES.has(prefix) || (suffix.length === 1 && !anchor && !isKatakana(text[at - 1]))) continue;
      // 電気自動車, 軽自動車 are kinds of car: a common-noun suffix needs a katakana or known name.
      if (COMMON_NOUN_SUFFIXES.has(suffix) && !anchor && !isKatakana(text[at - 1])) continue;
      out.push({ start, end: at + suffix.length, type: 'organization', priority: anchor ? P_COMPOSED : P_RULE });
    }
  }
  // 岸田文雄首相 / 田中氏 / 山田さん: a kanji run right before a person cue.
  for (const cue of CUES_AFTER) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(cue, from);
      if (at < 0) break;
      from = at + 1;
      let start = at;
      const kind = isKatakana(text[at - 1]) ? isKatakana : isKanji;
      while (start > 0 && at - start < (kind === isKanji ? MAX_KANJI_NAME : 12) && kind(text[start - 1])) start--;
      const name = text.slice(start, at);
      if (name.length < MIN_KANJI_NAME || NOT_NAMES.has(name) || DICT.has(name)) continue;
      // A place or organisation just before the cue (日本首相) is not a name.
      if (lexical.some((c) => c.start <= start && c.end >= at)) continue;
      out.push({ start, end: at, type: 'person', priority: P_RULE });
    }
  }
  // Place suffixes after kanji runs: 横浜市, 港区, 箱根町.
  for (const m of text.matchAll(/\p{Script=Han}{1,4}?(?:都|道|府|県|市|区|町|村)(?![\p{Script=Han}])/gu)) {
    const s = m.index ?? 0;
    if (m[0].length >= 2 && !/^(同|各|全|当|本|都市|地区|市町村)/.test(m[0])) out.push({ start: s, end: s + m[0].length, type: 'place', priority: P_RULE - 1 });
  }
  return out;
}

export function recognizeJapanese(text: string): Mention[] {
  const lexical = lexicon(text);
  return resolveOverlaps(text, [...cjkNumericCandidates(text), ...lexical, ...rules(text, lexical)]);
}
