/**
 * "The cleanup must never hide any of the page's article text."
 *   npx tsx tests/tools/safety.ts [--verbose] [--blocks FILE]
 * Runs detectFeed (force: the page is treated as an article) on every page of the Readability
 * test pages and of the article-extraction benchmark, each served as if from a Yahoo host, takes
 * the blocks the extension hides by default, and counts the article's 4-token shingles that occur
 * in the hidden text. Target: zero on every page. Always exits 0 (a measurement); the last line
 * is one JSON object. With `--blocks FILE`, every block of every kind on every page is written to
 * FILE, one line each, so two versions of the detector can be compared with `diff`: the check a
 * change to the detector makes before it lands ("the corpus block list is identical").
 */
import { writeFileSync } from 'node:fs';
import { parseHtml } from './dom';
import { detectFeed } from '../../utils/feed/detect';
import {
  BENCHMARK_DIR,
  HIDDEN_BY_DEFAULT,
  READABILITY_PAGES_DIR,
  hiddenOverlap,
  loadBenchmark,
  loadReadabilityTestPages,
  nodeText,
  requireShared,
} from './corpus';

interface PageResult {
  corpus: 'readability' | 'benchmark';
  id: string;
  url: string;
  originalUrl: string | null;
  hiddenBlocks: number;
  articleShingles: number;
  hiddenArticleShingles: number;
  /** Hidden article shingles that occur nowhere in the page's remaining visible text. */
  lostArticleShingles: number;
  share: number;
  /** The hidden block holding most of the article's shingles. */
  block: { kind: string; heading: string; tag: string; shingles: number; lost: number } | null;
  sample: string;
}

const verbose = process.argv.includes('--verbose');
const blocksArg = process.argv.indexOf('--blocks');
const blocksFile = blocksArg > 0 ? process.argv[blocksArg + 1] : undefined;
if (blocksArg > 0 && !blocksFile) throw new Error('--blocks needs a file name');
const blockLines: string[] = [];
requireShared('safety check (readability-test-pages, article-extraction-benchmark)');

function describe(el: Element): string {
  const cls = (el.getAttribute('class') ?? '').trim();
  return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls.split(/\s+/).join('.')}` : ''}`.slice(0, 80);
}

function check(
  corpus: PageResult['corpus'],
  id: string,
  doc: Document,
  url: string,
  originalUrl: string | null,
  articleText: string,
): PageResult {
  const detection = detectFeed(doc, url, { force: true });
  if (blocksFile) {
    for (const b of detection.blocks) blockLines.push(`${corpus}/${id} ${b.kind} ${b.source} "${b.heading}" items=${b.items.length} <${describe(b.el)}>`);
  }
  const hidden = detection.blocks.filter((b) => HIDDEN_BY_DEFAULT.has(b.kind));
  const texts = hidden.map((b) => nodeText(b.el));
  const visible = hidden.length ? nodeText(doc.body, new Set(hidden.map((b) => b.el))) : '';
  const all = hiddenOverlap(articleText, texts, { visible });
  let block: PageResult['block'] = null;
  let best: [number, number] = [0, 0];
  hidden.forEach((b, i) => {
    const o = hiddenOverlap(articleText, texts[i]!, { visible });
    if (o.lost > best[0] || (o.lost === best[0] && o.shingles > best[1])) {
      best = [o.lost, o.shingles];
      block = { kind: b.kind, heading: b.heading, tag: describe(b.el), shingles: o.shingles, lost: o.lost };
    }
  });
  const r: PageResult = {
    corpus,
    id,
    url,
    originalUrl,
    hiddenBlocks: hidden.length,
    articleShingles: all.total,
    hiddenArticleShingles: all.shingles,
    lostArticleShingles: all.lost,
    share: +all.share.toFixed(4),
    block,
    sample: all.sample,
  };
  if (verbose) {
    console.log(`${corpus} ${id.slice(0, 24).padEnd(24)} hidden blocks ${hidden.length}  article shingles ${all.total}  hidden ${all.shingles}  lost ${all.lost}`);
    for (const b of hidden) console.log(`    ${b.kind.padEnd(11)} ${b.source.padEnd(7)} "${b.heading}"`);
  }
  return r;
}

const results: PageResult[] = [];
const t0 = performance.now();

