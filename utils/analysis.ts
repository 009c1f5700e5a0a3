import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { classifyPage, jsonLdObjects, metaContent, type PageClass } from './page/classify';
import { HEADLINE_SELECTOR, detectFeed, squeeze } from './feed/detect';
import type { FeedKind } from './sites/types';
import { isYahooHost } from './sites';
import { detectLanguage, isCjk, type Lang } from './text/lang';
import { countCjkChars, countWords } from './text/tokens';
import { extractKeyPoints, type KeyPoint } from './keypoints';
import { extractEntities, type Entity } from './entities';
import { EnglishTaggerNeeded, englishTaggerLoaded, loadEnglishTagger } from './entities/tagger';

export interface ArticleInfo {
  title: string;
  byline: string | null;
  siteName: string | null;
  published: string | null;
  lang: Lang;
  text: string;
  paragraphs: string[];
}

export interface ArticleAnalysis {
  url: string;
  page: Pick<PageClass, 'isArticle' | 'yahooStyle' | 'profile'> & { reasons: string[] };
  feed: { blocks: Array<{ heading: string; items: number; kind: FeedKind }> };
  article: ArticleInfo | null;
  keyPoints: KeyPoint[];
  entities: Entity[];
}

export interface AnalyzeOptions {
  keyPointCount?: number | 'auto';
  /** The user asked for this page: analyse it even if it does not look like an article. */
  force?: boolean;
  /**
   * The caller made `doc` for this call alone (parsed from a snapshot's HTML) and will not read
   * it again: the pipeline cleans and extracts from it in place instead of from a clone, which
   * on the seed page is a tenth of the analysis. Never set this for a live page's document.
   */
  consume?: boolean;
}

/** What the pipeline reads from the page's own markup, taken before anything is removed. */
interface PageMeta {
  rawTitle: string | null;
  docTitle: string;
  lang: string | null;
  ld: Array<Record<string, unknown>>;
  provider: string | null;
  published: string | null;
}

function readMeta(doc: Document): PageMeta {
  const ld = jsonLdObjects(doc);
  return {
    rawTitle: metaContent(doc, 'og:title') || doc.querySelector('h1')?.textContent || null,
    docTitle: doc.title,
    lang: doc.documentElement?.getAttribute('lang') || metaContent(doc, 'og:locale'),
    ld,
    provider: providerName(doc, ld),
    published:
      ldField(ld, (o) => o.datePublished) ||
      metaContent(doc, 'article:published_time') ||
      doc.querySelector('time[datetime]')?.getAttribute('datetime') ||
      null,
  };
}

/** Site suffixes Yahoo appends to titles, in every language it ships. */
const TITLE_SUFFIX = /\s*[-|｜–—]\s*(Yahoo[!！]?\s*(奇摩)?\s*(新聞|ニュース|News|Finance|財經|股市|運動|Sports|Life|Lifestyle|電影|戲劇|名人娛樂|時尚美妝|Style)?|Yahoo!ニュース)\s*$/i;
/** Paragraphs that are ad spacers, not text: Readability's list has 广告 but not 廣告. */
const SPACER = /^(廣告|广告|広告|advertisement|ad|sponsored|贊助|スポンサーリンク|pr)$/i;
/** Inline ad slots and toasts of the current Yahoo layout (yahoo-markup.md). */
/** The element around a `<video>` or `<audio>` with no paragraph, heading or caption in it
 * holds at most this much text: the player's own (see mediaPlayer). */
const PLAYER_MAX_CHARS = 400;
const PLAYER_STOP = 'p, figcaption, h1, h2, h3, h4, h5, h6, li, blockquote';

/**
 * A media player in the story: its loading notice, its controls' labels, its clock ("Video
 * Player is loading.", "Current Time 0:00", "Duration 1:42" of a Video.js player) would read as
 * paragraphs of the article. The widest element around the media that holds no paragraph,
 * heading or caption and little text: its caption, beside it, stays.
 */
function mediaPlayer(media: Element, stop: Element): Element {
  let el = media;
  for (let p = media.parentElement; p && p !== stop && !p.querySelector(PLAYER_STOP) && (p.textContent ?? '').trim().length <= PLAYER_MAX_CHARS; p = p.parentElement) el = p;
  return el;
}

const AD_SLOTS = '[id^="sda-"], .bg-toast-background, [class^="bg-card-"]:has(> [id^="sda-"]), ins.adsbygoogle, [id^="google_ads"], [data-ad-slot]';
/** Text an ad break may carry around its slot ("Story continues below", "Advertisement"). */
const AD_BREAK_MAX_CHARS = 60;

