/**
 * Hosts where the cleanup content script runs without asking. As narrow as Yahoo's URL shapes
 * allow; page classification (utils/page/classify.ts) then decides per page whether to act.
 */
export const YAHOO_MATCHES = [
  'https://*.news.yahoo.com/*', // tw/hk/sg/uk/ca/au/nz/ph/my/in news, and news.yahoo.com
  'https://*.noticias.yahoo.com/*', // Yahoo Noticias, US Spanish (es-us.noticias.yahoo.com)
  'https://*.yahoo.com/news/*', // www.yahoo.com/news, finance.yahoo.com/news, tw.stock.yahoo.com/news
  'https://*.yahoo.com/*/articles/*', // 2025 www.yahoo.com/{news,lifestyle,…}/articles/…
  'https://*.yahoo.com/article/*', // sports/finance /article/…
  'https://*.yahoo.com/entertainment/*', // www.yahoo.com/entertainment/<slug>-123456789.html
  'https://*.yahoo.com/lifestyle/*', // www.yahoo.com/lifestyle/<slug>-123456789.html
  'https://*.lifestyle.yahoo.com/*', // au lifestyle
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

/** First path segments of the hosts' pages that are never articles (video, search, topic,
 * pickup and ranking pages), even when their URL ends in ".html" (a TW video page) or they
 * carry og:type article (a Yahoo! JAPAN pickup page). utils/page/classify.ts reads them too. */
export const NON_ARTICLE_SECTIONS = ['search', 'video', 'videos', 'topic', 'topics', 'live', 'photo', 'photos', 'pickup', 'ranking'];

/**
 * The same pages as globs over the whole URL. They leave the document_start entry and get the
 * script at document_idle (wxt.config.ts): a page where it does not act costs nothing before
 * it is shown (a TW video page cost 7.5 ms at load in `npm run bench` on 2026-11-29).
 */
export const NON_ARTICLE_URL_GLOBS = ['https://*.yahoo.com', 'https://news.yahoo.co.jp'].flatMap((host) =>
  NON_ARTICLE_SECTIONS.flatMap((section) => [`${host}/${section}/*`, `${host}/${section}`, `${host}/${section}?*`]),
);
