import { isCjk, type Lang } from './text/lang';
import { splitSentences } from './text/sentences';
import { countCjkChars, countWords, englishTerms, visitCjkTerms } from './text/tokens';
import { LETTER, NUMBER, charClass } from './text/chars';

export interface KeyPointInput {
  title: string;
  paragraphs: string[];
  lang: Lang;
  /** Indices of paragraphs that are subheadings: labels, never key points. */
  headings?: readonly number[];
}

/**
 * A selected sentence. `start`/`end` are offsets of the whole sentence within its paragraph;
 * `text` is that sentence, possibly trimmed at a clause boundary with an ellipsis.
 */
export interface KeyPoint {
  text: string;
  paragraph: number;
  sentence: number;
  start: number;
  end: number;
  score: number;
}

export interface KeyPointOptions {
  count?: number | 'auto';
}

/** Relative weights of the ranking signals; exported for the evaluation tool's tuning runs. */
export interface RankWeights {
  lead: number;
  centrality: number;
  centroid: number;
  title: number;
  /** MMR trade-off: 1 = pure relevance, 0 = pure novelty. */
  mmrLambda: number;
  /** Position decay constant (in sentences) of the lead prior. */
  leadDecay: number;
  /**
   * A sentence that is mostly a direct quote (「…」, “…”) is colour, not the story: its score is
   * scaled by 1 − quote × (share of its letters inside quotation marks).
   */
  quote: number;
  /**
   * Overrides for Chinese and Japanese articles, applied on top of the other fields. A tuning run
   * that should reach CJK text must set them here (`{"cjk":{"mmrLambda":0.6}}`).
   */
  cjk?: Partial<Omit<RankWeights, 'cjk'>>;
}

export const DEFAULT_WEIGHTS: RankWeights = {
  lead: 1.0,
  centrality: 0.5,
  centroid: 0.25,
  title: 0.2,
  mmrLambda: 0.7,
  leadDecay: 5,
  // English: no quote penalty (neutral on CNN/DM, −0.5 R-1 on XSum, whose one-line references
  // often paraphrase a quoted statement).
  quote: 0,
  // CJK: a stronger novelty term (zh and ja fixtures both gain ~0.5 char R-1 over 0.7; 0.4–0.5 is
  // a plateau there) and a quote penalty (「…」 quotes with 表示／指出 attributions; zh +1.2 R-1,
  // flat from 0.2 to 0.4, neutral on ja).
  cjk: { mmrLambda: 0.5, quote: 0.3 },
};

/** 'auto' count bounds: short articles get 3 points, long ones 5. */
const AUTO_MIN = 3;
const AUTO_MAX = 5;
/** Sentences per extra key point beyond the minimum in 'auto' mode. */
const AUTO_SENTENCES_PER_POINT = 15;
/** Each sentence is linked only to this many neighbours on each side, keeping the graph linear in size. */
const GRAPH_WINDOW = 12;
/** …plus the article's opening sentences, which carry the story in news writing. */
const GRAPH_LEAD_HUBS = 8;
/** Edges weaker than this add noise rather than centrality. */
const MIN_EDGE_SIM = 0.05;
const PAGERANK_DAMPING = 0.85;
const PAGERANK_ITERATIONS = 25;
/** Junk thresholds: shorter units are captions, labels or fragments. */
const MIN_CJK_CHARS = 8;
const MIN_EN_WORDS = 6;
/** A word as long as any English sentence holds one of ("12 min ago 5:52 PM CST" holds none). */
const SENTENCE_WORD = /\p{L}{4,}/u;
/** Trimming limits from the brief: longer sentences are cut at a clause boundary. */
const MAX_CJK_CHARS = 120;
const MAX_EN_WORDS = 45;
/** A trim must keep at least this share of the limit, otherwise the cut would leave a stub. */
const MIN_TRIM_SHARE = 0.4;