/** An ad slot with the labels around it: its ancestors while they hold no paragraph and only a
 * label's worth of text (sg-en-block-link-cards.html's "Story continues below · Advertisement"). */
function adBreak(slot: Element): Element {
  let el = slot;
  for (let p = el.parentElement; p && !p.querySelector('p, h1') && (p.textContent ?? '').trim().length <= AD_BREAK_MAX_CHARS; p = p.parentElement) el = p;
  return el;
}

/** Text blocks Readability's HTML is split into. */
const TEXT_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dt, dd, th, td, caption';
/** Containers whose own loose text forms a paragraph. */
const LOOSE_BLOCKS = 'div, section, article, main, body, header, footer, aside, table, ul, ol, dl, figure';
/** A figure that plays a video (player markup, embeds): its caption may summarise the story. */
const VIDEO_MARKERS = 'video, iframe, object, embed, [class*="video" i], [class*="player" i]';
/**
 * A video caption this long is prose (a summary of the story, as news sites write under a lead
 * video) rather than a label; shorter ones ("Media captionWho is Julian Assange?") stay out.
 */
const MIN_VIDEO_CAPTION_WORDS = 20;
const MIN_VIDEO_CAPTION_CJK_CHARS = 40;
/** Parts of a byline line that are not its words (see the byline in analyzeDocument). */
const BYLINE_NOISE = 'time, svg, button, script, style, template, [hidden], [aria-hidden="true"]';
/** A byline line is short; anything longer may be a paragraph and stays. */
const BYLINE_MAX_CHARS = 160;
/** Controls, not prose, whatever their words: a vertical story's toolbar ("縦書きで表示しています。
 * 左へスクロールして読み進めてください" beside its font-size buttons, jp-mt-flocss-tategaki-colophon-
 * feeds.html) would otherwise be the first key points. */
const UI_WIDGETS = '[role="toolbar"], [role="menubar"], [role="progressbar"], [role="slider"]';
/** Ceiling on extracted text: a hostile or broken page cannot make the popup hang. */
const MAX_TEXT_CHARS = 400_000;
/**
 * Text given to key points and entities: about twelve times the seed article
 * (the seed is ~2,500 characters; a 10× article still fits whole). Past it, a news lead prior
 * has long stopped favouring anything, and the 2 MB stress page stays under a second.
 */
const MAX_ANALYSED_CHARS = 30_000;

/** "文／陳映璇 ・ ・ 4 分鐘 閱讀時間" → "文／陳映璇": reading times and separators are not a byline
 * ("3 分鐘睇完", Cantonese for "3 minutes to read", neither). */
