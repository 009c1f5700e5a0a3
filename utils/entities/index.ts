import type { Lang } from '../text/lang';
import { recognizeEnglish } from './en';
import { recognizeJapanese } from './ja';
import { toSimplified, zhLexicon } from './lexicon';
import type { EntityType, Mention } from './types';
import { recognizeChinese } from './zh';

export type { EntityType, Mention } from './types';

export interface Entity {
  /** Canonical form: the longest native-script variant seen. */
  text: string;
  type: EntityType;
  /** Number of mentions, the title's included. */
  count: number;
  /** Other surface forms merged into this entity (short names, original-language names). */
  aliases: string[];
  /** Body mentions (the title's are reflected only in `inTitle`). */
  mentions: Array<{ paragraph: number; start: number; end: number }>;
  /** Offset of the first body mention in the paragraphs joined with one separator each. */
  firstPosition: number;
  inTitle: boolean;
}

/** Words that are never entities on their own: pronouns, generic nouns, section labels. */
const NEVER_ENTITIES = new Set(
  ['他', '她', '它', '他們', '她們', '我們', '公司', '政府', '記者', '報導', '資料來源', '核稿編輯', '廣告', '責任編輯', '編輯', '本報', '該公司', '集團', '大學', '銀行', '委員會', '协会', '同社', '政府', '会社', 'He', 'She', 'They', 'It', 'We'].flatMap((w) => [w, toSimplified(w)]),
);

/** Ranking weights: mentions dominate; an entity in the title is central to the story. */
const TITLE_BONUS = 2;
const EARLY_BONUS = 1;
/** Dates and amounts are supporting detail, ranked below named entities with the same evidence. */
const NUMERIC_TYPE_WEIGHT = 0.5;

/** Longest word in NEVER_ENTITIES: a longer mention cannot be one, so its Simplified form is not needed. */
const NEVER_MAX_CHARS = Math.max(...[...NEVER_ENTITIES].map((w) => w.length));

/**
 * `simplified` is `toSimplified(text)` when the caller already has it (Chinese text converted once
 * per article is reused by the alias pass).
 */
export function recognizeMentions(text: string, lang: Lang, simplified?: string): Mention[] {
  let mentions: Mention[];
  if (lang === 'zh-Hant' || lang === 'zh-Hans') mentions = recognizeChinese(text, simplified);
  else if (lang === 'ja') mentions = recognizeJapanese(text);
  else mentions = recognizeEnglish(text).map(stripTitle);
  // toSimplified keeps the length, so only mentions as short as a listed word need converting.
  return mentions.filter((m) => m.text.trim() !== '' && !NEVER_ENTITIES.has(m.text) && !(m.text.length <= NEVER_MAX_CHARS && NEVER_ENTITIES.has(toSimplified(m.text))));
}

/** Titles and roles are not part of a name: "Chair Thomas Whitaker" is Thomas Whitaker. */
const EN_TITLE = /^(?:(?:Chair(?:man|woman)?|President|Vice President|Prime Minister|Secretary|Minister|Governor|Gov\.|Senator|Sen\.|Representative|Rep\.|Mayor|Judge|Justice|General|Gen\.|Mr\.|Mrs\.|Ms\.|Dr\.|Prof\.|Professor|CEO|Chief Executive|Director|Commissioner|King|Queen|Prince|Princess|Pope|Sir|Dame)\s+)+/;

function stripTitle(m: Mention): Mention {
  if (m.type !== 'person') return m;
  const t = EN_TITLE.exec(m.text);
  if (!t || t[0].length >= m.text.length) return m;
  return { ...m, text: m.text.slice(t[0].length), start: m.start + t[0].length };
}

interface Occurrence extends Mention {
  paragraph: number; // -1 = title
  global: number;
}