const JUNK_PATTERNS: RegExp[] = [
  /^(記者|记者|編輯|编辑|核稿編輯|核稿编辑|責任編輯|责任编辑|資料來源|资料来源|來源|来源|圖片來源|图片来源|圖|图|照片|攝影|摄影|廣告|广告|延伸閱讀|延伸阅读|相關新聞|相关新闻|其他人也在看|更多新聞|看更多|訂閱|订阅|加入|點我|点我|推薦閱讀|推荐阅读|文／|文\/|撰文|翻譯|翻译)/,
  /(報導|报导|報道|报道|綜合報導|综合报道)$/,
  /^[（(](圖|图|照片|記者|记者|中央社|示意圖|示意图)[^）)]*[）)]$/,
  /^(写真|画像|広告|関連記事|提供|出典|記者|編集)/,
  /^(By\s|Photo:|Photos:|Image:|Images:|Credit:|Scroll down|Click here|Read more|Sign up|Advertisement|Follow\s|Share this|PUBLISHED:|UPDATED:|Last updated|Related:|See also|Watch:|Video:|Copyright|All rights reserved)/i,
  /(Getty Images|AP Photo|Reuters\/|©|\(CNN\)\s*$)/,
];

/** A dateline/byline glued to the first sentence ("（記者林佩君／台北報導）伺服器…") is cut off the key point. */
const LEADING_BYLINE = /^\s*(?:[（(〔【\[]\s*(?:記者|记者|中央社|綜合報導|综合报道)[^）)〕】\]]{0,30}[）)〕】\]]|(?:記者|记者)[^，。\s]{1,20}[／/][^，。\s]{1,10}(?:報導|报导|報道|报道))\s*/;

/**
 * A sparse term vector: term ids and weights in first-occurrence order. Terms are interned to
 * numbers once per article, so similarities read typed arrays instead of hashing strings; the
 * order is kept so that every sum runs in the same order as over the strings (same floats).
 */
interface Vec {
  ids: Int32Array;
  w: Float64Array;
}

const EMPTY_VEC: Vec = { ids: new Int32Array(0), w: new Float64Array(0) };

interface Unit {
  paragraph: number;
  sentence: number;
  start: number;
  end: number;
  text: string;
  order: number;
  vec: Vec;
}

/** Share of a sentence's letters that sit inside quotation marks (「」『』“”""). */
export function quoteShare(text: string): number {
  let inside = 0;
  let total = 0;
  let depth = 0;
  let straight = false;
  for (const ch of text) {
    if (ch === '「' || ch === '『' || ch === '“') depth++;
    else if (ch === '」' || ch === '』' || ch === '”') depth = Math.max(0, depth - 1);
    else if (ch === '"') straight = !straight;
    else if (charClass(ch) & (LETTER | NUMBER)) {
      total++;
      if (depth > 0 || straight) inside++;
    }
  }
  return total > 0 ? inside / total : 0;
}

function isJunk(text: string, cjk: boolean): boolean {
  const t = text.trim();
  if (JUNK_PATTERNS.some((re) => re.test(t))) return true;
  if (cjk) {
    // Enough CJK characters settle it without counting the other words.
    const cjkChars = countCjkChars(t);
    return cjkChars < MIN_CJK_CHARS && cjkChars + countWords(t.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' ')) < MIN_CJK_CHARS;
  }
  // A line of times alone, however many tokens ("12 min ago5:52 PM CST", a live blog's post
  // stamp read with its clock time): no word of a sentence's length in it.
  return countWords(t) < MIN_EN_WORDS || !SENTENCE_WORD.test(t);
}

/**
 * Term → id for one article. CJK bigrams and characters are keyed by their char codes (see
 * `visitCjkTerms`), so no string is built or hashed for them; other terms by their text.
 */
class Vocabulary {
  private readonly pairs = new Map<number, Map<number, number>>();
  private readonly chars = new Map<number, number>();
  private readonly texts = new Map<string, number>();
  size = 0;
  pair(first: number, second: number): number {
    let inner = this.pairs.get(first);
    if (!inner) this.pairs.set(first, (inner = new Map<number, number>()));
    let id = inner.get(second);
    if (id === undefined) inner.set(second, (id = this.size++));
    return id;
  }
  char(code: number): number {
    let id = this.chars.get(code);
    if (id === undefined) this.chars.set(code, (id = this.size++));
    return id;
  }
  text(term: string): number {
    let id = this.texts.get(term);
    if (id === undefined) this.texts.set(term, (id = this.size++));
    return id;
  }
}

