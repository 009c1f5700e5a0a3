import { enQuantityCandidates, cjkNumericCandidates } from './numeric';
import { prefixKey, toSimplified, zhLexicon, type ZhLexicon } from './lexicon';
import { resolveOverlaps, type Candidate, type Mention } from './types';
import { HAN, hasClass } from '../text/chars';

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
const ORG_SUFFIXES = ['国家队', '代表队', '足球队', '篮球队', '有限公司', '股份有限公司', '分校', '师团', '兵团', '军团', '舰队', '乐团', '剧团', '合唱团', '俱乐部', '足球会', '球会', '学校', '学会', '联合会', '理事会', '商会', '工会', '教会', '出版社', '通讯社', '日报', '晚报', '时报', '杂志', '公司', '集团', '大学', '学院', '银行', '研究院', '研究所', '研究中心', '委员会', '新闻网', '电视台', '电台', '协会', '基金会', '联盟', '组织', '航空', '证券', '控股', '科技', '医院', '中学', '小学', '法院', '议会', '政府', '军', '党', '部', '署', '局', '社', '队', '报', '会', '厅', '处'];
/** Descriptive modifiers that make "X大學/X電視台" a description rather than a name. */
const GENERIC_ORG_PREFIX = /^(?:原|前|该|这|那|各|每|本|其|一所|一家|一个|一间|间|家|所|多间|多个|现代)?(?:本地|当地|公交|现代|综合性|外地|跨国|高级|初级|私立|公立|国立|省立|市立|县立|省级|市级|县级|地方|广播|安全|航空|保险|国际|全国|大型|小型|著名|知名|主要|其他|所有|多家|多所|新|老|女子|男子|师范|职业|技术|综合|综合性|商业|民营|国营|国有|外资|合资|私营|上市|母|子|分|总)$/;
const WEAK_ORG_SUFFIXES = new Set(['国家队', '代表队', '教会', '商会', '工会', '军', '党', '部', '署', '局', '社', '队', '报', '会', '厅', '处', '政府', '科技', '航空', '联盟', '组织']);
const UNKNOWN_PLACE_SUFFIXES = ['省', '市', '县', '州', '区', '镇', '乡', '村', '郡', '岛'];
/** Generic words ending in a place suffix that are not names. */
const GENERIC_PLACE_WORDS = new Set(['农业区', '工业区', '商业区', '住宅区', '风景区', '保护区', '开发区', '试验区', '新市镇', '半山区', '城市', '都市', '超市', '该市', '本市', '全市', '各市', '门市', '股市', '上市', '城乡', '全县', '该县', '本县', '各县', '各省', '全省', '该省', '本省', '外省', '地区', '社区', '园区', '市区', '郊区', '山区', '灾区', '景区', '校区', '辖区', '选区', '小区', '各州', '该州', '本州', '全州', '乡村', '农村', '城镇', '乡镇', '该岛', '本岛', '全岛', '小岛', '海岛', '半岛', '群岛', '该区', '本区', '全区', '各区', '东区', '西区', '南区', '北区', '中区', '新区', '老区', '街区', '学区', '湾区', '直辖市', '县级市', '地级市', '省会', '自治区', '特区', '自治州', '一个县', '一个市']);
/** Characters that cannot start or sit inside a name or organisation modifier (function words, verbs of saying). */
const STOP_CHARS = new Set(Array.from('的是在和与及或了于由被将为对从向到以把给等这那该其此各每也都就还又而但并且所之着过个一不没有我你他她它们说称表示指出认为'));

const LATIN_RUN = /[A-Za-z][A-Za-z0-9&.'’-]*(?:\s+[A-Z][A-Za-z0-9&.'’-]*)*/g;
const EN_FIRST_WORD_STOP = new Set(['The', 'A', 'An', 'American', 'Chinese', 'App', 'AI', 'CEO', 'New', 'Open', 'Truly', 'Models']);

function isHan(ch: string | undefined): boolean {
  return hasClass(ch, HAN);
}

/** Words grouped by the code of their first UTF-16 unit (no one-character string per lookup). */
function byFirstCode(words: readonly string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const w of words) {
    const first = w.charCodeAt(0);
    const group = out.get(first);
    if (group) group.push(w);
    else out.set(first, [w]);
  }
  return out;
}

const firstCodeSets = new WeakMap<ReadonlySet<string>, Set<number>>();
/** First UTF-16 units of a lexicon set's words: positions starting with any other need no lookup. */
function firstCodesOf(words: ReadonlySet<string>): Set<number> {
  let out = firstCodeSets.get(words);
  if (!out) {
    out = new Set<number>();
    for (const w of words) if (w) out.add(w.charCodeAt(0));
    firstCodeSets.set(words, out);
  }
  return out;
}

/** Words grouped by the code of their last UTF-16 unit, each group in the original order. */
function byLastCode(words: readonly string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const w of words) {
    const last = w.charCodeAt(w.length - 1);
    const group = out.get(last);
    if (group) group.push(w);
    else out.set(last, [w]);
  }
  return out;
}

/**
 * Title, cue and suffix lists are asked at most positions of every paragraph; grouping them once by
 * first (or last) character replaces a scan of the whole list with a scan of a handful of words.
 * The lists are the lexicon's own, built once, so the groups are kept with them.
 */
const firstCharGroups = new WeakMap<readonly string[], Map<number, string[]>>();
const lastCharGroups = new WeakMap<readonly string[], Map<number, string[]>>();

/** The first word of `words` (in list order) that occurs at `at`. */
function startsWithAny(s: string, at: number, words: readonly string[]): string | null {
  let groups = firstCharGroups.get(words);
  if (!groups) firstCharGroups.set(words, (groups = byFirstCode(words)));
  const group = groups.get(s.charCodeAt(at));
  if (group) for (const w of group) if (s.startsWith(w, at)) return w;
  return null;
}

/** The first word of `words` (in list order) that ends right before `at`. */
function endsWithAny(s: string, at: number, words: readonly string[]): string | null {
  let groups = lastCharGroups.get(words);
  if (!groups) lastCharGroups.set(words, (groups = byLastCode(words)));
  const group = groups.get(s.charCodeAt(at - 1));
  if (group) for (const w of group) if (at - w.length >= 0 && s.startsWith(w, at - w.length)) return w;
  return null;
}

const SINGLE_CHAR: readonly number[] = [1];

