import { detectFeed, type Detection, type FeedBlock, type UserRule } from '../feed/detect';
import { urlLooksLikeArticle } from '../page/classify';
import { isYahooHost } from '../sites';
import type { FeedKind } from '../sites/types';
import { DEFAULT_SETTINGS, cleanupEnabledFor, type Settings } from '../settings';
import { ATTR, STYLE_ID, buildStylesheet, hiddenKindsAttr } from './style';
import { resolveUiLang, t } from '../i18n';

/** What the popup and the badge show about the cleanup of one page. */
export interface CleanupStatus {
  url: string;
  isArticle: boolean;
  yahooStyle: boolean;
  profile: string | null;
  /** Cleanup is switched on for this page (settings, site list and the page switch). */
  active: boolean;
  /** The user revealed the feed on this page only (popup switch). */
  pageRevealed: boolean;
  blocks: Array<{ kind: FeedKind; heading: string; items: number; hidden: boolean }>;
  hiddenItems: number;
  /** Hidden items per kind, for "Hid 20 recommended stories · 8 trending". */
  hiddenByKind: Record<FeedKind, number>;
  keptRelated: number;
}

export interface ControllerOptions {
  /** Yahoo: automatic. Elsewhere the user asked ("Clean up this page"): treat it as an article. */
  force: boolean;
  onStatus?: (s: CleanupStatus) => void;
}

const OWN_NODES = `#${STYLE_ID}, [${ATTR.bar}]`;

/**
 * The page side of cleanup: one stylesheet, attributes on <html> and on blocks, a batched
 * observer. Never removes or rewrites page nodes; turning it off is one attribute change.
 */
export class CleanupController {
  private settings: Settings = DEFAULT_SETTINGS;
  private detection: Detection | null = null;
  private blocks = new Map<Element, FeedBlock>();
  private pending: Element[] = [];
  private frame = 0;
  private observer: MutationObserver | null = null;
  private pageRevealed = false;
  private url: string;
  /** Main-thread time spent, for `npm run bench`. Also recorded as User Timing measures
   * ("ynd:load", "ynd:batch"), which the page's own world can read. */
  readonly timings: { load: number; batches: number[] } = { load: 0, batches: [] };

  constructor(
    private readonly doc: Document,
    private readonly opts: ControllerOptions,
  ) {
    this.url = doc.location?.href ?? '';
  }

  private get html(): HTMLElement {
    return this.doc.documentElement;
  }

