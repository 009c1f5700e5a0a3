/**
 * Shared loaders for the measurement tools (eval-extraction.ts, safety.ts) and the benchmark's
 * own scoring. The corpora live in ../shared beside the checkout and are read at run time only —
 * never copied into the project.
 *
 * Scoring is the Zyte article-extraction benchmark's evaluate.py, transcribed:
 * tokens are Python's `\w+` (re.UNICODE), compared as multisets of 4-token shingles; per page
 * tp/fp/fn are normalised to sum to 1; precision and recall are averaged over pages; F1 is the
 * harmonic mean of the two averages.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

// ---------------------------------------------------------------------------------------------
// Pure scoring helpers (unit-tested in tests/unit/tools.test.ts)
// ---------------------------------------------------------------------------------------------

/**
 * Python 3's `\w` on str: letters (L*), numbers (N*) and the underscore. Combining marks (M*)
 * are not word characters in Python, so they are not here either.
 */
const WORD = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string | null | undefined): string[] {
  return (text ?? '').match(WORD) ?? [];
}

/** Separator for joined shingles; never a word character, so joins cannot collide. */
const SEP = '\u0001';

/**
 * The benchmark's `_ngrams`: every run of `n` consecutive tokens. A text shorter than `n`
 * tokens gives one shorter shingle (all its tokens); an empty text gives none.
 */
export function ngrams(tokens: readonly string[], n = 4): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const g = tokens.slice(i, i + n);
    if (g.length) out.push(g.join(SEP));
  }
  return out;
}

export function shingleCounts(text: string, n = 4): Map<string, number> {
  const m = new Map<string, number>();
  for (const g of ngrams(tokenize(text), n)) m.set(g, (m.get(g) ?? 0) + 1);
  return m;
}

export type TpFpFn = [tp: number, fp: number, fn: number];

