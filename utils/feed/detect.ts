import { SITE_PROFILES, type FeedKind, type SiteProfile } from '../sites';
import { classifyPage, pathLooksLikeArticle, type PageClass } from '../page/classify';
import {
  CLASS_WORDS,
  COMMENT_WORDS,
  commentsHeading,
  HIDE_CONFIDENCE,
  WIDGET_DOMINANCE,
  MAX_HEADING_CHARS,
  LINK_DENSITY_MIN,
  MAX_CARD_LINKS,
  MIN_CARDS,
  RELATED_ITEM_SHARE,
  RELATIVE_TIME,
  CARD_DATE,
  SHORT_TIME,
  SHORT_TIME_MAX_CHARS,
  WEIGHTS,
  WIDGET_SELECTORS,
  YAHOO_MODULE_ATTRS,
  headingKind,
  normaliseHeading,
  headingName,
  type FeatureName,
} from './signals';

export interface FeedBlock {
  el: Element;
  kind: FeedKind;
  heading: string;
  items: Element[];
  score: number;
  features: Partial<Record<FeatureName, number>>;
  source: 'profile' | 'generic' | 'user';
  /** A caption before the block, outside it, that names it (Framework7's `div.block-title`
   * before its list): hidden and shown with it, so it does not stand over the space. */
  caption?: Element;
}

export interface ArticleAnchors {
  root: Element | null;
  headline: Element | null;
  byline: Element | null;
  /** Lowest common ancestor of headline and root (the article's own column), if meaningful. */
  container: Element | null;
  images: Element[];
  /** The footers of the article element, after its body (see articleFooters). */
  footers: Element[];
  /**
   * Other articles on the page, each its body with its headline (a continuous "next article"
   * appended below the first): never hidden either, and not the article being read.
   */
  others: Element[];
  /**
   * The rest of the story's body when a module splits it in two (see bodyParts): never hidden
   * either; a run of cards after one part and before the root stands in the story's tail.
   */
  parts: Element[];
  /** Where the page's articles begin: feeds sit after it (or in an aside). */
  start: Element | null;
}

export interface Detection {
  page: PageClass;
  article: ArticleAnchors;
  /** Blocks at or above the confidence threshold, outermost only, never touching the article. */
  blocks: FeedBlock[];
  /** Profile blocks that matched but were refused because they touch the article. */
  refused: Element[];
}

/** A user's own rule (options page): a heading phrase or a CSS selector, for one host. */
export interface UserRule {
  host: string;
  kind: 'phrase' | 'selector';
  value: string;
}

export interface DetectOptions {
  userRules?: readonly UserRule[];
  /** Treat the page as an article whatever classification says (the user asked to clean it). */
  force?: boolean;
  /** The page's class when the caller has it already (a clone of a classified page). */
  page?: PageClass;
  /**
   * Incremental pass: look for new blocks only within these subtrees (nodes added since the last
   * pass), reusing the page class and article anchors found before.
   */
  scope?: { roots: readonly Element[]; page: PageClass; article: ArticleAnchors };
  /**
   * Before first paint (the content script while the page loads): decide what to hide with the
   * cheap evidence only. A candidate whose cheap features already reach HIDE_CONFIDENCE is
   * hidden without counting its items or testing them for related reading. Unlabelled card runs
   * are always looked for: a page can label its rail and not its feed (sg-en-modern.html with
   * renamed classes), and the walk costs well under a millisecond. The caller runs a full
   * detection at idle time for counts and related reading.
   */
  quick?: boolean;
  /** The document of a frame of the page (frameFeed): its <body> may be a block, and frames
   * in it are not looked into. */
  inFrame?: boolean;
}

/** FOLLOWING, spelled out: these functions also run outside a window. */
const FOLLOWING = 4;
/** Node.TEXT_NODE, for the same reason. */
const TEXT_NODE = 3;
const isElement = (n: ParentNode): n is Element => (n as Node).nodeType === 1;

/** Elements matching `selector` within the roots, the roots themselves included. */
function within(roots: readonly ParentNode[], selector: string): Element[] {
  const out: Element[] = [];
  for (const r of roots) {
    if (isElement(r)) {
      try {
        if (r.matches(selector)) out.push(r);
      } catch {
        return [];
      }
    }
    out.push(...safeQueryAll(r, selector));
  }
  return out;
}

/** Paragraph text that makes an element a body candidate in the generic article finder. */
const MIN_PARAGRAPH_CHARS = 20;
/** The article's column must clearly outweigh any single card to be chosen generically. */
const MIN_ROOT_SCORE = 200;
/** Climbing from a heading stops once the parent adds this much text the block does not have. */
const CLIMB_TEXT_GROWTH = 1.35;
/** Links a heading's block needs before it can stop climbing (a heading alone is not a block). */
const MIN_BLOCK_LINKS = 2;
/** Beside a run of cards, a caption (a heading, a subtitle, a "See all" link) has at most this
 * much text and this many links; anything more is content of its own. */
const RUN_CAPTION_MAX_CHARS = 120;
const RUN_CAPTION_MAX_LINKS = 1;
/** Counting a block's cards: elements read at most looking for the run (cards are never deeper
 * than a few wrappers); the text a link of a plain-link list needs, and the text a card found
 * beside the run needs (a title's worth; a tab or a "more" row has less). */
const MAX_ITEM_WALK = 400;
const MIN_LINK_CHARS = 6;
const MIN_ITEM_CHARS = 10;
/** Elements that show nothing: no caption, whatever their text. */
const UNSEEN_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
const HEADING_SELECTOR = 'h2, h3, h4, h5, h6, [role="heading"]';
/** A page's headline, or another article's: an h1, or an element a script made one for
 * assistive technology (my-preact-goober-split-body-related-lookalike.html's div). */
export const HEADLINE_SELECTOR = 'h1, [role="heading"][aria-level="1"]';
/** How deep a module's heading may sit in its first children (`div > div.header > h2`). */
const MODULE_HEADING_DEPTH = 2;
/** How far above added rows their module may begin (`section > ul > li`, or one wrapper more). */
const MODULE_CLIMB = 3;
const CHROME_SELECTOR = 'header, nav, footer, [role="navigation"], [role="banner"], [role="contentinfo"], form';
const CHROME_TAGS = new Set(['HEADER', 'NAV', 'FOOTER', 'FORM']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo']);
/** `el.matches(CHROME_SELECTOR)` without the selector engine: the walks ask it of every element. */
function isChrome(el: Element): boolean {
  if (CHROME_TAGS.has(el.tagName)) return true;
  const role = el.getAttribute('role');
  return role !== null && CHROME_ROLES.has(role);
}
const ASIDE_SELECTOR = 'aside, [role="complementary"]';
/** The site's own chrome (an article's <header> holding its h1 is not chrome). */
const SITE_CHROME = 'nav, footer, form, [role="navigation"], [role="banner"], [role="contentinfo"], body > header';

/** Elements whose <header> is their own heading row, not the page's banner (HTML-AAM maps a
 * <header> to the banner landmark only outside these). */
const SECTIONING = 'article, aside, main, nav, section';

/**
 * The chrome `el` is in, if any: its closest chrome element, but for a module's own <header>
 * (a section's "Sponsored" heading row with its "Why am I seeing this?" link,
 * uk-navapi-viewtransition-popover-rail.html), which holds the module's heading, not the
 * site's, and an article element's own <footer> (HTML-AAM maps neither to a landmark), which
 * may hold the site's modules (hk-liferay-clay-feed-inside-article-footer.html).
 */
function chromeAround(el: Element): Element | null {
  for (let c = el.closest(CHROME_SELECTOR); c; c = c.parentElement?.closest(CHROME_SELECTOR) ?? null) {
    if (c.hasAttribute('role')) return c;
    if (c.tagName === 'HEADER' ? !c.parentElement?.closest(SECTIONING) : c.tagName !== 'FOOTER' || !c.parentElement?.closest('article')) return c;
  }
  return null;
}

/**
 * Whether `el` is in the site's chrome. Not a <nav> after the story outside the page's header
 * and footer: a module of stories may be one (Bulma's "panel", hk-marko-bulma-continuous-next.html).
 */
function siteChrome(el: Element, articleStart: Element | null): boolean {
  const c = chromeAround(el);
  if (!c || moduleHeader(c, articleStart)) return false;
  return !(freeNav(c) && articleStart && isAfter(c, articleStart));
}

/**
 * A <header> after the story's start, below the page's top level and in no other chrome: a
 * module's own heading row, though outside any sectioning element (an overlay panel at the
 * end of the page, sg-ractive-picnic-scrim-panel-before-you-go.html's "Before you go"), not
 * the site's banner, which comes before the story.
 */
function moduleHeader(c: Element, articleStart: Element | null): boolean {
  return c.tagName === 'HEADER' && !c.hasAttribute('role') && c.parentElement !== c.ownerDocument.body && !c.parentElement?.closest(CHROME_SELECTOR) && isAfter(c, articleStart);
}

/** A navigation landmark outside the site's other chrome (its header, its footer): it may be a
 * module of stories or of trending terms rather than the site's sections. */
function freeNav(c: Element): boolean {
  return (c.tagName === 'NAV' || c.getAttribute('role') === 'navigation') && !c.parentElement?.closest(CHROME_SELECTOR);
}

/**
 * Whether a named module is in the site's chrome. A navigation landmark that is itself the
 * module, outside the site's other chrome, is not: its name says it is a list of trending
 * terms, not the site's sections (hk-framework7-media-list-page-stack.html's 熱搜 chip strip,
 * a `role="navigation"` above the headline).
 */
function inChrome(el: Element): boolean {
  const c = chromeAround(el);
  return !!c && !(c === el && freeNav(c));
}

/** Chrome a module of stories may sit in: the page's header, and its footer; not its menus or
 * forms. */
const FOOTER_CHROME = 'footer, [role="contentinfo"]';
const MODULE_CHROME = `header, [role="banner"], ${FOOTER_CHROME}`;

/**
 * A module of other stories in the site's header or footer is a module, though in chrome: a
 * ribbon in the header ("Latest news", each headline with its time:
 * sg-endless-fixi-beercss-ticker-ribbon.html), or a fat footer's "Trending now" and "Most read"
 * above its link columns (uk-umbraco-cirrus-footer-trending-most-read.html). MIN_CARDS or more
 * linked rows in it (or around its heading `el`) carry a time, which menus and trending search
 * terms never do; in a footer, the rows of a ranking may be numbered instead. The chrome it
 * sits in (where a climb from its heading stops), else null. `c`: the chrome around `el`, when
 * the caller has it.
 */
function chromeModule(el: Element, c: Element | null = chromeAround(el), open: ReadonlySet<Element> = NONE): Element | null {
  if (!c?.matches(MODULE_CHROME) || c === el) return null;
  const first = el.matches(HEADING_SELECTOR) ? el.parentElement : el;
  // While the parser is inside the module around the heading, past its first linked row, the
  // rows have not all come, nor their times: those there stand for them, decided again once the
  // page has parsed (uk-umbraco-cirrus-footer-trending-most-read.html's footer "Trending now"
  // showed its first story's picture and title, and its first two stories, at parse cuts).
  // The parser's elements here are nested: the outermost holds the rows of all, read once.
  let module: Element | null = null;
  for (let x = first; x && x !== c && open.size; x = x.parentElement) if (open.has(x)) module = x;
  if (module && safeQueryAll(module, 'li, article').some(hasLink)) return c;
  // The chrome's timed rows and (in a footer) ranked lists, read once; then what lies around the
  // heading at each level.
  const timed = safeQueryAll(c, 'li, article').filter((r) => hasLink(r) && cardTime(r));
  const ranked = c.matches(FOOTER_CHROME) ? safeQueryAll(c, 'ol, ul').filter((l) => rankedCards(Array.from(l.children))) : [];
  if (timed.length < MIN_CARDS && !ranked.length) return null;
  for (let x = first; x && x !== c; x = x.parentElement) {
    if (timed.filter((r) => x!.contains(r)).length >= MIN_CARDS || ranked.some((l) => x!.contains(l))) return c;
  }
  return null;
}

/** A link marked as paid for: the standard mark of an ad, or of an affiliate link. */
const AD_LINK = 'a[rel~="sponsored" i]';
/** A click through Yahoo's own ad server (its native ads in streams and rails). */
const YAHOO_AD_CLICK = 'a[href*="beap.gemini.yahoo.com/"]';
/** An ad's label is this short at most ("PR", "廣告", "Sponsored"). */
const AD_LABEL_MAX_CHARS = 12;
/** A link beside ads with this much text at most is their "ⓘ" (ad information), not a story. */
const AD_INFO_MAX_CHARS = 2;
/** Or it says what it is: "Why this ad?", "AdChoices", "廣告資訊", "広告について". */
const AD_INFO_TEXT = /^.{0,16}(\bads?\b|adchoices|廣告|广告|広告).{0,16}$/iu;

/**
 * Whether a block of paid-for links holds an ad's label: an element whose whole text names a
 * sponsored block ("PR", "廣告", "Ad"), inside a card or beside its link. An affiliate's link
 * with no such label (a shop's, after a review) is no ad.
 */
function labelledAd(block: Element): boolean {
  // A paid-for link through Yahoo's ad server is an ad, never an affiliate's: it needs no
  // label (tw-synonyms-umi-antd-list-copy-changes.html's say 推廣, beside a heading no list
  // knows). Only paid-for links start a block (AD_LINK): Yahoo's stream cards that link to its
  // ad server with no such mark are found with their stream, where each is a whole card.
  if (block.matches(YAHOO_AD_CLICK) || block.querySelector(YAHOO_AD_CLICK)) return true;
  for (const el of Array.from(block.getElementsByTagName('*'))) {
    if (el.firstElementChild) continue;
    const text = normaliseHeading(el.textContent ?? '');
    if (text && text.length <= AD_LABEL_MAX_CHARS && headingKind(text) === 'sponsored') return true;
  }
  return false;
}

/**
 * Whether paid-for links to several places make a block with no label: a shelf of affiliate
 * products after the story ("Shop more deals", au-aem-core-teasers-shop-deals-carousel.html,
 * every card's link `rel="sponsored nofollow"` to a shop). One or two are a story's own links
 * to what it sells; the story's own shelves are kept by the callers (storyGoesOn, storysOwn).
 */
function paidList(block: Element): boolean {
  return new Set(safeQueryAll(block, AD_LINK).map((l) => l.getAttribute('href'))).size >= MIN_CARDS;
}

/** The parts of `el` its `hidden` attribute keeps from showing (the outermost): a closed
 * toggletip's "These links are paid for…" beside a module's heading
 * (us-mithril-carbon-copy-changes.html) is no caption text. */
function unshown(el: Element): Element[] {
  return el.querySelector('[hidden]') ? outermost(safeQueryAll(el, '[hidden]')) : [];
}

/**
 * The block of a paid-for link: from the link up while what holds it holds ads only (every
 * link an ad's or its "ⓘ") with at most a caption's text beside them, below `stopAt` (the
 * article, the page). A pair of "PR" cards under no heading
 * (jp-inertia-vuetify-headless-pr-pair-deferred-next.html), a card headed by a `div` saying
 * 贊助內容 (hk-framework7-media-list-page-stack.html), a deal whose "Ad" badge sits beside its
 * button (uk-style-rr7-tailwind-split-product-sections.html).
 */
function adBlock(link: Element, stopAt: (el: Element) => boolean, stop: Element): Element {
  let el = link;
  for (;;) {
    const parent = el.parentElement;
    if (!parent || parent === stop || parent === stop.ownerDocument.documentElement || isChrome(parent) || stopAt(parent)) return el;
    // Counted without white space: a template's indentation is no caption.
    let adText = 0;
    for (const l of Array.from(parent.getElementsByTagName('a'))) {
      const text = squeeze(l.textContent).length;
      if (l.matches(AD_LINK)) adText += text;
      else if (text > AD_INFO_MAX_CHARS && !AD_INFO_TEXT.test(normaliseHeading(l.textContent ?? ''))) return el;
    }
    const shown = squeeze(parent.textContent).length - unshown(parent).reduce((n, h) => n + squeeze(h.textContent).length, 0);
    if (shown - adText > RUN_CAPTION_MAX_CHARS) return el;
    el = parent;
  }
}

/**
 * Ad cards that are every card of one list (each with text of its own beside its link, so
 * none reached the others): the list is the block, with its caption (runBlock), not each card
 * under a heading left standing (uk-style-rr7-tailwind-split-product-sections.html's "Shop the
 * deals"). Others stay as they are.
 */
function adCardLists(blocks: readonly Element[], a: ArticleAnchors, stop: Element): Element[] {
  const byParent = new Map<Element | null, Element[]>();
  for (const b of blocks) pushTo(byParent, b.parentElement, b);
  const out: Element[] = [];
  for (const [list, cards] of byParent) {
    // Beside the cards, only what a carousel has: its arrows and dots, no link, no picture, no
    // prose (au-aem-core-teasers-shop-deals-carousel.html's `cmp-carousel__actions`).
    const control = (c: Element) => !hasLink(c) && !c.querySelector('p, img, picture, video');
    const whole = !!list && cards.length >= 2 && Array.from(list.children).every((c) => UNSEEN_TAGS.has(c.tagName) || cards.includes(c) || control(c));
    if (whole && !touchesArticle(list, a)) out.push(runBlock(list, a, stop));
    // A list whose every link is an ad's, taken whole by adBlock, stopped below its caption by
    // a link about the ads in words no pattern knows (us-es-leaf-chota-van-te-puede-interesar-
    // ver-mas.html's "¿Por qué veo estos anuncios?" beside "Contenido patrocinado").
    else if (cards.length === 1 && paidList(cards[0]!) && !touchesArticle(cards[0]!, a)) out.push(runBlock(cards[0]!, a, stop));
    else out.push(...cards);
  }
  return out;
}

/**
 * Whether an ad's label inside the story's own element (the `<article>` around its headline and
 * body) marks a product the story sells, not an ad beside it: a "Shop this story" box after the
 * body, each product with its "Ad" badge and "Buy" button
 * (us-leptos-daisy-shop-this-story-lazy-feed.html).
 */
function storysOwn(el: Element, a: ArticleAnchors): boolean {
  // The column when it is known; else the body (a headline far from it, in the page's header).
  const own = (a.container ?? a.root)?.closest('article');
  return !!own && own.contains(el);
}

/**
 * The caption of a block that stands just before it, outside it: a short line with no link whose
 * words name the block's own kind (hk-framework7-media-list-page-stack.html's `div.block-title`
 * 其他人也在看 before its `div.list`). It becomes the block's caption, and its heading if the block
 * has none. Not the article's, nor another block's.
 */
function captionBefore(b: FeedBlock, a: ArticleAnchors, blocks: readonly FeedBlock[]): void {
  const line = lineBefore(b.el);
  if (!line || touchesArticle(line.el, a)) return;
  const prev = line.el;
  if (blocks.some((o) => o.el === prev || o.el.contains(prev) || prev.contains(o.el))) return;
  const named = lineNames(line);
  if (named?.kind !== b.kind) return;
  b.caption = prev;
  if (!b.heading) b.heading = named.text;
}

/** How far above a tab panel its tabs may sit: a tab module's wrappers, not the page's columns. */
const TAB_MODULE_DEPTH = 4;

/**
 * The tabbed module a block is one panel of (role=tabpanel, or inside one): the lowest
 * ancestor holding the tab that controls the panel. Hidden alone, a panel leaves its tabs
 * standing over nothing, and a click on another tab shows a panel of the same feed
 * (tw-modernjs-semi-tabbed-video-durations.html: 即時 / 熱門 / 影音, no heading besides the
 * tabs). Never a module touching the article, nor one whose tabs name related reading, which
 * a setting keeps.
 */
function tabModule(el: Element, a: ArticleAnchors): Element | null {
  const panel = el.closest('[role="tabpanel"]');
  const tab = panel && controllingTab(panel);
  if (!tab) return null;
  let m = panel.parentElement;
  for (let depth = 1; m && !m.contains(tab); depth++) m = depth < TAB_MODULE_DEPTH ? m.parentElement : null;
  if (!m || m === el.ownerDocument.body || touchesArticle(m, a)) return null;
  const tabs = safeQueryAll(tab.closest('[role="tablist"]') ?? tab.parentElement ?? tab, '[role="tab"]');
  return tabs.some((t) => headingKind(normaliseHeading(t.textContent ?? '')) === 'related') ? null : m;
}

/** The tab that names a panel (its aria-labelledby) or controls it (the tab's aria-controls). */
function controllingTab(panel: Element): Element | null {
  const doc = panel.ownerDocument;
  for (const id of (panel.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
    const tab = id ? doc.getElementById(id)?.closest('[role="tab"]') : null;
    if (tab) return tab;
  }
  const id = panel.id;
  if (!id) return null;
  return safeQueryAll(doc, '[role="tab"][aria-controls]').find((t) => t.getAttribute('aria-controls')!.split(/\s+/).includes(id)) ?? null;
}

/** Blocks that are tab panels, as their tab modules (see tabModule): one block per module, its
 * items those of its shown panel (findItems leaves the hidden ones). */
function asTabModules(blocks: readonly FeedBlock[], a: ArticleAnchors): FeedBlock[] {
  const panels = new Map<FeedBlock, Element>();
  for (const b of blocks) {
    const m = b.kind === 'related' ? null : tabModule(b.el, a);
    if (m && !blocks.some((o) => o.kind === 'related' && m.contains(o.el))) panels.set(b, m);
  }
  if (!panels.size) return [...blocks];
  // A block found on the module itself (a run of the shown panel's cards) stands as it is.
  const out = new Map(blocks.filter((b) => !panels.has(b)).map((b) => [b.el, b]));
  for (const [b, m] of panels) if (!out.has(m)) out.set(m, { ...b, el: m, items: findItems(m, ITEM_SELECTORS) });
  return [...out.values()];
}

/**
 * The footers of the story's own `<article>` element, after its body: where a site may put its
 * modules inside the article element (hk-liferay-clay-feed-inside-article-footer.html's related
 * box, feed and ad strip). The walk for card runs skips the article's column, but not these.
 */
function articleFooters({ container, root }: Pick<ArticleAnchors, 'container' | 'root'>): Element[] {
  const own = container?.closest('article');
  if (!own || !root) return [];
  return safeQueryAll(container!, 'footer').filter((f) => f.parentElement?.closest('article') === own && isAfter(f, root) && !f.parentElement?.closest('footer'));
}

/**
 * What follows the story's body inside its column: the later siblings of the body and of each
 * element around it, up to the column (tw-layui-flow-feed-inside-article-div.html keeps its
 * related box, feed and ad strip in plain `<div>`s after the body, inside the `<article>` that
 * holds the headline). Tag rows, share bars, author boxes and comments stand there too, so a run
 * of cards found there is taken only when its cards link to other stories (storyLinked).
 */
function articleTail({ container, root, parts }: Pick<ArticleAnchors, 'container' | 'root' | 'parts'>): Element[] {
  if (!container || !root || root === container || !container.contains(root)) return [];
  // What stands between the body's parts (see bodyParts), as what follows it.
  const out: Element[] = [];
  const first = parts.find((p) => isAfter(root, p));
  for (let s = first?.nextElementSibling; first && s && s !== root; s = s.nextElementSibling) if (!parts.includes(s)) out.push(s);
  for (let n: Element | null = root; n && n !== container; n = n.parentElement) {
    for (let s = n.nextElementSibling; s; s = s.nextElementSibling) out.push(s);
  }
  return out;
}

/** Share of a run's cards that must link to other stories to be taken in the story's tail. */
const TAIL_STORY_SHARE = 0.75;

/**
 * Whether a run's cards link to other stories: most of them (TAIL_STORY_SHARE) hold a link whose
 * path has a story's shape (classify's URL shapes) and is not the page's own. Expert comments,
 * author boxes and tag rows link to people and topics.
 */
function storyLinked(cards: readonly Element[]): boolean {
  const doc = cards[0]?.ownerDocument;
  const ownPath = doc ? pathOf(doc.URL, doc.URL) : null;
  const linked = cards.filter((c) => within([c], 'a[href]').some((a) => storyLink(a, ownPath)));
  return linked.length >= MIN_CARDS && linked.length >= cards.length * TAIL_STORY_SHARE;
}

/** Whether a link goes to another story: its path has a story's shape and is not the page's
 * own (`ownPath`). */
function storyLink(a: Element, ownPath: string | null): boolean {
  const path = pathOf(a.getAttribute('href') ?? '', a.ownerDocument.URL);
  return !!path && path !== ownPath && pathLooksLikeArticle(path);
}

/** The path of `href` resolved against `base`, or null when it is no web address. */
function pathOf(href: string, base: string): string | null {
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.pathname : null;
  } catch {
    return null;
  }
}

/** The kind the line just before `el` names, if it is a caption (see lineBefore). */
function lineKind(el: Element): FeedKind | null {
  const line = lineBefore(el);
  return line ? (lineNames(line)?.kind ?? null) : null;
}

/** The kind a caption line names, and the words that name it: the whole line, or its first
 * words alone when badges and links follow them (赞助内容 · 推广 · 这是什么？). */
function lineNames(line: { el: Element; text: string }): { kind: FeedKind; text: string } | null {
  const kind = headingKind(line.text);
  if (kind) return { kind, text: line.text };
  const first = firstWords(line.el);
  const firstKind = first && first !== line.text ? headingKind(first) : null;
  return firstKind ? { kind: firstKind, text: first } : null;
}

/** The text of an element's first element that holds words and no other element. */
function firstWords(el: Element): string {
  for (const e of safeQueryAll(el, '*')) {
    if (e.childElementCount) continue;
    const text = normaliseHeading(e.textContent ?? '');
    if (text) return text;
  }
  return '';
}

/**
 * The line just before `el` (no picture, mostly no link), short enough to be its caption, and
 * its words. A link for a small part of it is the caption's own ("这是什么？" beside 赞助内容 in
 * sg-hans-uniapp-uniui-windows-richtext.html, to the ad-info page); a line that is mostly a link
 * may be a story.
 */
function lineBefore(el: Element): { el: Element; text: string } | null {
  let prev = el.previousElementSibling;
  while (prev && UNSEEN_TAGS.has(prev.tagName)) prev = prev.previousElementSibling;
  if (!prev || prev.matches('a') || prev.querySelector('img')) return null;
  const text = normaliseHeading(prev.textContent ?? '');
  if (!text || text.length > MAX_HEADING_CHARS) return null;
  const linked = safeQueryAll(prev, 'a').reduce((n, a) => n + normaliseHeading(a.textContent ?? '').length, 0);
  return linked * 2 < text.length ? { el: prev, text } : null;
}

/**
 * Whether the story goes on after `el`, inside the article's column: prose (a paragraph not in
 * a link) follows it there. Paid-for links between a story's parts are the story's own, a shop
 * box or a product's "Buy" button with its "PR" or "Ad" label
 * (jp-stencil-scoped-pr-showcase-split-body.html, uk-style-rr7-tailwind-split-product-sections.html).
 */
function storyGoesOn(el: Element, a: ArticleAnchors): boolean {
  const column = a.container;
  if (!column || !column.contains(el)) return false;
  for (let n: Element = el; n !== column && n.parentElement; n = n.parentElement) {
    for (let sib = n.nextElementSibling; sib; sib = sib.nextElementSibling) {
      for (const p of sib.matches('p') ? [sib] : Array.from(sib.getElementsByTagName('p'))) {
        if (!p.closest('a') && squeeze(p.textContent).length >= MIN_PARAGRAPH_CHARS) return true;
      }
    }
  }
  return false;
}

/** Text length; whitespace included (it is cheap, and only ratios and floors use it). */
function textLen(el: Element | null): number {
  return el ? (el.textContent ?? '').length : 0;
}

function first(doc: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    try {
      const el = doc.querySelector(s);
      if (el) return el;
    } catch {
      // A selector this engine does not support (older :has) is skipped, never thrown.
    }
  }
  return null;
}

