import { HEADLINE_SELECTOR, ITEM_SELECTORS, beforeArticle, detectFeed, emptyRow, findItems, foreignFrame, frameDocument, gateCovers, headedModule, holdsHeadline, inComments, openModule, shadowHostParsing, sponsoredCards, touchesArticle, type Detection, type FeedBlock, type UserRule } from '../feed/detect';
import { pathLooksLikeArticle, urlLooksLikeArticle } from '../page/classify';
import { isYahooHost } from '../sites';
import { FEED_KINDS, type FeedKind } from '../sites/types';
import { DEFAULT_SETTINGS, cleanupEnabledFor, type Settings } from '../settings';
import { ATTR, STYLE_ID, buildStylesheet, earlySelector, hiddenKindsAttr } from './style';
import { recordMeasure, type Measure } from './t0';
import { whenIdle } from './idle';
import { backdropBeside, bodyFixed, closeControl, dimsAround, fixedBodyOffset, fixedLayer, overlayOpen, ownsOverlay, pressEscape, scrollLocked, somethingOverPage } from './overlay';
import { pageT, resolveUiLang } from '../i18n-core';

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
  /** Goes up each time the article grows by much after it was first read (articleGrew): the
   * analysis made of it before is of less than the story. */
  articleRevision: number;
}

export interface ControllerOptions {
  /** Yahoo: automatic. Elsewhere the user asked ("Clean up this page"): treat it as an article. */
  force: boolean;
  /** The stylesheet is the manifest's (Yahoo's static content script): no <style> to insert. */
  cssFromManifest?: boolean;
  onStatus?: (s: CleanupStatus) => void;
}

const OWN_NODES = `#${STYLE_ID}, [${ATTR.bar}]`;
/** Elements that never hold a feed: mutation batches skip them. */
const INERT_TAGS = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE']);
/** The full detection runs within this long of the page going idle, even on a busy page. */
const IDLE_TIMEOUT_MS = 500;
/** After pressing an overlay's close control (or Escape), how long the page has to close it
 * (its closing transition) before what it leaves over the page is released. */
const OVERLAY_SETTLE_MS = 600;
/** An overlay that opens within this long of a popstate was opened by the reader's Back. */
const BACK_TRAP_MS = 1_000;
/** Changes to a frame's loaded document looked at (watchFrame): a widget is drawn in a few;
 * one that changes more is animating, not arriving. */
const MAX_FRAME_CHANGES = 20;
/** Animation frames in which a frame loading a document is looked at (watchFrame): about
 * three seconds. */
const MAX_FRAME_POLLS = 180;
/** The article has grown by much once it holds this many times the characters it had, and this
 * many more: a body a script renders after the page has loaded (hk-nunjucks-mdui-client-body-
 * after-feed.html), a "read more" opened; not a live page's next post. */
const ARTICLE_GROWTH = 1.5;
const ARTICLE_GROWTH_MIN_CHARS = 200;

/**
 * The page side of cleanup: one stylesheet, attributes on <html> and on blocks, a batched
 * observer. Never removes or rewrites page nodes; turning it off is one attribute change.
 */
