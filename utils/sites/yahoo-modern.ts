import type { SiteProfile } from './types';

/**
 * Current Yahoo TW/HK/SG layout (Next.js, utility classes; 2024–). The feed (其他人也在看) is a
 * sibling section inside div.article-wrapper, so the wrapper itself is never a block.
 */
export const yahooModern: SiteProfile = {
  id: 'yahoo-modern',
  label: 'Yahoo (2024– layout)',
  hosts: /(^|\.)yahoo\.com$/,
  articleRoot: ['section.module-article-body div.atoms', 'section.module-article-body'],
  headline: ['section.module-article-body h1', '.article-wrapper h1'],
  byline: ['section.module-article-body time', '.article-wrapper time'],
  feedBlocks: [
    {
      selector: '.article-wrapper > section.mt-module-gap:not(.module-article-body):not(:has(h1))',
      kind: 'recommended',
      early: true,
    },
    { selector: '#recommended-article-stream', kind: 'recommended', early: true },
    { selector: '#module-preference-stream', kind: 'recommended', early: true },
    { selector: '.recommendation-contents', kind: 'recommended', early: true },
    { selector: '#module-most-popular', kind: 'trending', early: true },
    { selector: '[id^="taboola-stream"]', kind: 'sponsored', early: true },
    { selector: '#mktbanner', kind: 'sponsored', early: true },
  ],
  itemSelectors: ['.stream-card', 'li.stream-item'],
  fixtures: ['tw-modern-seed.html', 'hk-lazy.html', 'tw-next-story.html', 'tw-inline-related.html'],
};