function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function lowestCommonAncestor(a: Element, b: Element): Element | null {
  const seen = new Set<Element>();
  for (let n: Element | null = a; n; n = n.parentElement) seen.add(n);
  for (let n: Element | null = b; n; n = n.parentElement) if (seen.has(n)) return n;
  return null;
}

/** Characters of an h1 looked for in a page's title (sites shorten or append to it). */
const HEADLINE_MATCH_CHARS = 12;

/**
 * The page's headline: the h1 that best matches <title>, else og:title (logos are often h1 too).
 * <title> first: a page that appends the next article and moves to it updates its title, not
 * its meta tags (us-sports-mui-continuous-next-article.html).
 */
function genericHeadline(doc: Document): Element | null {
  const h1s = safeQueryAll(doc, HEADLINE_SELECTOR).filter((h) => !h.closest(SITE_CHROME));
  for (const title of [doc.title, doc.querySelector('meta[property="og:title"]')?.getAttribute('content')]) {
    const squeezed = squeeze(title);
    let best: Element | null = null;
    let bestOverlap = 0;
    for (const h of h1s) {
      const t = squeeze(h.textContent);
      const overlap = t && squeezed.includes(t.slice(0, HEADLINE_MATCH_CHARS)) ? t.length : 0;
      if (overlap > bestOverlap) {
        best = h;
        bestOverlap = overlap;
      }
    }
    if (best) return best;
  }
  return h1s[0] ?? null;
}

function depth(el: Element | null): number {
  let d = 0;
  for (let n = el; n; n = n.parentElement) d++;
  return d;
}

/**
 * Generic article finder: the paragraph container nearest the headline (deepest common
 * ancestor with it), then the one with most paragraph text. Nearness comes first because a
 * Yahoo feed card can carry more text than a short article (tw-inline-related.html).
 */
function genericArticleRoot(doc: Document, headline: Element | null): Element | null {
  const scores = new Map<Element, number>();
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    const len = textLen(p);
    if (len < MIN_PARAGRAPH_CHARS) continue;
    if (p.closest(`${SITE_CHROME}, ${ASIDE_SELECTOR}`)) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + len);
  }
  const root = bestRoot(scores, headline, MIN_ROOT_SCORE);
  if (root) return chapters(root, scores, headline);
  // A live blog: its text is spread over timestamped posts, none with paragraphs enough of its
  // own (tw-live-updates.html). Their common parent is the body, and so is the parent around it
  // that holds the lead paragraphs (short of the headline's own parent). Only timestamped posts:
  // other small cards with a line of text each (a deals footer) are no body.
  const posts = new Map<Element, number>();
  for (const [parent, score] of scores) {
    const grand = parent.parentElement;
    if (grand && grand !== doc.body && grand !== doc.documentElement) posts.set(grand, (posts.get(grand) ?? 0) + score);
  }
  for (const [el] of posts) if (!livePosts(el)) posts.delete(el);
  // Last, paragraphs each in a wrapper of their own: a run of one-line cards looks the same.
  return overLead(bestRoot(posts, headline, MIN_ROOT_SCORE) ?? photoBody(doc, headline), scores, headline) ?? brBody(doc, headline) ?? wrappedParagraphs(scores, headline) ?? bodyToCome(doc);
}

/**
 * A body a script has still to fill, when no text says where the body is: the one element the
 * page marks as the article's body (schema.org's `itemprop="articleBody"`), outside chrome and
 * asides, with less text than a body's yet. Known, it is protected while it is empty: no
 * module's climb takes it in, to hide the story when it arrives
 * (jp-aspnet-kendo-late-body-json-island.html's skeleton, filled after DOMContentLoaded). Not a
 * marked element full of text the paragraph scores could not place: cnn.com's holds its body
 * and, after it, its Outbrain widgets.
 */
function bodyToCome(doc: Document): Element | null {
  const marked = safeQueryAll(doc, '[itemprop="articleBody"]').filter((el) => !el.closest(`${SITE_CHROME}, ${ASIDE_SELECTOR}`));
  return marked.length === 1 && textLen(marked[0]!) < MIN_ROOT_SCORE ? marked[0]! : null;
}

/**
 * A body whose every paragraph has a wrapper of its own (a CMS's blocks: Wagtail's
 * `div.block-paragraph > p`, jp-django-pico-sticky-keywords-ranking-pr.html): the paragraphs
 * count for the element around the wrappers. A wrapper is one that holds its paragraph alone.
 */
function wrappedParagraphs(scores: ReadonlyMap<Element, number>, headline: Element | null): Element | null {
  const outer = new Map<Element, number>();
  for (const [wrapper, score] of scores) {
    const grand = wrapper.parentElement;
    if (!grand || wrapper.childElementCount !== 1 || !wrapper.firstElementChild!.matches('p')) continue;
    if (squeeze(wrapper.textContent).length !== squeeze(wrapper.firstElementChild!.textContent).length) continue;
    outer.set(grand, (outer.get(grand) ?? 0) + score);
  }
  return bestRoot(outer, headline, MIN_ROOT_SCORE);
}

/**
 * A body written without paragraphs, its text runs parted by <br><br> (Yahoo! JAPAN's old
 * table layout, jp-2015-table.html): the element whose own text, between line breaks, is the
 * longest, outside chrome and asides.
 */
function brBody(doc: Document, headline: Element | null): Element | null {
  const scores = new Map<Element, number>();
  for (const br of safeQueryAll(doc, 'br')) {
    const parent = br.parentElement;
    if (!parent || scores.has(parent) || parent.closest(`${SITE_CHROME}, ${ASIDE_SELECTOR}`)) continue;
    let own = 0;
    for (const n of Array.from(parent.childNodes)) if (n.nodeType === 3) own += (n.nodeValue ?? '').trim().length;
    scores.set(parent, own);
  }
  return bestRoot(scores, headline, MIN_ROOT_SCORE);
}

/** What opens a chapter of a body: its own heading. */
const CHAPTER_HEADING = 'h2, h3, h4';
/** Paragraphs a chapter holds, at least, of its own. */
const MIN_CHAPTER_PARAGRAPHS = 2;

/**
 * A body in chapters, sections of paragraphs each under its heading
 * (jp-feature-vike-vanilla-extract-radix-series-gallery.html, whose longest chapter had been taken
 * for the whole): the element around the chapters (and over the lead paragraphs around them),
 * when `root` is one of two or more paragraph sections there and that element has lead
 * paragraphs of its own, or when `root` and another are chapters that open with their heading.
 * Not a body beside a box with a paragraph of its own (an author's): the body opens with no
 * heading.
 */
function chapters(root: Element, scores: Map<Element, number>, headline: Element | null): Element {
  const parent = root.parentElement;
  if (!parent || (headline && parent.contains(headline))) return root;
  const sections = Array.from(parent.children).filter((c) => scores.has(c));
  if (sections.length < 2) return root;
  if (scores.has(parent)) return overLead(root, scores, headline) ?? root;
  const chapter = (c: Element) => !!c.firstElementChild?.matches(CHAPTER_HEADING) && Array.from(c.children).filter((k) => k.tagName === 'P').length >= MIN_CHAPTER_PARAGRAPHS;
  return chapter(root) && sections.filter(chapter).length >= 2 ? (overLead(parent, scores, headline) ?? parent) : root;
}

/** A body, widened over the parents that hold its lead paragraphs (short of the headline's own). */
function overLead(body: Element | null, scores: Map<Element, number>, headline: Element | null): Element | null {
  let el = body;
  for (let p = el?.parentElement; p && scores.has(p) && !(headline && p.contains(headline)); p = p.parentElement) el = p;
  return el;
}

/**
 * A photo story: little text, its body a run of captioned pictures (tw-photo-story.html). The
 * parent of MIN_CARDS or more captioned figures nearest the headline, outside chrome and asides.
 */
function photoBody(doc: Document, headline: Element | null): Element | null {
  const figures = new Map<Element, number>();
  for (const f of safeQueryAll(doc, 'figure')) {
    if (!f.querySelector('figcaption') || f.closest(`${SITE_CHROME}, ${ASIDE_SELECTOR}`)) continue;
    // Each slide may sit in a wrapper of its own: its parent and grandparent both count.
    for (let p = f.parentElement, i = 0; p && p !== doc.body && i < 2; p = p.parentElement, i++) figures.set(p, (figures.get(p) ?? 0) + 1);
  }
  return bestRoot(figures, headline, MIN_CARDS);
}

