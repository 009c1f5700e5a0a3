import type { SiteProfile } from './types';

/** Yahoo! JAPAN News. Class names are generated (sc-xxxx) per deploy, so only stable hooks. */
export const yahooJapan: SiteProfile = {
  id: 'yahoo-japan',
  label: 'Yahoo! JAPAN News',
  hosts: /^news\.yahoo\.co\.jp$/,
  articleRoot: ['div[class*="article_body"]', 'div[data-ual-view-type="detail"]'],
  headline: ['article h1', 'main h1'],
  byline: ['article time', 'main time'],
  feedBlocks: [
    { selector: '#ranking', kind: 'trending', early: true },
    { selector: '[data-ual-view-type="list"]', kind: 'recommended' },
    { selector: '#yjnSub', kind: 'trending', early: true },
  ],
  itemSelectors: ['.newsFeed_item', '#ranking li', '#yjnSub li'],
  fixtures: ['jp-article.html'],
};