export class CleanupController {
  private settings: Settings = DEFAULT_SETTINGS;
  private detection: Detection | null = null;
  private blocks = new Map<Element, FeedBlock>();
  private pending: Element[] = [];
  /** gateSelector()'s last answer, by the kinds it was built for. */
  private gateSel: { key: string; sel: string } | null = null;
  private frame = 0;
  private observer: MutationObserver | null = null;
  private pageRevealed = false;
  private url: string;
  /** Cancels the full detection (item counts, related reading, unlabelled runs) that waits
   * for idle time; null when none is waiting. */
  private cancelFull: (() => void) | null = null;
  /** Cancels the idle-time recount after batches; null when none is waiting. */
  private cancelRecount: (() => void) | null = null;
  /** Elements the detection refused (they touch the article), marked to stay visible. */
  private kept: Element[] = [];
  /** Our attributes on <html>, as last written (absent: never written or removed). */
  private written = new Map<string, string | null>();
  /** DOMContentLoaded has been handled: from here on, mutations are the page's scripts. */
  private parsed = false;
  /** The frame that looks at a shadow host the parser is filling (watchShadowHost). */
  private shadowWatch = 0;
  /** Subtrees added after load that the stylesheet hides by itself: evaluated at idle time. */
  private deferred: Element[] = [];
  /** The last check found the gate hiding all there was to hide (see gateSuffices). */
  private gateCovered = false;
  /** The module the parser was in at the last parse-time batch (see flush). */
  private lastOpenModule: Element | null = null;
  /** A report was asked for while the page parsed (see report). */
  private reportDue = false;
  /** Watches dialogs opening (see defuseDialogs). */
  private dialogObserver: MutationObserver | null = null;
  /** Dialogs the page opened as modal that are still open. */
  private modals = new Set<HTMLDialogElement>();
  /** Watches overlays built without <dialog> opening, once a hidden block is one (see
   * defuseOverlays): their own attributes and the lock on <html> and <body>. */
  private overlayObserver: MutationObserver | null = null;
  /** Overlays closed by their close control (or Escape) while open: not pressed again until
   * they close; one still open after OVERLAY_SETTLE_MS is released (releaseOverlay). */
  private readonly overlaysClosed = new WeakSet<Element>();
  /** What releaseOverlay hid of overlays their pages did not close: lifted at every check. */
  private released: Element[] = [];
  /** Where the reader had scrolled a page whose fixed <body> releaseOverlay had freed, read as
   * liftReleased fixed it again; null when it was not freed. */
  private unfixedScroll: number | null = null;
  /** When the reader last went back or forward in history (notePopstate); -Infinity: never. */
  private lastPopstate = -Infinity;
  /** Cancels the check that follows a press (OVERLAY_SETTLE_MS). */
  private cancelOverlaySettle: (() => void) | null = null;
  /** See CleanupStatus.articleRevision. */
  private articleRevision = 0;
  /** The article's characters at the last revision; -1: not read yet for this URL. */
  private articleChars = -1;
  /** The page's frames (a live list), once asked for. */
  private allFrames: HTMLCollectionOf<HTMLIFrameElement> | null = null;
  /** Frames looked at by watchFrames: those of the page's origin outside the article are watched. */
  private readonly framesWatched = new WeakSet<Element>();
  /** Ends the watching of each frame: its load listener and the observer of its document. */
  private readonly frameUnwatch: Array<() => void> = [];
  /** Each hidden block's fixed layer, or null when it scrolls with the page (fixedLayer). */
  private layers = new WeakMap<Element, Element | null>();
  /** Cancels the overlay check waiting for idle time (scheduleOverlayCheck). */
  private cancelOverlayCheck: (() => void) | null = null;

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
    if (!this.opts.cssFromManifest && !this.doc.getElementById(STYLE_ID)) {
      const style = this.doc.createElement('style');
      style.id = STYLE_ID;
      style.textContent = buildStylesheet();
      (this.doc.head ?? this.html).appendChild(style);
    }
    if (!this.actsAtLoad()) {
      // Not an article by its URL (a home page, a section front, search): nothing to hide while
      // it loads. It is classified once it has loaded, and watched from then on only if it is
      // an article after all.
      this.parsed = true;
      if (this.doc.readyState === 'loading') this.doc.addEventListener('DOMContentLoaded', () => this.scheduleFull(), { once: true });
      else this.scheduleFull();
      return;
    }
    this.applyHtmlAttrs();
    this.watch();
    if (this.doc.readyState !== 'loading') {
      this.loadPass();
      this.parsed = true;
    } else
      this.doc.addEventListener(
        'DOMContentLoaded',
        () => {
          // Records of what the parser added last are still queued (observers hear of them
          // after this event): a pass made while parsing takes them now; a pass over the
          // whole page has seen those nodes already.
          const queued = this.observer?.takeRecords() ?? [];
          if (this.detection) {
            this.onMutations(queued);
            this.flush();
          } else this.loadPass();
          this.parsed = true;
          // A report held back while parsing comes at idle time, with the full pass if one is
          // waiting, else on its own.
          if (this.reportDue) this.scheduleRecount();
          // A block hidden as the first cards of a run still being parsed is decided again now
          // that the run is complete: a feed stays hidden, anything else is shown.
          if ([...this.blocks.values()].some((b) => b.features.openRun)) this.scheduleFull();
        },
        { once: true },
      );
  }

  /** Whether this page is cleaned while it loads: asked for, or an article by its URL. */
  actsAtLoad(): boolean {
    return this.opts.force || this.facts().looksArticle;
  }

  /** The batched observer, once the page is one to clean. */
  private watch(): void {
    if (this.observer) return;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.html, { childList: true, subtree: true });
    // Apart from the observer above, whose records are thousands while the page parses: this
    // one hears only of dialogs opening and closing, which a modal one does by script alone
    // (showModal sets `open`; a parsed `open` attribute makes no modal).
    this.dialogObserver = new MutationObserver((records) => {
      for (const r of records) if (r.target.nodeName === 'DIALOG') this.noteDialog(r.target as HTMLDialogElement);
      this.defuseDialogs();
    });
    this.dialogObserver.observe(this.html, { subtree: true, attributes: true, attributeFilter: ['open'] });
    // One opened before this watch began (a page classified an article after load).
    for (const d of Array.from(this.doc.querySelectorAll<HTMLDialogElement>('dialog[open]'))) this.noteDialog(d);
  }

  private noteDialog(d: HTMLDialogElement): void {
    if (d.open && isModal(d)) this.modals.add(d);
    else this.modals.delete(d);
  }

  /**
   * A modal dialog that is, or is inside, a hidden block is closed. Hidden by the stylesheet
   * alone it would still be modal: the rest of the page inert and, as pages do while one is
   * open, scrolling locked, with nothing on screen to say why or to close it
   * (ca-reflex-radix-exit-dialog-bottom-sheet.html's "Before you go" list). Closing it is what
   * its own close button does: the page hears the dialog's close event and lifts its lock.
   */
  private defuseDialogs(): void {
    if (!this.modals.size) return;
    for (const d of [...this.modals]) {
      if (!d.isConnected || !d.open) this.modals.delete(d);
      else if (this.hiddenNow(d) && typeof d.close === 'function') {
        this.modals.delete(d);
        d.close();
      }
    }
  }

  /**
   * A hidden block that is, or is in, a `position: fixed` layer the page has opened over
   * itself, without <dialog> (it locked the page's scrolling, shows a backdrop beside it, or the
   * layer around the block covers the window: see overlayOpen): its close control is pressed,
   * as the reader would if the panel were on screen. Hidden by the stylesheet alone, its
   * backdrop would still dim the page and the lock keep it from scrolling, with nothing on
   * screen to close them (tw-vue-varlet-eos-overlay-div-backdrop.html). A control without a
   * name gets Escape instead (hk-ng-taiga-missed-overlay-icon-x.html); an overlay still open
   * after that, or after its control was pressed (uk-fresh-twind-takeover-wordy-button-html-
   * lock.html), is released (releaseOverlay). After the page has parsed only: computed styles
   * are read.
   */
  private defuseOverlays(): void {
    // The page's own state is read below, without what an earlier check hid or freed (in the
    // same task: nothing is painted in between).
    this.liftReleased();
    if (!this.parsed || !this.blocks.size || !this.active()) return;
    const stranded: Array<[Element, Element]> = [];
    for (const el of this.blocks.keys()) {
      if (!el.isConnected || !this.hiddenNow(el)) continue;
      // Read once a block: the page's class changes on <html> and <body> (some toggle them as
      // the reader scrolls) would read every block's ancestors' styles again. A layer is
      // watched from the first time it is found.
      let layer = this.layers.get(el);
      if (layer === undefined) {
        this.layers.set(el, (layer = fixedLayer(el)));
        if (layer) this.watchOverlay(layer);
      }
      if (!layer) continue;
      if (!overlayOpen(layer, el)) {
        this.overlaysClosed.delete(layer);
        continue;
      }
      // Pressed once per opening: one the press did not close is released instead.
      if (this.overlaysClosed.has(layer)) {
        stranded.push([layer, el]);
        continue;
      }
      // Opened as the reader pressed Back (a page keeping its readers): closing it would let
      // the page arm its trap again, and each Back after it would open it once more. Released
      // instead, the page still has it open, and the next Back leaves as the reader meant.
      if (performance.now() - this.lastPopstate < BACK_TRAP_MS) {
        stranded.push([layer, el]);
        continue;
      }
      this.overlaysClosed.add(layer);
      // Looked at again once the page has had time to close it (its own transition), whether
      // or not the attributes watched change.
      this.cancelOverlaySettle ??= this.later(() => {
        this.cancelOverlaySettle = null;
        this.defuseOverlays();
      }, OVERLAY_SETTLE_MS);
      const control = closeControl(layer);
      if (control) {
        control.click();
        continue;
      }
      // A close control without a name (an unlabelled icon): the key a reader would press.
      if (ownsOverlay(layer, el)) pressEscape(layer);
      // Released now (what the page closed meanwhile is not found): with no control to press
      // there is nothing to wait for, and the next check lifts it if the page closes it later.
      stranded.push([layer, el]);
    }
    for (const [layer, el] of stranded) this.releaseOverlay(layer, el);
  }

  /**
   * An open overlay whose page did not close it when asked (no control, or one named in words
   * no list holds): what it leaves over the page is hidden as the feed is (its backdrop, or the
   * layer that dims the page around the hidden block), and scrolling it locked is freed when
   * nothing else of the page's is over it. All of it goes with cleanup (the stylesheet's rules
   * are gated on <html>) and is lifted and decided again at each check.
   */
  private releaseOverlay(layer: Element, block: Element): void {
    const backdrop = backdropBeside(layer);
    for (const el of [backdrop, dimsAround(layer, block) ? layer : null]) {
      if (!el) continue;
      el.setAttribute(ATTR.released, '');
      this.released.push(el);
    }
    // Read after the above are hidden: a modal or menu of the page's own still shows.
    if (!scrollLocked(this.doc) || somethingOverPage(this.doc)) return;
    if (!bodyFixed(this.doc)) {
      this.html.setAttribute(ATTR.unlock, '');
      return;
    }
    // <body> fixed in place: back in the flow, the page is at its top; the reader is taken to
    // where they were, the offset the page gave <body> (or, freed already, where they have
    // read to since: liftReleased put <body> back for this check).
    const y = this.unfixedScroll ?? fixedBodyOffset(this.doc);
    this.html.setAttribute(ATTR.unlock, 'fixed');
    if (y) this.doc.defaultView?.scrollTo(0, y);
  }

  private liftReleased(): void {
    for (const el of this.released) el.removeAttribute(ATTR.released);
    this.released = [];
    // Fixed again, <body> loses the scroll position the reader has now: kept for releaseOverlay.
    const freed = this.html.getAttribute(ATTR.unlock) === 'fixed' && this.html.hasAttribute(ATTR.on);
    this.unfixedScroll = freed ? (this.doc.defaultView?.scrollY ?? null) : null;
    this.html.removeAttribute(ATTR.unlock);
  }

  /** setTimeout, cancellable. */
  private later(fn: () => void, ms: number): () => void {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  }

  /** defuseOverlays at idle time, after blocks were marked or the settings changed: it reads
   * computed styles, which would cost a batch a style recalculation. The page opening an
   * overlay it has already is heard at once (watchOverlay). */
  private scheduleOverlayCheck(): void {
    if (!this.parsed || this.cancelOverlayCheck) return;
    this.cancelOverlayCheck = whenIdle(() => {
      this.cancelOverlayCheck = null;
      this.defuseOverlays();
    }, IDLE_TIMEOUT_MS);
  }

  /** Hear of `layer` opening, and of the page locking its scrolling. */
  private watchOverlay(layer: Element): void {
    if (!this.overlayObserver) {
      this.overlayObserver = new MutationObserver(() => this.defuseOverlays());
      for (const el of [this.html, this.doc.body]) if (el) this.overlayObserver.observe(el, { attributes: true, attributeFilter: ['style', 'class'] });
    }
    this.overlayObserver.observe(layer, { attributes: true, attributeFilter: ['hidden', 'style', 'class'] });
  }

  /** Whether `el` is hidden by cleanup at this moment: in a block of a kind the settings hide
   * (not one the reader opened with its collapse bar), or in what the stylesheet's gate hides. */
  private hiddenNow(el: Element): boolean {
    if (!this.active() || !this.html.hasAttribute(ATTR.on)) return false;
    for (let p: Element | null = el; p; p = p.parentElement) {
      const b = this.blocks.get(p);
      if (b && this.settings.hide[b.kind] && !p.hasAttribute(ATTR.revealed)) return true;
    }
    const gated = this.gateSelector();
    return !!gated && !!el.closest(gated);
  }

  /** The caller's synchronous start-up, from `t0`, counts as load time. */
  recordLoad(t0: number): void {
    this.measure('ynd:load', t0);
  }

  /** Main-thread time spent, for `npm run bench` (User Timing, which the page's world reads). */
  private measure(name: Measure, t0: number): void {
    recordMeasure(name, t0, performance.now() - t0);
  }

  stop(): void {
    this.observer?.disconnect();
    this.dialogObserver?.disconnect();
    this.modals.clear();
    this.overlayObserver?.disconnect();
    this.overlayObserver = null;
    for (const unwatch of this.frameUnwatch) unwatch();
    this.cancelOverlayCheck?.();
    this.cancelOverlayCheck = null;
    this.cancelOverlaySettle?.();
    this.cancelOverlaySettle = null;
    this.liftReleased();
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.shadowWatch);
    this.shadowWatch = 0;
    this.cancelIdle();
    this.clearMarks();
    for (const el of Array.from(this.doc.querySelectorAll(`[${ATTR.revealed}]`))) el.removeAttribute(ATTR.revealed);
    for (const a of [ATTR.on, ATTR.gate, ATTR.hide, ATTR.mode]) this.html.removeAttribute(a);
    this.written.clear();
    this.doc.getElementById(STYLE_ID)?.remove();
  }

  /** Facts of the current URL, computed once per URL (they are asked for on every pass). */
  private urlFacts: { url: string; host: string; looksArticle: boolean; yahoo: boolean } | null = null;

  private facts(): { host: string; looksArticle: boolean; yahoo: boolean } {
    if (this.urlFacts?.url !== this.url) {
      const loc = this.doc.location;
      let host = '';
      let looksArticle = false;
      if (loc?.href === this.url) {
        // The page's own URL (the usual case), already parsed by the browser: a URL object
        // costs about half a millisecond in a fresh script world, at document_start.
        host = loc.hostname;
        looksArticle = pathLooksLikeArticle(loc.pathname);
      } else {
        try {
          host = new URL(this.url).hostname;
        } catch {
          // No usable URL: no host, nothing Yahoo, nothing article-like.
        }
        looksArticle = urlLooksLikeArticle(this.url);
      }
      this.urlFacts = { url: this.url, host, looksArticle, yahoo: isYahooHost(host) };
    }
    return this.urlFacts;
  }

  private host(): string {
    return this.facts().host;
  }

  private active(): boolean {
    return cleanupEnabledFor(this.settings, this.host()) && !this.pageRevealed;
  }

  private applyHtmlAttrs(): void {
    const on = this.active();
    const looksArticle = this.opts.force || (this.detection ? this.detection.page.isArticle : this.facts().looksArticle);
    const acting = on && looksArticle;
    const gate = acting && this.facts().yahoo;
    // Only real changes: every attribute write on <html> costs a style recalculation. While the
    // page loads, what was written is remembered rather than read back (a first DOM call costs
    // in a fresh script world); after load the DOM is asked, in case the page dropped one.
    const set = (name: string, value: string | null) => {
      const current = this.parsed ? this.html.getAttribute(name) : (this.written.get(name) ?? null);
      if (current === value) return;
      this.written.set(name, value);
      if (value === null) this.html.removeAttribute(name);
      else this.html.setAttribute(name, value);
    };
    // A page it does not act on (a home page, cleanup off) carries none of its attributes.
    set(ATTR.on, acting ? '' : null);
    set(ATTR.gate, gate ? '' : null);
    set(ATTR.hide, acting ? hiddenKindsAttr(this.settings.hide) : null);
    set(ATTR.mode, acting ? this.settings.mode : null);
    this.defuseDialogs();
    this.scheduleOverlayCheck();
  }

  setSettings(s: Settings): void {
    const rulesChanged = JSON.stringify(s.userRules) !== JSON.stringify(this.settings.userRules);
    this.settings = s;
    this.applyHtmlAttrs();
    if (rulesChanged && this.detection) this.fullPass();
    else {
      // The gate alone was hiding the feed until idle time, and now the blocks are needed at
      // once (collapse bars, user rules): the quick detection runs now.
      if (!this.detection && this.cancelFull && (s.mode === 'collapse' || this.userRules().length)) this.parsePass();
      this.syncBars();
      // A full detection waiting for idle time reports when it runs. Reporting now would run it
      // at once (a status settles it): the stored settings arrive in the page's load, right after
      // DOMContentLoaded on a busy page, where that cost the seed page 2–15 ms.
      if (!this.cancelFull) this.report();
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
        label.textContent = `${b.heading ? `${b.heading} — ` : ''}${b.items.length ? pageT(lang, 'barText', { n: b.items.length }) : pageT(lang, 'barTextNone')}`;
        btn.textContent = pageT(lang, open ? 'barHide' : 'barShow');
        btn.setAttribute('aria-expanded', String(open));
      };
      btn.addEventListener('click', () => {
        const open = el.toggleAttribute(ATTR.revealed);
        b.caption?.toggleAttribute(ATTR.revealed, open);
        render();
        // An overlay shown again gets back what releaseOverlay hid of it (and loses it again).
        this.scheduleOverlayCheck();
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
    for (const [el, b] of this.blocks) {
      el.removeAttribute(ATTR.kind);
      b.caption?.removeAttribute(ATTR.kind);
    }
    for (const bar of this.bars.values()) bar.remove();
    this.bars.clear();
    for (const el of this.kept) el.removeAttribute(ATTR.keep);
    this.kept = [];
    this.blocks.clear();
  }

  /** One block shown again (see refine). */
  private unmark(b: FeedBlock): void {
    b.el.removeAttribute(ATTR.kind);
    b.caption?.removeAttribute(ATTR.kind);
    this.bars.get(b.el)?.remove();
    this.bars.delete(b.el);
    this.blocks.delete(b.el);
  }

  private mark(blocks: readonly FeedBlock[]): void {
    for (const b of blocks) {
      this.blocks.set(b.el, b);
      b.el.setAttribute(ATTR.kind, b.kind);
      b.caption?.setAttribute(ATTR.kind, b.kind);
    }
    if (blocks.length && this.settings.mode === 'collapse') this.syncBars();
    this.defuseDialogs();
    // After the page has parsed, blocks come from a batch (a script added them, perhaps as an
    // overlay already open, in the frame before it paints) or from idle time: the overlay check
    // runs at once, so no backdrop of theirs is painted. While the page loads it waits for idle
    // time (it reads computed styles).
    if (this.parsed && blocks.length) this.defuseOverlays();
    else this.scheduleOverlayCheck();
  }

  /**
   * While the document is still parsing, the browser may paint before DOMContentLoaded. Once
   * the head has classified the page as an article and its body has been parsed, evaluate what
   * is there with the quick detection, so the feed is hidden in the first frame that shows it;
   * what the parser adds later arrives as batches.
   */
  private parsePass(): void {
    const t0 = performance.now();
    const phase: Measure = this.parsed ? 'ynd:batch' : 'ynd:load';
    this.pending = [];
    if (!this.doc.body || (!this.opts.force && !this.facts().looksArticle)) return this.measure(phase, t0);
    // Before the headline is parsed there is no article to protect: only a feed that does not
    // hold it (one first in the source) is hidden; the detection proper waits for the headline.
    if (!this.doc.querySelector(HEADLINE_SELECTOR)) {
      this.markBeforeArticle();
      return this.measure(phase, t0);
    }
    if (this.gateSuffices()) {
      // Blocks hidden before the headline came are the gate's to hide now (it hides all the
      // quick detection would): one may hold the headline, parsed into it since.
      if (!this.detection) this.clearMarks();
      this.scheduleFull();
      return this.measure(phase, t0);
    }
    const d = this.quickDetection();
    // Without the article's root, nothing can be proven not to contain it: only what cannot
    // hold it is hidden until it comes.
    if (!d.article.root || !d.page.isArticle) {
      if (d.page.isArticle || this.opts.force) this.markBeforeArticle(d);
      return this.measure(phase, t0);
    }
    this.adopt(d);
    // The next batch reads this module again if the parser has left it by then (see flush).
    if (!this.parsed) this.lastOpenModule = openModule(this.doc);
    this.measure(phase, t0);
  }

  /** While the article has not been parsed: the blocks that do not hold it (beforeArticle). */
  private markBeforeArticle(d?: Detection): void {
    const early = beforeArticle(this.doc, this.url, { force: this.opts.force, userRules: this.userRules() }, d);
    if (!early.length && !this.blocks.size) return;
    this.clearMarks();
    this.mark(early);
  }

  /**
   * The stylesheet's gate hides everything the quick detection would hide on this page now
   * (`gateCovers`), so the detection waits for idle time: the seed page's load then costs no
   * detection at all. Not in collapse mode (bars need the blocks at once) nor with user rules.
   */
  private gateSuffices(roots?: Element[]): boolean {
    const gated = this.gateSelector();
    this.gateCovered =
      gated !== '' && !this.userRules().length && gateCovers(this.doc, this.host(), gated, FEED_KINDS.filter((k) => this.settings.hide[k]), roots);
    return this.gateCovered;
  }

  /** After DOMContentLoaded, the gate hiding the feed by itself while the detection waits for
   * idle time: batches then read only what scripts add (gateBatch). While the page parses, each
   * frame's pass reads the whole page instead: the parser adds many small subtrees, and one
   * whole-page check costs less than a check of each (measured on the seed page). */
  private gateWaiting(): boolean {
    return this.parsed && this.gateCovered;
  }

  /** The gate hides the feed by itself and its detection waits for idle time: what scripts add
   * meanwhile is read for blocks the gate would leave visible, which bring the detection now. */
  private gateBatch(): void {
    if (!this.pending.length) return;
    const t0 = performance.now();
    const added = new Set(this.pending);
    this.pending = [];
    // Subtree roots only: a subtree is read with its root.
    const roots = [...added].filter((n) => {
      if (!n.isConnected || INERT_TAGS.has(n.tagName)) return false;
      for (let p = n.parentElement; p; p = p.parentElement) if (added.has(p)) return false;
      return true;
    });
    if (roots.length && !this.gateSuffices(roots)) this.adopt(this.quickDetection());
    this.measure('ynd:batch', t0);
  }

  /** The whole page on cheap evidence, before it paints (see DetectOptions.quick). */
  private quickDetection(): Detection {
    return detectFeed(this.doc, this.url, { force: this.opts.force, userRules: this.userRules(), quick: true });
  }

  /** DOMContentLoaded with no parse pass taken: the quick detection over the whole page. */
  private loadPass(): void {
    const t0 = performance.now();
    this.pending = [];
    if (this.gateSuffices()) {
      this.watchFrames();
      this.scheduleFull();
    } else this.adopt(this.quickDetection());
    this.measure('ynd:load', t0);
  }

  /** Mark a quick detection's blocks; the full one follows at idle time. */
  private adopt(d: Detection): void {
    this.apply(d);
    // Frames parsed so far (a srcdoc loads while the page parses, and paints before idle time:
    // tw-podium-halfmoon-srcdoc-frame-feed-rail.html parsed whole before a first frame came to
    // the DOMContentLoaded pass); the batches watch the rest.
    this.watchFrames();
    this.scheduleFull();
  }

  /** Replace the marks on the page with a detection's: its blocks, and what it refused. */
  private apply(d: Detection): void {
    this.clearMarks();
    this.detection = d;
    for (const el of d.refused) el.setAttribute(ATTR.keep, '');
    this.kept = [...d.refused];
    this.mark(d.blocks);
    this.applyHtmlAttrs();
  }

  /** Item counts, related reading and unlabelled card runs: when the page is idle. */
  private scheduleFull(): void {
    if (this.cancelFull) return;
    this.cancelFull = whenIdle(() => {
      this.cancelFull = null;
      const t0 = performance.now();
      this.fullPass(false);
      // The batches to come test added subtrees against the gate's selectors: parse them now,
      // while the page is idle, not in the first batch.
      const gated = this.gateSelector();
      if (gated) this.html.matches(gated);
      this.measure('ynd:idle', t0);
    }, IDLE_TIMEOUT_MS);
  }

  private cancelIdle(): void {
    this.cancelFull?.();
    this.cancelRecount?.();
    this.cancelFull = null;
    this.cancelRecount = null;
  }

  /** Whole-page evaluation: at idle after load, after in-site navigation, when rules change. */
  fullPass(measured = true): void {
    const t0 = performance.now();
    this.cancelIdle();
    const href = this.doc.location?.href ?? this.url;
    // "Show the feed on this page" belongs to the page it was given on, not the next story.
    if (href !== this.url) {
      this.pageRevealed = false;
      this.articleChars = -1;
    }
    this.url = href;
    this.pending = [];
    this.deferred = [];
    this.apply(detectFeed(this.doc, this.url, { force: this.opts.force, userRules: this.userRules() }));
    if (this.detection?.page.isArticle || this.opts.force) {
      this.watch();
      this.watchFrames();
    }
    if (measured) this.measure('ynd:full', t0);
    this.report();
  }

  private onMutations(records: MutationRecord[]): void {
    // While the parser is still building the page, the next parse pass looks at the whole
    // document anyway: thousands of records need no bookkeeping, only a frame.
    if (!this.detection && !this.gateWaiting()) {
      const t0 = performance.now();
      if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
      // Called for every chunk the parser adds: part of the load, however little.
      if (!this.parsed) this.measure('ynd:load', t0);
      return;
    }
    for (const r of records) {
      for (const n of r.addedNodes) if (n.nodeType === 1 && !(n as Element).matches(OWN_NODES)) this.pending.push(n as Element);
    }
    if (this.pending.length && !this.frame) this.frame = requestAnimationFrame(() => this.flush());
  }

  /** At most once per frame, before it paints: new nodes inside marked blocks are hidden by CSS
   * already; anything else is checked, quickly, for new blocks within the added subtrees only.
   * Counting the items that arrived waits for idle time. */
  private flush(): void {
    this.frame = 0;
    this.flushFrame();
    if (!this.parsed) this.watchShadowHost();
  }

  /**
   * While the parser fills a shadow host (a web component's declarative shadow root): each
   * frame, before it paints, looks at how far the shadow root has got, and reads the host when
   * it has grown. Its cards arrive with no mutation the page's observer sees, and
   * tw-web-components-dsd.html painted its feed before the next light-DOM node under a slow
   * CPU. Stops once the parser has left the host.
   */
  private watchShadowHost(): void {
    if (this.shadowWatch) return;
    const host = shadowHostParsing(this.doc);
    if (!host) return;
    let seen: Element | null = null;
    const poll = () => {
      this.shadowWatch = 0;
      if (this.parsed || shadowHostParsing(this.doc) !== host) return;
      let deepest = host.shadowRoot?.lastElementChild ?? null;
      while (deepest?.lastElementChild) deepest = deepest.lastElementChild;
      if (deepest !== seen) {
        seen = deepest;
        this.pending.push(host);
        if (this.frame) cancelAnimationFrame(this.frame);
        this.frame = 0;
        this.flushFrame();
      }
      this.shadowWatch = requestAnimationFrame(poll);
    };
    this.shadowWatch = requestAnimationFrame(poll);
  }

  private flushFrame(): void {
    if (!this.detection) {
      if (this.gateWaiting()) this.gateBatch();
      else this.parsePass();
      return;
    }
    // A frame asked for while the page was parsing, whose nodes DOMContentLoaded's pass took.
    if (!this.pending.length) return;
    const t0 = performance.now();
    const href = this.doc.location?.href ?? this.url;
    const a = this.detection.article;
    const articleGone = (a.root && !a.root.isConnected) || (a.headline && !a.headline.isConnected);
    // A headline a script adds after load is another article's (the next story appended below
    // the first): the article's anchors, which protect it, are found anew over the whole page.
    // Not a card's linked title (cards titled by h1s, loaded lazily, would cost a whole-page
    // pass each batch).
    const anotherArticle = this.parsed && this.pending.some(holdsHeadline);
    if (href !== this.url || articleGone || anotherArticle || (!a.root && this.pending.some((n) => n.querySelector('p')))) {
      this.fullPass();
      return;
    }
    // Subtree roots only (a node whose ancestor was also added is covered by it), outside the
    // blocks already hidden: one ancestor walk per node, linear in the batch.
    const added = new Set(this.pending);
    // Nodes inside the article's root are never hidden (touchesArticle refuses anything there),
    // and scripts, styles and the like are no blocks: neither needs looking at.
    const root = a.root;
    let grew = false;
    // Added inside a block of another kind than sponsored: a sponsored card among a stream's
    // stories is marked on its own (see nestedSponsored in detect.ts).
    const grown: Element[] = [];
    // Something was added to the article itself: read again at idle time (articleGrew).
    let articleTouched = false;
    const roots = this.pending.filter((n) => {
      if (!n.isConnected || INERT_TAGS.has(n.tagName)) return false;
      for (let p = n.parentElement; p; p = p.parentElement) {
        const host = this.blocks.get(p);
        if (host) {
          grew = true;
          if (host.kind !== 'sponsored') grown.push(n);
          return false;
        }
        if (p === root) {
          articleTouched = true;
          return false;
        }
        if (added.has(p)) return false;
      }
      return !this.blocks.has(n);
    });
    this.pending = [];
    // A block the stylesheet hides by itself (a rail a script adds late) is hidden before it
    // paints with no work here; reading it waits for idle time. One that holds the article is
    // the exception: it is kept visible at once.
    const gated = roots.length ? this.gateSelector() : '';
    const fresh = gated
      ? roots.filter((r) => {
          if (!r.matches(gated)) return true;
          if (touchesArticle(r, a)) {
            r.setAttribute(ATTR.keep, '');
            this.kept.push(r);
            return true;
          }
          this.deferred.push(r);
          return false;
        })
      : roots;
    if (fresh.length < roots.length) this.scheduleRecount();
    // Comments a script adds (the next page of them) are never a feed: proving it from their
    // cards cost a whole batch (jp-2026-comments.html, 1–1.5 ms). A widget among them is still
    // looked for, as among a stream's new cards.
    const talk = new Map<Element, boolean>();
    const inTalk = (r: Element) => {
      const p = r.parentElement;
      // Comments arrive as more of a list that is there: a root with no like sibling before it
      // (a whole module appended) is not tested, which would read the headings of its parent.
      if (!p || !likePrevious(r)) return false;
      if (!talk.has(p)) talk.set(p, inComments(p));
      return talk.get(p)!;
    };
    const comments = fresh.filter(inTalk);
    const look = fresh.filter((r) => !comments.includes(r));
    // While the page parses, the module the parser is in is read again with each batch: its rows
    // arrive apart from its heading. Not the article's body (its subheads are no module).
    const module = !this.parsed && look.length ? openModule(this.doc) : null;
    const readAlso = (m: Element | null) => {
      if (m && !touchesArticle(m, a) && !this.insideBlock(m) && !look.some((r) => r.contains(m))) look.push(m);
    };
    readAlso(module);
    if (!this.parsed) {
      // The module the parser was in at the last batch may have been completed since: its rows
      // arrived with the next module's, or with DOMContentLoaded, no frame between
      // (us-ap-outbrain's rail under a slow CPU painted its video module). It is read once more.
      if (this.lastOpenModule !== module && this.lastOpenModule?.isConnected) readAlso(this.lastOpenModule);
      this.lastOpenModule = module;
    } else {
      // After load, rows a script adds to a module that is there (a rail box filled late) are
      // read with the module's heading.
      for (const r of look.slice()) readAlso(headedModule(r));
    }
    if (look.length && (this.detection.page.isArticle || this.opts.force)) {
      this.watchFrames();
      const found = this.newBlocks(this.detectIn(this.detection, look, true));
      this.mark(found);
      // New blocks change the count even when they come counted already (one the quick pass
      // could only decide on its cards: tw-alpine-cube-next-toast.html's 下一則推薦 panel).
      if (found.length) {
        this.reportDue = true;
        this.scheduleRecount();
      }
    }
    const ads = sponsoredCards([...grown, ...comments], grown).filter((b) => !this.blocks.has(b.el));
    if (ads.length) this.mark(ads);
    // Items added inside known blocks change the counts, not what is hidden.
    if (grew || (articleTouched && this.parsed)) this.scheduleRecount();
    // Nodes the parser added belong to the page's load; after DOMContentLoaded, a batch is
    // what scripts add (lazy loading, infinite scroll).
    this.measure(this.parsed ? 'ynd:batch' : 'ynd:load', t0);
  }

  /** Idle time after batches: blocks the quick pass found get their full evaluation (items,
   * related reading), blocks that grew their count; then one report. */
  private scheduleRecount(): void {
    if (this.cancelRecount || this.cancelFull) return;
    this.cancelRecount = whenIdle(() => {
      this.cancelRecount = null;
      const t0 = performance.now();
      let changed = this.evaluateDeferred();
      if (this.articleGrew()) changed = true;
      for (const b of [...this.blocks.values()]) {
        if (!b.el.isConnected) continue;
        const before = b.items.length;
        // A module hidden while loading is decided on what fills it, whenever it grows.
        // A frame's stories are in its document: counted by the detection that reads it.
        if (!before || b.features.placeholderRows || b.features.frameFeed) changed = this.refine(b) || changed;
        else if (!(b.items.length === 1 && b.items[0]!.contains(b.el))) {
          // Counted again the way the detection counts (items need not be siblings: a ranking's
          // links sit one per list item). Sponsored cards marked apart are counted apart; such
          // a card (or the card around it) is its own one item.
          b.items = findItems(b.el, ITEM_SELECTORS).filter((c) => !this.holdsOtherBlock(c, b));
        }
        // refine() may have put a new block in b's place: its count is the one to compare.
        if ((this.blocks.get(b.el) ?? b).items.length !== before) changed = true;
      }
      this.measure('ynd:idle', t0);
      if (changed || this.reportDue) this.report();
    }, IDLE_TIMEOUT_MS);
  }

  /** The detection within some subtrees only, with the page's classification and article. */
  private detectIn(d: Detection, roots: Element[], quick: boolean): Detection {
    return detectFeed(this.doc, this.url, {
      force: this.opts.force,
      userRules: this.userRules(),
      scope: { roots, page: d.page, article: d.article },
      quick,
    });
  }

  /** A detection's blocks that are not marked yet, nor inside one that is. */
  private newBlocks(d: Detection): FeedBlock[] {
    return d.blocks.filter((b) => !this.blocks.has(b.el) && !this.insideBlock(b.el));
  }

  /**
   * The selectors of what the stylesheet's gate hides on this page right now, with nothing else
   * to show for it ('' for none): in collapse mode a block gets its bar in the frame it
   * appears, so it is read at once.
   */
  private gateSelector(): string {
    if (this.settings.mode === 'collapse' || !this.html.hasAttribute(ATTR.gate) || !this.html.hasAttribute(ATTR.on)) return '';
    const kinds = FEED_KINDS.filter((k) => this.settings.hide[k]);
    // Built once per set of kinds: every batch asks for it.
    const key = kinds.join(' ');
    if (this.gateSel?.key !== key) this.gateSel = { key, sel: kinds.map(earlySelector).filter(Boolean).join(', ') };
    return this.gateSel.sel;
  }

  /** The subtrees left to the stylesheet by batches, read now: marked, counted. True if any. */
  private evaluateDeferred(): boolean {
    const roots = this.deferred.filter((r) => r.isConnected && !this.insideBlock(r));
    this.deferred = [];
    const d = this.detection;
    if (!roots.length || !d) return false;
    const found = this.newBlocks(this.detectIn(d, roots, false));
    this.mark(found);
    return found.length > 0;
  }

  /**
   * The page's frames not seen before: those of its origin outside the article are watched
   * from now on (another origin's cannot be read: foreignFrame). A script draws a widget into
   * one after adding it (document.write into `about:blank`), or the frame loads one
   * (`srcdoc`, a `blob:` URL), with no mutation of the page to say so. Each
   * change to a frame's document brings the frame to the next batch, before the frame paints,
   * where the detection reads its document (frameFeed). A frame that is loading a document
   * (from the start, or when its src or srcdoc changes) is looked at each frame until it has
   * loaded: the new document paints before its load event. At most MAX_FRAME_CHANGES changes a
   * frame: one that keeps changing (an ad's animation) is left alone after that.
   */
  private watchFrames(): void {
    // All of the page's frames, few: one walk of them a batch, not one of each batch's subtrees.
    this.allFrames ??= this.doc.getElementsByTagName('iframe');
    if (!this.allFrames.length) return;
    const a = this.detection?.article;
    for (const frame of Array.from(this.allFrames)) {
      if (this.framesWatched.has(frame)) continue;
      this.framesWatched.add(frame);
      if ((a && touchesArticle(frame, a)) || foreignFrame(frame)) continue;
      this.watchFrame(frame);
    }
  }

  private watchFrame(frame: HTMLIFrameElement): void {
    let changes = 0;
    let seen: Document | null = null;
    let polls = 0;
    let polling = 0;
    const check = () => {
      if (!frame.isConnected) return;
      this.pending.push(frame);
      if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
    };
    // A document being parsed changes with each chunk, however many (more under a busy CPU):
    // all are looked at. Once it has loaded, its changes are counted.
    const changed = () => {
      if (seen?.readyState === 'complete' && ++changes > MAX_FRAME_CHANGES) return observer.disconnect();
      check();
    };
    const observer = new MutationObserver(changed);
    /** The frame's document, observed; whether it is another than the one observed before. */
    const observe = (): boolean => {
      const inner = frameDocument(frame);
      if (inner === seen) return false;
      seen = inner;
      changes = 0;
      observer.disconnect();
      if (inner) observer.observe(inner, { childList: true, subtree: true });
      return true;
    };
    const poll = () => {
      polling = 0;
      if (!frame.isConnected || ++polls > MAX_FRAME_POLLS) return;
      if (observe()) check();
      if (seen?.readyState !== 'complete' || seen.URL === 'about:blank') polling = requestAnimationFrame(poll);
    };
    const startPolling = () => {
      polls = 0;
      polling ||= requestAnimationFrame(poll);
    };
    const loaded = () => (observe(), check());
    // A src or srcdoc set by script: a document is on its way.
    const navigations = new MutationObserver(startPolling);
    navigations.observe(frame, { attributes: true, attributeFilter: ['src', 'srcdoc'] });
    frame.addEventListener('load', loaded);
    observe();
    if (frame.hasAttribute('srcdoc') || frame.hasAttribute('src')) startPolling();
    this.frameUnwatch.push(() => {
      observer.disconnect();
      navigations.disconnect();
      cancelAnimationFrame(polling);
      frame.removeEventListener('load', loaded);
    });
  }

  /** Whether the article has grown by much (ARTICLE_GROWTH) since it was last read; the first
   * reading for a URL only notes its size. */
  private articleGrew(): boolean {
    const root = this.detection?.article.root;
    if (!root?.isConnected) return false;
    const chars = (root.textContent ?? '').length;
    const before = this.articleChars;
    if (before >= 0 && chars < before * ARTICLE_GROWTH + ARTICLE_GROWTH_MIN_CHARS) return false;
    this.articleChars = chars;
    if (before < 0) return false;
    this.articleRevision++;
    return true;
  }

  /** The full evaluation of one block a quick pass marked: its items, and whether its items
   * continue the story (related reading, shown by default). True when its kind changed. */
  private refine(b: FeedBlock): boolean {
    const d = this.detection;
    if (!d) return false;
    const full = this.detectIn(d, [b.el], false).blocks.find((x) => x.el === b.el);
    if (!full) {
      if (b.features.placeholderRows) {
        // Hidden while it was still loading (its items are its placeholder rows): once none is
        // left empty, what came is no feed, and is shown. Until then it waits for the rest.
        if (b.items.some((r) => r.isConnected && emptyRow(r))) return false;
        this.unmark(b);
        return true;
      }
      b.items = findItems(b.el, ITEM_SELECTORS);
      return false;
    }
    const kindChanged = full.kind !== b.kind;
    // A scoped pass may not see the caption before the block: the one it had stays with it.
    full.caption ??= b.caption;
    this.blocks.set(b.el, full);
    if (kindChanged) {
      b.el.setAttribute(ATTR.kind, full.kind);
      full.caption?.setAttribute(ATTR.kind, full.kind);
    }
    return kindChanged;
  }

  /** Whether `el` is, or holds, a marked block other than `b`. */
  private holdsOtherBlock(el: Element, b: FeedBlock): boolean {
    if (el !== b.el && this.blocks.has(el)) return true;
    for (const other of this.blocks.keys()) if (other !== b.el && el.contains(other)) return true;
    return false;
  }

  private insideBlock(el: Element): boolean {
    for (let n: Element | null = el; n; n = n.parentElement) if (this.blocks.has(n)) return true;
    return false;
  }

  /** In-site navigation (pushState, popstate): evaluate the new article from scratch. */
  /** The reader went back or forward in the tab's history (see defuseOverlays). */
  notePopstate(): void {
    this.lastPopstate = performance.now();
  }

  onLocationChange(): void {
    // Several signals report one navigation (Navigation API, popstate, WXT's poll, the next
    // batch): the first that sees the new URL evaluates it, the rest have nothing to do.
    if ((this.doc.location?.href ?? this.url) === this.url) return;
    this.fullPass();
  }

  /** Asked before idle time came (the popup opened at once; the marks are a quick pass's, or
   * the stylesheet's gate alone hides the feed): finish the detection now. */
  settle(): void {
    if (this.cancelFull) this.fullPass(false);
    else if (this.deferred.length) this.evaluateDeferred();
  }

  status(): CleanupStatus {
    this.settle();
    // The article's size as first reported, for articleGrew to compare with.
    if (this.articleChars < 0 && this.parsed) this.articleGrew();
    const d = this.detection;
    const active = this.active() && !!d && (d.page.isArticle || this.opts.force);
    const blocks = [...this.blocks.values()]
      .filter((b) => b.el.isConnected)
      .map((b) => ({
        kind: b.kind,
        heading: b.heading,
        items: b.items.length,
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
      articleRevision: this.articleRevision,
    };
  }

  private report(): void {
    // While the page parses, a status would settle the detection (the whole of it, see status)
    // and message the background: work before the page is shown that nobody sees yet. It is
    // held until the page has parsed; the full pass at idle time reports anyway.
    if (!this.parsed) {
      this.reportDue = true;
      return;
    }
    this.reportDue = false;
    this.opts.onStatus?.(this.status());
  }

  /** The page without feed, rails and ads, for analysis elsewhere (the popup). */
  snapshot(): string {
    // Every block marked, so none of the feed goes into the copy.
    this.settle();
    const t0 = performance.now();
    try {
      return this.cleanSnapshot();
    } finally {
      // Asked for after load (the background prepares the analysis): idle-time work.
      this.measure('ynd:idle', t0);
    }
  }

  private cleanSnapshot(): string {
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

/** Whether an open dialog is modal (:modal is Chrome 105+, Firefox 103+; an engine without it
 * is taken to have opened it as one, the case that needs closing). */
function isModal(d: HTMLDialogElement): boolean {
  try {
    return d.matches(':modal');
  } catch {
    return true;
  }
}

function hiddenOf(blocks: CleanupStatus['blocks'], kind: FeedKind): number {
  return blocks.filter((b) => b.hidden && b.kind === kind).reduce((n, b) => n + b.items, 0);
}

/** Whether the element before `el` is of its tag and class (one more item of a list). */
function likePrevious(el: Element): boolean {
  const prev = el.previousElementSibling;
  return !!prev && prev.tagName === el.tagName && prev.getAttribute('class') === el.getAttribute('class');
}