/** Whether `el`'s children are the posts of a live blog: at least MIN_CARDS of them hold
 * paragraphs, and most of those a time of their own. */
function livePosts(el: Element): boolean {
  const posts = Array.from(el.children).filter((c) => c.querySelector('p'));
  if (posts.length < MIN_CARDS) return false;
  const timed = posts.filter(cardTime);
  return timed.length * 2 >= posts.length;
}

/** The element scoring `min` or more nearest the headline (the highest score among equals). */
function bestRoot(scores: Map<Element, number>, headline: Element | null, min: number): Element | null {
  let best: Element | null = null;
  let bestKey: [number, number] = [-1, min];
  for (const [el, score] of scores) {
    if (score < min) continue;
    const near = headline ? depth(lowestCommonAncestor(el, headline)) : 0;
    if (near > bestKey[0] || (near === bestKey[0] && score > bestKey[1])) {
      best = el;
      bestKey = [near, score];
    }
  }
  return best;
}

export function findArticle(doc: Document, profile: SiteProfile | null): ArticleAnchors {
  const bodies = profile ? allOfFirst(doc, profile.articleRoot) : [];
  const { current: profileRoot, others } = currentArticle(doc, bodies);
  // With several articles on the page, the current one's own headline (the profile's headline
  // selector would find the first article's).
  const own = others.length > 0 && profileRoot ? ownHeadline(profileRoot, bodies) : null;
  let headline = profile ? (own ?? first(doc, profile.headline)) : null;
  if (!profileRoot) headline ??= genericHeadline(doc);
  const root = profileRoot || genericArticleRoot(doc, headline);
  if (!headline) {
    const h1s = safeQueryAll(doc, HEADLINE_SELECTOR);
    // The headline is the last h1 before the body (site logos are often h1 too).
    headline =
      (root &&
        h1s.filter((h) => h.compareDocumentPosition(root) & FOLLOWING).pop()) ||
      h1s.find((h) => root?.contains(h)) ||
      h1s[0] ||
      null;
  }
  let container: Element | null = null;
  if (root && headline) {
    const lca = lowestCommonAncestor(root, headline);
    if (lca && lca !== doc.body && lca !== doc.documentElement) container = lca;
  }
  let byline = profile ? first(container ?? doc, profile.byline) : null;
  if (!byline) byline = (container ?? root)?.querySelector('time, [rel="author"], .byline, .author') ?? null;
  const imgScope = container ?? root;
  // Outside the body, a picture in a linked row of a list (a video playlist's thumbnails beside
  // the story's own video, sg-en-block-link-cards.html) is a card's, not the article's.
  const seen: CardRows = { lists: new Map(), rows: new Map() };
  // Nor is a picture in the article element's footer, after the body: the site's modules sit
  // there, and their first card's picture is parsed before the cards beside it that would tell
  // it a card's (hk-liferay-clay-feed-inside-article-footer.html showed its first cards).
  const footers = articleFooters({ container, root });
  // Nor, after the body, a picture inside a link to another story: a card's, whose first card
  // is parsed before the cards beside it (tw-layui-flow-feed-inside-article-div.html's feed, in
  // plain elements after the body inside the <article>, showed its first two cards).
  const ownPath = pathOf(doc.URL, doc.URL);
  const linkedAway = (img: Element) => {
    const link = isAfter(img, root) ? img.closest('a[href]') : null;
    return !!link && storyLink(link, ownPath);
  };
  const images = imgScope
    ? safeQueryAll(imgScope, 'figure, img, picture').filter((img) => !!root?.contains(img) || (!cardThumbnail(img, seen) && !footers.some((f) => f.contains(img)) && !linkedAway(img)))
    : [];
  const anchors = [root, headline].filter((e): e is Element => !!e);
  const all = [...others, ...otherArticles(doc, anchors).filter((o) => !others.some((x) => x.contains(o)))];
  const parts = root ? bodyParts(root) : [];
  // Feeds follow the first of the page's articles, whichever one is being read.
  const start = [bodies[0] ?? root, ...all].reduce<Element | null>((a, b) => (!a || (b && isAfter(a, b)) ? b : a), null);
  return { root, headline, byline, container, images, footers, others: all, parts, start };
}

/**
 * Where the article begins for a run of cards at `el`: between two parts of a split body (see
 * bodyParts), after the part before it; elsewhere, the article's start. Only runs are read
 * there, as in the story's tail (see articleTail), not headings: a benchmark page's body in
 * five parts, with "Related articles" headers between them, lost words to Readability when
 * those headers were taken as blocks.
 */
function runStart(el: Element, a: ArticleAnchors): Element | null {
  if (a.root && a.parts.length && isAfter(a.root, el)) return a.parts.find((p) => isAfter(el, p)) ?? a.start;
  return a.start;
}

/** Paragraphs a sibling of the body needs to be another part of it (see bodyParts). */
const MIN_PART_PARAGRAPHS = 3;
/** Share of a part's text in links, below which it is prose (see bodyParts). */
const MAX_PART_LINK_DENSITY = 0.2;
/** Share of a part's text in its paragraphs, at least (see bodyParts). */
const MIN_PART_PROSE_SHARE = 0.5;

/**
 * The other parts of a body a module splits in two: the root's siblings of its own tag and
 * class, each with paragraphs of its own (hk-sveltekit-splide-split-body-collapsed-rest.html:
 * the first five paragraphs, a recommended carousel, then the rest of the story, collapsed
 * under 展開全文). The root is the longer part; the other is protected as the root is, and what
 * stands between them is read as the story's tail is (see articleTail and runStart).
 */
function bodyParts(root: Element): Element[] {
  const parent = root.parentElement;
  if (!parent) return [];
  const classes = new Set(root.classList);
  const alike = (s: Element) => s.tagName === root.tagName && (classes.size === 0 ? s.classList.length === 0 : Array.from(s.classList).some((c) => classes.has(c)));
  // Prose, not cards with summaries: most of its words in its paragraphs, few in links (a
  // card's title is one).
  const prose = (s: Element) => {
    const lengths = safeQueryAll(s, 'p')
      .filter((p) => !p.closest('a'))
      .map((p) => squeeze(p.textContent).length)
      .filter((n) => n >= MIN_PARAGRAPH_CHARS);
    if (lengths.length < MIN_PART_PARAGRAPHS) return false;
    const inParas = lengths.reduce((n, l) => n + l, 0);
    return inParas >= squeeze(s.textContent).length * MIN_PART_PROSE_SHARE && linkDensity(s) < MAX_PART_LINK_DENSITY;
  };
  // Nor a box of other stories that has paragraphs too, a third-party widget in it (a
  // benchmark page's "Você pode gostar...", an <article> of the root's classes, holds Taboola).
  return Array.from(parent.children).filter((s) => s !== root && alike(s) && prose(s) && !safeQueryAll(s, WIDGET_SELECTORS).length);
}

/**
 * The other articles on the page, whatever its markup: each h1 outside the site's chrome and
 * the article, with the smallest element around it that holds an article's paragraphs. A site
 * that appends the next story below the first (us-sports-mui-continuous-next-article.html) puts
 * a headline, byline and body there like the first one's; its subheads and ad labels would
 * otherwise make it a block. The climb stops below the element that holds the article, so a
 * logo's h1 in the page's header, whose paragraphs are the article's, names nothing; so does an
 * h1 whose smallest element with paragraphs enough holds other h1s too (a list of cards titled
 * by h1s, their summaries together as long as a short story).
 */
function otherArticles(doc: Document, anchors: readonly Element[]): Element[] {
  const found: Element[] = [];
  for (const h of safeQueryAll(doc, HEADLINE_SELECTOR)) {
    if (anchors.some((a) => a === h || a.contains(h)) || found.some((f) => f.contains(h)) || h.closest(`${SITE_CHROME}, ${ASIDE_SELECTOR}`)) continue;
    if (!ownHeadlineElement(h)) continue;
    for (let p = h.parentElement; p && p !== doc.body && !anchors.some((a) => p!.contains(a)); p = p.parentElement) {
      // Around another headline too: a list of cards titled by h1s, none with a body of its own.
      if (p.querySelectorAll(HEADLINE_SELECTOR).length > 1) break;
      if (paragraphText(p) >= MIN_ROOT_SCORE) {
        found.push(p);
        break;
      }
    }
  }
  return found;
}

/**
 * Whether a headline element may be an article's own: not one that links elsewhere, a card's
 * title or a logo (us-ent-gatsby-sc-multi-h1-trending-first.html titles its feed's cards with
 * linked h1s).
 */
function ownHeadlineElement(h: Element): boolean {
  return !h.querySelector(LINK) && !h.closest(LINK);
}

/** Whether a subtree a script added holds an article's headline (see ownHeadlineElement). */
export function holdsHeadline(el: Element): boolean {
  return (el.matches(HEADLINE_SELECTOR) && ownHeadlineElement(el)) || safeQueryAll(el, HEADLINE_SELECTOR).some(ownHeadlineElement);
}

/** The text of an element's paragraphs long enough to be an article's. */
function paragraphText(el: Element): number {
  let sum = 0;
  for (const p of safeQueryAll(el, 'p')) {
    const len = textLen(p);
    if (len >= MIN_PARAGRAPH_CHARS) sum += len;
  }
  return sum;
}

/** What cardThumbnail found out, kept for the next picture (a playlist has a picture per row):
 * each list's answer to the list-item rule, each row's to the like-siblings rule, apart, since a
 * list may be reached by both and they ask different questions. */
interface CardRows {
  lists: Map<Element, boolean>;
  rows: Map<Element, boolean>;
}

/** Whether `img` is a card's picture: inside a link, or beside its card's link (Clay's
 * `div.sticker` before the title link, hk-liferay-clay-feed-inside-article-footer.html's
 * cards inside the article element), in an item of a list of MIN_CARDS or more linked items,
 * or in one of MIN_CARDS or more like linked siblings. */
function cardThumbnail(img: Element, { lists, rows }: CardRows): boolean {
  const link = img.closest('a[href]') ?? img;
  const item = link.closest('li');
  const list = item?.parentElement;
  if (list && (list.tagName === 'UL' || list.tagName === 'OL')) {
    let cards = lists.get(list);
    if (cards === undefined) lists.set(list, (cards = Array.from(list.children).filter(hasLink).length >= MIN_CARDS));
    return cards;
  }
  // Cards that are no list items: the link, or an element just around it, is one of MIN_CARDS
  // or more like siblings, each with a link (Fomantic's `div.ui.cards > div.card`, a strip of
  // stories inside the article element, au-aurelia-fomantic-continue-reading-strip.html).
  // A picture beside its link sits in a frame of its own: one level more to its card's row.
  const climb = link === img ? MODULE_CLIMB + 1 : MODULE_CLIMB;
  for (let n: Element | null = link, i = 0; n?.parentElement && i < climb; n = n.parentElement, i++) {
    const row = n.parentElement;
    let cards = rows.get(row);
    if (cards === undefined) {
      const sig = signature(n);
      rows.set(row, (cards = Array.from(row.children).filter((c) => signature(c) === sig && hasLink(c)).length >= MIN_CARDS));
    }
    if (cards) return true;
  }
  return false;
}

/** Every match of the first selector that matches anything (the selectors are alternatives,
 * often nested in one another, so they are not mixed). */
function allOfFirst(doc: ParentNode, selectors: readonly string[]): Element[] {
  for (const s of selectors) {
    const found = safeQueryAll(doc, s);
    if (found.length) return found;
  }
  return [];
}

/** The nearest h1 around an article body that belongs to no other body on the page. */
function ownHeadline(body: Element, bodies: readonly Element[]): Element | null {
  for (let p = body.parentElement; p && p !== body.ownerDocument.body; p = p.parentElement) {
    if (bodies.some((b) => b !== body && p.contains(b))) return null;
    const h = p.querySelector(HEADLINE_SELECTOR);
    if (h) return h;
  }
  return null;
}

/** Characters of a headline compared with the page's title (sites append their name to it). */
const TITLE_MATCH_CHARS = 24;
/** Text without its white space: for comparing titles, and for counting what a reader sees. */
export const squeeze = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, '');

/**
 * Several article bodies of one profile on a page: the site appended the next article in place
 * and moved the URL and title to it. The current one is the body whose own headline the page's
 * title names (the first when none does); each other one, with its headline, is kept apart.
 */
function currentArticle(doc: Document, bodies: readonly Element[]): { current: Element | null; others: Element[] } {
  if (bodies.length < 2) return { current: bodies[0] ?? null, others: [] };
  const title = squeeze(doc.title);
  const headlines = bodies.map((b) => ownHeadline(b, bodies));
  const named = bodies.findIndex((_, i) => {
    const h = squeeze(headlines[i]?.textContent).slice(0, TITLE_MATCH_CHARS);
    return h.length > 0 && title.includes(h);
  });
  const at = Math.max(named, 0);
  const others = bodies.flatMap((b, i) => {
    if (i === at) return [];
    const h = headlines[i];
    return [(h && lowestCommonAncestor(b, h)) || b];
  });
  return { current: bodies[at]!, others };
}

/** True when hiding `el` could hide any part of the article. */
export function touchesArticle(el: Element, a: ArticleAnchors): boolean {
  for (const anchor of [a.root, a.headline, a.byline, a.container]) {
    if (!anchor) continue;
    if (el === anchor || el.contains(anchor)) return true;
  }
  if (a.root && a.root.contains(el)) return true;
  if (a.headline && el.contains(a.headline)) return true;
  for (const img of a.images) if (el.contains(img)) return true;
  for (const o of a.others) if (el === o || el.contains(o) || o.contains(el)) return true;
  for (const p of a.parts) if (el === p || el.contains(p) || p.contains(el)) return true;
  return false;
}

/** Widgets label themselves with styled spans ("trc_rbox_header"), not heading elements. A
 * subtitle is a card's second line (its provider, a badge: jp-ktor-onsen-aria-bottom-sheet-
 * html-lock.html's "PR トークラボ英会話"), not a module's name. */
const LABEL_SELECTOR = '[class*="header"], [class*="heading"], [class*="title"]:not([class*="subtitle" i]):not([class*="sub-title" i])';

/** Parts of a heading tried on their own when the whole names no kind. */
const HEADING_PARTS = 3;

/**
 * A heading's text, and the kind it names. A label inside the heading ("最多人看<span>過去 24
 * 小時</span>", "トピックス<time>17:52更新</time>") hides the phrase from the whole text, so its
 * own text and its first few parts are tried too; the text is the part that names the kind.
 */
function headingOf(h: Element): { text: string; kind: FeedKind | null } {
  const lines = h.firstElementChild ? headingLines(h) : [h.textContent ?? ''];
  const text = normaliseHeading(lines.join(' ')) || imageWords(h);
  const kind = headingKind(text);
  if (kind) return { text: headingName(text), kind };
  if (!h.firstElementChild) return { text, kind };
  // A heading over lines (its name, then a subtitle or a row of tabs): its first line names it.
  const first = lines.map(normaliseHeading).find(Boolean) ?? '';
  const firstKind = lines.length > 1 ? headingKind(first) : null;
  if (firstKind) return { text: headingName(first), kind: firstKind };
  let own = '';
  for (const n of Array.from(h.childNodes)) if (n.nodeType === TEXT_NODE) own += n.textContent ?? '';
  const parts = [own, ...Array.from(h.children).slice(0, HEADING_PARTS).map((c) => c.textContent ?? '')];
  for (const part of parts) {
    const t = normaliseHeading(part);
    const k = headingKind(t);
    if (k) return { text: t, kind: k };
  }
  return { text, kind };
}

/** Parts of a heading that are no part of its words: ruby readings (furigana: textContent reads
 * <ruby>関連<rt>かんれん</rt></ruby> as 関連かんれん), an icon's <title> (an inline <svg>, whose
 * tagName stays lower-case in an HTML document), scripts. */
const UNREAD_TAGS = new Set(['RT', 'RP', 'svg', 'SCRIPT', 'STYLE', 'TEMPLATE']);

/** A heading's words as it shows them, one string per line (a <br> starts the next), without
 * its unread parts and what it hides from assistive technology (a decorative ▶ or 🔥). */
function headingLines(h: Element): string[] {
  const lines = [''];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE) lines[lines.length - 1] += c.textContent ?? '';
      else if (c.nodeType === 1) {
        const el = c as Element;
        if (el.tagName === 'BR') lines.push('');
        else if (!UNREAD_TAGS.has(el.tagName) && el.getAttribute('aria-hidden') !== 'true') walk(el);
      }
    }
  };
  walk(h);
  return lines;
}

/** A heading drawn as a picture of its words (tw-datastar-openprops-split-glyph-headings.html's
 * 為你推薦): the words its pictures give for themselves. */
function imageWords(h: Element): string {
  return normaliseHeading(safeQueryAll(h, 'img[alt], [role="img"][aria-label], svg[aria-label]').map((i) => i.getAttribute('alt') ?? i.getAttribute('aria-label') ?? '').join(' '));
}

/** Siblings of a heading read for a label that makes its module an ad. */
const HEAD_LABELS = 4;

/**
 * The kind a module's heading gives it: its phrase, or, beside a heading of its own ("Tonight's
 * NBA odds" next to "Sponsored", us-sports-article.html), a label that marks it an ad
 * (`labelled`: the heading's own words name no kind).
 */
function moduleKind(h: Element): { kind: FeedKind | null; labelled: boolean } {
  const kind = headingOf(h).kind;
  if (kind) return { kind, labelled: false };
  const head = h.parentElement;
  for (const label of head ? Array.from(head.children).slice(0, HEAD_LABELS) : []) {
    if (label === h || hasLink(label)) continue;
    if (headingKind(label.textContent ?? '') === 'sponsored') return { kind: 'sponsored', labelled: true };
  }
  return { kind: null, labelled: false };
}

/** A ranking row's text before its link arrives: its number. */
const RANK_ONLY = /^\d{1,2}\.?$/;

