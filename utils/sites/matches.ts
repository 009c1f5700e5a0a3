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