function entityKey(text: string): string {
  return toSimplified(text).replace(/\s+/g, ' ').toLowerCase();
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

const isLatin = (s: string): boolean => /^[\x20-\x7e]+$/.test(s);

/** Recognise mentions in title and paragraphs, merge variants into entities and rank them. */
/** Keeps paragraphs apart when they are recognised in one call (a sentence and line break). */
const PARAGRAPH_SEPARATOR = '\n\n';

export function extractEntities(input: { title: string; paragraphs: string[]; lang: Lang }): Entity[] {
  const occ: Occurrence[] = [];
  const texts = [input.title, ...input.paragraphs];
  // Traditional→Simplified conversion is costly (several dictionary passes per call) and the same
  // paragraphs and mention texts come back many times below: convert each once per article.
  const simplified: Array<string | undefined> = [];
  const simplifiedText = (idx: number): string => (simplified[idx] ??= toSimplified(texts[idx] ?? ''));
  const keys = new Map<string, string>();
  const keyOf = (text: string): string => {
    let k = keys.get(text);
    if (k === undefined) {
      k = entityKey(text);
      keys.set(text, k);
    }
    return k;
  };
  const offsets: number[] = [];
  let acc = 0;
  for (const p of input.paragraphs) {
    offsets.push(acc);
    acc += p.length + 1;
  }
  const cjk = input.lang !== 'en' && input.lang !== 'other';
  if (cjk) {
    texts.forEach((t, idx) => {
      const paragraph = idx - 1;
      for (const m of recognizeMentions(t, input.lang, input.lang === 'ja' ? undefined : simplifiedText(idx))) occ.push({ ...m, paragraph, global: paragraph < 0 ? -1 : (offsets[paragraph] ?? 0) + m.start });
    });
  } else {
    // English goes through compromise, whose fixed cost per call dominates short paragraphs:
    // one call over the whole text (paragraphs kept apart by a blank line) is ~3× faster.
    for (const m of recognizeMentions(input.title, input.lang)) occ.push({ ...m, paragraph: -1, global: -1 });
    const starts: number[] = [];
    let pos = 0;
    for (const p of input.paragraphs) {
      starts.push(pos);
      pos += p.length + PARAGRAPH_SEPARATOR.length;
    }
    for (const m of recognizeMentions(input.paragraphs.join(PARAGRAPH_SEPARATOR), input.lang)) {
      let paragraph = starts.length - 1;
      while (paragraph > 0 && (starts[paragraph] ?? 0) > m.start) paragraph--;
      const start = m.start - (starts[paragraph] ?? 0);
      const end = m.end - (starts[paragraph] ?? 0);
      if (end > (input.paragraphs[paragraph]?.length ?? 0)) continue; // spans two paragraphs
      occ.push({ ...m, start, end, paragraph, global: (offsets[paragraph] ?? 0) + start });
    }
  }

  // Short forms from the alias lexicon (阿里 for 阿里巴巴) count only when the full form is present.
  if (cjk) {
    const present = new Set(occ.map((o) => keyOf(o.text)));
    for (const [short, full] of zhLexicon().aliases) {
      if (!present.has(full)) continue;
      texts.forEach((t, idx) => {
        const norm = simplifiedText(idx);
        let from = 0;
        for (;;) {
          const at = norm.indexOf(short, from);
          if (at < 0) break;
          from = at + short.length;
          if (occ.some((o) => o.paragraph === idx - 1 && o.start < at + short.length && at < o.end)) continue;
          const paragraph = idx - 1;
          occ.push({ text: t.slice(at, at + short.length), type: 'organization', start: at, end: at + short.length, paragraph, global: paragraph < 0 ? -1 : (offsets[paragraph] ?? 0) + at });
        }
      });
    }
  }

  // Family names used alone later in the text (切斯基, Chesky) are mentions of the full name.
  const surnameForms = new Set<string>();
  for (const o of occ) {
    if (o.type !== 'person') continue;
    const parts = o.text.split(/[·・•]|\s+/).filter(Boolean);
    const last = parts[parts.length - 1];
    if (parts.length >= 2 && last && last.length >= (isLatin(last) ? 3 : 2)) surnameForms.add(last);
  }
  for (const last of surnameForms) {
    const re = isLatin(last) ? new RegExp(`\\b${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g') : null;
    texts.forEach((t, idx) => {
      const paragraph = idx - 1;
      const hits = re ? [...t.matchAll(re)].map((m) => m.index ?? 0) : [...t.matchAll(new RegExp(last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => m.index ?? 0);
      for (const at of hits) {
        const end = at + last.length;
        if (occ.some((o) => o.paragraph === paragraph && o.start < end && at < o.end)) continue;
        occ.push({ text: last, type: 'person', start: at, end, paragraph, global: paragraph < 0 ? -1 : (offsets[paragraph] ?? 0) + at });
      }
    });
  }

  const uf = new UnionFind();
  const typeVotes = new Map<string, Map<EntityType, number>>();
  for (const o of occ) uf.find(keyOf(o.text));
  // Parenthesised original names: 布萊恩·切斯基（Brian Chesky）.
  const byPara = new Map<number, Occurrence[]>();
  for (const o of occ) byPara.set(o.paragraph, [...(byPara.get(o.paragraph) ?? []), o]);
  for (const [p, list] of byPara) {
    const t = texts[p + 1] ?? '';
    list.sort((a, b) => a.start - b.start);
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i] as Occurrence;
      const b = list[i + 1] as Occurrence;
      const between = t.slice(a.end, b.start);
      if ((between === '（' || between === '(' || between === ' (') && /^[)）]/.test(t.slice(b.end)) && a.type !== 'date' && a.type !== 'quantity') {
        uf.union(keyOf(a.text), keyOf(b.text));
        b.type = a.type; // the original-language name takes the type of the name it glosses
      }
    }
  }
  // Family-name aliases: the last part of 布萊恩·切斯基 or Brian Chesky refers to the same person.
  const keySet = new Set(occ.map((o) => keyOf(o.text)));
  for (const o of occ) {
    if (o.type !== 'person') continue;
    const parts = o.text.split(/[·・•]|\s+/).filter(Boolean);
    if (parts.length < 2) continue;
    const last = keyOf(parts[parts.length - 1] as string);
    if (keySet.has(last)) uf.union(keyOf(o.text), last);
  }
  // Same-type containment: a mention that is the start of a longer one of the same type (阿里 / 阿里巴巴).
  const sortedKeys = [...keySet].sort((a, b) => b.length - a.length);
  const typeOfKey = new Map<string, EntityType>();
  for (const o of occ) typeOfKey.set(keyOf(o.text), o.type);
  for (const short of sortedKeys) {
    if (short.length < 2 || typeOfKey.get(short) === 'date' || typeOfKey.get(short) === 'quantity') continue;
    const long = sortedKeys.find((k) => k.length > short.length && k.startsWith(short) && typeOfKey.get(k) === typeOfKey.get(short) && !isLatin(k) === !isLatin(short));
    if (long && (short.length >= 3 || !isLatin(short))) uf.union(long, short);
  }

  const groups = new Map<string, Occurrence[]>();
  for (const o of occ) {
    const root = uf.find(keyOf(o.text));
    groups.set(root, [...(groups.get(root) ?? []), o]);
    const votes = typeVotes.get(root) ?? new Map<EntityType, number>();
    votes.set(o.type, (votes.get(o.type) ?? 0) + 1);
    typeVotes.set(root, votes);
  }
  const total = Math.max(1, acc);
  const entities: Array<Entity & { rank: number }> = [];
  for (const [root, list] of groups) {
    const forms = [...new Set(list.map((o) => o.text))];
    // Canonical: prefer native script in CJK articles, then the longest form, then the earliest.
    const canonical = [...forms].sort((a, b) => (cjk ? Number(isLatin(a)) - Number(isLatin(b)) : 0) || b.length - a.length)[0] as string;
    const votes = [...(typeVotes.get(root) ?? new Map<EntityType, number>())].sort((a, b) => b[1] - a[1]);
    const type = votes[0]?.[0] ?? 'organization';
    const body = list.filter((o) => o.paragraph >= 0).sort((a, b) => a.global - b.global);
    const inTitle = list.some((o) => o.paragraph < 0);
    const firstPosition = body[0]?.global ?? 0;
    const rank =
      (list.length + (inTitle ? TITLE_BONUS : 0) + EARLY_BONUS * (1 - firstPosition / total)) *
      (type === 'date' || type === 'quantity' ? NUMERIC_TYPE_WEIGHT : 1);
    entities.push({
      text: canonical,
      type,
      count: list.length,
      aliases: forms.filter((f) => f !== canonical),
      mentions: body.map((o) => ({ paragraph: o.paragraph, start: o.start, end: o.end })),
      firstPosition,
      inTitle,
      rank,
    });
  }
  return entities.sort((a, b) => b.rank - a.rank || a.firstPosition - b.firstPosition).map(({ rank: _rank, ...e }) => e);
}
