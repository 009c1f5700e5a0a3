import type { SiteProfile } from './types';
import { yahooModern } from './yahoo-modern';
import { yahooCaas } from './yahoo-caas';
import { yahooJapan } from './yahoo-japan';

export type { SiteProfile, FeedBlockRule, FeedKind } from './types';
export { FEED_KINDS } from './types';

/** Every known platform generation, most recent first. */
export const SITE_PROFILES: readonly SiteProfile[] = [yahooModern, yahooCaas, yahooJapan];

/** Yahoo hosts on which the extension acts without being asked. */
export function isYahooHost(hostname: string): boolean {
  return /(^|\.)yahoo\.com$/.test(hostname) || hostname === 'news.yahoo.co.jp';
}