/**
 * Counts term ids of one text after another, terms in first-occurrence order. A term's slot in
 * the current text is found through `stamp` (which text saw it last) instead of a map per text.
 */
class TermCounter {
  private readonly stamp: number[] = [];
  private readonly slot: number[] = [];
  private round = 0;
  private ids: number[] = [];
  private counts: number[] = [];
  constructor(readonly vocab: Vocabulary) {}
  private readonly add = (id: number): void => {
    if (this.stamp[id] === this.round) {
      const k = this.slot[id] as number;
      this.counts[k] = (this.counts[k] as number) + 1;
    }
    else {
      this.stamp[id] = this.round;
      this.slot[id] = this.ids.length;
      this.ids.push(id);
      this.counts.push(1);
    }
  };
  private readonly visitor = {
    pair: (a: number, b: number): void => this.add(this.vocab.pair(a, b)),
    char: (c: number): void => this.add(this.vocab.char(c)),
    text: (t: string): void => this.add(this.vocab.text(t)),
  };
  count(text: string, cjk: boolean): { ids: number[]; counts: number[] } {
    this.round++;
    this.ids = [];
    this.counts = [];
    if (cjk) visitCjkTerms(text, this.visitor);
    else for (const t of englishTerms(text)) this.add(this.vocab.text(t));
    return { ids: this.ids, counts: this.counts };
  }
}

function normalise(vec: Vec): Vec {
  let sq = 0;
  for (let k = 0; k < vec.w.length; k++) sq += (vec.w[k] as number) * (vec.w[k] as number);
  const n = Math.sqrt(sq);
  if (n > 0) for (let k = 0; k < vec.w.length; k++) vec.w[k] = (vec.w[k] as number) / n;
  return vec;
}

/**
 * A vector spread over a dense array indexed by term id, for lookups by id. Two slots: the
 * centrality loop keeps one sentence loaded while its neighbours pass through the other.
 */
class DenseSlots {
  private readonly slots: Array<{ d: Float64Array; vec: Vec | null }>;
  constructor(size: number) {
    this.slots = [
      { d: new Float64Array(size), vec: null },
      { d: new Float64Array(size), vec: null },
    ];
  }
  /** The dense form of `vec`, loaded into the second slot unless a slot holds it already. */
  dense(vec: Vec, slot = 1): Float64Array {
    for (const s of this.slots) if (s.vec === vec) return s.d;
    const s = this.slots[slot] as { d: Float64Array; vec: Vec | null };
    if (s.vec) for (let k = 0; k < s.vec.ids.length; k++) s.d[s.vec.ids[k] as number] = 0;
    for (let k = 0; k < vec.ids.length; k++) s.d[vec.ids[k] as number] = vec.w[k] as number;
    s.vec = vec;
    return s.d;
  }
}

/**
 * Cosine of two unit vectors: the smaller one's entries in order, each times the other's weight
 * (absent terms weigh 0, and weights are positive, so adding their 0 products changes nothing).
 */
function cosine(a: Vec, b: Vec, slots: DenseSlots): number {
  const [small, big] = a.ids.length <= b.ids.length ? [a, b] : [b, a];
  const d = slots.dense(big);
  let s = 0;
  for (let k = 0; k < small.ids.length; k++) s += (small.w[k] as number) * (d[small.ids[k] as number] as number);
  return s;
}

function scaleToUnit(values: number[]): number[] {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max > 0 ? values.map((v) => v / max) : values.map(() => 0);
}

