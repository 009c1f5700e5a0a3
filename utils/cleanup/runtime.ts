import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CleanupController, type ControllerOptions } from './controller';
import { getSettings, watchSettings } from '../settings';
import {
  fromExtensionPage,
  isBoolean,
  isHighlightRequest,
  isScrollTarget,
  onMessage,
  sendMessage,
} from '../messages';
import { highlightTerms, scrollToText } from '../page/highlight';

const RUNNING = Symbol.for('yahoo-news-declutter.cleanup');
const TOOLS = Symbol.for('yahoo-news-declutter.tools');
const STATE = Symbol.for('yahoo-news-declutter.state');
/** Page tools install within this long even on a page that never goes idle. */
const TOOLS_IDLE_TIMEOUT_MS = 1_000;

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
  onMessage('page/scroll-to', ({ sender, data }) => {
    guard(sender);
    if (!isScrollTarget(data)) throw new Error('refused: bad shape');
    return scrollToText(document, data.text);
  });
  onMessage('page/highlight', ({ sender, data }) => {
    guard(sender);
    if (!isHighlightRequest(data)) throw new Error('refused: bad shape');
    return highlightTerms(document, data);
  });
}

/** Wire a CleanupController to settings, messages, navigation and the badge. */
export function runCleanup(ctx: ContentScriptContext, opts: Pick<ControllerOptions, 'force' | 'cssFromManifest' | 'scriptStart'>): void {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[RUNNING]) return; // injected twice (on demand after a registered script): one is enough
  g[RUNNING] = true;

  let lastBadge = -1;
  let readyUrl = '';
  const controller = new CleanupController(document, {
    ...opts,
    onStatus: (s) => {
      // Once per article URL: let the background analyse it before the popup is opened.
      if (s.isArticle && s.url !== readyUrl && document.readyState !== 'loading') {
        readyUrl = s.url;
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

  void getSettings().then((s) => controller.setSettings(s));
  const unwatch = watchSettings((s) => controller.setSettings(s));
  ctx.onInvalidated(() => {
    unwatch();
    controller.stop();
  });

  ctx.addEventListener(window, 'wxt:locationchange', () => controller.onLocationChange());
  // The Navigation API reports pushState at once; wxt:locationchange polls as a fallback.
  const nav = (window as unknown as { navigation?: EventTarget }).navigation;
  if (nav) {
    ctx.addEventListener(nav as unknown as Window, 'navigatesuccess' as keyof WindowEventMap, () => controller.onLocationChange());
  }
  ctx.addEventListener(window, 'popstate', () => setTimeout(() => controller.onLocationChange(), 0));

  state().controller = controller;
  // The popup's tools are not needed while the page loads; if the popup comes first, it
  // injects them itself (page-tools.js), and they find this controller through state().
  if (typeof requestIdleCallback === 'function') requestIdleCallback(installPageTools, { timeout: TOOLS_IDLE_TIMEOUT_MS });
  else setTimeout(installPageTools, 0);
}
