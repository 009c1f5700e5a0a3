import { browser } from 'wxt/browser';
import type { ArticleAnalysis } from './analysis';
import { analysisCache, isCurrent, type CachedAnalysis } from './analysis-cache';
import { sendMessage, type PageSnapshot } from './messages';
import type { CleanupStatus } from './cleanup/controller';

export type PopupResult =
  | { kind: 'restricted' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; tabId: number; analysis: ArticleAnalysis; status: CleanupStatus | null };

/** Pages no extension may script: say so instead of failing. */
const RESTRICTED =
  /^(chrome|edge|brave|opera|vivaldi|about|chrome-extension|moz-extension|view-source|devtools|chrome-search|data|file):|^https:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons)|\.pdf($|[?#])/i;

export function isRestrictedUrl(url: string | undefined): boolean {
  return !!url && RESTRICTED.test(url);
}

export const PAGE_TOOLS_FILE = '/content-scripts/page-tools.js';
export const CLEANUP_FILE = '/content-scripts/cleanup.js';

/** The tab to analyse: `?tabId=` (tests, the demo) or the active tab of this window. */
export async function targetTabId(search: string): Promise<number | null> {
  const q = new URLSearchParams(search).get('tabId');
  if (q && /^\d+$/.test(q)) return Number(q);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function snapshot(tabId: number): Promise<PageSnapshot | null> {
  try {
    return await sendMessage('page/snapshot', undefined, tabId);
  } catch {
    // No script of ours in the page yet: inject the read-only tools (activeTab) and ask again.
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: [PAGE_TOOLS_FILE] });
      return await sendMessage('page/snapshot', undefined, tabId);
    } catch {
      return null;
    }
  }
}

/** Longest wait for the background's analysis before the popup makes its own. */
const PREFETCH_WAIT_MAX_MS = 4_000;

/** True once the background's analysis of the tab is stored; false if none was under way. */
async function prefetchFinished(tabId: number): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PREFETCH_WAIT_MAX_MS));
  return Promise.race([sendMessage('analysis/wait', tabId).catch(() => false), timeout]);
}

async function analyseHere(snap: PageSnapshot, count: number | 'auto'): Promise<ArticleAnalysis> {
  const { analyzeHtml } = await import('./analysis');
  return analyzeHtml(snap.html, snap.url, { keyPointCount: count });
}

export async function loadAnalysis(tabId: number, keyPointCount: number | 'auto' | Promise<number | 'auto'>): Promise<PopupResult> {
  const cache = analysisCache(tabId);
  // One round of requests in parallel: each is a trip to the browser or the tab, and the popup
  // should show a prepared result in about the time it takes to open.
  const [tab, status, cached, count] = await Promise.all([
    browser.tabs.get(tabId).catch(() => null),
    sendMessage('cleanup/status', undefined, tabId).catch(() => undefined),
    cache.getValue().catch(() => null),
    keyPointCount,
  ]);
  if (!tab) return { kind: 'error', message: 'tab not found' };
  if (isRestrictedUrl(tab.url)) return { kind: 'restricted' };
  const countKey = String(count);
  /** A stored analysis of this very page as its status `s` describes it (URL, article
   * revision), made with the current key-point count. */
  const current = (c: CachedAnalysis | null, url: string, s: CleanupStatus | null | undefined): c is CachedAnalysis => isCurrent(c, url, countKey, s?.articleRevision);
  const ready = (analysis: ArticleAnalysis, s: CleanupStatus | null): PopupResult => ({ kind: 'ready', tabId, analysis, status: s });
  // Fast path: the background analysed this page when it loaded; the status names its URL.
  if (status && current(cached, status.url, status)) return ready(cached.analysis, status);
  // Nothing stored for this page yet. If the background is analysing it already (the page
  // has just loaded), wait for that rather than doing the same work twice beside it.
  if (status && (await prefetchFinished(tabId))) {
    const stored = await cache.getValue().catch(() => null);
    if (current(stored, status.url, status)) return ready(stored.analysis, status);
  }
  const snap = await snapshot(tabId);
  // Neither our script nor an on-demand injection could read it: a browser page, the store,
  // the PDF viewer, or a page this extension was not given (opened without a toolbar click).
  if (!snap) return { kind: 'restricted' };
  if (current(cached, snap.url, snap.status)) return ready(cached.analysis, snap.status);
  try {
    // Analysed where the code and lexicons stay loaded (the offscreen document): the popup
    // closes with all it loaded, so doing it here costs a cold start every time. If the
    // background cannot, here after all; the analysis code loads only then, so the popup
    // itself stays small.
    const analysis =
      (await sendMessage('analysis/run', { html: snap.html, url: snap.url, keyPointCount: count }).catch(() => null)) ??
      (await analyseHere(snap, count));
    void cache.setValue({ url: snap.url, countKey, revision: snap.status?.articleRevision ?? 0, analysis }).catch(() => undefined);
    return ready(analysis, snap.status);
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}