/** A heading in the page's rail (an aside) with no phrase of its own (see WEIGHTS.railModule). */
function railHeading(h: Element): boolean {
  return !!h.closest(ASIDE_SELECTOR);
}

/**
 * Modules that may be named for assistive technology rather than by a heading in their text (a
 * visually hidden label, a logo, a title drawn by CSS): jp-liveview-attributify-hidden-labels.html,
 * tw-fresh-img-heading-rolelink-cards.html. Not controls, whose labels name an action.
 */
const NAMED_MODULE = ['section', 'aside', 'div', 'ul', 'ol', 'dialog', 'nav', '[role="region"]', '[role="complementary"]', '[role="dialog"]']
  .flatMap((m) => [`${m}[aria-label]`, `${m}[aria-labelledby]`])
  .join(', ');

/** An element's accessible name from ARIA: its aria-label, or the text of the elements its
 * aria-labelledby names. */
function ariaName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return normaliseHeading(label);
  const ids = el.getAttribute('aria-labelledby');
  if (!ids) return '';
  return normaliseHeading(ids.split(/\s+/).map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '').join(' '));
}

/** The kind a module's ARIA name gives it, if it names one. */
function namedKind(el: Element): FeedKind | null {
  return el.matches(NAMED_MODULE) ? headingKind(ariaName(el)) : null;
}

/**
 * The kind of a module named only for assistive technology: its ARIA name names a feed, it
 * holds stories (at least MIN_CARDS places linked: not a region a script has still to fill,
 * hk-lazy.html's rail), and nothing inside it has a heading or name of its own that says what
 * it is (a named region of such modules, the seed page's rail named 更多新聞: they are blocks of
 * their own). Not in the site's chrome, but for a module of stories in its header or footer
 * (chromeModule).
 */
function namedModule(el: Element, minPlaces = MIN_CARDS): FeedKind | null {
  const kind = namedKind(el);
  if (!kind || (inChrome(el) && !chromeModule(el)) || placesLinked(el, minPlaces) < minPlaces) return null;
  if (safeQueryAll(el, HEADING_SELECTOR).some((h) => moduleKind(h).kind) || safeQueryAll(el, NAMED_MODULE).some(namedKind)) return null;
  return kind;
}

function blockHeading(el: Element): string {
  // A module's own name, where it names a feed, before any heading of its cards.
  if (namedModule(el)) return ariaName(el);
  const h = el.matches(HEADING_SELECTOR) ? el : el.querySelector(HEADING_SELECTOR);
  if (h) {
    const { text, kind } = headingOf(h);
    // A heading that names no kind inside a card (the block is a card, or a run with no
    // caption) is that card's title: the block has no heading, rather than one of the stories
    // it hides (shown on its collapse bar). A module's own heading may be linked ("Politics ›").
    return kind || !cardTitle(h, el) ? text : '';
  }
  for (const label of safeQueryAll(el, LABEL_SELECTOR).slice(0, 6)) {
    if (label.querySelector('a, img') || label.closest('a')) continue;
    const text = normaliseHeading(label.textContent ?? '');
    if (text && text.length <= MAX_HEADING_CHARS) return text;
  }
  return '';
}

/**
 * Whether `el` is a module that begins with its own heading (at most two levels down), as the
 * boxes of a rail do. Not a list, nor a card: a card's title links to its story.
 */
function leadsWithHeading(el: Element): boolean {
  if (el.tagName === 'UL' || el.tagName === 'OL') return false;
  let c: Element | null = el;
  for (let depth = 0; c && depth <= MODULE_HEADING_DEPTH; depth++, c = c.firstElementChild) {
    if (c.matches(HEADING_SELECTOR)) return !hasLink(c) && !c.closest('a');
  }
  return false;
}

/** The site's own accounts on social networks: a "follow us" box links there, a feed does not. */
const SOCIAL_HOSTS = /(^|\.)(x\.com|twitter\.com|facebook\.com|instagram\.com|line\.me|youtube\.com|tiktok\.com|threads\.net|linkedin\.com|weibo\.com|plurk\.com)$/i;

/** Whether a rail box is a "follow us" box (Yahoo!ニュース 公式SNS): most of its links go to
 * social networks. It has a heading and like linked items, but no stories. */
function followBox(el: Element): boolean {
  const hosts = safeQueryAll(el, 'a[href]').map((a) => {
    try {
      return new URL(a.getAttribute('href') ?? '', 'https://invalid.test/').hostname;
    } catch {
      return '';
    }
  });
  return hosts.length > 0 && hosts.filter((h) => SOCIAL_HOSTS.test(h)).length * 2 >= hosts.length;
}

/**
 * How many places `el` links to (a card's picture and title go to one), counted up to `cap`:
 * the live collection is read lazily, so a list of many cards is given up on early.
 */
function placesLinked(el: Element, cap: number): number {
  const anchors = el.getElementsByTagName('a');
  const places = new Set<string>();
  for (let i = 0; i < anchors.length && places.size < cap; i++) {
    const href = anchors[i]!.getAttribute('href');
    if (href !== null) places.add(href);
  }
  if (places.size < cap) {
    for (const s of el.matches(SCRIPTED_LINK) ? [el] : safeQueryAll(el, SCRIPTED_LINK)) {
      places.add(s.getAttribute('data-href') ?? s.textContent ?? '');
      if (places.size >= cap) break;
    }
  }
  return places.size;
}

/**
 * Links a script follows instead of the browser: a card that is a `role="link"` element or a
 * button with `data-href` and a click handler (tw-fresh-img-heading-rolelink-cards.html,
 * us-hotwire-svg-foryou.html). They count as links wherever links are counted.
 */
const SCRIPTED_LINK = '[role="link"], [data-href]';

/** A data attribute a card's click handler navigates by, named in any way: `data-story-href`,
 * `data-url`, `data-link-to`. */
const DATA_LINK_NAME = /^data-(?:[\w-]*-)?(?:href|url|link|link-to|target-url)$/i;
/** The value of such an attribute: an address (absolute, protocol-relative or from the root). */
const DATA_LINK_VALUE = /^(?:https?:)?\/\/[^\s/]|^\/[^\s/]/i;

/**
 * Whether a card's own data attribute holds the address its click handler goes to: a card with
 * no link, button, tab stop or role, one listener on its list reading the attribute
 * (my-lustre-suit-nolink-digest-close-tab.html's `data-story-href`). Only the card's own
 * attributes are read: an address in a descendant's is a picture's or a tracker's.
 */
function dataLink(el: Element): boolean {
  for (const a of el.attributes) if (DATA_LINK_NAME.test(a.name) && DATA_LINK_VALUE.test(a.value.trim())) return true;
  return false;
}
const LINK = `a[href], ${SCRIPTED_LINK}`;

function hasLink(el: Element): boolean {
  return el.matches(LINK) || !!el.querySelector(LINK);
}

/**
 * Whether heading `h` of block `el` is a card's title: it sits in one of several like siblings
 * below the block (a run's card; or one of MIN_CARDS siblings of a tag, each with a heading),
 * or its link goes where another link of the block goes (a card's picture and title: the block
 * is one card). A module's own linked heading ("Politics ›") goes to a page of its own; modules
 * of one rail may be like siblings themselves.
 */
function cardTitle(h: Element, el: Element): boolean {
  for (let n: Element | null = h; n && n !== el; n = n.parentElement) {
    const p: Element | null = n.parentElement;
    if (!p) break;
    const sig = signature(n);
    let same = 0;
    // Of one tag, each with a heading of its own, MIN_CARDS of them are cards whatever their
    // classes say (numbered per card, then renamed: ca-fr-article.html's Taboola unit).
    let titled = 0;
    // With no class to tell them apart, a module's header and its list are alike too
    // (tw-fluent-griffel-nonlist-rows.html stripped): a card has a title of its own as well.
    const bare = !n.getAttribute('class');
    for (const c of Array.from(p.children)) {
      if (signature(c) === sig && (c === n || !bare || c.matches(HEADING_SELECTOR) || !!c.querySelector(HEADING_SELECTOR)) && ++same > 1) return true;
      if (c.tagName === n.tagName && (c.matches(HEADING_SELECTOR) || c.querySelector(HEADING_SELECTOR)) && ++titled >= MIN_CARDS) return true;
    }
  }
  // A heading inside a link of the block is that link's title: a card's (an ad that is one link,
  // sg-en-block-link-cards.html's, marked as a block of its own).
  const around = h.closest('a[href]');
  if (around && el.contains(around)) return true;
  const link = around ?? h.querySelector('a[href]');
  const href = link?.getAttribute('href');
  // Its link the block's only place: the block is one card, an ad card marked apart in a stream
  // (us-catalyst-primer-compact-times-logo-providers.html).
  return !!href && (placesLinked(el, 2) === 1 || safeQueryAll(el, 'a[href]').some((a) => a !== link && a.getAttribute('href') === href));
}

/** Tag and classes, numbers folded: Taboola's cards are videoCube_1_child, videoCube_2_child… */
function signature(el: Element): string {
  return `${el.tagName}.${(el.getAttribute('class') ?? '').replace(/\d+/g, '#')}`;
}

/** Elements with MIN_CARDS or more children, in document order, not descending into skipped
 * subtrees (nor into a card run's own cards). */