function lexiconCandidates(norm: string, lex: ZhLexicon): Candidate[] {
  const out: Candidate[] = [];
  const { map, lengthsByPrefix, singles } = lex.dict;
  for (let i = 0; i < norm.length; i++) {
    const lengths = (i + 1 < norm.length ? lengthsByPrefix.get(prefixKey(norm, i)) : undefined) ?? (singles.has(norm.charCodeAt(i)) ? SINGLE_CHAR : undefined);
    if (!lengths) continue;
    for (const len of lengths) {
      if (len > norm.length - i) continue;
      const w = norm.slice(i, i + len);
      const type = map.get(w);
      if (!type) continue;
      // Latin lexicon entries must be whole words ("X" inside "xAI" or "Meta" inside "Metaverse" do not count).
      if (/[A-Za-z0-9]/.test(w[0] as string) && /[A-Za-z0-9]/.test(norm[i - 1] ?? '')) continue;
      if (/[A-Za-z0-9]/.test(w[w.length - 1] as string) && /[A-Za-z0-9]/.test(norm[i + len] ?? '')) continue;
      // 外交部|長, 教育局|長: a ministry followed by 長 is a title, not the organisation.
      if (type === 'organization' && /[部局院会署厅处委]$/.test(w) && norm[i + len] === '长' && !/[江城安春沙期久远]/.test(norm[i + len + 1] ?? '')) {
        i += len;
        break;
      }
      out.push({ start: i, end: i + len, type, priority: P_LEXICON });
      // Forward maximum matching: 史丹佛大学 must not also yield 丹佛 (Denver) inside it.
      i += len - 1;
      break;
    }
  }
  return out;
}

/** 美国+白宫 → one organisation; 河南+省 → a longer place; 北京市+伊斯兰教经学院 handled by suffix rule. */
function composeCandidates(norm: string, base: Candidate[], lex: ZhLexicon, segEndAt: number[]): Candidate[] {
  const out: Candidate[] = [];
  const byStart = new Map<number, Candidate[]>();
  for (const c of base) byStart.set(c.start, [...(byStart.get(c.start) ?? []), c]);
  for (const c of base) {
    if (c.type !== 'place') continue;
    const suffix = startsWithAny(norm, c.end, lex.placeSuffixes);
    let placeEnd = c.end;
    // The suffix must not begin a longer word (山地, 海域, 河东区): segEndAt gives the end of the word holding a position.
    const segEnd = segEndAt[c.end];
    // 天津市|河東區: the suffix character begins the next place's name.
    const startsPlace = suffix !== null && suffix.length === 1 && segEnd === c.end + 1 && PLACE_UNIT_CHARS.has(norm[(segEndAt[c.end + 1] ?? 0) - 1] ?? '') && (segEndAt[c.end + 1] ?? 0) - c.end <= 3;
    const runsOn = suffix !== null && (startsPlace || segEnd !== undefined && segEnd > c.end + suffix.length && !/^[上下中内旁边]/.test(norm.slice(c.end + suffix.length)));
    const stacked = suffix !== null && /[江河湖海山岛]$/.test(norm.slice(c.start, c.end)) && /^[江河湖海山岛]/.test(suffix);
    if (suffix && !runsOn && !stacked && !/^(市场|市民|市值|市区|市郊|县城|区域|州长|省长|市长|县长|岛上|山上|海上|湖南|海军|州立)/.test(norm.slice(c.end, c.end + 2))) {
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

/** A segment that ends an organisation's modifier on the left: verbs and adverbs (曾任, 進入, 劃入, 試圖|做, 原). */
const ORG_PREFIX_STOP_SEG = /^(?:[任做原料曾现兼升调改并或称叫当念读考入进到往回转让使令用起]|.+[入到进回完往至于任成为给向起])$/;
const ORG_PREFIX_STOP_WORDS = new Set(['到达', '位于', '经过', '前往', '进入', '通过', '成为', '作为', '称为', '名为', '叫做', '建于', '建立', '兴建', '建造', '重回', '返回', '来到', '回到', '抵达', '离开', '包括', '以及', '其中', '这个', '那个', '一个', '当时', '目前', '现在', '今天', '开设', '创办', '创立', '成立', '设立', '组建', '加盟', '效力', '就读', '毕业', '试图', '初期', '中期', '后期', '末期', '年代', '时期', '期间', '以后', '之后', '以前', '之前', '同时', '后来', '当年', '同年']);

/** Left boundary of an organisation modifier found by character extension, realigned to whole segments. */
function alignOrgPrefix(norm: string, segs: Seg[], start: number, at: number): number {
  let s = start;
  for (let k = segs.length - 1; k >= 0; k--) {
    const sg = segs[k] as Seg;
    if (sg.start >= at) continue;
    if (sg.end <= s) break;
    // A segment cut by the extension limit (再|度進入) is not part of the name.
    if (sg.start < s) return Math.min(sg.end, at);
    const w = norm.slice(sg.start, Math.min(sg.end, at));
    if (sg.end <= at && (ORG_PREFIX_STOP_SEG.test(w) || ORG_PREFIX_STOP_WORDS.has(w))) return sg.end;
  }
  return s;
}

function orgSuffixCandidates(norm: string, anchors: Candidate[], segs: Seg[], segEndAt: number[]): Candidate[] {
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
      if (/^(部分|部门|部署|会议|会面|会见|会谈|会晤|会合|会同|会上|会后|会中|会场|会长|会员|会在|会有|会是|会被|会对|社会|社区|局面|局势|处理|处于|队员|队伍|报道|报告|报导|报纸|报刊|报社|军事|军舰|军人|军官|军方|军机|军港|军营|军费|党员|政府的)/.test(norm.slice(at, at + 3)) && suffix.length === 1) continue;
      // 大學士, 公司法: the suffix runs on into a longer word.
      if (suffix.length >= 2 && (segEndAt[end - 1] ?? end) > end) continue;
      const anchor = anchorEnds.get(at);
      let start = at;
      if (anchor) {
        start = anchor.start;
        // 威廉+瑪麗+學院: a chain of names in front of the suffix all belong to it.
        for (let prev = anchorEnds.get(start); prev && prev.type !== 'organization' && prev.start < start; prev = anchorEnds.get(start)) start = prev.start;
      } else if (!WEAK_ORG_SUFFIXES.has(suffix)) {
        // Extend left over name-like Han/Latin characters, stopping at function words and punctuation.
        while (start > 0 && at - start < MAX_ORG_PREFIX) {
          const ch = norm[start - 1] as string;
          if (STOP_CHARS.has(ch) || !(isHan(ch) || /[A-Za-z0-9·]/.test(ch))) break;
          start--;
        }
        start = alignOrgPrefix(norm, segs, start, at);
      }
      if (at - start < 2 && !anchor) continue;
      if (!anchor && GENERIC_ORG_PREFIX.test(norm.slice(start, at))) continue;
      // "中国公司" / "美国大学" are descriptions, not names.
      if (anchor && anchor.type === 'place' && /^(公司|集团|学校|球会|球队)$/.test(suffix)) continue;
      const containsLexical = anchors.some((a) => a.start >= start && a.end <= at && (a.type === 'place' || a.type === 'person'));
      out.push({ start, end, type: 'organization', priority: anchor || containsLexical ? P_COMPOSED : P_RULE });
    }
  }
  return out;
}

const runSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/** End of the dictionary word that starts at `i` (a two-character transliteration that is a known word, like 安全, is not a name). */
function segEndAtRun(norm: string, i: number): number {
  const seg = [...runSegmenter.segment(norm.slice(i, i + 4))][0];
  return i + (seg?.segment.length ?? 1);
}

function translitCandidates(norm: string, lex: ZhLexicon, lexical: Candidate[], segEndAt: number[]): Candidate[] {
  const out: Candidate[] = [];
  const placeEnds = new Set(lexical.filter((c) => c.type === 'place').map((c) => c.end));
  // The transliteration characters are single code units: test codes, no string per position.
  const translitFirst = firstCodesOf(lex.translit);
  let i = 0;
  while (i < norm.length) {
    if (!translitFirst.has(norm.charCodeAt(i)) || !lex.translit.has(norm[i] as string)) {
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
      } else if ((ch === '·' || ch === '・' || ch === '•' || ch === '-') && lex.translit.has(norm[j + 1] ?? '') && j > i) {
        dots++;
        j++;
      } else break;
    }
    // 依賴|阿里: a character that ends the previous word is not the start of a name.
    while (i < j && i > 0 && (segEndAt[i - 1] ?? i) > i && (segEndAt[i - 1] ?? i) <= j && !/[·・•-]/.test(norm[i] ?? '')) i++;
    if (j - i < 2) {
      i = j + 1;
      continue;
    }
    const run = norm.slice(i, j);
    // 埃姆登號, 奇爾沙治號: a ship, not a person.
    if (norm[j] === '号' && dots === 0) {
      i = j + 1;
      continue;
    }
    const suffix = startsWithAny(norm, j, lex.placeSuffixes);
    const placeContext = placeEnds.has(i) || PLACE_CONTEXT_AFTER.test(norm.slice(j, j + 20)) || PLACE_CONTEXT_BEFORE.test(norm.slice(Math.max(0, i - 4), i));
    const personContext = PERSON_VERB_AFTER.test(norm.slice(j, j + 3)) || endsWithAny(norm, i, lex.titlesBefore) !== null;
    const clubContext = CLUB_CONTEXT_BEFORE.test(norm.slice(Math.max(0, i - 6), i));
    if (clubContext && dots === 0 && run.length >= 3) {
      out.push({ start: i, end: j, type: 'organization', priority: P_RULE });
      i = j + 1;
      continue;
    }
    if (run.length >= 3 && /[海河湖山岛港堡城]$/.test(run) && dots === 0 && !personContext) {
      out.push({ start: i, end: j, type: 'place', priority: P_GUESS });
      i = j + 1;
      continue;
    }
    if (dots > 0 && run.length >= 4) {
      const hyphen = run.includes('-');
      // 以色列·普特南, 田納西·威廉斯: the first part may start with characters outside the transliteration set.
      const firstPart = run.split(/[·・•-]/)[0] ?? '';
      let k = lexical.find((c) => c.start < i && c.end >= i && c.end <= i + firstPart.length && c.type === 'place')?.start ?? i;
      if (k < i && !hyphen) {
        out.push({ start: k, end: j, type: 'person', priority: P_COMPOSED + 1 });
        i = j + 1;
        continue;
      }
      if (hyphen && suffix) out.push({ start: i, end: j + suffix.length, type: 'place', priority: P_COMPOSED + 1 });
      else if (!hyphen) out.push({ start: i, end: j, type: 'person', priority: P_COMPOSED + 1 });
    } else if (run.length === 2 && (strong >= 1 || /^(说|表示|指出|认为|写道)/.test(norm.slice(j, j + 2)) && (!isHan(norm[i - 1]) || /[而但和与及]/.test(norm[i - 1] ?? ''))) && (/^(说|表示|指出|认为|决定|出生|去世|逝世|担任|成为|曾经|本人|等人|写道)/.test(norm.slice(j, j + 2)) || /[与和在是曾也则便将被对把]/.test(norm[j] ?? '') && (!isHan(norm[i - 1]) || /[而但和与及被由让把给向]/.test(norm[i - 1] ?? ''))) && !lex.functionWords.has(run) && !lex.notNames.has(run) && !lex.dict.map.has(run) && (segEndAtRun(norm, i) !== i + 2)) {
      out.push({ start: i, end: j, type: 'person', priority: P_GUESS });
    } else if (run.length >= MIN_TRANSLIT_RUN && strong >= 1 && !lex.notNames.has(run)) {
      if (suffix && !/^(市场|市民|市值|区域|州长|省长|市长|县长|岛上|山上|海上|州立)/.test(norm.slice(j, j + 2))) out.push({ start: i, end: j + suffix.length, type: 'place', priority: P_GUESS });
      else if ((placeContext || TRANSLIT_PLACE_ENDING.test(run)) && !personContext) out.push({ start: i, end: j, type: 'place', priority: P_GUESS });
      else out.push({ start: i, end: j, type: 'person', priority: P_GUESS });
    }
    i = j + 1;
  }
  return out;
}

