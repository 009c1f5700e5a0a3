import { enNumericCandidates, cjkNumericCandidates } from './numeric';
import { toSimplified, zhLexicon, type ZhLexicon } from './lexicon';
import { resolveOverlaps, type Candidate, type Mention } from './types';

/** Priorities: exact lexicon hits > composed spans > rule guesses. Length breaks ties inside a level. */
const P_LEXICON = 4;
const P_COMPOSED = 5;
const P_RULE = 3;
const P_GUESS = 2;
/** Longest modifier (in characters) accepted in front of an organisation suffix. */
const MAX_ORG_PREFIX = 8;
/** Transliterated-name runs shorter than this are too ambiguous without a cue. */
const MIN_TRANSLIT_RUN = 3;

/** Organisation suffixes; the single-character ones only count after a place or known name. */
const ORG_SUFFIXES = ['公司', '集团', '大学', '学院', '银行', '研究院', '研究所', '研究中心', '委员会', '新闻网', '电视台', '电台', '协会', '基金会', '联盟', '组织', '航空', '证券', '控股', '科技', '医院', '中学', '小学', '法院', '议会', '政府', '军', '党', '部', '署', '局', '社', '队', '报', '会', '厅', '处'];
const WEAK_ORG_SUFFIXES = new Set(['军', '党', '部', '署', '局', '社', '队', '报', '会', '厅', '处', '政府', '科技', '航空', '联盟', '组织']);
const UNKNOWN_PLACE_SUFFIXES = ['省', '市', '县', '州', '区', '镇', '乡', '村', '郡', '岛'];
/** Generic words ending in a place suffix that are not names. */
const GENERIC_PLACE_WORDS = new Set(['城市', '都市', '超市', '该市', '本市', '全市', '各市', '门市', '股市', '上市', '城乡', '全县', '该县', '本县', '各县', '各省', '全省', '该省', '本省', '外省', '地区', '社区', '园区', '市区', '郊区', '山区', '灾区', '景区', '校区', '辖区', '选区', '小区', '各州', '该州', '本州', '全州', '乡村', '农村', '城镇', '乡镇', '该岛', '本岛', '全岛', '小岛', '海岛', '半岛', '群岛', '该区', '本区', '全区', '各区', '东区', '西区', '南区', '北区', '中区', '新区', '老区', '街区', '学区', '湾区', '直辖市', '县级市', '地级市', '省会', '自治区', '特区', '自治州', '一个县', '一个市']);
/** Characters that cannot start or sit inside a name or organisation modifier (function words, verbs of saying). */
const STOP_CHARS = new Set(Array.from('的是在和与及或了于由被将为对从向到以把给等这那该其此各每也都就还又而但并且所之着过个一不没有我你他她它们说称表示指出认为'));

const LATIN_RUN = /[A-Za-z][A-Za-z0-9&.'’-]*(?:\s+[A-Z][A-Za-z0-9&.'’-]*)*/g;
const EN_FIRST_WORD_STOP = new Set(['The', 'A', 'An', 'American', 'Chinese', 'App', 'AI', 'CEO', 'New', 'Open', 'Truly', 'Models']);

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Script=Han}/u.test(ch);
}

function startsWithAny(s: string, at: number, words: string[]): string | null {
  for (const w of words) if (s.startsWith(w, at)) return w;
  return null;
}

function endsWithAny(s: string, at: number, words: string[]): string | null {
  for (const w of words) if (at - w.length >= 0 && s.startsWith(w, at - w.length)) return w;
  return null;
}

function lexiconCandidates(norm: string, lex: ZhLexicon): Candidate[] {
  const out: Candidate[] = [];
  const { map, maxLen } = lex.dict;
  for (let i = 0; i < norm.length; i++) {
    for (let len = Math.min(maxLen, norm.length - i); len >= 1; len--) {
      const w = norm.slice(i, i + len);
      const type = map.get(w);
      if (!type) continue;
      // Latin lexicon entries must be whole words ("X" inside "xAI" or "Meta" inside "Metaverse" do not count).
      if (/[A-Za-z0-9]/.test(w[0] as string) && /[A-Za-z0-9]/.test(norm[i - 1] ?? '')) continue;
      if (/[A-Za-z0-9]/.test(w[w.length - 1] as string) && /[A-Za-z0-9]/.test(norm[i + len] ?? '')) continue;
      out.push({ start: i, end: i + len, type, priority: P_LEXICON });
      // Forward maximum matching: 史丹佛大学 must not also yield 丹佛 (Denver) inside it.
      i += len - 1;
      break;
    }
  }
  return out;
}