function walkCardParents(body: Element, skip: (el: Element) => boolean, hosts?: Element[]): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [body];
  while (stack.length) {
    const el = stack.pop()!;
    if (el !== body && skip(el)) continue;
    if (hosts && el.shadowRoot) hosts.push(el);
    const kids = el.children;
    if (kids.length >= MIN_CARDS) out.push(el);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** Card parents within added subtrees (a whole module appended, its list inside it) and their
 * parents (a card appended to a list already there). */
function cardParentsWithin(roots: readonly Element[], skip: (el: Element) => boolean, hosts?: Element[]): Element[] {
  // A root that is a block already (a widget appended whole) is not read inside.
  return [...new Set(roots.flatMap((r) => [...(skip(r) ? [] : walkCardParents(r, skip, hosts)), ...(r.parentElement ? [r.parentElement] : [])]))];
}

/**
 * What a shadow host's open shadow root holds of a web component's feed, its cards parsed (a
 * declarative shadow root comes first in the host) before the heading it slots in from the
 * light DOM (tw-web-components-dsd.html under a slow CPU): 'run', a run of cards with times;
 * 'open', while the parser is inside the host (`parsing`), the first cards of such a run, as
 * openRun reads them in the light DOM (the host's place is the caller's to test); else null.
 */
function shadowFeed(host: Element, parsing: boolean): 'run' | 'open' | null {
  const shadow = host.shadowRoot;
  if (!shadow) return null;
  for (const top of Array.from(shadow.children)) {
    for (const p of walkCardParents(top, () => false)) {
      const run = cardRun(p);
      if (run && feedRun(p, run)) return 'run';
    }
  }
  if (!parsing) return null;
  const chain = lastChildChain(shadow);
  const open = new Set(chain);
  return chain.some((el) => openCards(el, open)) ? 'open' : null;
}

/** The elements of a list that no other element of it contains. */
function outermost(els: readonly Element[]): Element[] {
  return els.filter((el) => !els.some((o) => o !== el && o.contains(el)));
}

/** The largest group of elements sharing one key, if it has MIN_CARDS or more. */
function largestGroup(els: readonly Element[], key: (el: Element) => string): Element[] | null {
  const groups = new Map<string, Element[]>();
  for (const k of els) pushTo(groups, key(k), k);
  let best: Element[] | null = null;
  for (const g of groups.values()) if (g.length >= MIN_CARDS && (!best || g.length > best.length)) best = g;
  return best;
}

/**
 * The largest group of direct children sharing one signature, if it has MIN_CARDS or more. When
 * none has, classes only one child has are left out: cards numbered per card and the numbers then
 * hashed (a builder's `pb-loop-item--7` renamed, a styled card's per-index delay) are alike by
 * the classes they share (us-deep-builder-nested-posts-widgets.html with renamed classes).
 */
function likeChildren(el: Element): Element[] | null {
  const kids = Array.from(el.children);
  const best = largestGroup(kids, signature);
  if (best || kids.length < MIN_CARDS) return best;
  const classes = kids.map((k) => Array.from(k.classList));
  const counts = new Map<string, number>();
  for (const list of classes) for (const c of list) counts.set(c, (counts.get(c) ?? 0) + 1);
  // Only a child with one class of its own beside classes others share (the card's number, or
  // its delay): a layout's children, each with several utility classes of its own, are not
  // read as cards.
  const keys = new Map<Element, string>();
  kids.forEach((k, i) => {
    const shared = classes[i]!.filter((c) => counts.get(c)! > 1);
    if (shared.length && classes[i]!.length - shared.length === 1) keys.set(k, `${k.tagName}.${shared.join(' ')}`);
  });
  return largestGroup([...keys.keys()], (k) => keys.get(k)!);
}

/**
 * A card of a run: one that links to a few places (isCard), or a focusable tile a script follows
 * (focusTile): a stream of `<button>` cards whose addresses only the page's script knows
 * (ca-yew-stylist-button-cards-next-few-minutes.html) is a run under any heading.
 */
function runCard(el: Element): boolean {
  return isCard(el) || focusTile(el);
}

/** Direct children sharing one signature, each a card (linking to a few places): at least
 * MIN_CARDS of them. Like modules of a rail, each with its own list, are no run of cards
 * (tw-stock-collapsed-skeleton.html with its classes stripped). */
function cardRun(el: Element, ranked = false, open: ReadonlySet<Element> = NONE, like = likeChildren(el)): Element[] | null {
  const linked = like?.filter(runCard) ?? [];
  if (linked.length >= MIN_CARDS) return linked;
  return ranked && like && !linked.length && rankedRows(like, open) ? like : null;
}

/** An element's first text, down its first children (a row's rank number before its title). */
function leadingText(el: Element): string {
  let n = el;
  while (n.firstElementChild) n = n.firstElementChild;
  return (n.textContent ?? '').trim();
}

/** The number a ranked row opens with (its first text a number alone), or null. */
function rankOf(el: Element): number | null {
  const lead = leadingText(el);
  return RANK_ONLY.test(lead) ? Number.parseInt(lead, 10) : null;
}

/**
 * Rows of a ranking a script follows on click, with no link of any kind: each opens with its
 * number, one more than the row before, and has a title's worth of text
 * (sg-hans-uniapp-uniui-windows-richtext.html's 热搜榜, rows of uni-app's `uni-view`s). Not a
 * table's rows: a ranked table with no links is data (a league's standings), not stories.
 */
function rankedRows(rows: readonly Element[], open: ReadonlySet<Element> = NONE): boolean {
  return numbered(rows, (r, rank) => {
    if (hasLink(r)) return false;
    // The row the parser is in may have its number only, or not even that yet.
    if (open.has(r)) return !leadingText(r) || rankOf(r) === rank;
    return rankOf(r) === rank && textLen(r) >= MIN_ITEM_CHARS;
  });
}

/** Rows numbered in order (the first opens with its number; `row` is given the number each
 * row should open with, one more than the row before), never a table's rows. */
function numbered(rows: readonly Element[], row: (r: Element, rank: number) => boolean): boolean {
  if (!rows.length || rows[0]!.tagName === 'TR') return false;
  const start = rankOf(rows[0]!);
  return start !== null && rows.every((r, i) => row(r, start + i));
}

/**
 * While the parser is inside it, a ranking's rows so far, fewer than a run (see rankedRows):
 * like children, the first with its number. Hidden under a caption that names a feed before
 * the rows that make it a run arrive (sg-hans-uniapp-uniui-windows-richtext.html's 热搜榜 showed
 * its first rows at parse cuts); decided again once the page has parsed, as an open run is.
 */
function openRanking(el: Element, open: ReadonlySet<Element>): Element[] | null {
  const rows = openRows(el);
  return rows && (rankedRows(rows, open) || rankedLinks(rows, open)) ? rows : null;
}

/** Whether `el` opens with a heading of its own before any link: a module's caption, not a
 * card's title (which holds its link, or follows its picture's). */
function captioned(el: Element): boolean {
  const h = el.querySelector(HEADING_SELECTOR);
  if (!h || hasLink(h)) return false;
  const link = el.querySelector(LINK);
  return !link || !!(h.compareDocumentPosition(link) & FOLLOWING);
}

/** While the parser is in them: the first rows of a ranking of stories, each a link that opens
 * with its number, the row being parsed perhaps with nothing yet (hk-marko-bulma-continuous-
 * next.html's 熱門 panel showed its first two at a parse cut). */
function rankedLinks(rows: readonly Element[], open: ReadonlySet<Element>): boolean {
  return numbered(rows, (r, rank) => (open.has(r) && !leadingText(r)) || (rankOf(r) === rank && hasLink(r)));
}

/** While the parser is inside `el`: its children so far, when they are fewer than a run and
 * alike (the first rows of one), else null. A caption before them with no link is no row
 * (hk-marko-bulma-continuous-next.html's panel, its 熱門 a <p> above its ranked links). */
function openRows(el: Element): Element[] | null {
  const kids = Array.from(el.children);
  const last = kids.at(-1);
  if (!last) return null;
  const lastSig = signature(last);
  const rows = kids.slice(kids.findIndex((k) => hasLink(k) || signature(k) === lastSig));
  return rows.length && rows.length < MIN_CARDS && new Set(rows.map(signature)).size === 1 ? rows : null;
}

/**
 * Whether a card carries its story's time: a relative one in its text ("3 小時前", "2h ago"), a
 * <time> element (cards dated "2026年11月27日" or "27 November 2026" mark the date up so), a
 * date with its time of day (CARD_DATE), or a short form alone in an element of its own
 * (SHORT_TIME: "3h", "1時間"). A date in a title's words, "12月1日起", is no card's time.
 */
function cardTime(card: Element): boolean {
  const text = card.textContent ?? '';
  if (RELATIVE_TIME.test(text) || !!card.querySelector('time') || CARD_DATE.test(text)) return true;
  // A short form stands alone in an element of its own (a leaf: "3h", "1時間").
  for (const el of safeQueryAll(card, '*')) {
    if (el.childElementCount) continue;
    const own = (el.textContent ?? '').trim();
    if (own && own.length <= SHORT_TIME_MAX_CHARS && SHORT_TIME.test(own)) return true;
  }
  return false;
}

/** Tags a placeholder row is drawn with (a run of empty spans or icons inside a card is none). */
const ROW_TAGS = new Set(['LI', 'DIV', 'ARTICLE', 'SECTION']);

/**
 * Whether a module shows rows a script has still to fill: MIN_CARDS or more like children with
 * no text and no link (the grey skeleton rows of a rail module before its stories load).
 */
function placeholderRows(el: Element): Element[] | null {
  for (const p of walkCardParents(el, () => false)) {
    const rows = emptyRows(p);
    if (rows) return rows;
  }
  return null;
}

/** Whether the page marks `el`, or something in it, as still loading (WAI-ARIA's aria-busy). */
function loading(el: Element): boolean {
  return el.matches(BUSY) || !!el.querySelector(BUSY);
}
const BUSY = '[aria-busy="true"]';

/** Whether rows of `el` are in a module still loading: `el`, what is around it or in it busy. */
function busyRows(el: Element): boolean {
  return !!el.closest(BUSY) || loading(el);
}

/** A row a script has still to fill: no text, no link. */
export function emptyRow(r: Element): boolean {
  return !(r.textContent ?? '').trim() && !hasLink(r);
}

/**
 * A card parent the gate cannot hide by itself: a run of cards the detection takes without a
 * heading (at least MIN_CARDS similar linked children, some with a relative time, after the
 * article or in an aside, outside the site's chrome and the article), or the rows of a module
 * still loading (placeholderRows in detectFeed). One place test and one
 * read of its children serve both. The page's word that it loads is read last: looking for it
 * below `el` reads the whole subtree, and the gate asks this of every card parent at load.
 */
function gateLeaves(el: Element, articleStart: Element | null, touches: (el: Element) => boolean): boolean {
  if (el.childElementCount < MIN_CARDS || !runPlace(el, articleStart, touches)) return false;
  const like = likeChildren(el);
  const run = cardRun(el, false, NONE, like);
  if (run) return feedRun(el, run);
  return !!like && emptyLike(like) && busyRows(el);
}

/**
 * While the parser is inside it, the first rows of a loading module's placeholders, fewer than a
 * run: alike, empty, in a module the page says is loading. A throttled load of
 * jp-expert-livewire-flash-strip-rich-cards.html painted its skeleton's first row before the
 * rest arrived. Decided again once the page has parsed, as an open run is.
 */
function openPlaceholders(el: Element): boolean {
  const rows = openRows(el);
  return !!rows && emptyLike(rows) && busyRows(el);
}

/** `p`'s children, when they are rows a script has still to fill (see placeholderRows). */
function emptyRows(p: Element): Element[] | null {
  const rows = likeChildren(p);
  return rows && emptyLike(rows) ? rows : null;
}

/** Alike rows, each one a script has still to fill, drawn as rows. */
function emptyLike(rows: readonly Element[]): boolean {
  return ROW_TAGS.has(rows[0]!.tagName) && rows.every(emptyRow);
}

/** The run of cards `el` holds where feeds stand (see runPlace), if it holds one. */
function placedRun(el: Element, articleStart: Element | null, touches: (el: Element) => boolean, ranked = false, open: ReadonlySet<Element> = NONE): Element[] | null {
  if (el.childElementCount < MIN_CARDS || !runPlace(el, articleStart, touches)) return null;
  return cardRun(el, ranked, open);
}

/** Whether a run's cards carry times, outside the page's comments: a feed without a heading. */
function timedRun(el: Element, run: readonly Element[]): boolean {
  return run.some(cardTime) && !inComments(el);
}

/** A run of cards that is a feed by itself, under any heading or none: timed (timedRun), or
 * ranked (rankedCards). */
function feedRun(el: Element, run: readonly Element[]): boolean {
  return timedRun(el, run) || rankedCards(run);
}

/**
 * Linked cards ranked in order: each opens with its number, one more than the card before
 * (a "most read" list: hk-petite-arco-cantonese-headings-river.html's 全港都喺度傾, a caption no
 * list knows, its rows with no times). Not a table's rows (a league's standings link their
 * teams), nor a contents list, whose links stay on the page.
 */
function rankedCards(cards: readonly Element[]): boolean {
  return cards.length >= MIN_CARDS && numbered(cards, (c, rank) => {
    if (rankOf(c) !== rank || textLen(c) < MIN_ITEM_CHARS) return false;
    const links = c.matches(LINK) ? [c] : safeQueryAll(c, LINK);
    return links.some((l) => !(l.getAttribute('href') ?? '').startsWith('#'));
  });
}

/**
 * The block a run of cards stands in: its parent, and so on up, while all beside it is caption
 * (a heading no phrase list knows, a subtitle, a "See all" link). Hiding the run alone would
 * leave that caption standing over an empty space (us-finance-article.html, "Keep exploring").
 */
function runBlock(run: Element, a: ArticleAnchors, stop: Element): Element {
  let el = run;
  for (;;) {
    const parent = el.parentElement;
    if (!parent || parent === stop || parent === stop.ownerDocument.documentElement || isChrome(parent) || touchesArticle(parent, a)) return el;
    let chars = 0;
    let links = 0;
    let heading = false;
    for (const sib of Array.from(parent.children)) {
      if (sib === el || UNSEEN_TAGS.has(sib.tagName) || sib.hasAttribute('hidden')) continue;
      chars += (sib.textContent ?? '').trim().length;
      // Read only past the limit (the common case never queries): a control's words (a "Take
      // me back to the story" button) and a drawn logo's are no content of their own
      // (uk-fresh-twind-takeover-wordy-button-html-lock.html).
      if (chars > RUN_CAPTION_MAX_CHARS) chars -= uncountedChars(sib);
      links += within([sib], LINK).length;
      if (chars > RUN_CAPTION_MAX_CHARS || links > RUN_CAPTION_MAX_LINKS) return el;
      heading ||= sib.matches(HEADING_SELECTOR) || !!sib.querySelector(HEADING_SELECTOR);
    }
    el = parent;
    // Its heading taken in, the module is whole: what holds it and nothing else yet may be a
    // rail the parser is still filling (hk-finance-article.html's, whose first module's first
    // row made the whole rail the block, and the modules parsed after it unseen).
    if (heading) return el;
  }
}

/** Beside a run: elements whose words are no caption's content (see runBlock). */
const UNCOUNTED = 'button, [role="button"], svg';

/** The characters of `el`'s text inside controls and drawings (UNCOUNTED), or all of it if it is one. */
function uncountedChars(el: Element): number {
  if (el.matches(UNCOUNTED)) return (el.textContent ?? '').trim().length;
  let n = 0;
  for (const c of safeQueryAll(el, UNCOUNTED)) {
    // Counted once: a drawing inside a button is in the button's words.
    const outer = c.parentElement?.closest(UNCOUNTED);
    if (!outer || !el.contains(outer)) n += (c.textContent ?? '').trim().length;
  }
  return n;
}

/**
 * The kind a run's caption names, and the words that name it: the nearest text before its cards
 * within its block (a card header's <span>Trending</span> above the list, a panel's first line),
 * when it is short.
 */
function runCaption(block: Element, cards: readonly Element[]): { kind: FeedKind; text: string } | null {
  const first = cards[0];
  if (!first) return null;
  for (let n: Element = first; n !== block && n.parentElement; n = n.parentElement) {
    let caption = '';
    let top: Element | null = null;
    for (let sib = n.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (UNSEEN_TAGS.has(sib.tagName)) continue;
      // A linked item of the list's own tag before the run is one of its items, not its
      // caption: a menu whose first entry, classed apart, is "Latest" (thehill.com's video menu).
      if (n === first && sib.tagName === first.tagName && hasLink(sib)) return null;
      caption = `${sib.textContent ?? ''} ${caption}`;
      top = sib;
      if (caption.length > MAX_HEADING_CHARS * 2) return null;
    }
    const text = normaliseHeading(caption);
    if (!text) continue;
    if (text.length > MAX_HEADING_CHARS) return null;
    const kind = headingKind(text);
    if (kind) return { kind, text };
    // The caption's title before a note beside it ("热搜榜" then "每10分钟更新").
    const title = top ? normaliseHeading(leadingText(top)) : '';
    const titled = title ? headingKind(title) : null;
    return titled ? { kind: titled, text: title } : null;
  }
  return null;
}

/** Where feeds stand: after the start of the page's articles, or in an aside. */
function afterOrAside(el: Element, start: Element | null): boolean {
  return isAfter(el, start) || !!el.closest(ASIDE_SELECTOR);
}

/** Where a run of cards with no heading may stand: where feeds do (anywhere when no article is
 * known; what precedes the article is the site's header), outside its chrome and the article. */
function runPlace(el: Element, articleStart: Element | null, touches: (el: Element) => boolean): boolean {
  if (articleStart && !afterOrAside(el, articleStart)) return false;
  return !siteChrome(el, articleStart) && !touches(el);
}

/** Levels above a run searched for the comments section it may stand in. */
const COMMENTS_DEPTH = 3;

/**
 * Whether a run stands in the page's comments (jp-2026-comments.html): it, or a parent within
 * COMMENTS_DEPTH levels, is named for comments, or the only heading around it is a comments
 * heading. The search stops at the first parent with more than one heading: that holds other
 * modules too. The controller asks it of the parent of comments a script adds (the next page
 * of them), which it reads for a sponsored widget only.
 */
export function inComments(run: Element): boolean {
  let n: Element | null = run;
  for (let i = 0; n && i <= COMMENTS_DEPTH; i++, n = n.parentElement) {
    if (COMMENT_WORDS.test(`${n.id} ${n.getAttribute('class') ?? ''}`)) return true;
    const headings = safeQueryAll(n, HEADING_SELECTOR).filter((h) => !run.contains(h));
    if (headings.length > 1) return false;
    if (headings.length === 1) return commentsHeading(headings[0]!.textContent ?? '');
  }
  return false;
}

const NONE: ReadonlySet<Element> = new Set();

/**
 * While the document parses, the module the parser is in: the innermost element it is still
 * inside that has a heading of its own (as a child, or in a child's header). Its rows arrive
 * one batch at a time, outside any heading; read again with each, it is hidden once it shows
 * enough (a rail table of market data, hk-finance-article.html). Null once parsed.
 */
export function openModule(doc: Document): Element | null {
  const chain = openChain(doc);
  for (let i = chain.length - 1; i >= 0; i--) {
    const el = chain[i]!;
    // A module's own heading comes before its links; a card's title comes after its picture's
    // link (a featured video card's h3, us-ap-outbrain.html).
    for (const c of Array.from(el.children)) {
      if (c.matches(HEADING_SELECTOR) || (c.firstElementChild?.matches(HEADING_SELECTOR) ?? false)) return el;
      if (hasLink(c)) break;
    }
  }
  return null;
}

/**
 * The module `el` was added to, after load: the nearest ancestor, at most MODULE_CLIMB levels
 * up, that begins with a heading of its own (a rail box whose rows a script fills in). Null
 * when a container of several headed modules comes first: `el` is then a module itself.
 */
export function headedModule(el: Element): Element | null {
  // A whole module appended (its heading first) is read as it is.
  if (leadsWithHeading(el)) return null;
  let p = el.parentElement;
  for (let depth = 0; p && depth < MODULE_CLIMB && p !== p.ownerDocument.body; depth++, p = p.parentElement) {
    const headed = Array.from(p.children).filter((c) => !c.contains(el) && leadsWithHeading(c));
    if (headed.length > 1) return null;
    if (headed.length === 1 && headed[0] === p.firstElementChild) return p;
  }
  return null;
}

/**
 * While the document parses: the elements the parser may still be inside (the chain of last
 * children from <body> down). Empty once it has finished.
 */
function openChain(doc: Document): Element[] {
  return doc.readyState === 'loading' && doc.body ? lastChildChain(doc.body) : [];
}

/** The chain of last element children below `root` (where a parser adds the next node). */
function lastChildChain(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (let el = root.lastElementChild; el; el = el.lastElementChild) out.push(el);
  return out;
}

/**
 * While the document parses: the shadow host the parser may be filling, if it is in one (a
 * custom element, whose declarative shadow root may not be attached yet). A declarative shadow
 * root is parsed into the host before its light children, and nothing a document's
 * MutationObserver sees changes meanwhile.
 */
export function shadowHostParsing(doc: Document): Element | null {
  const last = openChain(doc).at(-1);
  return last && (last.shadowRoot || last.tagName.includes('-')) ? last : null;
}

/**
 * Whether `el`, an element the parser may still be inside, begins a run of cards that
 * gateLeaves would take once MIN_CARDS of them are parsed: fewer than MIN_CARDS children,
 * those with links alike and each a card (a few links, not a list), one at least with a
 * relative time, or the last still being parsed (its time may be next: the parser can yield
 * between a card's title and its time, and the browser paint the title, as on
 * hk-widgets-article.html under a 6× slower CPU); after the article or in an aside, outside
 * the site's chrome and the article. Decided again with each pass while the page parses.
 */
function openRun(el: Element, articleStart: Element | null, touches: (el: Element) => boolean, open: ReadonlySet<Element>): boolean {
  return openCards(el, open) && runPlace(el, articleStart, touches) && !inComments(el);
}

/** Whether a card links, by an address of its own (dataLink) or a link inside it. */
function navigates(el: Element): boolean {
  return hasLink(el) || dataLink(el);
}

/** A card of an open run: one that links (see navigates), or a focusable tile a script follows
 * (see focusTile), before its text is parsed (my-lustre-suit-nolink-digest-close-tab.html's
 * and ca-yew-stylist-button-cards-next-few-minutes.html's first cards showed at parse cuts). */
function openCard(el: Element): boolean {
  return navigates(el) || focusable(el);
}

/** A card begun with its picture, before any of its words. */
function pictureOnly(card: Element): boolean {
  return !!card.querySelector('img, picture') && !squeeze(card.textContent);
}

/** The most cards of several templates an open run is read from (see openCards). */
const MAX_OPEN_MIXED_CARDS = 12;

/** The cards part of openRun: wherever `el` stands. */
function openCards(el: Element, open: ReadonlySet<Element>): boolean {
  // A card after cards like it is one of its list's, not a run of its own parts: the list
  // is read as the run (hk-framework7-media-list-page-stack.html's related list item, its
  // link begun, was a run of one under no caption).
  const prev = el.previousElementSibling;
  if (prev && signature(prev) === signature(el) && openCard(prev)) return false;
  const n = el.childElementCount;
  // A card the parser has only begun (empty so far) does not count yet: two cards and a third
  // begun are no run for cardRun, and would show (us-mithril-carbon-copy-changes.html under a
  // 6× slower CPU, in about 1 load of 30).
  const last = el.lastElementChild;
  const begun = !!last && open.has(last) && !navigates(last);
  if (n === 0) return false;
  // Cards of several templates (a picture card, then text cards, each with classes of its own:
  // hk-crank-typestyle-mixed-template-cards.html) are one run while each card done so far
  // carries a time or is a paid card among them, as the full pass counts them (see
  // otherTemplate); else they must be alike.
  const timedCards = (cards: readonly Element[]) => cards.every((c) => (c === last && open.has(c)) || (cardTime(c) && !leadsWithHeading(c)) || paidCard(c));
  const manyLinks = (cards: readonly Element[]) => cards.some((c) => within([c], LINK).length > MAX_CARD_LINKS);
  if (n - (begun ? 1 : 0) >= MIN_CARDS) {
    // From MIN_CARDS alike cards on, cardRun reads the run. Cards of several templates have
    // none alike to go by until enough of one template have come: they stand for their run
    // until then, every child a card with a time or a paid card (a list no larger than a
    // feed's first screen). An element with nothing in it yet, a spacer or a card the parser
    // has just begun, is not counted.
    if (n > MAX_OPEN_MIXED_CARDS) return false;
    const cards = Array.from(el.children).filter((k) => k.hasChildNodes() && !(k === last && begun));
    if (!cards.every(openCard) || new Set(cards.map(signature)).size < 2 || largestGroup(cards, signature) || !timedCards(cards)) return false;
    return !manyLinks(cards);
  }
  const cards = Array.from(el.children).filter(openCard);
  // The first card begun, its time parsed before its title (a provider's logo and "just now",
  // us-catalyst-primer-compact-times-logo-providers.html), or its picture and nothing else yet
  // (sg-hugo-bootstrap-absolute-times.html's Brand corner, its first ad's image painted through a
  // network stall before its title came): it stands for the run to come.
  const first = el.firstElementChild!;
  if (!cards.length) return n === 1 && open.has(first) && (cardTime(first) || pictureOnly(first));
  if ((new Set(cards.map(signature)).size > 1 && !timedCards(cards)) || manyLinks(cards)) return false;
  // Not a module led by a heading of its own (a rail's first box, its rows still arriving).
  // A button's card stands for a run once its picture is parsed, or its time: a row of buttons
  // with neither is more often a module's tabs or its share buttons (ca-yew-stylist-button-cards-next-few-minutes.html
  // showed its first card's title under a 6× slower CPU, its time not yet parsed).
  const parsing = !!last && open.has(last) && cards.includes(last) && (navigates(last) || !!last.querySelector('img, picture')) && !leadsWithHeading(last);
  // Nor does such a module's time make it a card: the times are its rows' (the "Up next"
  // playlist beside the story's video, sg-en-block-link-cards.html, would take in the video).
  return parsing || cards.some((c) => cardTime(c) && !leadsWithHeading(c));
}

/**
 * Whether an open run (`run`, in `block`) is related reading from its first cards: under a
 * caption that names it so, inside its block or the line just before it, or with cards that
 * share the story's terms (the test the full pass makes of a whole run). Related reading stays
 * visible while it arrives (hk-framework7-media-list-page-stack.html's 相關新聞 list, its first
 * cards held at 52 parse cuts, shown once parsed).
 */
function openRelated(block: Element, run: Element, terms: () => Set<string>): boolean {
  // The run's cards; its first card begun before its link (see openCards) stands for them.
  const open = Array.from(run.children).filter(openCard);
  const cards = open.length ? open : Array.from(run.children);
  const caption = runCaption(block, cards)?.kind ?? lineKind(block);
  if (caption) return caption === 'related';
  const t = terms();
  return storysTerms(cards, t);
}

/** Whether enough of `items` share the story's terms (see sharesTerms) to be related reading. */
function storysTerms(items: readonly Element[], terms: Set<string>): boolean {
  return terms.size > 0 && items.length > 0 && items.filter((i) => sharesTerms(i, terms)).length / items.length >= RELATED_ITEM_SHARE;
}

/** Whether the stories a rail module holds so far share the story's terms (see openRelated). */
function openRailRelated(el: Element, terms: () => Set<string>): boolean {
  const titles = safeQueryAll(el, LINK).filter((l) => textLen(l) >= MIN_ITEM_CHARS);
  return titles.length > 0 && storysTerms(titles, terms());
}

/** Every profile's card selectors: a card of one generation can appear in another's page. */
export const ITEM_SELECTORS: readonly string[] = SITE_PROFILES.flatMap((p) => p.itemSelectors);

/**
 * The cards of a block: its profile's card selector, or else its largest run of like linked
 * children widened to the cards beside it (see cardsBeside), or else its links when it is a
 * list of plain links (a ranking flattened into anchors). What the badge counts.
 */
export function findItems(block: Element, itemSelectors: readonly string[]): Element[] {
  let items = itemsOf(block, itemSelectors);
  // A web component keeps its cards in its shadow root, its heading in the light DOM
  // (tw-web-components-dsd.html): they are the block's items all the same.
  if (!items.length && block.shadowRoot) {
    for (const part of Array.from(block.shadowRoot.children)) {
      const inner = itemsOf(part, itemSelectors);
      if (inner.length > items.length) items = inner;
    }
  }
  // A tab the page itself keeps hidden (a ranking's other tabs) is no story the reader would
  // have seen: the badge counts what cleanup hid. A card the page hides by itself, not in a
  // hidden panel, is one it shows in its turn (an "Up next" bar's queue, shown one at a time:
  // au-blade-clarity-vjs-upnext-bar-corner-dock.html), and is counted.
  return block.querySelector('[hidden]') ? items.filter((i) => !i.parentElement || !hiddenBelow(i.parentElement, block)) : items;
}

/** Whether `el` is inside an element of `block` (or is one) that the page marks `hidden`. */
function hiddenBelow(el: Element, block: Element): boolean {
  for (let n: Element | null = el; n && n !== block; n = n.parentElement) if (n.hasAttribute('hidden')) return true;
  return false;
}

function itemsOf(block: Element, itemSelectors: readonly string[]): Element[] {
  for (const sel of itemSelectors) {
    const found = safeQueryAll(block, sel);
    if (!found.length) continue;
    // The profile names its story cards; an ad card beside them is one too.
    const first = found[0]!.parentElement;
    const wide = cardsBeside(block, found.filter((f) => f.parentElement === first));
    return found.length === wide.length ? found : inDocumentOrder([...new Set([...found, ...wide])], (e) => e);
  }
  const run = largestRun(block);
  if (run) return tableCells(cardsBeside(block, run));
  const links = safeQueryAll(block, LINK).filter((a) => textLen(a) >= MIN_LINK_CHARS);
  // One link is a "more from …" line, not a list.
  if (links.length >= 2) return links;
  // Cards a script follows on focus and click alone, with no link of any kind
  // (tw-tdesign-uuid-tiles-compact-times.html's tiles: tabindex and a data id), or a ranking's
  // rows (see rankedRows).
  const tiles = largestRun(block, focusTile);
  if (tiles) return tiles;
  for (const p of walkCardParents(block, () => false)) {
    const rows = likeChildren(p);
    if (rows && rankedRows(rows)) return rows;
  }
  return [];
}

/** What takes the keyboard's focus with no link: a button, or an element the page puts in the
 * tab order. */
const FOCUSABLE = 'button, [tabindex="0"]';

/** A card with no link that takes the keyboard's focus, with a title's worth of text: the
 * focusable element itself, or a row around it alone (a list item wrapping a `<button>` card,
 * uk-waku-rac-button-cards-tabbed-most-read.html's rail). */
function focusTile(el: Element): boolean {
  return focusable(el) && textLen(el) >= MIN_ITEM_CHARS && !hasLink(el);
}

/** A focusable element, or a row around one alone (see focusTile). */
function focusable(el: Element): boolean {
  return el.matches(FOCUSABLE) || (el.childElementCount === 1 && el.firstElementChild!.matches(FOCUSABLE));
}

/**
 * The largest group of card-like children (see isCard, or what `card` accepts) under one parent
 * of `block` that share a tag, or a tag and class. A group of one tag and several classes (an ad
 * card among stories; classes numbered per card, renamed) wins only when it is larger.
 */
function largestRun(block: Element, card: (el: Element) => boolean = isCard): Element[] | null {
  let best: Element[] = [];
  let loose: Element[] = [];
  const queue: Element[] = [block];
  for (let i = 0; i < queue.length && i < MAX_ITEM_WALK; i++) {
    const el = queue[i]!;
    const kids = Array.from(el.children);
    if (kids.length >= 2) {
      const groups = new Map<string, Element[]>();
      const byTag = new Map<string, Element[]>();
      for (const k of kids) {
        if (!card(k) || moreLink(k)) continue;
        pushTo(groups, signature(k), k);
        // Of one tag only, a card needs a title's worth of text (a "more" row has less).
        if (textLen(k) >= MIN_ITEM_CHARS) pushTo(byTag, k.tagName, k);
      }
      for (const g of groups.values()) if (g.length > best.length) best = g;
      for (const g of byTag.values()) if (g.length > loose.length) loose = g;
    }
    for (const k of kids) if (!k.hasAttribute('hidden')) queue.push(k);
  }
  const run = loose.length > best.length ? loose : best;
  return run.length >= 2 ? run : null;
}

/** A list's own "more" link (もっと見る, 看更多, "See all ›"): no story, whatever it looks like
 * (with classes stripped it shares the stories' tag, jp-elm-next-story-replacestate.html). */
const MORE_LINK = /^(もっと見る|もっと読む|一覧を?見る|看更多|查看更多|更多|see (all|more)|view (all|more)|show more|more)\s*[›»>→]?$/i;
const MAX_MORE_LINK_CHARS = 16;

function moreLink(el: Element): boolean {
  const text = (el.textContent ?? '').trim();
  return text.length <= MAX_MORE_LINK_CHARS && MORE_LINK.test(text);
}

/** A grid cell's text at least (a keyword): a picture's cell beside a title has none. */
const MIN_CELL_CHARS = 2;

/** Rows of a grid whose cells are links each (注目の話題's keywords, two to a row,
 * jp-2015-table.html; a 3×4 grid of stories): the cells are the items, not the rows. */
function tableCells(run: Element[]): Element[] {
  if (run[0]?.tagName !== 'TR') return run;
  const cells = run.map((tr) => Array.from(tr.children).filter(hasLink));
  // Alike cells, each its own story: not a ranking's number beside its title, nor a video's
  // picture (its length over it) beside its title, both to one story
  // (tw-fluent-griffel-nonlist-rows.html's 影音熱播 stripped of classes).
  const grid = cells.every((c, i) => c.length >= 2 && placesLinked(run[i]!, c.length) === c.length && c.every((td) => signature(td) === signature(c[0]!) && textLen(td) >= MIN_CELL_CHARS));
  return grid ? cells.flat() : run;
}

/** Append `el` to its group in `groups`. */
function pushTo<K>(groups: Map<K, Element[]>, key: K, el: Element): Element[] {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = []));
  g.push(el);
  return g;
}