/** The benchmark's `string_shingle_matching`: tp/fp/fn over shingle multisets, normalised to sum 1. */
export function shingleMatching(truth: string, pred: string, n = 4): TpFpFn {
  const t = shingleCounts(truth, n);
  const p = shingleCounts(pred, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

export function precisionScore([tp, fp, fn]: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallScore([tp, fp, fn]: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

export function pageF1(x: TpFpFn): number {
  const p = precisionScore(x);
  const r = recallScore(x);
  return p + r ? (2 * p * r) / (p + r) : 0;
}

export interface Prf {
  P: number;
  R: number;
  F1: number;
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/** The benchmark's `metrics_from_tp_fp_fns`: pages with no predicted (resp. true) shingles are left out of P (resp. R). */
export function metricsFromTpFpFns(rows: readonly TpFpFn[]): Prf {
  const P = mean(rows.filter(([tp, fp]) => tp + fp > 0).map(precisionScore));
  const R = mean(rows.filter(([tp, , fn]) => tp + fn > 0).map(recallScore));
  return { P, R, F1: P + R ? (2 * P * R) / (P + R) : 0 };
}

export interface Overlap {
  /** Article shingles (with multiplicity) that occur in the hidden text. */
  shingles: number;
  /** Of those, the ones that occur nowhere in the visible text either: gone from the page. */
  lost: number;
  /** Article shingles in all. */
  total: number;
  /** shingles / total. */
  share: number;
  /** Up to 100 chars of the longest stretch of lost (else hidden) article text. */
  sample: string;
}

/** Longest run of consecutive `true`s, as [start, length]. */
function longestRun(hits: readonly boolean[]): [number, number] {
  let best: [number, number] = [-1, 0];
  let start = -1;
  for (let i = 0; i <= hits.length; i++) {
    if (i < hits.length && hits[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start > best[1]) best = [start, i - start];
      start = -1;
    }
  }
  return best;
}

const shingleSet = (texts: string | readonly string[], n: number): Set<string> =>
  // Several texts (one per block) are separate: no shingle spans two of them.
  new Set((typeof texts === 'string' ? [texts] : texts).flatMap((t) => ngrams(tokenize(t), n)));

/**
 * How much of `article` lies inside `hidden`: the article's 4-token shingles that occur anywhere
 * in the hidden text and, when the page's remaining `visible` text is given, those of them that
 * occur nowhere in it (a teaser repeating the lead inside a hidden feed does not lose the lead).
 */
export function hiddenOverlap(
  article: string,
  hidden: string | readonly string[],
  options: { visible?: string | readonly string[]; n?: number } = {},
): Overlap {
  const n = options.n ?? 4;
  const tokens = tokenize(article);
  const grams = ngrams(tokens, n);
  const hiddenSet = shingleSet(hidden, n);
  const visibleSet = options.visible === undefined ? new Set<string>() : shingleSet(options.visible, n);
  const inHidden = grams.map((g) => hiddenSet.has(g));
  const isLost = grams.map((g, i) => inHidden[i]! && !visibleSet.has(g));
  const shingles = inHidden.filter(Boolean).length;
  const lost = isLost.filter(Boolean).length;
  const [start, len] = longestRun(lost ? isLost : inHidden);
  // A run of k shingles covers k + n - 1 tokens.
  const sample = start >= 0 ? tokens.slice(start, start + len + n - 1).join(' ').slice(0, 100) : '';
  return { shingles, lost, total: grams.length, share: grams.length ? shingles / grams.length : 0, sample };
}

/**
 * Feed kinds the extension hides by default. Mirrors DEFAULT_SETTINGS.hide (utils/settings.ts
 * cannot be imported outside an extension: @wxt-dev/storage needs browser.runtime); the unit
 * test checks the two agree.
 */
export const HIDDEN_BY_DEFAULT: ReadonlySet<string> = new Set(['recommended', 'trending', 'sponsored']);

// ---------------------------------------------------------------------------------------------
// Text of DOM nodes
// ---------------------------------------------------------------------------------------------

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE']);

/**
 * Visible-ish text of a subtree: text nodes joined by spaces (so adjacent blocks do not fuse
 * their boundary words into one token, as plain textContent does), scripts and styles left out,
 * and the subtrees in `skip` too.
 */
export function nodeText(root: Node, skip?: ReadonlySet<Node>): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (skip?.has(n)) return;
    if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
    else if (n.nodeType === 1 && NOT_TEXT.has((n as Element).tagName)) return;
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(root);
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Corpora
// ---------------------------------------------------------------------------------------------

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const SHARED_DIR = resolve(PROJECT_ROOT, '../shared');

/**
 * The shared folder, or — when it is absent (a fresh clone) — one clear line and exit: 0
 * normally, 1 under CI=true where a missing ../shared is a failure.
 */
export function requireShared(what: string, dir: string = SHARED_DIR): string {
  if (existsSync(dir)) return dir;
  const ci = process.env.CI === 'true';
  console.log(`${ci ? 'FAILED' : 'skipped'}: ${what} — ${dir} not found${ci ? ' (CI=true requires it)' : ''}`);
  process.exit(ci ? 1 : 0);
}

export interface BenchmarkPage {
  id: string;
  url: string;
  articleBody: string;
}

export interface Benchmark {
  dir: string;
  pages: BenchmarkPage[];
  html(id: string): string;
}

export const BENCHMARK_DIR = join(SHARED_DIR, 'corpus/article-extraction-benchmark');

export function loadBenchmark(dir: string = BENCHMARK_DIR): Benchmark {
  const gt = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  const pages = Object.entries(gt).map(([id, v]) => ({ id, url: v.url ?? `https://example.com/${id}`, articleBody: v.articleBody ?? '' }));
  return { dir, pages, html: (id) => gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8') };
}

/** An upstream prediction file: `{id: {articleBody}}` or `{version, output: {id: {articleBody}}}`. */
export function loadPredictions(file: string): { version: string | null; bodies: Map<string, string> } {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const wrapped = raw.output && typeof raw.output === 'object' && !('articleBody' in (raw.output as object));
  const items = (wrapped ? raw.output : raw) as Record<string, { articleBody?: string | null }>;
  const bodies = new Map<string, string>();
  for (const [id, v] of Object.entries(items)) bodies.set(id, v?.articleBody ?? '');
  return { version: wrapped && typeof raw.version === 'string' ? raw.version : null, bodies };
}

export interface ReadabilityTestPage {
  name: string;
  source: string;
  expected: string;
  metadata: Record<string, unknown>;
}

export const READABILITY_PAGES_DIR = join(SHARED_DIR, 'corpus/readability-test-pages');

export function loadReadabilityTestPages(dir: string = READABILITY_PAGES_DIR): ReadabilityTestPage[] {
  const out: ReadabilityTestPage[] = [];
  for (const name of readdirSync(dir).sort()) {
    const folder = join(dir, name);
    if (!statSync(folder).isDirectory() || !existsSync(join(folder, 'source.html'))) continue;
    const metaFile = join(folder, 'expected-metadata.json');
    out.push({
      name,
      source: readFileSync(join(folder, 'source.html'), 'utf8'),
      expected: existsSync(join(folder, 'expected.html')) ? readFileSync(join(folder, 'expected.html'), 'utf8') : '',
      metadata: existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>) : {},
    });
  }
  return out;
}