export function cleanByline(text: string): string | null {
  const t = text
    .replace(/\d+\s*(分鐘|分钟|分)\s*(閱讀時間|阅读时间|で読めます|閱讀|阅读|睇完|讀完|读完)?|\d+\s*min(ute)?s?\s*read/gi, ' ')
    .replace(/[・·•|｜]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return t || null;
}

/** The provider (JSON-LD provider/publisher, else og:site_name): "三立新聞網 setn.com". */
function providerName(doc: Document, ld: ReadonlyArray<Record<string, unknown>>): string | null {
  return ldField(ld, (o) => nameOf(o.provider) ?? nameOf(o.publisher)) || metaContent(doc, 'og:site_name');
}

/** A label in brackets naming Yahoo's own series after a title: "…（Yahoo!ニュース オリジナル 特集）". */
const YAHOO_LABEL_SUFFIX = /\s*[（(][^（）()]*Yahoo[^（）()]*[）)]\s*$/i;

export function stripSiteSuffix(title: string): string {
  return title.replace(TITLE_SUFFIX, '').replace(YAHOO_LABEL_SUFFIX, '').trim();
}

/** The first non-empty string a JSON-LD object yields for `pick`. */
/** Characters of two titles compared (sites append their name, or shorten one of them). */
const TITLE_MATCH_CHARS = 12;

/** Whether two titles name one story: the start of either is in the other, spaces aside. */
function sameTitle(a: string, b: string): boolean {
  const x = squeeze(a);
  const y = squeeze(b);
  return !!x && !!y && (x.includes(y.slice(0, TITLE_MATCH_CHARS)) || y.includes(x.slice(0, TITLE_MATCH_CHARS)));
}

function ldField(ld: ReadonlyArray<Record<string, unknown>>, pick: (o: Record<string, unknown>) => unknown): string | null {
  for (const o of ld) {
    const v = pick(o);
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return null;
}

const nameOf = (v: unknown): unknown =>
  Array.isArray(v) ? nameOf(v[0]) : v && typeof v === 'object' ? (v as Record<string, unknown>).name : v;

/**
 * Captions of figures that play a video, found before Readability runs: it removes the player
 * markup but keeps the caption element itself, so the set still recognises it in the article.
 */
function videoCaptions(doc: Document): WeakSet<Element> {
  const out = new WeakSet<Element>();
  for (const caption of Array.from(doc.querySelectorAll('figure figcaption'))) {
    if (caption.closest('figure')?.querySelector(VIDEO_MARKERS)) out.add(caption);
  }
  return out;
}

/**
 * Photo captions are not article text, but the prose caption of a video with no image (a summary
 * of the story under the lead video) is: the benchmark's nbcdfw.com page lost its opening
 * sentences to the caption rule, the one page where this pipeline did worse than Readability.
 */
function isStoryCaption(caption: Element, video: WeakSet<Element>): boolean {
  if (!video.has(caption) || caption.closest('figure')?.querySelector('img, picture')) return false;
  const text = caption.textContent ?? '';
  return countWords(text) >= MIN_VIDEO_CAPTION_WORDS || countCjkChars(text) >= MIN_VIDEO_CAPTION_CJK_CHARS;
}

/**
 * Readability's HTML as paragraphs, in reading order: the text of each block element, and loose
 * text (bare text in a <section>, an <em> intro) as paragraphs of its own. A new paragraph
 * starts whenever the enclosing block changes.
 */
function blockParagraphs(root: Node, video: WeakSet<Element>): { paragraphs: string[]; headings: number[] } {
  const out: string[] = [];
  const headings: number[] = [];
  let current: Element | null = null;
  let buf = '';
  const flush = () => {
    const t = buf.replace(/\s+/g, ' ').trim();
    if (t && !SPACER.test(t)) {
      if (current?.matches('h1, h2, h3, h4, h5, h6')) headings.push(out.length);
      out.push(t);
    }
    buf = '';
  };
  const owner = root.ownerDocument ?? (root as Document);
  const walker = owner.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const captions = new Map<Element, boolean>();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || parent.closest('script, style, noscript')) continue;
    const caption = parent.closest('figcaption');
    if (caption) {
      let keep = captions.get(caption);
      if (keep === undefined) captions.set(caption, (keep = isStoryCaption(caption, video)));
      if (!keep) continue;
    }
    const block = parent.closest(TEXT_BLOCKS) ?? parent.closest(LOOSE_BLOCKS);
    if (block !== current) {
      flush();
      current = block;
    }
    buf += n.nodeValue ?? '';
  }
  flush();
  return { paragraphs: out, headings };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** A byline line's words: not its date, nor what a reader never reads in it (an avatar's drawn
 * initial, the share buttons, a hidden "link copied" notice:
 * hk-petite-arco-cantonese-headings-river.html); null if none is left. */
function bylineWords(line: Element): string | null {
  const copy = line.cloneNode(true) as Element;
  for (const t of Array.from(copy.querySelectorAll(BYLINE_NOISE))) t.remove();
  return cleanByline(copy.textContent ?? '');
}

/**
 * The line a byline sits in: its parent, widened while the text stays a byline's (no headline,
 * no paragraph, under BYLINE_MAX_CHARS). The author's link and the provider-and-time line are
 * often siblings (au-2026-next-story.html: "Yahoo News Australia · Sat 28 November 2026 at
 * 9:15 am · 3-min read" beside the author), and the second is no paragraph of the story.
 */
function bylineLineOf(byline: Element): Element | null {
  let line = byline.parentElement;
  for (let p = line?.parentElement; line && p && p !== p.ownerDocument.body; p = p.parentElement) {
    if (p.querySelector('h1, p, article') || (p.textContent ?? '').length >= BYLINE_MAX_CHARS) break;
    line = p;
  }
  return line;
}

/**
 * The whole pipeline, as its stages: classify → remove feed/rails/ads from a clone → extract →
 * language → sentences → key points → entities. Pure: no extension APIs.
 */
