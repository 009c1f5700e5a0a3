import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CleanupController, type ControllerOptions } from './controller';
import { getSettings, readStoredSettings, settingsFromStored, watchSettings } from '../settings';
import {
  fromExtensionPage,
  isBoolean,
  isHighlightRequest,
  isScrollTarget,
  onMessage,
  sendMessage,
} from '../messages';
import { highlightTerms, scrollToText } from '../page/highlight';
import { whenIdle } from './idle';

const RUNNING = Symbol.for('yahoo-news-declutter.cleanup');
const TOOLS = Symbol.for('yahoo-news-declutter.tools');
const STATE = Symbol.for('yahoo-news-declutter.state');
/** Watchers, navigation listeners and page tools install within this long, even on a page
 * that never goes idle. */
const AFTER_LOAD_TIMEOUT_MS = 1_000;

/** Shared between separately injected bundles (tools first, cleanup later) through the page's
 * isolated world, where both run. */
function state(): { controller?: CleanupController } {
  const g = globalThis as unknown as Record<symbol, { controller?: CleanupController }>;
  return (g[STATE] ??= {});
}

/** Messages the popup sends to a page: snapshot, status, reveal, scroll, highlight. Installed
 * once per page, whichever script arrives first. */
export function installPageTools(): void {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[TOOLS]) return;
  g[TOOLS] = true;
  const id = browser.runtime.id;
  const guard = (sender: Parameters<typeof fromExtensionPage>[0]) => {
    if (!fromExtensionPage(sender, id)) throw new Error('refused: not from this extension');
  };
  onMessage('cleanup/status', ({ sender }) => {
    guard(sender);
    return state().controller?.status() ?? null;
  });
  onMessage('cleanup/reveal', ({ sender, data }) => {
    guard(sender);
    if (!isBoolean(data)) throw new Error('refused: bad shape');
    state().controller?.setPageRevealed(data);
    return state().controller?.status() ?? null;
  });
  onMessage('page/snapshot', ({ sender }) => {
    guard(sender);
    const c = state().controller;
    return {
      url: location.href,
      html: c ? c.snapshot() : `<!doctype html>${document.documentElement.outerHTML}`,
      status: c?.status() ?? null,
    };
  });
  // Both skip the feed by its marks: they are all in place first.
  onMessage('page/scroll-to', ({ sender, data }) => {
    guard(sender);
    if (!isScrollTarget(data)) throw new Error('refused: bad shape');
    state().controller?.settle();
    return scrollToText(document, data.text);
  });
  onMessage('page/highlight', ({ sender, data }) => {
    guard(sender);
    if (!isHighlightRequest(data)) throw new Error('refused: bad shape');
    state().controller?.settle();
    return highlightTerms(document, data);
  });
}

/** Wire a CleanupController to settings, messages, navigation and the badge. */
export function runCleanup(
  ctx: ContentScriptContext,
  opts: Pick<ControllerOptions, 'force' | 'cssFromManifest'> & { scriptStart?: number },
): void {
  const t0 = opts.scriptStart ?? performance.now();
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[RUNNING]) return; // injected twice (on demand after a registered script): one is enough
  g[RUNNING] = true;

  let lastBadge = -1;
  let readyUrl = '';
  let readyRevision = 0;
  const controller = new CleanupController(document, {
    force: opts.force,
    cssFromManifest: opts.cssFromManifest,
    onStatus: (s) => {
      // Once per article URL, and again once the article has grown by much (a body rendered
      // after load): let the background analyse it before the popup is opened.
      if (s.isArticle && (s.url !== readyUrl || s.articleRevision !== readyRevision) && document.readyState !== 'loading') {
        readyUrl = s.url;
        readyRevision = s.articleRevision;
        sendMessage('page/ready', undefined).catch(() => undefined);
      }
      const n = s.active ? s.hiddenItems : 0;
      if (n === lastBadge) return;
      lastBadge = n;
      sendMessage('badge/update', n).catch(() => {
        // The background may be asleep or reloading; the next status will retry.
      });
    },
  });
  controller.start();

  // On an article the settings are read at once (a user who turned cleanup off should see the
  // feed before the first paint); everything else waits for idle time. Handling the stored
  // value is start-up work too, so it is timed with it.
  if (controller.actsAtLoad()) {
    void readStoredSettings().then((raw) => {
      const t = performance.now();
      controller.setSettings(settingsFromStored(raw));
      controller.recordLoad(t);
    });
  }
  ctx.onInvalidated(() => controller.stop());
  state().controller = controller;

  const afterLoad = () => {
    if (ctx.isInvalid) return;
    const unwatch = watchSettings((s) => controller.setSettings(s));
    ctx.onInvalidated(unwatch);
    // A change made between the first read and this watch is not missed.
    void getSettings().then((s) => controller.setSettings(s));
    ctx.addEventListener(window, 'wxt:locationchange', () => controller.onLocationChange());
    // The Navigation API reports pushState at once; wxt:locationchange polls as a fallback.
    const nav = (window as unknown as { navigation?: EventTarget }).navigation;
    if (nav) {
      ctx.addEventListener(nav as unknown as Window, 'navigatesuccess' as keyof WindowEventMap, () => controller.onLocationChange());
    }
    ctx.addEventListener(window, 'popstate', () => {
      controller.notePopstate();
      setTimeout(() => controller.onLocationChange(), 0);
    });
    // The popup's tools: if the popup comes first, it injects them itself (page-tools.js), and
    // they find this controller through state().
    installPageTools();
    // A navigation made before this point is caught now.
    controller.onLocationChange();
  };
  whenIdle(afterLoad, AFTER_LOAD_TIMEOUT_MS);
  controller.recordLoad(t0);
}