/** A card links to a few places (its story, its provider); an element that links to more is a
 * list of cards (a chunk of a third-party feed), not one. */
function isCard(el: Element): boolean {
  if (el.tagName === 'A') return el.hasAttribute('href');
  if (el.matches(SCRIPTED_LINK) || dataLink(el)) return true;
  const places = placesLinked(el, MAX_CARD_LINKS + 1);
  return places > 0 && places <= MAX_CARD_LINKS;
}

/**
 * A run of cards widened to the cards beside it: the children of the run's parent with the
 * same tag and a link (an ad card or a video card in a stream of stories), and those of parents
 * at the same depth with the same tag (a third-party feed delivered in chunks, each its own
 * list), and a featured card before the list. Cards found beside the run need a title's worth
 * of text, so a tab or a "more" row is not one; a chunk needs two of them, each with half the
 * text of the run's shortest card.
 */
function cardsBeside(block: Element, run: Element[]): Element[] {
  const parent = run[0]!.parentElement!;
  const tag = run[0]!.tagName;
  const depth = depthIn(parent, block);
  const inRun = new Set(run);
  const parents = parent === block ? [block] : safeQueryAll(block, parent.tagName).filter((p) => p === parent || depthIn(p, block) === depth);
  const out: Element[] = [];
  // A featured card above the list (a picture and a linked title of its own, outside the list).
  // Not the module's header, its heading a picture of its name beside a link about the ads
  // (jp-one-tamagui-css-pr-labels.html's <h2><img alt="PR"></h2>): a title has words; nor its
  // heading in words beside an AdChoices link and icon (us-amp-sveltekit-carousel-list-load-more.html's
  // "From our partners"): a card's title is its link.
  for (let lead = parent.previousElementSibling; parent !== block && lead; lead = lead.previousElementSibling)
    if (isCard(lead) && lead.querySelector('img, picture') && (linkedTitle(lead) || titleLink(lead)) && textLen(lead) >= MIN_ITEM_CHARS) out.unshift(lead);
  // In a chunk elsewhere, a card has at least half the text of the run's shortest: a widget's
  // header holds two short links of the same tag at the same depth ("Sponsored Links",
  // "by Taboola" in us-ent-gatsby-sc-multi-h1-trending-first.html).
  const chunkChars = Math.max(MIN_ITEM_CHARS, Math.min(...run.map(textLen)) / 2);
  for (const p of parents) {
    const min = p === parent ? MIN_ITEM_CHARS : chunkChars;
    const kids = Array.from(p.children).filter((k) => inRun.has(k) || (isCard(k) && textLen(k) >= min && (k.tagName === tag || (p === parent && otherTemplate(k, run)))));
    if (p === parent || kids.length >= 2) out.push(...kids);
  }
  return out;
}

/** A link in words as long as a title, not a heading (a player's "now playing" clip above
 * its "Next up" list, au-blade-clarity-vjs-upnext-bar-corner-dock.html); longer than an ads
 * notice's link ("AdChoices", 広告について). */
const LEAD_TITLE_CHARS = 16;

function titleLink(card: Element): boolean {
  return safeQueryAll(card, LINK).some((l) => (l.textContent ?? '').trim().length >= LEAD_TITLE_CHARS);
}

/** Whether a heading in `card` is a link's title: it holds the link, or the link holds it. */
function linkedTitle(card: Element): boolean {
  return safeQueryAll(card, HEADING_SELECTOR).some((h) => {
    const around = h.closest(LINK);
    return !!h.querySelector(LINK) || (!!around && card.contains(around));
  });
}

/**
 * A card of another tag in a run's own list: one of the templates a stream mixes (a big
 * `<article>` card, a video card among `<div>` cards, hk-crank-typestyle-mixed-template-cards.html),
 * standing between two of the run's cards, or with a picture and a heading or time of its own.
 * Not a "more" row, nor a list's header before its cards.
 */
function otherTemplate(k: Element, run: readonly Element[]): boolean {
  if (moreLink(k) || k.matches(HEADING_SELECTOR)) return false;
  const between = !!(run[0]!.compareDocumentPosition(k) & FOLLOWING) && !!(k.compareDocumentPosition(run[run.length - 1]!) & FOLLOWING);
  return between || (!!k.querySelector('img, picture, video') && (!!k.querySelector(HEADING_SELECTOR) || cardTime(k)));
}

/** `items` sorted in place by where their elements stand in the document. */
function inDocumentOrder<T>(items: T[], elementOf: (item: T) => Element): T[] {
  return items.sort((x, y) => (elementOf(x).compareDocumentPosition(elementOf(y)) & FOLLOWING ? -1 : 1));
}

/** How many parents up from `el` `ancestor` is. */
function depthIn(el: Element, ancestor: Element): number {
  let d = 0;
  for (let n: Element | null = el; n && n !== ancestor; n = n.parentElement) d++;
  return d;
}

/** The share of `el`'s text in links. `words`: of its text without white space, which the
 * markup's indentation would otherwise outweigh in a block of short links (a row of chips). */
function linkDensity(el: Element, words = false): number {
  const len = words ? (n: Element) => squeeze(n.textContent).length : textLen;
  const total = len(el);
  if (!total) return 0;
  let links = 0;
  // The outermost links only (a scripted card may hold an <a> of its own).
  for (const a of safeQueryAll(el, `a, ${SCRIPTED_LINK}`)) {
    const outer = a.parentElement?.closest(`a, ${SCRIPTED_LINK}`);
    if (!outer || !el.contains(outer)) links += len(a);
  }
  return links / total;
}

function isAfter(el: Element, ref: Element | null): boolean {
  return !!ref && !!(ref.compareDocumentPosition(el) & FOLLOWING) && !ref.contains(el);
}

/** Title terms (CJK bigrams, Latin words) used to tell related reading from the unrelated feed. */
export function titleTerms(title: string): Set<string> {
  const terms = new Set<string>();
  const cjk = title.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu) ?? [];
  for (const run of cjk) for (let i = 0; i + 1 < run.length; i++) terms.add(run.slice(i, i + 2));
  for (const w of title.toLowerCase().match(/[a-z][a-z0-9]{3,}/g) ?? []) terms.add(w);
  // Function-word bigrams say nothing about the topic.
  for (const stop of ['如何', '什麼', '為何', '可能', '這樣', 'with', 'from', 'that', 'this', 'have', 'will', 'says', 'after']) terms.delete(stop);
  return terms;
}

/** Words of module headings that say nothing of a subject ("More news", "最新新聞"), and words
 * of time and sequence a heading shares with a title by chance ("Your next few minutes" under
 * "What comes next for …"). */
const HEADING_FILLER = new Set(['more', 'news', 'latest', 'stories', 'story', 'read', 'also', 'other', 'your', 'videos', 'video', 'popular', 'trending', 'recommended', 'elsewhere', 'yahoo', 'next', 'before', 'today', 'tonight', 'week', 'year', 'time', 'minutes', 'what', 'here', 'just', '新聞', '新闻', '更多', '最新', '推薦', '熱門', 'ニュ', 'ース', '記事', '話題']);

/** A Japanese bigram with kana of grammar in it (a particle, an ending): "前に" is "before". */
const HIRAGANA = /\p{Script=Hiragana}/u;

/** Whether a module's heading names the story's subject: a term of the title beyond filler,
 * and beyond grammar (「お帰りの前に、こんなニュースも」 over a story whose title has "水揚げ前に",
 * jp-next-kuma-spindle-popstate-back-trap-layer.html). */
function namesSubject(heading: string, terms: Set<string>): boolean {
  for (const t of titleTerms(heading)) if (!HEADING_FILLER.has(t) && !HIRAGANA.test(t) && terms.has(t)) return true;
  return false;
}

function sharesTerms(item: Element, terms: Set<string>): boolean {
  const text = item.textContent ?? '';
  const lower = text.toLowerCase();
  let hits = 0;
  for (const t of terms) if ((/[a-z]/.test(t) ? lower : text).includes(t)) hits++;
  // Two shared terms: one shared bigram is often chance (the seed feed shares "AI" once).
  return hits >= 2;
}

interface Candidate {
  el: Element;
  kind: FeedKind | null;
  source: FeedBlock['source'];
  features: Partial<Record<FeatureName, number>>;
  /** Its caption's words, when they are no heading element's (see runCaption). */
  heading?: string;
}

function climbFromHeading(h: Element, a: ArticleAnchors, stop: Element, open: ReadonlySet<Element> = NONE): Element {
  let el: Element = h;
  for (;;) {
    const parent: Element | null = el.parentElement;
    if (!parent || parent === stop || parent === stop.ownerDocument.documentElement) return el;
    if (touchesArticle(parent, a)) return el;
    // Beside the story's own picture or video (a figure that links nowhere), before the story's
    // body has told which pictures are its own: the module stops here
    // (sg-en-block-link-cards.html's "Up next" playlist beside the lead video).
    if (el !== h && Array.from(parent.children).some((c) => c !== el && c.tagName === 'FIGURE' && !hasLink(c) && !!c.querySelector('img, picture, video'))) return el;
    // The parser is still inside this module (its heading parsed, its list not yet): the rest
    // of it will arrive inside, so it is the block; climbing on would take its neighbours
    // (hk-finance-article.html's rail, whose first box is related reading).
    if (el !== h && open.has(el)) return el;
    // The heading's own links (a row of tabs under its name, a "more ›") are no stories.
    const links = el === h ? 0 : safeQueryAll(el, LINK).filter((l) => !h.contains(l)).length;
    // A whole module (its list parsed) in a container the parser is still filling: the next
    // modules will arrive beside it, so the climb stops at it (hk-finance-article.html's rail,
    // whose first box, related reading, took in the market tables parsed after it, shown). Not
    // a module's header, its tabs parsed and its list still arriving beside it
    // (jp-vue-naive-furigana-button-headings.html's ranking).
    if (el !== h && open.has(parent) && links >= MIN_BLOCK_LINKS) return el;
    // A module with no stories yet (a script fills it after load; at most a "more" link) beside
    // other headed modules, filled or showing placeholder rows, is a block of its own: climbing
    // on to find links would take its neighbours, the whole rail (jp-htmx-next-article.html's
    // rail of skeleton modules). Not a header above cards that each carry a label of their own
    // (nypost's "More Stories": one story under each source's name).
    if (
      el !== h &&
      placesLinked(el, MIN_CARDS) < MIN_CARDS &&
      Array.from(parent.children).some((c) => c !== el && leadsWithHeading(c) && (placesLinked(c, MIN_CARDS) >= MIN_CARDS || !!placeholderRows(c)))
    )
      return el;
    if (el !== h && links >= MIN_BLOCK_LINKS) {
      if (textLen(parent) > textLen(el) * CLIMB_TEXT_GROWTH) return el;
      // A parent that holds another module's heading holds several modules (a rail of a short
      // list and a long one: jp-2026-comments.html's トピックス and アクセスランキング).
      if (safeQueryAll(parent, HEADING_SELECTOR).some((x) => x !== h && !el.contains(x))) return el;
    }
    el = parent;
  }
}