/** A known transliterated name is a place when a place suffix or place context surrounds it (維捷布斯克州, 位於亨茨維爾). */
function reclassifyTranslit(norm: string, lexical: Candidate[], lex: ZhLexicon): Candidate[] {
  const out: Candidate[] = [];
  const placeEnds = new Set(lexical.filter((c) => c.type === 'place').map((c) => c.end));
  for (const c of lexical) {
    const w = norm.slice(c.start, c.end);
    // 效力於法甲球隊波爾多, 簽約遼寧: a city or region named as a sports club.
    if ((c.type === 'place' || c.type === 'person') && CLUB_CONTEXT_BEFORE.test(norm.slice(Math.max(0, c.start - 6), c.start))) {
      out.push({ ...c, type: 'organization' });
      continue;
    }
    if (c.type !== 'person' || !Array.from(w).every((ch) => lex.translit.has(ch))) {
      out.push(c);
      continue;
    }
    const suffix = startsWithAny(norm, c.end, lex.placeSuffixes);
    const personContext = PERSON_VERB_AFTER.test(norm.slice(c.end, c.end + 3)) || endsWithAny(norm, c.start, lex.titlesBefore) !== null;
    if (suffix && !/^(市场|市民|市值|区域|州长|省长|市长|县长|岛上|山上|海上|州立)/.test(norm.slice(c.end, c.end + 2))) out.push({ ...c, end: c.end + suffix.length, type: 'place', priority: P_COMPOSED });
    else if (!personContext && (placeEnds.has(c.start) || TRANSLIT_PLACE_ENDING.test(w) || PLACE_CONTEXT_AFTER.test(norm.slice(c.end, c.end + 20)) || PLACE_CONTEXT_BEFORE.test(norm.slice(Math.max(0, c.start - 4), c.start)))) out.push({ ...c, type: 'place' });
    else out.push(c);
  }
  return out;
}