/** PageRank over a sparse similarity graph: neighbours within a window plus the lead sentences. */
function centrality(units: Unit[], slots: DenseSlots): number[] {
  const n = units.length;
  const edges: Array<Array<{ to: number; w: number }>> = units.map(() => []);
  const link = (i: number, j: number): void => {
    const a = units[i];
    const b = units[j];
    if (!a || !b) return;
    const w = cosine(a.vec, b.vec, slots);
    if (w < MIN_EDGE_SIM) return;
    edges[i]?.push({ to: j, w });
    edges[j]?.push({ to: i, w });
  };
  for (let i = 0; i < n; i++) {
    // Sentence i meets its whole window: keep it loaded in the first slot.
    slots.dense((units[i] as Unit).vec, 0);
    for (let j = i + 1; j <= Math.min(n - 1, i + GRAPH_WINDOW); j++) link(i, j);
    for (let h = 0; h < Math.min(GRAPH_LEAD_HUBS, i - GRAPH_WINDOW); h++) link(h, i);
  }
  const outSum = edges.map((es) => es.reduce((s, e) => s + e.w, 0));
  let rank = new Array<number>(n).fill(1 / Math.max(1, n));
  for (let it = 0; it < PAGERANK_ITERATIONS; it++) {
    const next = new Array<number>(n).fill((1 - PAGERANK_DAMPING) / Math.max(1, n));
    for (let i = 0; i < n; i++) {
      const total = outSum[i] ?? 0;
      const r = rank[i] ?? 0;
      if (total === 0) continue;
      for (const e of edges[i] ?? []) next[e.to] = (next[e.to] ?? 0) + (PAGERANK_DAMPING * r * e.w) / total;
    }
    rank = next;
  }
  return rank;
}

/** Cut an overlong sentence at the last clause boundary inside the limit, never mid-word. */
export function trimSentence(text: string, lang: Lang): string {
  const cjk = isCjk(lang);
  if (cjk) {
    if (countCjkChars(text) <= MAX_CJK_CHARS && text.length <= MAX_CJK_CHARS * 1.3) return text;
    const limit = MAX_CJK_CHARS;
    let best = -1;
    for (let i = 0; i < Math.min(text.length, limit); i++) if ('，、；,;：'.includes(text[i] as string)) best = i;
    if (best < limit * MIN_TRIM_SHARE) {
      // No usable clause boundary: stop before a Latin word or number that straddles the limit.
      best = limit;
      while (best > 0 && /[A-Za-z0-9]/.test(text[best] as string) && /[A-Za-z0-9]/.test(text[best - 1] as string)) best--;
    }
    return text.slice(0, best).trimEnd() + '…';
  }
  const words = [...text.matchAll(/\S+/g)];
  if (words.length <= MAX_EN_WORDS) return text;
  const limitWord = words[MAX_EN_WORDS - 1];
  const limitEnd = limitWord ? (limitWord.index ?? 0) + limitWord[0].length : text.length;
  let best = -1;
  for (const m of text.slice(0, limitEnd).matchAll(/[,;:]\s|\s[–—-]\s/g)) best = m.index ?? best;
  if (best < limitEnd * MIN_TRIM_SHARE) best = limitEnd;
  return text.slice(0, best).replace(/[\s,;:–—-]+$/, '') + '…';
}

function autoCount(n: number): number {
  return Math.min(AUTO_MAX, AUTO_MIN + Math.floor(Math.max(0, n - AUTO_SENTENCES_PER_POINT) / AUTO_SENTENCES_PER_POINT));
}