  /** document_start: the stylesheet and the gate go in before anything paints. */
  start(): void {
    const t0 = performance.now();
    if (!this.doc.getElementById(STYLE_ID)) {
      const style = this.doc.createElement('style');
      style.id = STYLE_ID;
      style.textContent = buildStylesheet();
      (this.doc.head ?? this.html).appendChild(style);
    }
    this.applyHtmlAttrs();
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.html, { childList: true, subtree: true });
    if (this.doc.readyState !== 'loading') this.fullPass();
    else
      this.doc.addEventListener(
        'DOMContentLoaded',
        () => {
          // A pass made while parsing already covers the page; the rest arrived as batches.
          if (this.detection) {
            this.flush();
            this.report();
          } else this.fullPass();
        },
        { once: true },
      );
    this.measure('ynd:load', t0);
  }

  private measure(name: 'ynd:load' | 'ynd:batch', t0: number): void {
    const d = performance.now() - t0;
    if (name === 'ynd:load') this.timings.load += d;
    else this.timings.batches.push(d);
    try {
      performance.measure(name, { start: t0, duration: d });
    } catch {
      // Old engines without measure options: the in-memory timings remain.
    }
  }

  stop(): void {
    this.observer?.disconnect();
    cancelAnimationFrame(this.frame);
    this.clearMarks();
    for (const el of Array.from(this.doc.querySelectorAll(`[${ATTR.revealed}]`))) el.removeAttribute(ATTR.revealed);
    for (const a of [ATTR.on, ATTR.gate, ATTR.hide, ATTR.mode]) this.html.removeAttribute(a);
    this.doc.getElementById(STYLE_ID)?.remove();
  }

  private host(): string {
    try {
      return new URL(this.url).hostname;
    } catch {
      return '';
    }
  }

  private active(): boolean {
    return cleanupEnabledFor(this.settings, this.host()) && !this.pageRevealed;
  }

  private applyHtmlAttrs(): void {
    const on = this.active();
    const looksArticle = this.detection ? this.detection.page.isArticle || this.opts.force : urlLooksLikeArticle(this.url);
    const gate = on && looksArticle && isYahooHost(this.host());
    // Only real changes: every attribute write on <html> costs a style recalculation.
    const set = (name: string, value: string | null) => {
      if (this.html.getAttribute(name) === value) return;
      if (value === null) this.html.removeAttribute(name);
      else this.html.setAttribute(name, value);
    };
    set(ATTR.on, on && (this.detection === null || looksArticle) ? '' : null);
    set(ATTR.gate, gate ? '' : null);
    set(ATTR.hide, hiddenKindsAttr(this.settings.hide));
    set(ATTR.mode, this.settings.mode);
  }

  setSettings(s: Settings): void {
    const rulesChanged = JSON.stringify(s.userRules) !== JSON.stringify(this.settings.userRules);
    this.settings = s;
    this.applyHtmlAttrs();
    if (rulesChanged && this.detection) this.fullPass();
    else {
      this.syncBars();
      this.report();
    }
  }

  private bars = new Map<Element, HTMLElement>();

  /**
   * Collapse mode: one bar before each hidden block, "20 stories hidden — Show". Bars exist only
   * in that mode; their text lives in a shadow root (styles stay ours), set as text, never as HTML.
   */
  private syncBars(): void {
    const want = this.settings.mode === 'collapse' && this.active();
    for (const [block, bar] of this.bars) {
      if (!want || !block.isConnected || !this.blocks.has(block) || !this.settings.hide[this.blocks.get(block)!.kind]) {
        bar.remove();
        this.bars.delete(block);
      }
    }
    if (!want) return;
    const lang = resolveUiLang(this.settings.language, navigator.language);
    for (const [el, b] of this.blocks) {
      if (this.bars.has(el) || !this.settings.hide[b.kind] || !el.isConnected || !el.parentNode) continue;
      const host = this.doc.createElement('div');
      host.setAttribute(ATTR.bar, b.kind);
      const root = host.attachShadow({ mode: 'open' });
      const style = this.doc.createElement('style');
      style.textContent =
        ':host{display:block;margin:8px 0}div{display:flex;gap:12px;align-items:center;padding:8px 12px;border:1px dashed #9aa0a6;border-radius:8px;font:14px/1.4 system-ui,sans-serif;color:#5f6368;background:transparent}button{font:inherit;padding:2px 10px;border-radius:6px;border:1px solid #9aa0a6;background:#fff;color:#202124;cursor:pointer}';
      const row = this.doc.createElement('div');
      const label = this.doc.createElement('span');
      const btn = this.doc.createElement('button');
      btn.type = 'button';
      const render = () => {
        const open = el.hasAttribute(ATTR.revealed);
        label.textContent = `${b.heading ? `${b.heading} — ` : ''}${t(lang, 'barText', { n: Math.max(b.items.length, 1) })}`;
        btn.textContent = t(lang, open ? 'barHide' : 'barShow');
        btn.setAttribute('aria-expanded', String(open));
      };
      btn.addEventListener('click', () => {
        el.toggleAttribute(ATTR.revealed);
        render();
      });
      render();
      row.append(label, btn);
      root.append(style, row);
      el.parentNode.insertBefore(host, el);
      this.bars.set(el, host);
    }
  }

  /** The popup's per-page switch: show the feed on this page only, until reload. */
  setPageRevealed(revealed: boolean): void {
    this.pageRevealed = revealed;
    this.applyHtmlAttrs();
    this.syncBars();
    this.report();
  }

  private userRules(): UserRule[] {
    const host = this.host();
    return this.settings.userRules.filter((r) => host === r.host || host.endsWith(`.${r.host}`));
  }

  private clearMarks(): void {
    for (const el of this.blocks.keys()) el.removeAttribute(ATTR.kind);
    for (const bar of this.bars.values()) bar.remove();
    this.bars.clear();
    for (const el of Array.from(this.doc.querySelectorAll(`[${ATTR.keep}]`))) el.removeAttribute(ATTR.keep);
    this.blocks.clear();
  }

  private mark(blocks: readonly FeedBlock[]): void {
    for (const b of blocks) {
      this.blocks.set(b.el, b);
      b.el.setAttribute(ATTR.kind, b.kind);
    }
    if (blocks.length && this.settings.mode === 'collapse') this.syncBars();
  }

  /**
   * While the document is still parsing, the browser may paint before DOMContentLoaded. Once
   * the head has classified the page as an article and its body has been parsed, evaluate what
   * is there, so the feed is hidden in the first frame that shows it; DOMContentLoaded's full
   * pass then re-evaluates the complete page.
   */
  private parsePass(): void {
    if (!this.doc.body || (!this.opts.force && !urlLooksLikeArticle(this.url))) {
      this.pending = [];
      return;
    }
    const t0 = performance.now();
    const d = detectFeed(this.doc, this.url, { force: this.opts.force, userRules: this.userRules() });
    this.pending = [];
    // Without the article's root, nothing can be proven not to contain it: wait.
    if (!d.article.root || !d.page.isArticle) return this.measure('ynd:load', t0);
    // From here on, batches are incremental: what the parser adds next is checked on its own.
    this.detection = d;
    for (const el of d.refused) el.setAttribute(ATTR.keep, '');
    this.mark(d.blocks);
    this.applyHtmlAttrs();
    this.measure('ynd:load', t0);
    this.report();
  }

  /** Whole-page evaluation: at DOMContentLoaded, after in-site navigation, when rules change. */
  fullPass(): void {
    const t0 = performance.now();
    const href = this.doc.location?.href ?? this.url;
    // "Show the feed on this page" belongs to the page it was given on, not the next story.
    if (href !== this.url) this.pageRevealed = false;
    this.url = href;
    this.pending = [];
    this.clearMarks();
    this.detection = detectFeed(this.doc, this.url, { force: this.opts.force, userRules: this.userRules() });
    for (const el of this.detection.refused) el.setAttribute(ATTR.keep, '');
    this.mark(this.detection.blocks);
    this.applyHtmlAttrs();
    this.measure('ynd:load', t0);
    this.report();
  }

  private onMutations(records: MutationRecord[]): void {
    // While the parser is still building the page, the next parse pass looks at the whole
    // document anyway: thousands of records need no bookkeeping, only a frame.
    if (!this.detection) {
      if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
      return;
    }
    for (const r of records) {
      for (const n of r.addedNodes) if (n.nodeType === 1 && !(n as Element).matches(OWN_NODES)) this.pending.push(n as Element);
    }
    if (this.pending.length && !this.frame) this.frame = requestAnimationFrame(() => this.flush());
  }

  /** At most once per frame, before it paints: new nodes inside marked blocks are hidden by CSS
   * already; anything else is checked for new blocks within the added subtrees only. */
  private flush(): void {
    this.frame = 0;
    if (!this.detection) {
      this.parsePass();
      return;
    }
    const t0 = performance.now();
    const href = this.doc.location?.href ?? this.url;
    const a = this.detection.article;
    const articleGone = (a.root && !a.root.isConnected) || (a.headline && !a.headline.isConnected);
    if (href !== this.url || articleGone || (!a.root && this.pending.some((n) => n.querySelector('p')))) {
      this.fullPass();
      return;
    }
    // Subtree roots only (a node whose ancestor was also added is covered by it), outside the
    // blocks already hidden: one ancestor walk per node, linear in the batch.
    const added = new Set(this.pending);
    const roots = this.pending.filter((n) => {
      if (!n.isConnected) return false;
      for (let p = n.parentElement; p; p = p.parentElement) if (added.has(p) || this.blocks.has(p)) return false;
      return !this.blocks.has(n);
    });
    this.pending = [];
    let changed = false;
    if (roots.length && (this.detection.page.isArticle || this.opts.force)) {
      const d = detectFeed(this.doc, this.url, {
        force: this.opts.force,
        userRules: this.userRules(),
        scope: { roots, page: this.detection.page, article: a },
      });
      const fresh = d.blocks.filter((b) => !this.blocks.has(b.el) && !this.insideBlock(b.el));
      this.mark(fresh);
      changed = fresh.length > 0;
    }
    // Items added to known blocks change the counts.
    for (const b of this.blocks.values()) {
      const before = b.items.length;
      if (b.el.isConnected && b.items.length && b.items[0]?.parentElement) {
        b.items = Array.from(b.items[0].parentElement.children).filter((c) => c.tagName === b.items[0]?.tagName);
      }
      if (b.items.length !== before) changed = true;
    }
    this.measure('ynd:batch', t0);
    if (changed) this.report();
  }

  private insideBlock(el: Element): boolean {
    for (let n: Element | null = el; n; n = n.parentElement) if (this.blocks.has(n)) return true;
    return false;
  }

  /** In-site navigation (pushState, popstate): evaluate the new article from scratch. */
  onLocationChange(): void {
    // Several signals report one navigation (Navigation API, popstate, WXT's poll, the next
    // batch): the first that sees the new URL evaluates it, the rest have nothing to do.
    if ((this.doc.location?.href ?? this.url) === this.url) return;
    this.fullPass();
  }

  status(): CleanupStatus {
    const d = this.detection;
    const active = this.active() && !!d && (d.page.isArticle || this.opts.force);
    const blocks = [...this.blocks.values()]
      .filter((b) => b.el.isConnected)
      .map((b) => ({
        kind: b.kind,
        heading: b.heading,
        items: Math.max(b.items.length, 1),
        hidden: active && this.settings.hide[b.kind],
      }));
    return {
      url: this.url,
      isArticle: d?.page.isArticle ?? false,
      yahooStyle: d?.page.yahooStyle ?? false,
      profile: d?.page.profile ?? null,
      active,
      pageRevealed: this.pageRevealed,
      blocks,
      hiddenItems: blocks.filter((b) => b.hidden).reduce((n, b) => n + b.items, 0),
      hiddenByKind: {
        recommended: hiddenOf(blocks, 'recommended'),
        trending: hiddenOf(blocks, 'trending'),
        sponsored: hiddenOf(blocks, 'sponsored'),
        related: hiddenOf(blocks, 'related'),
      },
      keptRelated: blocks.filter((b) => b.kind === 'related' && !b.hidden).length,
    };
  }

  private report(): void {
    this.opts.onStatus?.(this.status());
  }

  /** The page without feed, rails and ads, for analysis elsewhere (the popup). */
  snapshot(): string {
    // Cloned into an inert document: a clone in the live one would load its images and fire
    // their onerror handlers (hostile.html), which the user never asked for.
    const inert = this.doc.implementation.createHTMLDocument('');
    const clone = inert.importNode(this.doc.documentElement, true);
    // JSON-LD stays: it carries the provider, author and publication time.
    for (const el of Array.from(clone.querySelectorAll(`[${ATTR.kind}], [${ATTR.bar}], #${STYLE_ID}, script:not([type="application/ld+json"]), style, noscript`)))
      el.remove();
    return `<!doctype html>${clone.outerHTML}`;
  }

}

function hiddenOf(blocks: CleanupStatus['blocks'], kind: FeedKind): number {
  return blocks.filter((b) => b.hidden && b.kind === kind).reduce((n, b) => n + b.items, 0);
}