export function analyzeDocument(doc: Document, url: string, options: AnalyzeOptions = {}): ArticleAnalysis {
  // 1. classify
  const page = classifyPage(doc, url);
  // The page's own title, language and dates, read before any cleaning (Readability moves and
  // removes nodes, JSON-LD scripts among them).
  const meta = readMeta(doc);
  // 2. remove feed, rails and ads from a clone (the live page is never touched)
  const clone = options.consume ? doc : (doc.cloneNode(true) as Document);
  const detection = detectFeed(clone, url, { force: true, page });
  const feed = {
    blocks: detection.blocks.map((b) => ({ heading: b.heading, items: Math.max(b.items.length, 1), kind: b.kind })),
  };
  // With several articles on the page, the page's metadata (og:title, JSON-LD) still describes
  // the first one; after in-site navigation a page may leave its JSON-LD as it was. Then the
  // current article's title, author and date are its own headline's and byline's.
  const headline = detection.article.headline;
  const several = detection.article.others.length > 0 && !!headline;
  const ldHeadline = ldField(meta.ld, (o) => o.headline);
  // Stale: the page's title has moved on to the headline, the JSON-LD has not (a site whose
  // JSON-LD headline differs from its h1 for search engines keeps the two titles alike).
  const staleLd = !!headline && !!ldHeadline && sameTitle(meta.docTitle, headline.textContent ?? '') && !sameTitle(ldHeadline, meta.docTitle);
  const own = several || staleLd
    ? {
        title: several ? (headline?.textContent ?? null) : null,
        published: detection.article.container?.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
      }
    : null;
  for (const b of detection.blocks) b.el.remove();
  // Another article on the page (the next one, appended in place as the reader scrolled on) is
  // not the one the URL and title now name: Readability would take the first of them.
  for (const el of detection.article.others) el.remove();
  // On a known layout, and on any Yahoo page (a layout no profile knows yet, au-2026-next-
  // story.html), breadcrumbs and the byline line are not the article's text: the byline line in
  // its column, navigation anywhere (a breadcrumb above the story, a footer's links, a
  // previous/next link: Readability took them in when it chose a wide column). Elsewhere
  // Readability's own byline handling is better: removing a blog's date line made it choose the
  // comments instead (benchmark page ac3c0355…, givewell.org).
  const { container, byline } = detection.article;
  const known = page.profile !== null || isYahooHost(hostOf(url));
  // One walk of the clone for both: controls everywhere, navigation on a Yahoo page.
  for (const el of Array.from(clone.querySelectorAll(known ? `nav, [aria-label="breadcrumb"], ${UI_WIDGETS}` : UI_WIDGETS))) el.remove();
  const bylineLine = known && byline ? bylineLineOf(byline) : null;
  let bylineText: string | null = null;
  if (bylineLine && (bylineLine.textContent ?? '').length < BYLINE_MAX_CHARS && !bylineLine.querySelector('p')) {
    // A line of the date and reading time only (the byline found was its <time>) names no one:
    // the lines around it are read with it, while they are a byline's (hk-marko-bulma-continuous-next.html:
    // "Yahoo新聞 ・ 記者 鄭綺文" above "<time> ・ 2 分鐘閱讀", each its own <p>).
    for (let line: Element | null = bylineLine; line && line !== clone.body; line = line.parentElement) {
      if (line !== bylineLine && (line.querySelector('h1, article') || (line.textContent ?? '').length >= BYLINE_MAX_CHARS)) break;
      bylineText = bylineWords(line);
      if (bylineText) {
        line.remove();
        break;
      }
    }
    if (!bylineText) bylineLine.remove();
  }
  // On a Yahoo page, headlines outside the body: the story's own (its title is read apart; a
  // headline that is no h1, a div with role="heading", would otherwise open the text and its key
  // points), a logo's, a section's; and what precedes the headline in the article's column: a
  // kicker, the provider's name (my-preact-goober-split-body-related-lookalike.html's "Yahoo
  // News Malaysia", whose body parts have the whole column for their container). Not elsewhere:
  // on the extraction benchmark it cost two pages their text (F1 0.956 to 0.951).
  const root = detection.article.root;
  if (known && root && headline && !root.contains(headline)) {
    for (let a: Element | null = headline; container && a && a !== container; a = a.parentElement) {
      for (let sib = a.previousElementSibling; sib; sib = sib.previousElementSibling) if (!sib.contains(root)) sib.remove();
    }
    for (const h of Array.from(clone.querySelectorAll(HEADLINE_SELECTOR))) if (!root.contains(h) && !h.contains(root)) h.remove();
  }
  for (const el of Array.from(clone.querySelectorAll(AD_SLOTS))) adBreak(el).remove();
  // The media element itself stays (a video's figure keeps its prose caption: see below).
  for (const media of Array.from(clone.querySelectorAll('video, audio'))) {
    const player = mediaPlayer(media, clone.body);
    if (player !== media) player.replaceWith(media);
  }
  for (const el of Array.from(clone.querySelectorAll('p, div'))) {
    if (!el.children.length && SPACER.test((el.textContent ?? '').trim())) el.remove();
  }
  const base = {
    url,
    page: { isArticle: page.isArticle, yahooStyle: page.yahooStyle, profile: page.profile, reasons: page.reasons },
    feed,
  };
  // On Yahoo the classification is trusted (a home page's stream is readable but not an
  // article); elsewhere Readability's own test is the fallback.
  const readable = page.isArticle || options.force || (!page.yahooStyle && isProbablyReaderable(clone));
  if (!readable) return { ...base, page: { ...base.page, isArticle: false }, article: null, keyPoints: [], entities: [] };

  // 3. extract
  // Readability's default threshold: a lower one accepts cookie notices as the article.
  // The article element itself rather than its HTML: serialising it and parsing that again only to
  // walk the same tree cost more than a tenth of the analysis. It lives in the clone (a document
  // without a browsing context), so nothing in it runs or loads. Only its text is read, so
  // Readability need not strip class attributes from it (keepClasses: a pass over every element).
  const video = videoCaptions(clone);
  const parsed = new Readability<Node>(clone, { serializer: (node) => node, keepClasses: true }).parse();
  if (!parsed?.content?.firstChild) return { ...base, page: { ...base.page, isArticle: false }, article: null, keyPoints: [], entities: [] };
  const blocks = blockParagraphs(parsed.content, video);
  let total = 0;
  const paragraphs = blocks.paragraphs.filter((p) => (total += p.length) <= MAX_TEXT_CHARS);
  const headings = blocks.headings.filter((i) => i < paragraphs.length);
  const rawTitle = own?.title || meta.rawTitle || parsed.title || meta.docTitle || '';
  let title = stripSiteSuffix(rawTitle.replace(/\s+/g, ' ').trim());
  const text = paragraphs.join('\n');
  // 4. language
  const lang = detectLanguage(`${title}\n${text.slice(0, 5_000)}`, meta.lang);
  const { ld, provider } = meta;
  // With several articles, the current one's own byline line is the surest; Readability's byline
  // may be a dateline in the text ("記者王思涵台北24日電").
  const author = own ? bylineText || parsed.byline?.trim() || null : ldField(ld, (o) => nameOf(o.author)) || parsed.byline?.trim() || bylineText;
  // Yahoo! JAPAN appends the source: "…政府も補助検討（毎朝経済新聞）".
  for (const source of [author, provider]) {
    if (source && title.endsWith(`（${source}）`)) title = title.slice(0, -(source.length + 2)).trim();
  }
  const article: ArticleInfo = {
    title,
    byline: author,
    siteName: provider || parsed.siteName || null,
    published: (own ? own.published : meta.published) || parsed.publishedTime || null,
    lang,
    text,
    paragraphs,
  };
  // 5–7. sentences, key points, entities
  let budget = 0;
  const analysed = paragraphs.filter((p) => (budget += p.length) <= MAX_ANALYSED_CHARS);
  if (!analysed.length && paragraphs[0]) analysed.push(paragraphs[0].slice(0, MAX_ANALYSED_CHARS));
  const keyPoints = extractKeyPoints({ title, paragraphs: analysed, lang, headings }, { count: options.keyPointCount ?? 'auto' });
  const entities = extractEntities({ title, paragraphs: analysed, lang });
  return { ...base, page: { ...base.page, isArticle: true }, article, keyPoints, entities };
}

