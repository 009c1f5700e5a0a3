import { storage } from '@wxt-dev/storage';
import type { ArticleAnalysis } from './analysis';

export interface CachedAnalysis {
  url: string;
  /** The key-point count setting the analysis was made with. */
  countKey: string;
  /** The article's revision it was made of (CleanupStatus.articleRevision; 0 where no cleanup
   * runs): an analysis of a page whose story was still being rendered is not kept for later. */
  revision?: number;
  analysis: ArticleAnalysis;
}

/** Per-tab analysis in session storage (memory only, gone when the browser closes). */
export const analysisCache = (tabId: number) =>
  storage.defineItem<CachedAnalysis | null>(`session:analysis-${tabId}`, { fallback: null });

/** Whether `c` is an analysis of this very page as it is now: its URL and article revision,
 * made with the current key-point count. */
export function isCurrent(c: CachedAnalysis | null, url: string, countKey: string, revision = 0): c is CachedAnalysis {
  return !!c && c.url === url && c.countKey === countKey && (c.revision ?? 0) === revision;
}
