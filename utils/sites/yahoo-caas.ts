import type { SiteProfile } from './types';

/** Older "caas" layout (about 2019–2024; news.yahoo.com, uk, sg, ca, au in English). */
export const yahooCaas: SiteProfile = {
  id: 'yahoo-caas',
  label: 'Yahoo (caas layout)',
  hosts: /(^|\.)yahoo\.com$/,
  articleRoot: ['div.caas-body', 'article .caas-content-wrapper', '.canvas-body'],
  headline: ['header.caas-title-wrapper h1', 'article h1'],
  byline: ['div.caas-attr-time-style', '.caas-attr-meta', '.caas-author-byline-collapse'],
  feedBlocks: [
    { selector: '#YDC-Stream', kind: 'recommended', early: true },
    { selector: '[id^="recirc-"]', kind: 'recommended', early: true },
    { selector: '.caas-readmore', kind: 'recommended', early: true },
    { selector: '.caas-more-from', kind: 'recommended', early: true },
    { selector: '.ntk-list', kind: 'trending', early: true },
    { selector: '.show-ymal.you-might-like', kind: 'recommended', early: true },
    { selector: '.caas-related', kind: 'related' },
    { selector: '.taboola-ad-item-wrapper', kind: 'sponsored', early: true },
    { selector: 'li[id^="taboola-twhk-"]', kind: 'sponsored', early: true },
  ],
  itemSelectors: ['li.stream-item', 'li.js-stream-content'],
  fixtures: ['caas-en.html'],
};