export { EnglishTaggerNeeded, loadEnglishTagger };

/**
 * A snapshot's HTML, parsed for this call and analysed. English (and other non-CJK) articles
 * need compromise, which loads the first time one does: the page is then analysed again, once
 * per session. Chinese and Japanese pages never load it.
 */
export async function analyzeHtml(html: string, url: string, options: Omit<AnalyzeOptions, 'consume'> = {}): Promise<ArticleAnalysis> {
  const parse = () => new DOMParser().parseFromString(html, 'text/html');
  const doc = parse();
  // An English page would otherwise be analysed twice the first time (once to find out it
  // needs compromise): its title and description say so first. A wrong guess costs only the
  // load (a CJK page) or the second run (an English page the guess missed).
  if (!englishTaggerLoaded() && !isCjk(detectLanguage(`${doc.title}\n${metaContent(doc, 'og:description') ?? metaContent(doc, 'description') ?? ''}`, doc.documentElement?.getAttribute('lang')))) {
    await loadEnglishTagger();
  }
  try {
    return analyzeDocument(doc, url, { ...options, consume: true });
  } catch (e) {
    if (!(e instanceof EnglishTaggerNeeded)) throw e;
  }
  await loadEnglishTagger();
  return analyzeDocument(parse(), url, { ...options, consume: true });
}
