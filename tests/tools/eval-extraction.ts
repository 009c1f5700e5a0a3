/**
 * Article-body extraction on Zyte's article-extraction benchmark, scored exactly as its
 * evaluate.py does (see corpus.ts):
 *   npx tsx tests/tools/eval-extraction.ts [<benchmark dir>] [--verbose] [--limit N]
 * Scores the upstream Readability.js output (a check of the scorer), Readability alone and our
 * pipeline (analyzeDocument: feed/rail/ad removal, then Readability), lists the pages where our
 * pre-cleaning makes extraction worse, and prints one JSON object as the last line.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHtml } from './dom';
import { analyzeDocument, loadEnglishTagger } from '../../utils/analysis';
import {
  BENCHMARK_DIR,
  loadBenchmark,
  loadPredictions,
  metricsFromTpFpFns,
  pageF1,
  requireShared,
  shingleMatching,
  type Prf,
  type TpFpFn,
} from './corpus';

/** Ours may trail Readability alone on a page by at most this much F1 before it is listed. */
const WORSE_BY = 0.01;

const args = process.argv.slice(2);
if (args[0] === 'extraction') args.shift(); // `npm run eval -- extraction <dir>` routing
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const verbose = args.includes('--verbose');
const limit = opt('--limit') ? Number(opt('--limit')) : Infinity;
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--limit');
const dir = positional[0] ? resolve(positional[0]) : BENCHMARK_DIR;
requireShared('extraction benchmark', dir);
if (!existsSync(join(dir, 'ground-truth.json'))) {
  console.error(`${dir} has no ground-truth.json: not the article-extraction-benchmark folder`);
  process.exit(2);
}

const bench = loadBenchmark(dir);
// English articles need compromise, which the extension loads only when one does.
await loadEnglishTagger();
const pages = bench.pages.slice(0, limit);

const round = (x: number): number => +x.toFixed(4);
const fmt = (m: Prf): Prf => ({ P: round(m.P), R: round(m.R), F1: round(m.F1) });

// Upstream Readability.js output: checks that this scorer is the benchmark's.
let upstream: Prf | null = null;
let upstreamVersion: string | null = null;
const upstreamFile = join(dir, 'output/readability_js.json');
if (existsSync(upstreamFile)) {
  const pred = loadPredictions(upstreamFile);
  upstreamVersion = pred.version;
  upstream = metricsFromTpFpFns(pages.map((p) => shingleMatching(p.articleBody, pred.bodies.get(p.id) ?? '')));
}

const rowsReadability: TpFpFn[] = [];
const rowsOurs: TpFpFn[] = [];
const worse: Array<{ id: string; url: string; readabilityF1: number; oursF1: number }> = [];
const failures: string[] = [];
let parseMs = 0;
let readabilityMs = 0;
let oursMs = 0;
let oursNull = 0;
let better = 0;

for (const page of pages) {
  let t = performance.now();
  const doc = parseHtml(bench.html(page.id), page.url);
  parseMs += performance.now() - t;

  t = performance.now();
  let readabilityText = '';
  try {
    readabilityText = new Readability(doc.cloneNode(true) as Document).parse()?.textContent ?? '';
  } catch (e) {
    failures.push(`${page.id} readability: ${(e as Error).message}`);
  }
  readabilityMs += performance.now() - t;

  t = performance.now();
  let oursText = '';
  try {
    const a = analyzeDocument(doc, page.url, { force: true });
    if (a.article) oursText = a.article.paragraphs.join('\n');
    else oursNull++;
  } catch (e) {
    failures.push(`${page.id} ours: ${(e as Error).stack ?? (e as Error).message}`);
  }
  oursMs += performance.now() - t;

  const r = shingleMatching(page.articleBody, readabilityText);
  const o = shingleMatching(page.articleBody, oursText);
  rowsReadability.push(r);
  rowsOurs.push(o);
  const rf = pageF1(r);
  const of = pageF1(o);
  if (of > rf + WORSE_BY) better++;
  if (of < rf - WORSE_BY) worse.push({ id: page.id, url: page.url, readabilityF1: round(rf), oursF1: round(of) });
  if (verbose) console.log(`${page.id.slice(0, 12)}  readability ${rf.toFixed(3)}  ours ${of.toFixed(3)}  ${page.url}`);
}

const readability = metricsFromTpFpFns(rowsReadability);
const ours = metricsFromTpFpFns(rowsOurs);

console.log(`Article extraction benchmark: ${pages.length} pages from ${dir}`);
console.log('system                      P       R       F1      total ms');
const line = (name: string, m: Prf | null, ms?: number): void => {
  if (!m) return void console.log(`${name.padEnd(26)}  (no output file)`);
  console.log(`${name.padEnd(26)}  ${m.P.toFixed(3)}   ${m.R.toFixed(3)}   ${m.F1.toFixed(3)}   ${ms === undefined ? '' : Math.round(ms)}`);
};
line(`upstream readability_js ${upstreamVersion ?? ''}`.trim(), upstream);
line('Readability alone', readability, readabilityMs);
line('ours (analyzeDocument)', ours, oursMs);
console.log(`jsdom parsing: ${Math.round(parseMs)} ms total (once per page, shared by both systems)`);
if (oursNull) console.log(`ours returned no article on ${oursNull} page(s) (scored as empty)`);
for (const f of failures) console.log(`ERROR ${f}`);

worse.sort((a, b) => a.oursF1 - a.readabilityF1 - (b.oursF1 - b.readabilityF1));
console.log(`\npages where ours is worse than Readability alone by more than ${WORSE_BY} F1: ${worse.length}`);
for (const w of worse) console.log(`  ${w.id}  readability ${w.readabilityF1.toFixed(3)}  ours ${w.oursF1.toFixed(3)}  ${w.url}`);
console.log(`pages where ours is better by more than ${WORSE_BY} F1: ${better}`);
if (worse.length) console.log(`!!! our pre-cleaning makes extraction worse on ${worse.length} page(s)`);

console.log(
  JSON.stringify({
    pages: pages.length,
    readability: fmt(readability),
    ours: fmt(ours),
    upstreamReadability: upstream ? fmt(upstream) : null,
    ms: { parse: Math.round(parseMs), readability: Math.round(readabilityMs), ours: Math.round(oursMs) },
    betterPages: better,
    worsePages: worse,
  }),
);