for (const p of loadReadabilityTestPages(READABILITY_PAGES_DIR)) {
  const metaUrl = typeof p.metadata.url === 'string' ? p.metadata.url : null;
  const url = metaUrl ?? `https://tw.news.yahoo.com/${p.name}-123456789.html`;
  const expected = nodeText(parseHtml(p.expected, url).body);
  results.push(check('readability', p.name, parseHtml(p.source, url), url, metaUrl, expected));
}

const bench = loadBenchmark(BENCHMARK_DIR);
for (const p of bench.pages) {
  const url = `https://news.yahoo.com/${p.id}-123456789.html`;
  results.push(check('benchmark', p.id, parseHtml(bench.html(p.id), url), url, p.url, p.articleBody));
}
const ms = performance.now() - t0;
if (blocksFile) writeFileSync(blocksFile, `${blockLines.join('\n')}\n`);

function summary(corpus: PageResult['corpus']) {
  const rs = results.filter((r) => r.corpus === corpus);
  return {
    pages: rs.length,
    pagesWithLoss: rs.filter((r) => r.hiddenArticleShingles > 0).length,
    hiddenShingles: rs.reduce((s, r) => s + r.hiddenArticleShingles, 0),
    pagesWithLostText: rs.filter((r) => r.lostArticleShingles > 0).length,
    lostShingles: rs.reduce((s, r) => s + r.lostArticleShingles, 0),
    pagesWithHiddenBlocks: rs.filter((r) => r.hiddenBlocks > 0).length,
    hiddenBlocks: rs.reduce((s, r) => s + r.hiddenBlocks, 0),
  };
}

const sums = { readabilityPages: summary('readability'), benchmark: summary('benchmark') };
const offenders = results.filter((r) => r.hiddenArticleShingles > 0).sort((a, b) => b.lostArticleShingles - a.lostArticleShingles || b.hiddenArticleShingles - a.hiddenArticleShingles);

for (const [name, corpus] of [['Readability test pages', 'readability'], ['article-extraction benchmark', 'benchmark']] as const) {
  const s = corpus === 'readability' ? sums.readabilityPages : sums.benchmark;
  console.log(`\n${name}: ${s.pages} pages, ${s.hiddenBlocks} blocks hidden by default on ${s.pagesWithHiddenBlocks} pages`);
  console.log(`  pages with article shingles inside hidden blocks: ${s.pagesWithLoss}; hidden article shingles in total: ${s.hiddenShingles}`);
  console.log(`  of which gone from the page (not also in visible text): ${s.lostShingles} shingles on ${s.pagesWithLostText} pages`);
  const worst = offenders.filter((r) => r.corpus === corpus).slice(0, 10);
  for (const r of worst) {
    console.log(`  ${String(r.hiddenArticleShingles).padStart(5)} of ${r.articleShingles} (${(100 * r.share).toFixed(1)}%), lost ${r.lostArticleShingles}  ${r.id}${r.originalUrl ? `  ${r.originalUrl}` : ''}`);
    if (r.block) console.log(`        block: ${r.block.kind} "${r.block.heading}" <${r.block.tag}> (${r.block.shingles} shingles, ${r.block.lost} lost)`);
    console.log(`        text:  ${r.sample}`);
  }
}
console.log(`\n${results.length} pages in ${Math.round(ms)} ms`);
const inHidden = sums.readabilityPages.hiddenShingles + sums.benchmark.hiddenShingles;
const lost = sums.readabilityPages.lostShingles + sums.benchmark.lostShingles;
if (inHidden > 0) {
  console.log(
    `!!! SAFETY: blocks hidden by default hold article text on ${offenders.length} page(s) (${inHidden} article shingles, ` +
      `${lost} of them nowhere else on the page) — target is zero`,
  );
} else {
  console.log('safety: no article text inside any block hidden by default');
}
console.log(
  JSON.stringify({
    readabilityPages: sums.readabilityPages,
    benchmark: sums.benchmark,
    offenders: offenders.map((r) => ({
      corpus: r.corpus,
      id: r.id,
      url: r.url,
      originalUrl: r.originalUrl,
      hiddenArticleShingles: r.hiddenArticleShingles,
      lostArticleShingles: r.lostArticleShingles,
      articleShingles: r.articleShingles,
      share: r.share,
      block: r.block,
      sample: r.sample,
    })),
  }),
);