/** 美国+白宫 → one organisation; 河南+省 → a longer place; 北京市+伊斯兰教经学院 handled by suffix rule. */
function composeCandidates(norm: string, base: Candidate[], lex: ZhLexicon): Candidate[] {
  const out: Candidate[] = [];
  const byStart = new Map<number, Candidate[]>();
  for (const c of base) byStart.set(c.start, [...(byStart.get(c.start) ?? []), c]);
  for (const c of base) {
    if (c.type !== 'place') continue;
    const suffix = startsWithAny(norm, c.end, lex.placeSuffixes);
    let placeEnd = c.end;
    if (suffix && !/^(市场|市民|市值|区域|州长|省长|市长|县长|岛上|山上|海上|湖南|海军|州立)/.test(norm.slice(c.end, c.end + 2))) {
      placeEnd = c.end + suffix.length;
      out.push({ start: c.start, end: placeEnd, type: 'place', priority: P_COMPOSED });
    }
    for (const end of new Set([c.end, placeEnd])) {
      for (const next of byStart.get(end) ?? []) {
        // Only short institutional names take a country prefix (美国白宫, 中国国民党); 中国+阿里巴巴 stays two entities.
        if (next.type === 'organization' && next.end - next.start <= 3 && !/[A-Za-z]/.test(norm[next.start] ?? '')) out.push({ start: c.start, end: next.end, type: 'organization', priority: P_COMPOSED });
      }
    }
  }
  return out;
}

function orgSuffixCandidates(norm: string, anchors: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const anchorEnds = new Map<number, Candidate>();
  for (const a of anchors) if (a.type !== 'date' && a.type !== 'quantity') anchorEnds.set(a.end, a);
  for (const suffix of ORG_SUFFIXES) {
    let from = 0;
    for (;;) {
      const at = norm.indexOf(suffix, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + suffix.length;
      // Skip suffix characters that are really the start of another word (部分, 会议, 社会, 局面 …).
      if (/^(部分|部门|部署|会议|会长|会员|会在|会有|会是|会被|会对|社会|社区|局面|局势|处理|处于|队员|队伍|报道|报告|报导|军事|党员|政府的)/.test(norm.slice(at, at + 3)) && suffix.length === 1) continue;
      const anchor = anchorEnds.get(at);
      let start = at;
      if (anchor) start = anchor.start;
      else if (!WEAK_ORG_SUFFIXES.has(suffix)) {
        // Extend left over name-like Han/Latin characters, stopping at function words and punctuation.
        while (start > 0 && at - start < MAX_ORG_PREFIX) {
          const ch = norm[start - 1] as string;
          if (STOP_CHARS.has(ch) || !(isHan(ch) || /[A-Za-z0-9·]/.test(ch))) break;
          start--;
        }
        // A prefix that itself ends at a known place/org should start there if that is closer to the suffix.
        for (const a of anchors) if (a.start >= start && a.start < at && a.end <= at && (a.type === 'place' || a.type === 'organization')) {
          start = Math.min(start, a.start);
        }
      }
      if (at - start < 2 && !anchor) continue;
      // "中国公司" / "美国大学" are descriptions, not names.
      if (anchor && anchor.type === 'place' && (suffix === '公司' || suffix === '集团')) continue;
      out.push({ start, end, type: 'organization', priority: anchor ? P_COMPOSED : P_RULE });
    }
  }
  return out;
}

function translitCandidates(norm: string, lex: ZhLexicon): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < norm.length) {
    if (!lex.translit.has(norm[i] as string)) {
      i++;
      continue;
    }
    let j = i;
    let strong = 0;
    let dots = 0;
    while (j < norm.length) {
      const ch = norm[j] as string;
      if (lex.translit.has(ch)) {
        if (lex.translitStrong.has(ch)) strong++;
        j++;
      } else if ((ch === '·' || ch === '・' || ch === '•') && lex.translit.has(norm[j + 1] ?? '')) {
        dots++;
        j++;
      } else break;
    }
    const run = norm.slice(i, j);
    const suffix = startsWithAny(norm, j, lex.placeSuffixes);
    if (dots > 0 && run.length >= 4) out.push({ start: i, end: j, type: 'person', priority: P_RULE });
    else if (run.length >= MIN_TRANSLIT_RUN && strong >= 2 && !lex.notNames.has(run)) {
      if (suffix) out.push({ start: i, end: j + suffix.length, type: 'place', priority: P_GUESS });
      else out.push({ start: i, end: j, type: 'person', priority: P_GUESS });
    }
    i = j + 1;
  }
  return out;
}