function surnameCandidates(norm: string, lex: ZhLexicon, segEndAt: number[]): Candidate[] {
  const out: Candidate[] = [];
  const compoundFirst = firstCodesOf(lex.compoundSurnames);
  const surnameFirst = firstCodesOf(lex.surnames);
  for (let i = 0; i < norm.length; i++) {
    const code = norm.charCodeAt(i);
    if (!compoundFirst.has(code) && !surnameFirst.has(code)) continue;
    const compound = norm.slice(i, i + 2);
    const sLen = lex.compoundSurnames.has(compound) ? 2 : lex.surnames.has(norm[i] as string) && !AMBIGUOUS_SURNAMES.has(norm[i] as string) ? 1 : 0;
    if (sLen === 0) continue;
    // The surname must start a word (依賴|阿里: 賴 ends the word 依賴).
    if (i > 0 && (segEndAt[i - 1] ?? i) > i) continue;
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
    const end = i + sLen + chosen;
    // 程度上, 任內, 史上: the segmenter reads the surname and the next character as one ordinary word.
    const segEnd = segEndAt[i] ?? i + 1;
    const givenWord = norm.slice(i + sLen, end);
    const crossesWord = segEnd > i + sLen && (segEnd < end || end - i === 2 || lex.functionWords.has(norm.slice(i, segEnd))) || lex.functionWords.has(givenWord) && !titleBefore;
    if (chosen > 0 && (!crossesWord || lex.knownNames.has(norm.slice(i, end)))) out.push({ start: i, end, type: 'person', priority: P_GUESS });
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


interface Seg {
  start: number;
  end: number;
}

/** Geographic and facility suffixes that make the preceding name a place (中山南路, 大安國際大樓, 埃薩河). */
const FACILITY_SUFFIXES = ['地区', '领地', '基地', '戏院', '造船厂', '看守所', '旧居', '会馆', '星系', '线', '大饭店', '饭店', '酒店', '宾馆', '大区', '教区', '体育馆', '大道', '大街', '公路', '大桥', '隧道', '铁路', '支线', '大楼', '大厦', '教堂', '大教堂', '博物馆', '美术馆', '纪念馆', '图书馆', '公园', '广场', '车站', '火车站', '机场', '码头', '遗址', '陵寝', '行馆', '园区', '花园', '高地', '群岛', '半岛', '盆地', '沙漠', '高原', '平原', '海峡', '瀑布', '水库', '运河', '山脉', '国家公园', '巴士总站', '总站', '体育场', '体育馆', '球场', '剧院', '故居', '寺', '庙', '宫', '路', '道', '街', '桥', '峰', '山', '河', '江', '湖', '湾', '川', '岛', '溪', '邨', '堂', '站', '港', '峡', '谷'];
/** The suffixes by first character, in list order (the first listed match wins, as with a plain scan). */
const FACILITY_SUFFIXES_BY_FIRST = byFirstCode(FACILITY_SUFFIXES);
/** Common nouns ending in such a suffix. */
const GENERIC_FACILITY = new Set(['摩天大楼', '高速公路', '公路', '道路', '马路', '铁路', '街道', '山路', '大道', '大街', '小路', '大桥', '铁桥', '火山', '高山', '冰山', '江山', '河山', '登山', '下山', '上山', '矿山', '深山', '名山', '出海', '大海', '沿海', '近海', '内海', '河道', '渠道', '频道', '轨道', '跑道', '隧道', '管道', '通道', '知道', '难道', '报道', '人道', '王道', '味道', '步道', '人行道', '行人道', '车道', '国道', '省道', '赤道', '教堂', '天堂', '食堂', '课堂', '殿堂', '礼堂', '讲堂', '佛堂', '祠堂', '车站', '网站', '电站', '站', '港湾', '海湾', '港口', '海港', '机场', '广场', '公园', '花园', '乐园', '校园', '庄园', '家园', '田园', '皇宫', '王宫', '行宫', '寺庙', '宫殿', '河流', '江湖', '湖泊', '山峰', '高峰', '顶峰', '巅峰', '高原', '平原', '草原', '沙漠', '盆地', '半岛', '群岛', '岛屿', '小岛', '海岛', '本岛', '该岛', '全岛', '山谷', '峡谷', '河谷', '溪谷', '低谷', '大楼', '大厦', '水库', '运河', '博物馆', '美术馆', '纪念馆', '图书馆', '体育场', '体育馆', '球场', '剧院', '遗址', '故居', '码头', '街头', '山区', '地铁站', '火车站', '总站', '巴士站', '公交站', '地区', '基地', '路线', '航线', '防线', '战线', '前线', '界线', '直线', '曲线', '光线', '视线', '路线', '热线', '主线', '支线', '干线', '专线', '在线', '一线', '二线', '底线', '红线', '天线', '电线', '无线', '全线', '沿线', '阵线', '生产线', '流水线', '海岸线', '地平线', '分界线', '铁路线', '山区']);
/** Words that never start a name: verbs of motion and position, time words, quantifiers. */
const PREFIX_STOP = new Set(['主题', '纪念', '国家', '地上', '地下', '农业', '工业', '商业', '住宅', '办公', '办公室', '规划', '私人', '公共', '大型', '小型', '新建', '原有', '到达', '位于', '经过', '前往', '进入', '通过', '今天', '现在', '当时', '目前', '一个', '一座', '一条', '这个', '那个', '这座', '该座', '这条', '该条', '其中', '以及', '包括', '其他', '所有', '主要', '附近', '位在', '沿着', '穿过', '连接', '直到', '来到', '回到', '前往', '抵达', '离开', '成为', '作为', '称为', '名为', '叫做', '建于', '建立', '兴建', '建造', '设计', '重回', '返回', '世界', '著名', '最大', '国际', '全国', '地方', '东部', '西部', '南部', '北部', '中部', '东北', '西北', '东南', '西南', '城市', '美国', '中国']);
const PLACE_UNIT_CHARS = new Set(Array.from('省市县区州郡乡镇村'));
/** Speech and action verbs that follow a person's name. */
const PERSON_VERB_AFTER = /^(说|表示|指出|认为|决定|出生|生于|去世|逝世|病逝|死于|担任|出任|成为|率领|带领|拒绝|同意|宣布|宣称|回忆|写道|曾经|曾|于|在|被|是|与|和|的作品|的儿子|的女儿|的父亲|的母亲|的妻子|的丈夫|之子|之女|之父|之母|本人|等人|一世|二世|三世|四世|五世|六世|七世|八世)/;
/** A club named after 效力於 / 球會 / 加盟 is an organisation (效力於德甲球隊美因茨). */
const CLUB_CONTEXT_BEFORE = /(?:效力于|效力|球会|球队|加盟|转会至|转会到|转投|签约|俱乐部|(?:英超|英冠|西甲|德甲|意甲|法甲|荷甲|葡超|中超|日职|韩职)(?:球队|球会)?的?)$/;
/** Endings typical of transliterated place names (加泰隆尼亞, 巴基斯坦, 漢堡, 芬蘭). */
const TRANSLIT_PLACE_ENDING = /(?:[尼里利西维比]亚|斯坦|堡|[芬兰荷]兰|纳达|瓜多|维亚|[尔伦]多|加斯)$/;
/** Context that makes a transliterated run a place rather than a person. */
const PLACE_CONTEXT_AFTER = /^(?:是|为|位于|属于|属|受)[^，。；]{0,14}(?:城市|首都|首府|市镇|城镇|小镇|村庄|村|镇|乡|州|省|县|郡|国家|地区|河流|山|岛|湖|港口|气候)|^(?:气候|地区|境内|以北|以南|以东|以西|附近|郊区|市中心|人口|的居民|河畔)/;
const PLACE_CONTEXT_BEFORE = /(?:位于|位在|来自|前往|抵达|到达|搬到|迁往|迁至|移居|出生于|生于|定居|城市|首都|首府|小镇|城镇|港口|地区|附近的|[在于到至从往赴])$/;

function segmentsOf(norm: string): Seg[] {
  const out: Seg[] = [];
  for (const s of segmenter.segment(norm)) out.push({ start: s.index, end: s.index + s.segment.length });
  return out;
}

/**
 * Index of the segment that starts at each position (-1 elsewhere). The rules ask "which word starts
 * here?" for many positions; a scan of the segment list each time made them quadratic in length.
 */
function segmentStarts(length: number, segs: Seg[]): Int32Array {
  const at = new Int32Array(length + 1).fill(-1);
  segs.forEach((sg, k) => (at[sg.start] = k));
  return at;
}

const allHan = (w: string): boolean => w.length > 0 && Array.from(w).every((c) => isHan(c));
const hasStop = (w: string): boolean => Array.from(w).some((c) => STOP_CHARS.has(c));

/**
 * Name-like prefix of whole segments that ends at `at` (segment-aligned): Han only, no function words,
 * at most `maxLen` characters; stops at administrative units (区/市…) so that chains are merged later.
 */
const PREFIX_STOP_CHARS = new Set(Array.from('沿经绕往至自向到入进出回返过离抵达引演在于从由为近临距穿座幢家条间所栋位名只张把件台部'));
function segmentPrefix(norm: string, segs: Seg[], segAt: Map<number, number>, at: number, maxLen: number, fw: Set<string>): number {
  let k = segAt.get(at);
  if (k === undefined) return at;
  let start = at;
  for (k = k - 1; k >= 0; k--) {
    const sg = segs[k] as Seg;
    const w = norm.slice(sg.start, sg.end);
    if (!allHan(w) || hasStop(w) || PREFIX_STOP.has(w) || (w.length === 1 ? PREFIX_STOP_CHARS.has(w) : fw.has(w))) break;
    if (at - sg.start > maxLen) break;
    if (PLACE_UNIT_CHARS.has(w[w.length - 1] as string) && sg.start < start) break;
    start = sg.start;
  }
  return start;
}

function facilityCandidates(norm: string, segs: Seg[], lexical: Candidate[], fw: Set<string>): Candidate[] {
  const out: Candidate[] = [];
  const segAt = new Map<number, number>();
  segs.forEach((sg, k) => segAt.set(sg.start, k));
  // The segment holding each position: the segments tile the text, so this is one pass.
  const holder = new Int32Array(norm.length).fill(-1);
  segs.forEach((sg, k) => holder.fill(k, sg.start, sg.end));
  const segOf = (pos: number): Seg | undefined => segs[holder[pos] ?? -1];
  const placeEnds = new Map<number, Candidate>();
  for (const c of lexical) if (c.type === 'place' || c.type === 'person') placeEnds.set(c.end, c);
  const seen = new Set<string>();
  for (let at = 1; at < norm.length; at++) {
    const suffix = FACILITY_SUFFIXES_BY_FIRST.get(norm.charCodeAt(at))?.find((sf) => norm.startsWith(sf, at));
    if (!suffix) continue;
    const end = at + suffix.length;
    // 寫道 / 說道 / 記述道: "wrote", "said".
    if (suffix === '道' && /[说写述问答叹喊叫笑骂称讲知报味]/.test(norm[at - 1] ?? '')) continue;
    const sg = segOf(at);
    if (!sg) continue;
    // The suffix must not run on into a longer word (道路, 山区, 河流) except a trailing locative (道上).
    const host = segOf(end - 1);
    // 電視劇|頻道: the suffix character belongs to a common noun.
    const hostWord = host ? norm.slice(host.start, host.end) : '';
    if (host && suffix.length === 1 && host.start < at && host.end === end && GENERIC_FACILITY.has(hostWord) && !FACILITY_SUFFIXES.includes(hostWord) && hostWord !== '街道') continue;
    if (host && host.end > end && !/^[上下中内旁边口前]/.test(norm.slice(end, end + 1))) continue;
    // 白宮 is a known organisation (美國白宮 is not a palace); 矽谷 is already a known place.
    if (lexical.some((c) => c.end === end && c.start < at + suffix.length - 1 && (c.type === 'organization' || c.start < at))) continue;
    // 中山|市: a known name runs on past the suffix.
    if (lexical.some((c) => c.start <= at && c.end > end)) continue;
    let start: number;
    const anchor = placeEnds.get(at);
    if (anchor) start = anchor.start;
    else {
      const inSeg = sg.start < at ? sg.start : at;
      const maxLen = suffix.length === 1 ? 4 : 6;
      const head = norm.slice(inSeg, at);
      if (inSeg < at && (!allHan(head) || hasStop(head))) continue;
      start = segmentPrefix(norm, segs, segAt, inSeg, maxLen, fw);
      const before = placeEnds.get(start);
      if (before && before.type === 'place') start = before.start;
    }
    const span = norm.slice(start, end);
    if (Array.from(span).some((c) => NUMERAL_CHARS.has(c)) || /(网站|河川|车站)$/.test(span) && !anchor && at - start < 3) continue;
    if (at - start < 2 || GENERIC_FACILITY.has(span) || hasStop(span)) continue;
    const key = `${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const containsLexical = lexical.some((c) => c.start >= start && c.end <= end && c.end - c.start < end - start);
    out.push({ start, end, type: 'place', priority: anchor || containsLexical ? P_COMPOSED : P_RULE });
  }
  return out;
}

const UNIT_PLACE_CHARS = new Set(Array.from('乡镇县村郡'));
/**
 * Unknown townships and counties: a short name of single-character or short segments closed by a unit
 * that ends its segment (與|沙|坪|鄉, 霍|丘縣, 奧|懷|希|縣), open on the left.
 */
function unitPlaceCandidates(norm: string, segs: Seg[], lex: ZhLexicon): Candidate[] {
  const out: Candidate[] = [];
  for (let k = 0; k < segs.length; k++) {
    const sg = segs[k] as Seg;
    const unit = norm[sg.end - 1] as string;
    if (!UNIT_PLACE_CHARS.has(unit) || sg.end - sg.start > 2) continue;
    // The unit must close the name: not 鄉親, 縣城 (a longer word would have kept it inside its segment).
    let start = sg.start;
    let q = k - 1;
    if (sg.end - sg.start === 1) {
      start = sg.end - 1;
    }
    for (; q >= 0; q--) {
      const p = segs[q] as Seg;
      const w = norm.slice(p.start, p.end);
      if (!allHan(w) || hasStop(w) || lex.functionWords.has(w) || PREFIX_STOP.has(w) || Array.from(w).some((c) => NUMERAL_CHARS.has(c) || PLACE_UNIT_CHARS.has(c)) || lex.dict.map.has(w) || sg.end - 1 - p.start > 4) break;
      if (w.length === 1 && PREFIX_STOP_CHARS.has(w) || lex.titlesBefore.includes(w) || /^(外相|首相|国王|总督|知县|知府)$/.test(w)) break;
      start = p.start;
    }
    const next = segs[k + 1];
    if (next && next.end - next.start === 1 && isHan(norm[next.start]) && !PERSON_CUE_CHARS.has(norm[next.start] as string)) continue;
    const nameLen = sg.end - 1 - start;
    if (nameLen < 2) continue;
    const word = norm.slice(start, sg.end);
    if (GENERIC_PLACE_WORDS.has(word) || lex.functionWords.has(norm.slice(start, sg.end - 1))) continue;
    out.push({ start, end: sg.end, type: 'place', priority: P_GUESS });
  }
  return out;
}

/** Chinese names the word segmenter does not know: surname + one or two single-character segments (蕭|汝|章). */
function unknownNameCandidates(norm: string, segs: Seg[], segStart: Int32Array, lex: ZhLexicon): Candidate[] {
  const out: Candidate[] = [];
  for (let k = 0; k < segs.length; k++) {
    const sg = segs[k] as Seg;
    const w = norm.slice(sg.start, sg.end);
    // Whole-segment names the dictionary knows (蔣中正) or that a general name list has.
    if (w.length === 3 && lex.knownNames.has(w)) {
      out.push({ start: sg.start, end: sg.end, type: 'person', priority: P_RULE });
      continue;
    }
    if (w.length === 3 && lex.surnames.has(w[0] as string) && !lex.functionWords.has(w) && Array.from(w.slice(1)).every((c) => !NOT_GIVEN_CHARS.has(c) && !NUMERAL_CHARS.has(c) && !STOP_CHARS.has(c)) && (PERSON_VERB_AFTER.test(norm.slice(sg.end, sg.end + 3)) || PERSON_CUE_CHARS.has(norm[sg.end] ?? '') && !/[、，。]/.test(norm[sg.end] ?? '') || endsWithAny(norm, sg.start, lex.titlesBefore) !== null)) {
      out.push({ start: sg.start, end: sg.end, type: 'person', priority: P_GUESS });
      continue;
    }
    const sLen = lex.compoundSurnames.has(w) ? 2 : w.length === 1 && lex.surnames.has(w) && !AMBIGUOUS_SURNAMES.has(w) ? 1 : 0;
    if (sLen === 0) continue;
    const g1 = segs[k + 1];
    const g2 = segs[k + 2];
    if (g1 && g1.end - g1.start === 2 && sLen === 1) {
      // 秦|月香|為, 蔣|中正|為: a two-character given name the segmenter took for a word, confirmed by what follows.
      const given = norm.slice(g1.start, g1.end);
      const cue = PERSON_VERB_AFTER.test(norm.slice(g1.end, g1.end + 3)) || PERSON_CUE_CHARS.has(norm[g1.end] ?? '') && !/[、，。的和与在是]/.test(norm[g1.end] ?? '');
      if (cue && allHan(given) && !lex.functionWords.has(given) && Array.from(given).every((c) => !NOT_GIVEN_CHARS.has(c) && !NUMERAL_CHARS.has(c) && !STOP_CHARS.has(c)) && !lex.dict.map.has(given) && !lex.aliases.has(given) && !lex.dict.map.has(w + given)) {
        out.push({ start: sg.start, end: g1.end, type: 'person', priority: P_GUESS });
      }
      continue;
    }
    if (!g1 || g1.end - g1.start !== 1) continue;
    const c1 = norm[g1.start] as string;
    if (!isHan(c1) || STOP_CHARS.has(c1)) continue;
    let end = g1.end;
    if (g2 && g2.end - g2.start === 1 && isHan(norm[g2.start]) && !STOP_CHARS.has(norm[g2.start] as string) && !PERSON_CUE_CHARS.has(norm[g2.start] as string)) end = g2.end;
    const name = norm.slice(sg.start, end);
    // 徐明|已, 孫楚|先後: a two-character name directly followed by an adverb or verb cue.
    const openBefore = sg.start === 0 || !isHan(norm[sg.start - 1]) || endsWithAny(norm, sg.start, lex.titlesBefore) !== null || /[和与及]/.test(norm[sg.start - 1] ?? '');
    if (end === g1.end && openBefore && !NOT_GIVEN_CHARS.has(c1) && !NUMERAL_CHARS.has(c1) && (/^[已曾则便遂乃即亦仍还也又将被为对与向]/.test(norm.slice(end, end + 1)) || PERSON_VERB_AFTER.test(norm.slice(end, end + 3)) && !/^[的于在是和与]/.test(norm.slice(end, end + 1))) && !lex.functionWords.has(name) && !lex.dict.map.has(name)) {
      out.push({ start: sg.start, end, type: 'person', priority: P_GUESS });
      continue;
    }
    const givenOk = Array.from(norm.slice(g1.start, end)).every((c) => !NOT_GIVEN_CHARS.has(c) && !NUMERAL_CHARS.has(c));
    const after = norm.slice(end, end + 3);
    const nextSeg = segs[segStart[end] ?? -1];
    const nextIsWordOrPunct = !nextSeg || nextSeg.end - nextSeg.start >= 2 || !isHan(norm[end]) || PERSON_CUE_CHARS.has(norm[end] as string);
    if (lex.knownNames.has(name) || (end - sg.start === 3 && givenOk && (PERSON_VERB_AFTER.test(after) || PERSON_CUE_CHARS.has(norm[end] ?? '') || nextIsWordOrPunct && !lex.functionWords.has(norm.slice(g1.start, end))))) {
      out.push({ start: sg.start, end, type: 'person', priority: P_GUESS });
    }
  }
  return out;
}
/** Characters in front of a name that leave it open (和|徐明, 被|李某, 由|孫楚). */
const NAME_OPEN_BEFORE = new Set(Array.from('和与及同跟被由把让给对向为是将使令请派让、，。：；（「『“'));
/**
 * Chinese names made of a surname and one or two common given-name characters standing as their own
 * segments (李|吟秋|主持, 孫|楚|先後, 徐|明|遭到): open on the left, closed by a word, a cue or punctuation on the right.
 */
function givenNameCandidates(norm: string, segs: Seg[], segStart: Int32Array, lex: ZhLexicon): Candidate[] {
  const out: Candidate[] = [];
  const givenOk = (c: string | undefined): boolean => c !== undefined && lex.givenChars.has(c) && !NOT_GIVEN_CHARS.has(c) && !NUMERAL_CHARS.has(c) && !STOP_CHARS.has(c);
  for (let k = 0; k < segs.length; k++) {
    const sg = segs[k] as Seg;
    const w = norm.slice(sg.start, sg.end);
    const sLen = lex.compoundSurnames.has(w) ? 2 : w.length === 1 && lex.surnames.has(w) && !AMBIGUOUS_SURNAMES.has(w) ? 1 : 0;
    if (sLen === 0) continue;
    const prevSeg = segs[k - 1];
    const before = norm[sg.start - 1];
    const open = sg.start === 0 || !isHan(before) || NAME_OPEN_BEFORE.has(before as string) || endsWithAny(norm, sg.start, lex.titlesBefore) !== null || prevSeg !== undefined && prevSeg.end - prevSeg.start >= 2 && lex.functionWords.has(norm.slice(prevSeg.start, prevSeg.end)) && !lex.dict.map.has(norm.slice(prevSeg.start, prevSeg.end));
    if (!open) continue;
    // Given name: one two-character segment or one or two single-character segments.
    const g1 = segs[k + 1];
    if (!g1) continue;
    let end = -1;
    const g1w = norm.slice(g1.start, g1.end);
    if (g1w.length === 2 && givenOk(g1w[0]) && givenOk(g1w[1]) && !lex.functionWords.has(g1w) && !lex.dict.map.has(g1w)) end = g1.end;
    else if (g1w.length === 1 && givenOk(g1w)) {
      const g2 = segs[k + 2];
      end = g2 && g2.end - g2.start === 1 && givenOk(norm[g2.start]) && !PERSON_CUE_CHARS.has(norm[g2.start] as string) ? g2.end : g1.end;
    }
    if (end < 0) continue;
    const name = norm.slice(sg.start, end);
    if (lex.functionWords.has(name) || lex.dict.map.has(name)) continue;
    const next = segs[segStart[end] ?? -1];
    const after = norm[end];
    const closed = !isHan(after) || PERSON_CUE_CHARS.has(after as string) || PERSON_VERB_AFTER.test(norm.slice(end, end + 3)) || next !== undefined && next.end - next.start >= 2 && allHan(norm.slice(next.start, next.end));
    if (!closed) continue;
    // A two-character name needs a clear right edge: a verb cue, a function word or punctuation.
    if (end - sg.start === 2 && sLen === 1 && !(!isHan(after) || PERSON_CUE_CHARS.has(after as string) || PERSON_VERB_AFTER.test(norm.slice(end, end + 3)) || next !== undefined && lex.functionWords.has(norm.slice(next.start, next.end)))) continue;
    out.push({ start: sg.start, end, type: 'person', priority: P_GUESS - 1 });
  }
  return out;
}

/** Surnames that are far more often function words (于 "at", 向 "towards"). */
const AMBIGUOUS_SURNAMES = new Set(Array.from('于向和及将万'));
const NUMERAL_CHARS = new Set(Array.from('一二三四五六七八九十百千万亿两几数多〇零'));
const PERSON_CUE_CHARS = new Set(Array.from('为对向则也又便就遂乃即亦仍还已将会要所得获率派令请让使给把说称与和的在是被曾于、，。'));
const NOT_GIVEN_CHARS = new Set(Array.from('年日时分秒个位名次人们里上下内外前后左右东西南北部省市县区州镇乡村岛路街道山河湖江海港'));

/** Japanese names in Chinese text: a known kanji family name plus a one- to three-character given name (宮崎滔天, 豐臣秀吉). */
function japaneseNameCandidates(norm: string, segs: Seg[], segStart: Int32Array, segEndAt: number[], lex: ZhLexicon): Candidate[] {
  const out: Candidate[] = [];
  const first = firstCodesOf(lex.japaneseSurnames);
  for (let i = 0; i + 2 < norm.length; i++) {
    if (!first.has(norm.charCodeAt(i))) continue;
    const sLen = lex.japaneseSurnames.has(norm.slice(i, i + 3)) ? 3 : lex.japaneseSurnames.has(norm.slice(i, i + 2)) ? 2 : 0;
    if (sLen === 0) continue;
    // The family name must start a word and not be the head of a longer dictionary word.
    if (i > 0 && segEndAt[i - 1] !== undefined && segEndAt[i - 1] as number > i) continue;
    const sEnd = i + sLen;
    let end = sEnd;
    // 豐臣秀吉 as one dictionary word.
    const whole = segEndAt[i];
    if (whole !== undefined && whole > sEnd && whole - sEnd <= 3 && (segStart[i] ?? -1) >= 0) {
      out.push({ start: i, end: whole, type: 'person', priority: P_RULE });
      i = whole - 1;
      continue;
    }
    // The words that follow the family name, one after another.
    for (let k = segStart[end] ?? -1; k >= 0 && k < segs.length; k++) {
      const sg = segs[k] as Seg;
      if (sg.start !== end) break;
      const w = norm.slice(sg.start, sg.end);
      if (!allHan(w) || hasStop(w) || lex.functionWords.has(w) || PERSON_VERB_AFTER.test(w) || end - sEnd + w.length > 3 || Array.from(w).some((c) => NUMERAL_CHARS.has(c) || NOT_GIVEN_CHARS.has(c))) break;
      end = sg.end;
      if (w.length >= 2) break;
    }
    if (end > sEnd && end - sEnd <= 3 && (end - sEnd >= 2 || PERSON_VERB_AFTER.test(norm.slice(end, end + 3)) || PERSON_CUE_CHARS.has(norm[end] ?? ''))) {
      out.push({ start: i, end, type: 'person', priority: P_RULE });
      i = end - 1;
    } else if (end === sEnd && /^(说|表示|认为|指出|等人|先生|女士|作出|则|便)/.test(norm.slice(sEnd, sEnd + 2))) {
      out.push({ start: i, end: sEnd, type: 'person', priority: P_GUESS });
    }
  }
  return out;
}

const RULER_MODIFIERS = new Set(['大', '副', '前', '新', '老', '代', '总', '首任', '第一', '末代', '临时', '皇', '女', '故', '先', '太上', '时任', '现任', '历任', '继任', '首位', '候任', '当选', '民选', '军政府', '傀儡', '流亡', '废', '亡国']);
/** Rulers and office holders named by what follows them (嘉慶皇帝, 近衛首相, 僖宗). */
function rulerCandidates(norm: string, segs: Seg[], lex: ZhLexicon): Candidate[] {
  const out: Candidate[] = [];
  for (const m of norm.matchAll(/(?:皇帝|天皇|首相|国王|女王|大帝|亲王|总统|太后|皇后)/g)) {
    const at = m.index ?? 0;
    const k = segs.findIndex((sg) => sg.end === at);
    if (k < 0) continue;
    let start = at;
    for (let q = k; q >= 0 && at - (segs[q] as Seg).start <= 3; q--) {
      const w = norm.slice((segs[q] as Seg).start, (segs[q] as Seg).end);
      if (!allHan(w) || hasStop(w) || lex.functionWords.has(w) || PREFIX_STOP.has(w) || RULER_MODIFIERS.has(w) || lex.dict.map.get(w) === 'place' || Array.from(w).some((c) => NUMERAL_CHARS.has(c))) break;
      start = (segs[q] as Seg).start;
    }
    if (at - start >= 2 && at - start <= 3) out.push({ start, end: at, type: 'person', priority: P_GUESS });
  }
  for (const m of norm.matchAll(/[唐宋元明清汉晋隋辽金]?(?:[高太世仁英神哲徽钦理度宪穆敬文武宣懿僖昭哀中睿玄肃代德顺孝]宗)(?![教派旨族师])/gu)) {
    const at = m.index ?? 0;
    out.push({ start: at, end: at + m[0].length, type: 'person', priority: P_GUESS });
  }
  return out;
}

/** 英軍, 美海軍, 德國國防軍 — an army named by its country is an organisation. */
function armyCandidates(norm: string, lexical: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const m of norm.matchAll(/[英美德日法俄苏意奥荷西葡韩朝越泰印联盟共红宋明清唐汉元秦晋隋楚齐魏蜀吴燕赵金辽蒙]?(?:国防军|海军|陆军|空军|军)/g)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    if (/^(事|队|人|官|舰|机|团|区|营|火|费|力|备|阀|衔|需|民|校|医|用)/.test(norm.slice(end, end + 1)) && !/^(人数|人马)/.test(norm.slice(end, end + 2)) && m[0].endsWith('军') && !/^军(队|团|区)/.test(norm.slice(end - 1, end + 1))) continue;
    const anchor = lexical.find((c) => c.end === at && c.type === 'place');
    let start = at;
    if (anchor) start = anchor.start;
    else if (!/^[英美德日法俄苏意奥荷西葡韩朝越泰印联盟共红宋明清唐汉元秦晋隋楚齐魏蜀吴燕赵金辽蒙]/.test(m[0])) continue;
    if (/^(联军|红军|盟军|共军)$/.test(m[0]) && !anchor) {
      out.push({ start, end, type: 'organization', priority: P_RULE });
      continue;
    }
    if (end - start < 2) continue;
    out.push({ start, end, type: 'organization', priority: P_COMPOSED + 1 });
  }
  return out;
}

/** Join directly adjacent places (中國甘肅省金塔縣, 德國漢諾威) and drop demonyms and language names (印度人, 廣東話). */
function postProcess(text: string, norm: string, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m0 of mentions) {
    const m = { ...m0 };
    // 威廉三世, 阿方索一世: a regnal number belongs to the name.
    if (m.type === 'person') {
      const reg = /^[一二三四五六七八九十]{1,3}世/.exec(norm.slice(m.end, m.end + 4));
      if (reg && !mentions.some((o) => o.start >= m.end && o.start < m.end + reg[0].length)) {
        m.end += reg[0].length;
        m.text = text.slice(m.start, m.end);
      }
    }
    const prev = out[out.length - 1];
    // 寧波+效實中學, 芝加哥大學+法學院: a place or school directly in front of an organisation is part of its name.
    if (prev && prev.end === m.start && m.type === 'organization' && (prev.type === 'place' && !zhLexicon().dict.map.has(toSimplified(m.text)) || prev.type === 'organization' && /(大学|学院)$/.test(toSimplified(prev.text)) && /(学院|研究所|研究中心|系)$/.test(toSimplified(m.text))) && m.end - m.start <= 6 && !/(政府|议会|议員|军|党)$/.test(toSimplified(m.text))) {
      prev.end = m.end;
      prev.text = text.slice(prev.start, prev.end);
      prev.type = 'organization';
      continue;
    }
    if (prev && prev.type === 'place' && m.type === 'place' && prev.end === m.start) {
      prev.end = m.end;
      prev.text = text.slice(prev.start, prev.end);
      continue;
    }
    out.push(m);
  }
  return out.filter((m) => {
    const next = norm.slice(m.end, m.end + 2);
    // 蘇美爾語, 巴斯克人: a language or people, not a person.
    if (m.type === 'person' && /^(语|族|人|裔)/.test(next) && !/^(人员|人士|人物)/.test(next) && /[^\u4e00-\u9fff]|^\p{Script=Han}{3,}$/u.test(m.text) && !/[·・]/.test(m.text)) return false;
    if (m.type !== 'place') return true;
    if (/^(人|族|语|话|籍|裔|式)/.test(next) && !/^(人口|人物|人员|人士|人民共和国)/.test(next + norm.slice(m.end + 2, m.end + 6))) return false;
    if (/^文[、，。与和及]?$/.test(next) || /^文[、，。与和及]/.test(next)) return false;
    return true;
  });
}

/** `simplified`: `toSimplified(text)` if the caller has it already. */
export function recognizeChinese(text: string, simplified?: string): Mention[] {
  const lex = zhLexicon();
  const norm = simplified ?? toSimplified(text);
  // One segmentation serves every rule: Intl.Segmenter is the costliest step after the lexicon scan.
  const segs = segmentsOf(norm);
  const segStart = segmentStarts(norm.length, segs);
  const lexical = reclassifyTranslit(norm, lexiconCandidates(norm, lex), lex);
  const segEndAt: number[] = [];
  for (const sg of segs) for (let p = sg.start; p < sg.end; p++) segEndAt[p] = sg.end;
  const composed = composeCandidates(norm, lexical, lex, segEndAt);
  const cands: Candidate[] = [
    ...cjkNumericCandidates(norm),
    ...enQuantityCandidates(norm),
    ...lexical,
    ...composed,
    ...orgSuffixCandidates(norm, [...lexical, ...composed], segs, segEndAt),
    ...translitCandidates(norm, lex, lexical, segEndAt),
    ...surnameCandidates(norm, lex, segEndAt),
    ...latinCandidates(norm, lex),
    ...unknownPlaceCandidates(norm, segs),
    ...facilityCandidates(norm, segs, lexical, lex.functionWords),
    ...unknownNameCandidates(norm, segs, segStart, lex),
    ...givenNameCandidates(norm, segs, segStart, lex),
    ...unitPlaceCandidates(norm, segs, lex),
    ...armyCandidates(norm, lexical),
    ...rulerCandidates(norm, segs, lex),
    ...japaneseNameCandidates(norm, segs, segStart, segEndAt, lex),
  ];
  return postProcess(text, norm, resolveOverlaps(text, cands));
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Dictionary-segmented words ending in 省/市/县… that are not generic nouns (安阳县, 宜都市). */
function unknownPlaceCandidates(norm: string, segs: Seg[]): Candidate[] {
  const out: Candidate[] = [];
  for (let k = 0; k < segs.length; k++) {
    const seg = segs[k] as Seg;
    const w = norm.slice(seg.start, seg.end);
    const nextSeg = segs[k + 1];
    const next = nextSeg ? norm.slice(nextSeg.start, nextSeg.end) : '';
    // "安阳|县" is split by the segmenter: join a name word with a following lone suffix.
    if (UNKNOWN_PLACE_SUFFIXES.includes(next) && w.length >= 2 && Array.from(w).every((c) => isHan(c) && !STOP_CHARS.has(c)) && !GENERIC_PLACE_WORDS.has(w + next)) {
      out.push({ start: seg.start, end: seg.end + next.length, type: 'place', priority: P_GUESS });
    } else if (w.length >= 3 && UNKNOWN_PLACE_SUFFIXES.includes(w[w.length - 1] as string) && !GENERIC_PLACE_WORDS.has(w) && !GENERIC_PLACE_WORDS.has(w.slice(-2))) {
      out.push({ start: seg.start, end: seg.end, type: 'place', priority: P_GUESS });
    }
  }
  return out;
}