/** Rank all sentences; exported so the evaluation tool can tune weights. */
export function extractKeyPointsWith(input: KeyPointInput, options: KeyPointOptions, baseWeights: RankWeights): KeyPoint[] {
  const cjk = isCjk(input.lang);
  const weights: RankWeights = cjk && baseWeights.cjk ? { ...baseWeights, ...baseWeights.cjk } : baseWeights;
  const units: Unit[] = [];
  const fallback: Unit[] = [];
  const headings = new Set(input.headings ?? []);
  input.paragraphs.forEach((para, p) => {
    if (headings.has(p)) return;
    splitSentences(para, input.lang).forEach((s, k) => {
      const byline = LEADING_BYLINE.exec(s.text);
      const cut = byline && byline[0].length < s.text.length ? byline[0].length : 0;
      const u: Unit = { paragraph: p, sentence: k, start: s.start + cut, end: s.end, text: s.text.slice(cut), order: 0, vec: EMPTY_VEC };
      if (isJunk(s.text, cjk)) fallback.push(u);
      else units.push(u);
    });
  });
  // An article made only of short units still deserves key points: use them rather than nothing.
  const pool = units.length > 0 ? units : fallback.filter((u) => !JUNK_PATTERNS.some((re) => re.test(u.text.trim())));
  if (pool.length === 0) return [];
  pool.forEach((u, i) => (u.order = i));

  const vocab = new Vocabulary();
  const counter = new TermCounter(vocab);
  const raw = pool.map((u) => counter.count(u.text, cjk));
  const titleCounts = counter.count(input.title, cjk);
  const df: number[] = new Array<number>(vocab.size).fill(0);
  for (const tc of raw) for (const id of tc.ids) df[id] = (df[id] ?? 0) + 1;
  const n = pool.length;
  // A term seen in no sentence (only in the title) counts as half a document.
  const idfOf = Float64Array.from(df, (d) => Math.log(1 + n / (d || 0.5)));
  const idf = (id: number): number => idfOf[id] as number;
  pool.forEach((u, i) => {
    const tc = raw[i] as { ids: number[]; counts: number[] };
    const w = new Float64Array(tc.ids.length);
    tc.ids.forEach((id, k) => (w[k] = (1 + Math.log(tc.counts[k] as number)) * idf(id)));
    u.vec = normalise({ ids: Int32Array.from(tc.ids), w });
  });
  const titleVec = normalise({ ids: Int32Array.from(titleCounts.ids), w: Float64Array.from(titleCounts.ids, (id, k) => (titleCounts.counts[k] as number) * idf(id)) });
  // Centroid: the sum of all sentence vectors, terms in first-occurrence order.
  const sum = new Float64Array(vocab.size);
  const seen = new Uint8Array(vocab.size);
  const centroidIds: number[] = [];
  for (const u of pool) {
    for (let k = 0; k < u.vec.ids.length; k++) {
      const id = u.vec.ids[k] as number;
      if (!seen[id]) {
        seen[id] = 1;
        centroidIds.push(id);
      }
      sum[id] = (sum[id] as number) + (u.vec.w[k] as number);
    }
  }
  const centroid = normalise({ ids: Int32Array.from(centroidIds), w: Float64Array.from(centroidIds, (id) => sum[id] as number) });

  const slots = new DenseSlots(vocab.size);
  const rank = scaleToUnit(centrality(pool, slots));
  const cent = scaleToUnit(pool.map((u) => cosine(u.vec, centroid, slots)));
  const title = scaleToUnit(pool.map((u) => cosine(u.vec, titleVec, slots)));
  const score = pool.map(
    (u, i) =>
      weights.lead * Math.exp(-u.order / weights.leadDecay) +
      weights.centrality * (rank[i] ?? 0) +
      weights.centroid * (cent[i] ?? 0) +
      weights.title * (title[i] ?? 0),
  ).map((v, i) => (weights.quote > 0 ? v * (1 - weights.quote * quoteShare(pool[i]?.text ?? '')) : v));

  const requested = options.count ?? 'auto';
  const want = Math.max(0, Math.min(pool.length, requested === 'auto' ? autoCount(pool.length) : Math.floor(requested)));
  const chosen: number[] = [];
  const maxScore = score.reduce((m, v) => Math.max(m, v), 1e-9);
  while (chosen.length < want) {
    let bestI = -1;
    let bestV = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      if (chosen.includes(i)) continue;
      let red = 0;
      for (const c of chosen) red = Math.max(red, cosine(pool[i]?.vec ?? EMPTY_VEC, pool[c]?.vec ?? EMPTY_VEC, slots));
      const v = weights.mmrLambda * ((score[i] ?? 0) / maxScore) - (1 - weights.mmrLambda) * red;
      if (v > bestV) {
        bestV = v;
        bestI = i;
      }
    }
    if (bestI < 0) break;
    chosen.push(bestI);
  }
  return chosen
    .sort((a, b) => a - b)
    .map((i) => {
      const u = pool[i] as Unit;
      return {
        text: trimSentence(u.text, input.lang),
        paragraph: u.paragraph,
        sentence: u.sentence,
        start: u.start,
        end: u.end,
        score: Number(((score[i] ?? 0) / maxScore).toFixed(4)),
      };
    });
}

/** Pick the article's key sentences (graph centrality + lead prior + title similarity, MMR-deduplicated), in article order. */
export function extractKeyPoints(input: KeyPointInput, options: KeyPointOptions = {}): KeyPoint[] {
  return extractKeyPointsWith(input, options, DEFAULT_WEIGHTS);
}