/**
 * Score one candidate. `widgets`: every widget element of the page when the pass covered the
 * whole page (a few contains() calls instead of a query over the candidate's subtree). `open`:
 * the elements the parser is still inside, while the page parses.
 */
function scoreCandidate(
  c: Candidate,
  a: ArticleAnchors,
  itemSelectors: readonly string[],
  terms: () => Set<string>,
  quick: boolean,
  widgets: readonly Element[] | null,
  open: ReadonlySet<Element> = NONE,
): FeedBlock {
  const el = c.el;
  const f = c.features;
  const sum = () => Object.values(f).reduce((s, v) => s + (v ?? 0), 0);
  // The kind decides what the settings hide, so its evidence (heading, widget) always counts.
  const heading = c.heading ?? blockHeading(el);
  const hk = headingKind(heading);
  if (hk) f.headingPhrase = WEIGHTS.headingPhrase;
  let kind: FeedKind | null = hk ?? c.kind;
  const inner = widgets ? widgets.filter((w) => el === w || el.contains(w)) : el.matches(WIDGET_SELECTORS) ? [el] : safeQueryAll(el, WIDGET_SELECTORS);
  if (inner.length) {
    f.widget = WEIGHTS.widget;
    // A widget, or a block mostly made of them, is sponsored. A stream with a few sponsored
    // cards among its stories stays what it is; the cards are marked apart (nestedSponsored).
    if (inner.includes(el) || widgetShare(el, inner) >= WIDGET_DOMINANCE) kind = 'sponsored';
  }
  // Every link of it a labelled paid-for one (adBlock climbs no further): ads, whatever its
  // heading calls them ("Around the web" over three "Sponsored" cards,
  // in-astro-islands-io-river-idle-rerender-rail.html).
  if (f.adCards) kind = 'sponsored';
  // Quick pass, cheapest evidence first: once a candidate is decided, the rest (items, the
  // related-reading test) waits for the full pass.
  const decided = () => quick && (c.source === 'user' || sum() >= HIDE_CONFIDENCE);
  const provisional = (): FeedBlock => ({ el, kind: kind ?? 'recommended', heading, items: [], score: sum(), features: f, source: c.source });
  if (decided()) return provisional();
  if (afterOrAside(el, a.start)) f.position = WEIGHTS.position;
  const idClass = `${el.id} ${el.getAttribute('class') ?? ''}`;
  if (CLASS_WORDS.test(idClass)) f.classWords = WEIGHTS.classWords;
  if (YAHOO_MODULE_ATTRS.some((attr) => el.hasAttribute(attr) || el.querySelector(`[${attr}]`)))
    f.yahooModule = WEIGHTS.yahooModule;
  if (decided()) return provisional();
  // A module still loading: its placeholder rows are the stories to come, counted as such until
  // they come (the recount after a batch counts what replaced them).
  const items = (f.placeholderRows && placeholderRows(el)) || findItems(el, itemSelectors);
  // The evidence is read from one list of them: cards counted across several lists (chunks of
  // a feed, or the lists of several modules a candidate holds) would make a container of
  // modules look like one feed.
  const cards = oneList(items);
  if (cards.length >= MIN_CARDS) {
    f.repeatedCards = WEIGHTS.repeatedCards;
    // Not the card the parser is still inside: its time may be yet to come
    // (uk-nette-materialize-absolute-dates-native-ads.html's third card showed while its
    // provider was parsed and its date not).
    const told = open.size ? cards.filter((c) => !open.has(c)) : cards;
    const timed = told.filter(cardTime).length;
    if (told.length && timed / told.length >= 0.5) f.cardsWithTime = WEIGHTS.cardsWithTime;
    // A ranking: what is most read, under whatever heading.
    if (rankedCards(cards)) {
      f.rankedCards = WEIGHTS.rankedCards;
      kind ??= 'trending';
    }
  }
  if (linkDensity(el) >= LINK_DENSITY_MIN) f.linkDensity = WEIGHTS.linkDensity;
  // A module under a heading no list knows that names the story's subject ("More in Minnesota
  // Wild" under a Wild game's recap) continues it: related reading, not the feed.
  if (kind === null && !hk && heading && namesSubject(heading, terms())) kind = 'related';
  // A rail's module is trending by its place alone, a guess its stories may overrule: the rail's
  // "Full coverage: Oklahoma ice storm" beside the storm's live blog
  // (us-inferno-jss-liveblog-posts-as-cards.html). Not its heading alone: a market table's
  // "市場概覽 … 收市" beside a market report (hk-finance-article.html) shares a word, not stories.
  const railGuess = !hk && !!f.railModule && kind === c.kind && !f.rankedCards && !f.widget && !f.adCards;
  // Items that share the story's own terms continue it: related reading, not the feed.
  if ((kind === null || kind === 'recommended' || railGuess) && cards.length && storysTerms(cards, terms())) kind = 'related';
  return { el, kind: kind ?? 'recommended', heading, items, score: sum(), features: f, source: c.source };
}

/** The items that share the commonest parent (the largest list among them). */
function oneList(items: readonly Element[]): Element[] {
  const byParent = new Map<Element | null, Element[]>();
  let best: Element[] = [];
  for (const i of items) {
    const g = pushTo(byParent, i.parentElement, i);
    if (g.length > best.length) best = g;
  }
  return best;
}

/** Share of a block's text inside the given widgets (the outermost of them). */
function widgetShare(el: Element, widgets: readonly Element[]): number {
  const total = textLen(el);
  if (!total) return 1;
  return outermost(widgets).reduce((n, w) => n + textLen(w), 0) / total;
}

/**
 * Sponsored cards inside blocks of another kind (Taboola cards in Yahoo's story stream): kept
 * as blocks of their own, so a reader who keeps the stream but hides sponsored blocks does not
 * see them. The enclosing blocks' items leave them out, so nothing is counted twice.
 */
function nestedSponsored(scored: readonly FeedBlock[], outer: readonly FeedBlock[]): FeedBlock[] {
  const nested = scored.filter(
    (b) =>
      b.kind === 'sponsored' &&
      !outer.includes(b) &&
      outer.some((o) => o.kind !== 'sponsored' && o.el.contains(b.el)) &&
      !scored.some((o) => o !== b && o.kind === 'sponsored' && o.el.contains(b.el) && !outer.includes(o)),
  );
  for (const o of outer) {
    if (o.kind === 'sponsored' || !nested.some((n) => o.el.contains(n.el))) continue;
    // A sponsored card that is one of the stream's cards counts as one item, be it of another
    // tag than the stories beside it (a `div` among linked `a` cards,
    // sg-hans-uniapp-uniui-windows-richtext.html's 推广 card).
    for (const n of nested) {
      const card = o.items.find((i) => i === n.el || i.contains(n.el)) ?? (o.items.some((i) => i.parentElement === n.el.parentElement) ? n.el : null);
      if (card) n.items = [card];
    }
    o.items = o.items.filter((i) => !nested.some((n) => n.el === i || n.el.contains(i) || i.contains(n.el)));
  }
  return nested;
}

/** Sponsored selectors of every profile and the widgets': what a sponsored card looks like. */
let sponsoredSelector: string | null = null;

/**
 * Sponsored cards among some added subtrees (each subtree, or its outermost descendants that
 * match), as blocks of their own, one item each: the batch's check for cards a script appends
 * to a stream already marked. Of `cards` (subtrees that are each a stream's card), also those
 * that are ads by their paid-for link and its label, as the detection finds them
 * (sg-hans-uniapp-uniui-windows-richtext.html's 推广 cards among the stories it loads).
 */
export function sponsoredCards(roots: readonly Element[], cards: readonly Element[] = []): FeedBlock[] {
  const found = sponsoredWithin(roots);
  for (const c of cards) if (!found.some((f) => f === c || f.contains(c) || c.contains(f)) && paidCard(c)) found.push(c);
  return found.map((el) => ({ el, kind: 'sponsored', heading: '', items: [el], score: WEIGHTS.widget, features: { widget: WEIGHTS.widget }, source: 'generic' }));
}

/** A paid-for link: marked so, or through Yahoo's ad server. */
const PAID_LINK = `${AD_LINK}, ${YAHOO_AD_CLICK}`;

/** A card whose link is paid for (see labelledAd). */
function paidCard(card: Element): boolean {
  return (card.matches(PAID_LINK) || !!card.querySelector(PAID_LINK)) && labelledAd(card);
}

function sponsoredWithin(roots: readonly Element[]): Element[] {
  if (!roots.length) return [];
  sponsoredSelector ??= [WIDGET_SELECTORS, ...SITE_PROFILES.flatMap((p) => p.feedBlocks.filter((r) => r.kind === 'sponsored').map((r) => r.selector))].join(', ');
  const sel = sponsoredSelector;
  return roots.flatMap((r) => {
    // One query per root (a batch of cards is often a dozen roots): the root itself first.
    const found = within([r], sel);
    if (!found.length) return [];
    if (found[0] === r) return [r];
    // A card that is mostly its widget is the sponsored card (hidden whole, not leaving an
    // empty frame); a batch of cards with one widget among them keeps its stories.
    if (widgetShare(r, found) >= WIDGET_DOMINANCE) return [r];
    return outermost(found);
  });
}

/**
 * Before first paint on a page of a known layout: whether the stylesheet's gate (`gated`, the
 * selectors it hides) already hides everything the quick detection would hide now, so the
 * detection can wait for idle time. That is: the host's profile finds the article body; no
 * gated element holds an h1 or the body, or sits inside it; and no heading phrase of a kind in
 * `hides` (what the settings hide), no recommendation widget if sponsored blocks are hidden,
 * and no unlabelled run of story cards if recommended stories are, lies outside the gated
 * elements and the body (a block a renamed or new module would leave visible; related reading
 * the user keeps is no doubt), nor, while the page parses, the first cards of such a run.
 * Over the whole page the gate must also match something: a page it matches nothing on is an
 * unknown layout, for the detection to read. With `roots` (subtrees added since), only they,
 * and their parents, are read. Conservative by design: any doubt returns false and the quick
 * detection runs as before.
 */
export function gateCovers(doc: Document, host: string, gated: string, hides: readonly FeedKind[], roots?: readonly Element[]): boolean {
  if (!gated || !doc.body) return false;
  const hidden = roots ? within(roots, gated) : safeQueryAll(doc, gated);
  if (!roots && !hidden.length) return false;
  let root: Element | null = null;
  for (const p of SITE_PROFILES) if (!root && p.hosts.test(host)) root = first(doc, p.articleRoot);
  if (!root) return false;
  const body = root;
  if (hidden.some((el) => el.contains(body) || body.contains(el) || el.querySelector(HEADLINE_SELECTOR))) return false;
  // A whole-page pass has every gated element in hand; added subtrees may sit in older ones.
  const insideGated = (el: Element) => {
    try {
      return !!el.closest(gated);
    } catch {
      return false; // a selector this engine cannot read: the element counts as visible
    }
  };
  // A headline added inside a gated element parsed earlier (the parser is still inside it).
  if (roots && within(roots, HEADLINE_SELECTOR).some(insideGated)) return false;
  const outside = roots
    ? (el: Element) => !body.contains(el) && !insideGated(el)
    : (el: Element) => !body.contains(el) && !hidden.some((g) => g.contains(el));
  const scope: readonly ParentNode[] = roots ?? [doc];
  for (const h of within(scope, HEADING_SELECTOR)) {
    if (!outside(h)) continue;
    // A rail's module with a heading of its own is hidden as trending (railModule): one outside
    // the gate is left to the detection, which weighs it.
    const kind = moduleKind(h).kind ?? (railHeading(h) ? 'trending' : null);
    if (!kind || !hides.includes(kind)) continue;
    const chrome = chromeAround(h);
    if (!chrome || moduleHeader(chrome, body) || chromeModule(h, chrome)) return false;
  }
  // A module named for assistive technology only.
  for (const el of within(scope, NAMED_MODULE)) {
    const kind = outside(el) ? namedModule(el) : null;
    if (kind && hides.includes(kind)) return false;
  }
  if (hides.includes('sponsored') && within(scope, WIDGET_SELECTORS).some(outside)) return false;
  // An ad in the page's own markup, a paid-for link with a label ("PR"): see adBlock.
  const touches = (el: Element) => el.contains(body) || body.contains(el);
  if (hides.includes('sponsored') && within(scope, AD_LINK).some((l) => outside(l) && !siteChrome(l, root) && labelledAd(adBlock(l, touches, doc.body!)))) return false;
  // A run of cards with no heading the detection knows (a module renamed and relabelled at
  // once, sg-en-modern.html): the detection would hide it as recommended stories.
  if (!hides.includes('recommended')) return true;
  const gatedSet = new Set(hidden);
  const skip = (el: Element) => el === body || gatedSet.has(el) || isChrome(el);
  const parents = roots
    ? cardParentsWithin(roots, skip).filter((el) => !insideGated(el))
    : walkCardParents(doc.body, skip);
  if (parents.some((el) => gateLeaves(el, body, touches))) return false;
  // The first cards of such a run, while the parser is still inside it.
  const chain = openChain(doc);
  const open = new Set(chain);
  return !chain.some((el) => !insideGated(el) && (openRun(el, body, touches, open) || (openPlaceholders(el) && runPlace(el, body, touches))));
}

/** A story's own body, marked as such. */
const ARTICLE_BODY_SELECTOR = '[itemprop="articleBody"]';

/** What holds an article's text: a block holding one is never hidden before the article. */
const ARTICLE_TEXT_SELECTOR = `main, ${ARTICLE_BODY_SELECTOR}, [role="main"]`;

/**
 * While the page parses and its article has not arrived (a layout whose rail or feed comes
 * first in the source and is placed beside or below the story by CSS, as
 * tw-angular-rail-first-timeline.html's): the blocks that do not hold the article, so they can
 * be hidden before the browser paints them. Each has a heading that names a feed, is mostly
 * links, and holds no h1 nor anything that holds article text, nor stands in a story's body.
 * The parser may still be inside one (the rail's list half parsed): if the article then lands
 * in it, the next pass, which finds the article, shows it again. `d`: the quick detection of
 * the page as it is, when the caller has it (it found no article root); without it, and no
 * heading so far names a feed (the usual page, whose header precedes the story), this costs
 * one query.
 */
export function beforeArticle(doc: Document, url: string, options: Pick<DetectOptions, 'force' | 'userRules'> = {}, d?: Detection): FeedBlock[] {
  if (!doc.body) return [];
  if (!d && !safeQueryAll(doc.body, HEADING_SELECTOR).some((h) => moduleKind(h).kind) && !safeQueryAll(doc.body, NAMED_MODULE).some(namedKind)) return [];
  const open = openChain(doc);
  return (d ?? detectFeed(doc, url, { ...options, quick: true })).blocks.filter(
    (b) =>
      b.kind !== 'related' &&
      b.features.headingPhrase &&
      !b.el.querySelector(`${HEADLINE_SELECTOR}, ${ARTICLE_TEXT_SELECTOR}`) &&
      // An aside is no article text wherever it stands: a playlist beside the story's video,
      // between its headline and its body, in its <main> (sg-en-block-link-cards.html's "Up
      // next", painted under a slow CPU while the body's first paragraphs arrived). Nor is a
      // module before the headline in the page's <main>, which holds more than the story
      // (hk-qute-minicss-reverse-flush-order.html streams its 為你推薦 there before the story,
      // and painted it through a network stall); a story's own body is.
      (!b.el.closest(ARTICLE_BODY_SELECTOR) || !!b.el.closest(ASIDE_SELECTOR)) &&
      // Mostly links, or cards with times (a column of "Top stories" with their providers and
      // times, before the story in the source: sg-vaadin-lumo-left-column-feeds.html painted
      // them under a slow CPU). Its words are read without the markup's white space:
      // hk-framework7-media-list-page-stack.html's 熱搜 chips above the story, eight short
      // links on lines of their own, came to 0.19 with it and showed while the story's byline
      // was parsed.
      // Or a card begun in it while the parser is still there: its links and times have not
      // all come (ph-en-upnext.html's "Trending now" carousel above the story showed its first
      // card's rank and picture). It is read again with the next frame, and shown again if,
      // whole, it is neither.
      (linkDensity(b.el, true) >= LINK_DENSITY_MIN || timedCard(b.el) || (open.includes(b.el) && hasLink(b.el))),
  );
}

/** Whether `el` holds a story card with its time: a link's element, within MODULE_CLIMB levels
 * and below `el`, that is a card (isCard) and carries a time (cardTime). */
function timedCard(el: Element): boolean {
  // A card's picture and title link to one story: its element is read once.
  const seen = new Set<Element>();
  for (const link of safeQueryAll(el, LINK)) {
    let c = link.parentElement;
    for (let i = 0; c && c !== el && i < MODULE_CLIMB; i++, c = c.parentElement) {
      if (seen.has(c)) continue;
      seen.add(c);
      if (isCard(c) && cardTime(c)) return true;
    }
  }
  return false;
}

/** A frame is a feed when the stories of blocks found in its document hold at least this share
 * of its words: a recommendation widget drawn into a frame is its stories, a heading and a
 * vendor's credit line. (Not the blocks' share: in a frame the block may be its whole <body>.) */
const FRAME_FEED_SHARE = 0.5;

/** Anchors of a document with no article: a frame's, read by frameFeed. */
const NO_ANCHORS: ArticleAnchors = { root: null, headline: null, byline: null, container: null, images: [], footers: [], others: [], parts: [], start: null };

/**
 * Whether `frame` loads a document of another origin, which the page cannot read: neither
 * watched nor read. Reading such a frame's initial document while it navigates cost 11–36 ms
 * at a time (hk-ihp-tocas-blob-frame-foryou-offhost-strip.html's off-host strip and video, in
 * the detection's pass over the page's frames). A blob: URL of the page's origin is its own.
 */
