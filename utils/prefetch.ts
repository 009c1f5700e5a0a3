import { browser } from 'wxt/browser';
import { analysisCache, isCurrent } from './analysis-cache';
import { sendMessage, type AnalyzeRequest } from './messages';
import { getSettings } from './settings';
import type { ArticleAnalysis } from './analysis';

const OFFSCREEN_URL = '/offscreen.html';
/** Wait for the page to settle (lazy content, the user's first scroll) before analysing. */
const PREFETCH_DELAY_MS = 400;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

interface OffscreenApi {
  hasDocument?: () => Promise<boolean>;
  closeDocument(): Promise<void>;
  createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void>;
}

let creating: Promise<void> | null = null;
async function ensureOffscreen(api: OffscreenApi): Promise<void> {
  if (api.hasDocument && (await api.hasDocument())) return;
  creating ??= api
    .createDocument({ url: OFFSCREEN_URL, reasons: ['DOM_PARSER'], justification: 'Analyse the article the user is reading, on the device.' })
    .catch(() => undefined)
    .finally(() => (creating = null));
  await creating;
}

/** The offscreen document asked to be closed: it has been unused for a while. */
export async function closeOffscreen(): Promise<void> {
  const api = (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
  if (api && !creating) await api.closeDocument().catch(() => undefined);
}

/** Analyse a snapshot where the analysis code stays loaded: the offscreen document (Chrome) or
 * Firefox's background page. Null where neither exists. */
export async function analyse(req: AnalyzeRequest): Promise<ArticleAnalysis | null> {
  const api = (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
  if (api) {
    await ensureOffscreen(api);
    try {
      return await sendMessage('offscreen/analyze', req);
    } catch (e) {
      // It closed itself (unused for a while) just as this was sent: open it again, once. An
      // error from the analysis itself is not retried.
      if (!api.hasDocument || (await api.hasDocument())) throw e;
      await ensureOffscreen(api);
      return sendMessage('offscreen/analyze', req);
    }
  }
  // Firefox's background page has a DOM of its own. (Compiled out of Chrome's service worker,
  // which must stay small: the analysis lives in the offscreen document there.)
  if (import.meta.env.FIREFOX && typeof DOMParser !== 'undefined') {
    const { analyzeHtml } = await import('./analysis');
    return analyzeHtml(req.html, req.url, { keyPointCount: req.keyPointCount });
  }
  return null;
}

/** A tab's analysis ahead of the popup, scheduled or running: settled once it is stored (or failed). */
interface Pending {
  done: Promise<void>;
  settle: () => void;
}
const pending = new Map<number, Pending>();

/** Analyse an article tab ahead of the popup, off the page's main thread. */
export function schedulePrefetch(tabId: number): void {
  clearTimeout(timers.get(tabId));
  if (!pending.has(tabId)) {
    let settle = () => {};
    const done = new Promise<void>((resolve) => (settle = resolve));
    pending.set(tabId, { done, settle });
  }
  timers.set(
    tabId,
    setTimeout(() => {
      timers.delete(tabId);
      void prefetch(tabId)
        .catch(() => undefined)
        .finally(() => {
          // Scheduled again meanwhile (in-site navigation): the newer run settles the wait.
          if (timers.has(tabId)) return;
          pending.get(tabId)?.settle();
          pending.delete(tabId);
        });
    }, PREFETCH_DELAY_MS),
  );
}

/**
 * Settles when the tab's scheduled or running analysis is stored; undefined when none is.
 * The popup opened right after a page loaded waits for this instead of analysing the same
 * page a second time beside it (measured: 1.3–1.8 s for the first popup after a browser
 * start, against about 0.1 s once the analysis is stored).
 */
export function prefetchPending(tabId: number): Promise<void> | undefined {
  return pending.get(tabId)?.done;
}

async function prefetch(tabId: number): Promise<void> {
  const settings = await getSettings();
  const countKey = String(settings.keyPointCount);
  const snap = await sendMessage('page/snapshot', undefined, tabId);
  const cache = analysisCache(tabId);
  const cached = await cache.getValue();
  const revision = snap.status?.articleRevision ?? 0;
  if (isCurrent(cached, snap.url, countKey, revision)) return;
  const analysis = await analyse({ html: snap.html, url: snap.url, keyPointCount: settings.keyPointCount });
  if (analysis) await cache.setValue({ url: snap.url, countKey, revision, analysis });
}
