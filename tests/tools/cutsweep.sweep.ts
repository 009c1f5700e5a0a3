/**
 * `npm run eval -- cutsweep [--cuts N] [--fixtures a.html,b.html]`: what a reader could see
 * while a page parses. Each article fixture is cut at up to N tag boundaries in its body (all
 * of them when it has fewer), as the parser would leave it when the network stalls there: the
 * content script runs on that much (`whileParsing`, the frame the browser may paint next), and
 * the sweep counts the cuts where a feed item with something to paint (words or a picture) is
 * shown, where an article part is hidden, and where related reading is hidden. Prints one line
 * per page with any, then one JSON object with the totals as the last line.
 *
 * It runs in vitest (the controller needs WXT's test environment), with
 * vitest.sweep.config.ts; not part of `npm test`: the whole sweep takes minutes.
 */
import { it } from 'vitest';
import { FIXTURES, fixtureHtml } from '../unit/fixtures';
import { hiddenOnPage, whileParsing } from '../unit/parsing';

/** Cuts per page when --cuts is not given. */
const DEFAULT_CUTS = 40;
const ARTICLE_PARTS = '[data-fixture="article"], [data-fixture="headline"], [data-fixture="byline"], [data-fixture="article-image"]';

const cutsWanted = Number(process.env.CUTSWEEP_CUTS) || DEFAULT_CUTS;
const only = process.env.CUTSWEEP_FIXTURES ? process.env.CUTSWEEP_FIXTURES.split(',') : null;

/** Tag starts in the body, outside scripts, styles and comments: where a chunk may end. */
function tagBoundaries(html: string): number[] {
  const out: number[] = [];
  const body = html.search(/<body[\s>]/i);
  const skip = /<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
  const skipped: Array<[number, number]> = [];
  for (let m = skip.exec(html); m; m = skip.exec(html)) skipped.push([m.index, m.index + m[0].length]);
  let k = 0;
  for (let i = html.indexOf('<', Math.max(0, body) + 1); i >= 0; i = html.indexOf('<', i + 1)) {
    while (k < skipped.length && skipped[k]![1] <= i) k++;
    if (k < skipped.length && skipped[k]![0] < i) continue;
    out.push(i);
  }
  return out;
}

/** Up to n of xs, evenly spaced, the last one included. */
function sample(xs: number[], n: number): number[] {
  if (xs.length <= n) return xs;
  return Array.from({ length: n }, (_, i) => xs[Math.round(((i + 1) * (xs.length - 1)) / n)]!);
}

/** Something a frame would paint: words, or a picture. An element the parser has only opened
 * has neither yet. */
function paintable(el: Element): boolean {
  return (el.textContent ?? '').trim() !== '' || !!el.querySelector('img, picture, svg, video');
}

interface PageResult {
  file: string;
  cuts: number;
  feedShown: number;
  articleHidden: number;
  relatedHidden: number;
  first?: string;
}

const results: PageResult[] = [];
const pages = FIXTURES.filter((f) => f.expect.isArticle && (!only || only.includes(f.file)));

for (const f of pages) {
  it(f.file, async () => {
    const html = fixtureHtml(f.file);
    const r: PageResult = { file: f.file, cuts: 0, feedShown: 0, articleHidden: 0, relatedHidden: 0 };
    for (const cut of sample(tagBoundaries(html), cutsWanted)) {
      const { doc, c } = await whileParsing(f.file, html.slice(0, cut), true);
      const css = doc.defaultView!;
      // Parsed with scripting off, a <noscript>'s markup is elements here; a browser shows none.
      const annotated = (sel: string, hidden: boolean) =>
        Array.from(doc.querySelectorAll(sel)).filter((el) => !el.closest('noscript') && hiddenOnPage(css, el) === hidden);
      const shown = annotated('[data-fixture="feed-item"]', false).filter(paintable);
      const article = annotated(ARTICLE_PARTS, true);
      const related = annotated('[data-fixture="related-item"]', true);
      r.cuts++;
      if (shown.length) r.feedShown++;
      if (article.length) r.articleHidden++;
      if (related.length) r.relatedHidden++;
      if (!r.first && (shown.length || article.length)) {
        const what = shown.length ? `feed shown: ${shown[0]!.textContent!.trim().slice(0, 30)}` : `${article[0]!.getAttribute('data-fixture')} hidden`;
        r.first = `at ${cut} of ${html.length}: ${what}`;
      }
      c.stop();
      css.close();
    }
    results.push(r);
    if (r.feedShown || r.articleHidden || r.relatedHidden) {
      console.log(`${r.file}: ${r.cuts} cuts; feed shown at ${r.feedShown}, article hidden at ${r.articleHidden}, related hidden at ${r.relatedHidden}${r.first ? ` (first ${r.first})` : ''}`);
    }
  });
}

it('totals', () => {
  const sum = (k: 'cuts' | 'feedShown' | 'articleHidden' | 'relatedHidden') => results.reduce((n, r) => n + r[k], 0);
  console.log(
    JSON.stringify({
      pages: results.length,
      cutsPerPage: cutsWanted,
      cuts: sum('cuts'),
      pagesFeedShown: results.filter((r) => r.feedShown).length,
      cutsFeedShown: sum('feedShown'),
      pagesArticleHidden: results.filter((r) => r.articleHidden).length,
      cutsArticleHidden: sum('articleHidden'),
      pagesRelatedHidden: results.filter((r) => r.relatedHidden).length,
      cutsRelatedHidden: sum('relatedHidden'),
    }),
  );
});
