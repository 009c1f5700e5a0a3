/** What a feed block is: the four kinds the product tells apart. */
export type FeedKind = 'recommended' | 'trending' | 'sponsored' | 'related';

export const FEED_KINDS: readonly FeedKind[] = ['recommended', 'trending', 'sponsored', 'related'];

export interface FeedBlockRule {
  /** CSS selector of the block container (heading included). */
  selector: string;
  kind: FeedKind;
  /** Selector of one item inside the block, relative to it. */
  items?: string;
  /**
   * Safe to hide from document_start, before the script has confirmed the page is an article:
   * the selector can only ever match a feed (ids and module names, never generic containers).
   */
  early?: boolean;
}

/** One platform generation of one site, as data. Adding a layout is a one-file change. */
export interface SiteProfile {
  id: string;
  label: string;
  /** Hostnames this profile applies to. */
  hosts: RegExp;
  /** Article body containers, most specific first. */
  articleRoot: string[];
  headline: string[];
  byline: string[];
  feedBlocks: FeedBlockRule[];
  /** Card selectors that count as feed items inside any detected block. */
  itemSelectors: string[];
  /** Fixture pages (tests/fixtures/yahoo/) that prove this profile. */
  fixtures: string[];
}
