import { storage } from '@wxt-dev/storage';
import type { ArticleAnalysis } from './analysis';

export interface CachedAnalysis {
  url: string;
  /** The key-point count setting the analysis was made with. */
  countKey: string;
  analysis: ArticleAnalysis;
}

/** Per-tab analysis in session storage (memory only, gone when the browser closes). */
export const analysisCache = (tabId: number) =>
  storage.defineItem<CachedAnalysis | null>(`session:analysis-${tabId}`, { fallback: null });
