/**
 * Hosts where the cleanup content script runs without asking. As narrow as Yahoo's URL shapes
 * allow; page classification (utils/page/classify.ts) then decides per page whether to act.
 */
export const YAHOO_MATCHES = [
  'https://*.news.yahoo.com/*', // tw/hk/sg/uk/ca/au/nz/ph/my/in news, and news.yahoo.com
  'https://*.yahoo.com/news/*', // www.yahoo.com/news, finance.yahoo.com/news, tw.stock.yahoo.com/news
  'https://*.yahoo.com/*/articles/*', // 2025 www.yahoo.com/{news,lifestyle,…}/articles/…
  'https://*.yahoo.com/article/*', // sports/finance /article/…
  'https://*.tv.yahoo.com/*', // tw/hk entertainment
  'https://*.style.yahoo.com/*', // tw/hk lifestyle
  'https://*.sports.yahoo.com/*',
  'https://*.finance.yahoo.com/*',
  'https://news.yahoo.co.jp/*',
];

/**
 * URLs that may be articles by their shape alone: a superset, as globs over the whole URL, of
 * every path `pathLooksLikeArticle` (utils/page/classify.ts) accepts ("…-123456789.html",
 * "/news/….html", "/articles/<hex>"). On these the content script runs from document_start, so
 * the feed is hidden before the first paint. Every other page of the hosts above (home pages,
 * section fronts, search) gets the same script at document_idle instead, after the page is
 * shown: it costs such a page nothing while it loads, and still follows in-site navigation into
 * an article. The test in tests/unit/sites.test.ts keeps the two lists in step.
 */
export const ARTICLE_URL_GLOBS = ['*.html*', '*/articles/*'];
