import type { FeedKind } from '../sites/types';

/**
 * Generic signals of a recommendation feed, readable like Readability's REGEXPS: every weight
 * and threshold is named here, with the reason for it. Sources: ../shared/notes/yahoo-markup.md.
 */

/** Heading phrases, matched against a block heading's whole (normalised) text. */
export const HEADING_PHRASES: ReadonlyArray<{ pattern: RegExp; kind: FeedKind }> = [
  // Unrelated feeds: zh-Hant, zh-Hans, ja, en.
  {
    kind: 'recommended',
    pattern:
      /^(其他人也在看|你可能也喜歡|你可能會喜歡|你可能也會喜歡|大家都在看|推薦閱讀|推薦新聞|更多新聞|猜你喜歡|為你推薦|为你推荐|热门推荐|猜你喜欢|你可能也喜欢|大家都在看|推荐阅读|更多新闻|あわせて読みたい|おすすめ記事|こちらもおすすめ|こちらもどうぞ|この記事を読んだ人はこんな記事も|recommended( stories| for you| articles| reading)?|you may (also )?like|you might (also )?like|more from\b.*|read next|what to read next|up next|more stories|more top stories|stories you may have missed|around the web|from our partners)$/i,
  },
  {
    kind: 'trending',
    pattern:
      /^(熱門新聞|熱門|熱門文章|人氣新聞|即時熱門|最多人看|熱搜|热门新闻|热门|排行榜|アクセスランキング|ランキング|総合ランキング|trending( now| stories)?|most popular|most read|popular( now| stories)?|top stories)$/i,
  },
  { kind: 'sponsored', pattern: /^(贊助|贊助內容|廣告|sponsored( content| stories)?|promoted( stories)?|広告|pr)$/i },
  {
    kind: 'related',
    pattern: /^(相關新聞|相關文章|延伸閱讀|相关新闻|相关文章|延伸阅读|関連記事|関連ニュース|related( stories| articles| coverage| news)?|read more about.*|more on this story)$/i,
  },
];

/** Third-party recommendation widgets: always sponsored, whatever their heading says. */
export const WIDGET_SELECTORS = [
  '.trc_related_container',
  '.trc_rbox',
  '[data-taboola-options]',
  '[id^="taboola-"]',
  '.OUTBRAIN',
  '.ob-widget-header',
  '.ob-smartfeed-wrapper',
  '#_popIn_recommend',
  '.uz-ny',
].join(',');

/** Class/id words of recommendation modules ("more" is left out: too many false positives). */
export const CLASS_WORDS =
  /(related|recommend|popular|trending|readnext|read-next|recirc|similar|next-article|most-read|mostread|smartfeed|stream|you-might-like|ymal)/i;

/** Yahoo's syndicated-module plumbing: weak evidence, never enough alone. */
export const YAHOO_MODULE_ATTRS = ['data-ylk', 'data-i13n-sec', 'data-wf-beacons', 'data-test-locator'];

/** "三立新聞網 setn.com ・ 3 小時前", "共同通信 ・ 2時間前", "Reuters · 3h ago". */
export const RELATIVE_TIME =
  /(\d+\s*(分鐘|小時|天|週|个?小时|分钟|天)前|\d+\s*(分|時間|日)前|\d+\s*(min|mins|minutes?|h|hrs?|hours?|d|days?)\s*ago|昨天|前天|yesterday)/i;

/** Feature weights: a block is hidden when their sum reaches HIDE_CONFIDENCE. */
export const WEIGHTS = {
  /** The block's own heading names a feed: the strongest single signal. */
  headingPhrase: 0.55,
  /** Taboola/Outbrain/popIn: third-party widgets are never article text. */
  widget: 0.9,
  /** Known site-profile selector (data file) matched. */
  profileSelector: 0.7,
  /** class/id words such as "recommend", "trending", "recirc". */
  classWords: 0.15,
  /** Three or more similar sibling cards, each with a link. */
  repeatedCards: 0.2,
  /** Those cards carry a relative time ("3 小時前", "2h ago"): a stream of other stories. */
  cardsWithTime: 0.25,
  /** Mostly link text. */
  linkDensity: 0.1,
  /** After the article's end, or in an aside: where feeds live, never the story. */
  position: 0.15,
  /** Yahoo's module tracking attributes. */
  yahooModule: 0.05,
} as const;

export type FeatureName = keyof typeof WEIGHTS;

/** Sum of weights at which a block is hidden. A heading phrase plus its position passes, so does
 * a run of timed cards after the article; cards or class words alone do not. */
export const HIDE_CONFIDENCE = 0.6;

/** Cards needed to call a run of siblings a feed: two could be a figure pair. */
export const MIN_CARDS = 3;
/** Heading text longer than this is prose, not a module label. */
export const MAX_HEADING_CHARS = 40;
/** Link text share at which a block reads as a list of links rather than prose. */
export const LINK_DENSITY_MIN = 0.5;
/** Share of items that must name the article's own terms for a block to count as related reading. */
export const RELATED_ITEM_SHARE = 0.5;

export function normaliseHeading(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/[:：>›»▶︎→…\-–—|｜]+\s*$/u, '')
    .trim();
}

export function headingKind(text: string): FeedKind | null {
  const t = normaliseHeading(text);
  if (!t || t.length > MAX_HEADING_CHARS) return null;
  for (const { pattern, kind } of HEADING_PHRASES) if (pattern.test(t)) return kind;
  return null;
}