function surnameCandidates(norm: string, lex: ZhLexicon): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < norm.length; i++) {
    const compound = norm.slice(i, i + 2);
    const sLen = lex.compoundSurnames.has(compound) ? 2 : lex.surnames.has(norm[i] as string) ? 1 : 0;
    if (sLen === 0) continue;
    const titleBefore = endsWithAny(norm, i, lex.titlesBefore) !== null || /[：:]$/.test(norm.slice(Math.max(0, i - 1), i)) && /编辑|记者|撰文|摄影/.test(norm.slice(Math.max(0, i - 5), i));
    let chosen = 0;
    for (const gLen of [2, 1]) {
      const end = i + sLen + gLen;
      const given = norm.slice(i + sLen, end);
      if (given.length < gLen || !Array.from(given).every((c) => isHan(c) && !STOP_CHARS.has(c))) continue;
      if (startsWithAny(norm, end, lex.cuesAfter)) {
        chosen = gLen;
        break;
      }
    }
    if (chosen === 0 && titleBefore) {
      const g2 = norm.slice(i + sLen, i + sLen + 2);
      if (g2.length === 2 && Array.from(g2).every((c) => isHan(c) && !STOP_CHARS.has(c))) chosen = 2;
      else if (isHan(norm[i + sLen]) && !STOP_CHARS.has(norm[i + sLen] as string)) chosen = 1;
    }
    if (chosen > 0) out.push({ start: i, end: i + sLen + chosen, type: 'person', priority: P_GUESS });
  }
  return out;
}

/** Latin-script names and brands inside CJK text (Brian Chesky, Toby Walsh, Hugging Face). */
function latinCandidates(norm: string, lex: ZhLexicon): Candidate[] {
  const cueBefore = (at: number): boolean => endsWithAny(norm, at, lex.titlesBefore) !== null;
  const cueAfter = (at: number): boolean => startsWithAny(norm, at, lex.cuesAfter) !== null;
  const out: Candidate[] = [];
  for (const m of norm.matchAll(LATIN_RUN)) {
    const start = m.index ?? 0;
    const words = m[0].split(/\s+/);
    const text = m[0];
    if (lex.dict.map.has(text)) continue; // the lexicon pass already has it
    const namey = words.length >= 2 && words.length <= 3 && words.every((w) => /^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$/.test(w)) && !EN_FIRST_WORD_STOP.has(words[0] as string);
    if (namey) {
      const before = norm.slice(Math.max(0, start - 1), start);
      const after = norm.slice(start + text.length, start + text.length + 1);
      const end = start + text.length;
      // Inside parentheses after a transliterated name it is the original name (奧特曼（Sam Altman）); elsewhere a cue is needed.
      const glossOfName = (before === '（' || before === '(') && /^[）)]/.test(after) && lex.translit.has(norm[start - 2] ?? '');
      if (glossOfName || cueBefore(start) || cueAfter(end)) out.push({ start, end, type: 'person', priority: P_GUESS });
    }
  }
  return out;
}

export function recognizeChinese(text: string): Mention[] {
  const lex = zhLexicon();
  const norm = toSimplified(text);
  const lexical = lexiconCandidates(norm, lex);
  const composed = composeCandidates(norm, lexical, lex);
  const cands: Candidate[] = [
    ...cjkNumericCandidates(norm),
    ...enNumericCandidates(norm).filter((c) => c.type === 'quantity'),
    ...lexical,
    ...composed,
    ...orgSuffixCandidates(norm, [...lexical, ...composed]),
    ...translitCandidates(norm, lex),
    ...surnameCandidates(norm, lex),
    ...latinCandidates(norm, lex),
    ...unknownPlaceCandidates(norm),
  ];
  return resolveOverlaps(text, cands);
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Dictionary-segmented words ending in 省/市/县… that are not generic nouns (安阳县, 宜都市). */
function unknownPlaceCandidates(norm: string): Candidate[] {
  const out: Candidate[] = [];
  const segs = [...segmenter.segment(norm)];
  for (let k = 0; k < segs.length; k++) {
    const seg = segs[k];
    if (!seg) continue;
    const w = seg.segment;
    const next = segs[k + 1]?.segment ?? '';
    // "安阳|县" is split by the segmenter: join a name word with a following lone suffix.
    if (UNKNOWN_PLACE_SUFFIXES.includes(next) && w.length >= 2 && Array.from(w).every((c) => isHan(c) && !STOP_CHARS.has(c)) && !GENERIC_PLACE_WORDS.has(w + next)) {
      out.push({ start: seg.index, end: seg.index + w.length + next.length, type: 'place', priority: P_GUESS });
    } else if (w.length >= 3 && UNKNOWN_PLACE_SUFFIXES.includes(w[w.length - 1] as string) && !GENERIC_PLACE_WORDS.has(w) && !GENERIC_PLACE_WORDS.has(w.slice(-2))) {
      out.push({ start: seg.index, end: seg.index + w.length, type: 'place', priority: P_GUESS });
    }
  }
  return out;
}