export function foreignFrame(frame: Element): boolean {
  const src = frame.getAttribute('src')?.trim().replace(/^blob:/i, '');
  if (!src || frame.hasAttribute('srcdoc') || /^about:/i.test(src)) return false;
  // Compared as text: a URL object costs about half a millisecond in a fresh script world.
  const loc = frame.ownerDocument.location;
  if (src.startsWith('//')) return !`${src}/`.startsWith(`//${loc?.host}/`);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(src)) return false;
  return !`${src}/`.toLowerCase().startsWith(`${loc?.origin}/`.toLowerCase());
}

/** The document of a frame, when the page may read it (its own origin); null otherwise. */
export function frameDocument(frame: Element): Document | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
}

/** The characters of `el`'s text without white space and without what never shows: a frame's
 * scripts and styles (tw-podium-halfmoon-srcdoc-frame-feed-rail.html's height reporter). */
function shownChars(el: Element): number {
  const unseen = safeQueryAll(el, 'script, style, template, noscript');
  return squeeze(el.textContent).length - unseen.reduce((n, u) => n + squeeze(u.textContent).length, 0);
}

/**
 * A feed drawn into a frame of the page's own origin (`about:blank` written by a script,
 * `srcdoc`, a `blob:` URL): the page sees only the `<iframe>`, and the widget's heading and stories are in
 * the frame's document (jp-meteor-blaze-basscss-docwrite-iframe-recs.html's あなたへのおすすめ).
 * Its blocks, found in that document as in the page's (no article there to keep), when their
 * stories are at least MIN_CARDS and FRAME_FEED_SHARE of its words: the kind and heading of the
 * block with the most stories, and all the stories. Null for a frame of another origin (the
 * page cannot read it, nor can this), an empty one, or one that is something else (an ad's
 * creative, a player, a letter with a few stories under it).
 */
export function frameFeed(frame: Element, page: PageClass, url: string): Pick<FeedBlock, 'kind' | 'heading' | 'items'> | null {
  if (foreignFrame(frame)) return null;
  const inner = frameDocument(frame);
  const body = inner?.body;
  // Fewer links than stories, as an ad's creative or a player has: not read further. (The
  // detection's first run in a frame's document is costly: 6–16 ms on jp-meteor-blaze-basscss-
  // docwrite-iframe-recs.html's widget, against 2 ms for a second run at once. Not its
  // selectors: their first uses in a new document took 0.3–0.6 ms in all.)
  if (!inner || !body || inner.links.length < MIN_CARDS) return null;
  const text = shownChars(body);
  if (!text) return null;
  // Forced: the page is being cleaned up, whatever the frame's own document would be called.
  // The frame stands after the story or beside it (the caller's test): all of it is where feeds
  // stand, as if the story ended at its <head>.
  const article = { ...NO_ANCHORS, start: inner.head };
  const found = detectFeed(inner, url, { scope: { roots: [body], page, article }, inFrame: true, force: true }).blocks;
  const items = found.flatMap((b) => b.items);
  const words = outermost(items).reduce((n, i) => n + shownChars(i), 0);
  if (items.length < MIN_CARDS || words < text * FRAME_FEED_SHARE) return null;
  // The kind of the block with the most stories (a stream's, not a sponsored card's among them).
  const main = found.reduce((m, b) => (b.items.length > m.items.length ? b : m));
  return { kind: main.kind, heading: main.heading, items };
}

/**
 * Find the feed blocks of a page: profile selectors, generic signals and user rules, scored,
 * never overlapping the article. Pure over the Document; the content script marks the result.
 */
export function detectFeed(doc: Document, url: string, options: DetectOptions = {}): Detection {
  const page = options.scope?.page ?? options.page ?? classifyPage(doc, url, options.quick);
  const body = doc.body;
  const profile = SITE_PROFILES.find((p) => p.id === page.profile) ?? null;
  if ((!page.isArticle && !options.force) || !body) {
    // Not an article: nothing to protect and nothing to hide, so no work on its DOM at all.
    const none: ArticleAnchors = { root: null, headline: null, byline: null, container: null, images: [], footers: [], others: [], parts: [], start: null };
    return { page, article: options.scope?.article ?? none, blocks: [], refused: [] };
  }
  const article = options.scope?.article ?? findArticle(doc, profile);
  const roots: readonly ParentNode[] = options.scope?.roots ?? [body];
  // What a climb from a card or a heading stops below: the page's <body>; in a frame's document
  // (frameFeed), its <html>, so a widget written straight into <body> is that block.
  const stop = options.inFrame ? doc.documentElement : body;
  // The title's terms serve only the related-reading test: computed when first needed.
  let termSet: Set<string> | null = null;
  const terms = () => (termSet ??= titleTerms(article.headline?.textContent ?? doc.title));

  // While the page parses: the elements the parser is still inside.
  const open = new Set(openChain(doc));
  const candidates = new Map<Element, Candidate>();
  const add = (el: Element, kind: FeedKind | null, source: Candidate['source'], feature?: FeatureName): Candidate => {
    const c = candidates.get(el) ?? { el, kind, source, features: {} };
    if (feature) c.features[feature] = WEIGHTS[feature];
    if (source === 'user') c.source = 'user';
    candidates.set(el, c);
    return c;
  };

  const refused: Element[] = [];
  for (const p of profile ? [profile] : SITE_PROFILES.filter((x) => x.hosts.test(new URL(url).hostname))) {
    // One query for all of a profile's rules (one walk of the page, not one per rule); each
    // match then takes the kind of the first rule it satisfies.
    for (const el of within(roots, p.feedBlocks.map((r) => r.selector).join(', '))) {
      const rule = p.feedBlocks.find((r) => el.matches(r.selector));
      if (!rule) continue;
      if (touchesArticle(el, article)) refused.push(el);
      else add(el, rule.kind, 'profile', 'profileSelector');
    }
  }
  const widgets = within(roots, WIDGET_SELECTORS);
  for (const el of widgets) add(el, 'sponsored', 'generic');
  const adBlocks: Element[] = [];
  for (const link of within(roots, AD_LINK)) {
    if (adBlocks.some((b) => b.contains(link)) || touchesArticle(link, article) || siteChrome(link, article.start)) continue;
    adBlocks.push(adBlock(link, (el) => touchesArticle(el, article), stop));
  }
  for (const block of adCardLists(adBlocks, article, stop)) {
    if ((labelledAd(block) || paidList(block)) && !storyGoesOn(block, article) && !storysOwn(block, article)) add(block, 'sponsored', 'generic', 'adCards');
  }
  for (const h of within(roots, HEADING_SELECTOR)) {
    const { kind, labelled } = moduleKind(h);
    const rail = !kind && railHeading(h);
    if (!kind && !rail) continue;
    // In the site's chrome, only a module of stories that names itself a feed (chromeModule).
    const chrome = siteChrome(h, article.start);
    const host = chrome && kind ? chromeModule(h, undefined, open) : null;
    if (chrome && !host) continue;
    if (touchesArticle(h, article)) continue;
    const el = climbFromHeading(h, article, host ?? stop, open);
    // A heading the climb could not leave (its module is inside the article's column, whose
    // pictures it holds) is no block: hidden alone, it would leave its list standing captionless
    // (ctvnews' "Don't Miss", moneycontrol's "most popular").
    // Nor is the heading's <header> row, its parent's heading row (bgr.com's "Picked For You"
    // over cards that are <article> elements, where the climb stops).
    if (el === h || el.tagName === 'HEADER' || (rail && followBox(el))) continue;
    if (rail) {
      // While the parser is inside it, a module whose stories so far share the story's terms is
      // related reading, as the full pass will find it (see railGuess): not hidden meanwhile
      // (us-inferno-jss-liveblog-posts-as-cards.html's "Full coverage" hid at 42 parse cuts).
      const railKind = open.has(el) && openRailRelated(el, terms) ? 'related' : 'trending';
      add(el, railKind, 'generic', 'railModule');
      // While the parser is inside it, a rail module with its first card so far stands for the
      // rows to come (us-ap-outbrain's video module painted its featured card under a slow CPU);
      // decided again once the page has parsed, as an open run is. So does its first row begun,
      // before its link (a ranking's number: us-mithril-carbon-copy-changes.html's "1"), be it a
      // list item or a row of another tag with only its number so far
      // (tw-fluent-griffel-nonlist-rows.html's `div` and `tr` rows).
      if (open.has(el) && (hasLink(el) || [...open].some((o) => el.contains(o) && (o.tagName === 'LI' || (!o.contains(h) && RANK_ONLY.test((o.textContent ?? '').trim()))))))
        add(el, railKind, 'generic', 'openRun');
    }
    // A label beside the heading names the kind where the heading's own words do not.
    // Not a card's title with the card's own "Ad" badge (an ad card in a stream of stories,
    // us-catalyst-primer-compact-times-logo-providers.html): the stream is no ad.
    else if (labelled) {
      if ((kind !== 'sponsored' || !storysOwn(el, article)) && !cardTitle(h, el)) add(el, kind, 'generic', 'headingPhrase');
    }
    else add(el, null, 'generic');
  }
  // Modules named only for assistive technology: the name is the heading (blockHeading). Over
  // added subtrees, the named module they were added to too (its rows arrive apart from it).
  const named = new Set(within(roots, NAMED_MODULE));
  for (const r of options.scope?.roots ?? []) {
    const host = r.parentElement?.closest(NAMED_MODULE);
    if (host) named.add(host);
  }
  for (const el of named) {
    // While the parser is inside it, a module so named stands for the rows to come, its first
    // begun (tw-fresh-img-heading-rolelink-cards.html's 熱門新聞 showed its rank "1", its
    // 贊助內容 its first picture; jp-django-pico-sticky-keywords-ranking-pr.html's keywords their
    // first chips); decided again once the page has parsed, as an open run is.
    const parsing = open.has(el);
    const kind = namedModule(el, parsing ? 0 : MIN_CARDS);
    if (!kind || touchesArticle(el, article)) continue;
    if (!parsing || placesLinked(el, MIN_CARDS) >= MIN_CARDS) add(el, null, 'generic');
    else {
      add(el, kind, 'generic', 'headingPhrase');
      add(el, kind, 'generic', 'openRun');
    }
  }
  // Runs of cards with no recognisable heading (renamed layouts, unknown sites): a parent whose
  // direct children repeat one signature, each with a link, some with a relative time. One walk
  // over the page that skips whole subtrees it need not read — the article's column, blocks
  // already found, the site's chrome — so the cost stays small and linear. The quick pass takes
  // it too: a labelled block elsewhere on the page says nothing about an unlabelled feed.
  const skipWalk = (el: Element) => candidates.has(el) || el === article.container || el === article.root || (isChrome(el) && siteChrome(el, article.start));
  const touches = (e: Element) => touchesArticle(e, article);
  const hosts: Element[] = [];
  const footers = options.scope ? [] : article.footers;
  // The story's tail (what follows its body in its column), but for the article element's
  // footers, which are walked as the page is (their runs need no links to other stories).
  const inTail = (el: Element) => !skipWalk(el) && !footers.includes(el);
  const tail = options.scope ? new Set<Element>() : new Set(articleTail(article).filter(inTail).flatMap((t) => walkCardParents(t, (el) => !inTail(el), hosts)));
  const cardParents = options.scope
    ? cardParentsWithin(options.scope.roots, skipWalk, hosts)
    : [...walkCardParents(body, skipWalk, hosts), ...footers.flatMap((f) => walkCardParents(f, skipWalk, hosts)), ...tail];
  for (const host of hosts) {
    if (candidates.has(host) || !runPlace(host, article.start, touches)) continue;
    const feed = shadowFeed(host, open.has(host));
    if (feed === 'run') add(host, null, 'generic');
    else if (feed === 'open') add(host, null, 'generic', 'openRun');
  }
  for (const el of cardParents) {
    if (candidates.has(el)) continue;
    // Rows of a ranking with no links are taken only under a caption that names a feed.
    const cards = placedRun(el, runStart(el, article), touches, true, open);
    if (!cards) {
      // Rows a script has still to fill, under a caption that names a feed: an ad strip's grey
      // placeholders under its 贊助內容 before the ads load (tw-layui-flow-feed-inside-article-div.html).
      const rows = el.childElementCount >= MIN_CARDS ? emptyRows(el) : null;
      const block = rows && runPlace(el, article.start, touches) ? runBlock(el, article, stop) : null;
      const caption = block && runCaption(block, rows!);
      if (caption) add(block!, caption.kind, 'generic', 'headingPhrase').heading = caption.text;
      // With no caption yet, in a module the page says is loading (aria-busy), where feeds stand:
      // hidden until it is filled. Not without that word from the page: empty rows alone may
      // be anything's (a rail's slots, a gallery's), and are nothing a reader reads meanwhile.
      else if (block && !tail.has(el) && !candidates.has(block) && loading(block)) add(block, null, 'generic', 'placeholderRows');
      continue;
    }
    if (tail.has(el) && !storyLinked(cards)) continue;
    const block = runBlock(el, article, stop);
    // (A ranking's link-less rows are no cards: runCard tells the two kinds of run apart.)
    if (runCard(cards[0]!) && feedRun(el, cards)) add(block, null, 'generic');
    else {
      // A run with no times under a caption that names a feed but is no heading element (a
      // card header's <span>Trending</span>, us-sports-mui-continuous-next-article.html).
      const caption = runCaption(block, cards);
      if (caption) add(block, caption.kind, 'generic', 'headingPhrase').heading = caption.text;
    }
  }
  // While the page parses, the first cards of such a run, before the rest of it arrives (a
  // network stall mid-feed leaves the page idle, so the full pass can run before the rest too).
  // Modules found already that the parser is in, captioned by their headings: what holds one
  // is no run, the module is the block (tw-sports-quasar-roleheading-split-h1cards.html's
  // 運動熱門 strip above the story, its "過去24小時" read as a card's time, made its <main> and
  // the page's container runs of one card, which would hold the story to come; its own cards
  // showed at parse cuts). A card found already (a paid one) is one of its run's cards, not such
  // a module. (Read once: blocks the loop adds hold the element they were found from, never
  // one inside it.)
  const openModules = open.size ? [...candidates.keys()].filter((k) => open.has(k) && captioned(k)) : [];
  for (const el of open) {
    if (candidates.has(el)) continue;
    if (openModules.some((k) => k !== el && el.contains(k))) continue;
    if (openRun(el, article.start, touches, open)) {
      const block = runBlock(el, article, stop);
      if (!openRelated(block, el, terms)) add(block, null, 'generic', 'openRun');
    } else if (openPlaceholders(el) && runPlace(el, article.start, touches)) {
      const block = runBlock(el, article, stop);
      if (!candidates.has(block)) {
        add(block, null, 'generic', 'placeholderRows');
        add(block, null, 'generic', 'openRun');
      }
    } else {
      const rows = openRanking(el, open);
      const block = rows && runPlace(el, article.start, touches) ? runBlock(el, article, stop) : null;
      const caption = block && runCaption(block, rows!);
      if (caption) {
        add(block!, caption.kind, 'generic', 'headingPhrase').heading = caption.text;
        add(block!, caption.kind, 'generic', 'openRun');
      }
    }
  }
  for (const rule of options.userRules ?? []) {
    if (rule.kind === 'selector') {
      for (const el of within(roots, rule.value)) if (!touchesArticle(el, article)) add(el, 'recommended', 'user');
    } else {
      for (const h of within(roots, `${HEADING_SELECTOR}, strong, b, span, div, p`)) {
        if (h.children.length > 1 || normaliseHeading(h.textContent ?? '') !== rule.value.trim()) continue;
        if (touchesArticle(h, article)) continue;
        add(climbFromHeading(h, article, stop), 'recommended', 'user');
      }
    }
  }

  const scored: FeedBlock[] = [];
  for (const c of candidates.values()) {
    if (touchesArticle(c.el, article)) continue;
    const b = scoreCandidate(c, article, ITEM_SELECTORS, terms, options.quick ?? false, options.scope ? null : widgets, open);
    if (b.source === 'user' || b.score >= HIDE_CONFIDENCE) scored.push(b);
  }
  if (!options.inFrame) {
    for (const frame of within(roots, 'iframe')) {
      if (touchesArticle(frame, article) || siteChrome(frame, article.start)) continue;
      const feed = frameFeed(frame, page, url);
      if (!feed) continue;
      // A block found around it by its heading outside (hk-lit-shoelace-iframe-foryou-closed-
      // shadow-rail.html's 為你推薦 over a frame), which has no stories of its own: the frame's
      // are its stories.
      const around = scored.find((b) => b.el.contains(frame));
      if (around) {
        if (!around.items.length) {
          around.items = feed.items;
          around.features.frameFeed = WEIGHTS.frameFeed;
        }
        continue;
      }
      // With the caption beside it, outside the frame (a heading over the widget).
      const el = runBlock(frame, article, body);
      if (!touchesArticle(el, article)) scored.push({ el, ...feed, score: WEIGHTS.frameFeed, features: { frameFeed: WEIGHTS.frameFeed }, source: 'generic' });
    }
  }
  // A block the generic signals found, with no heading of its own, around several modules with
  // theirs, is their container: the modules are the blocks (each named, each counted). A heading
  // it has only from the first of them is none of its own: a page builder's column of widgets,
  // each a module, is a run of like children (us-deep-builder-nested-posts-widgets.html with its
  // classes stripped, named for its related box and so kept whole, its feed with it).
  const unnested = scored.filter((b) => {
    if (b.source !== 'generic') return true;
    const inner = scored.filter((o) => o !== b && o.heading && b.el.contains(o.el));
    return inner.length < 2 || (!!b.heading && !inner.some((o) => o.heading === b.heading));
  });
  const kept = asTabModules(unnested, article);
  // Outermost blocks only: an inner block is hidden with its parent, except sponsored cards in
  // a block of another kind, which the settings may treat apart.
  const outer = kept.filter((b) => !kept.some((o) => o !== b && o.el.contains(b.el)));
  const blocks = inDocumentOrder([...outer, ...nestedSponsored(scored, outer)], (b) => b.el);
  for (const b of blocks) captionBefore(b, article, blocks);
  return { page, article, blocks, refused };
}
