import type { FeedKind } from '../sites/types';
import { EN_MONTHS } from '../text/months';

/**
 * Generic signals of a recommendation feed, readable like Readability's REGEXPS: every weight
 * and threshold is named here, with the reason for it. Sources: ../shared/notes/yahoo-markup.md.
 */

/**
 * Heading phrases, matched against a block heading's whole (normalised, lower-cased) text:
 * exact phrases in zh-Hant, zh-Hans, ja and en, and a few open-ended English prefixes ("More
 * from Reuters"). Exact phrases are looked up in a Map: the content script asks about every
 * heading of the page before it paints, and a lookup costs nothing to compile.
 */
export const HEADING_PHRASES: ReadonlyArray<{ kind: FeedKind; exact: readonly string[]; prefixes?: readonly string[]; suffixes?: readonly string[] }> = [
  // Unrelated feeds.
  {
    kind: 'recommended',
    exact: [
      '其他人也在看', '看更多新聞', '看更多新闻', '你可能錯過', '你可能错过', '你可能也喜歡', '你可能會喜歡', '你可能也會喜歡', '大家都在看', '推薦閱讀', '推薦新聞', '更多新聞', '猜你喜歡', '為你推薦', '編輯精選', '编辑精选',
      // Editors' picks of other stories (Yahoo HK: 編輯推介).
      '編輯推介', '编辑推介', '編輯推薦', '编辑推荐', '小編推介',
      '为你推荐', '热门推荐', '猜你喜欢', '你可能也喜欢', '推荐阅读', '更多新闻',
      // "Picked for you" (Yahoo HK's 為您精選, round 36), in both scripts and both forms of "you".
      '為您精選', '為你精選', '为您精选', '为你精选', '為您推薦', '为您推荐',
      // The same with Hong Kong's 推介 for "recommend" (round 38).
      '為你推介', '為您推介', '为你推介', '为您推介',
      '新着ニュース', '新着記事', 'ライブ配信中', '注目の動画', 'おすすめ', 'あわせて読みたい', 'おすすめ記事', 'こちらもおすすめ', 'あなたへのおすすめ', 'あなたにおすすめ', 'こちらもどうぞ', 'この記事を読んだ人はこんな記事も',
      'recommended', 'recommended stories', 'recommended for you', 'recommended articles', 'recommended reading', 'for you', 'stories for you', 'picked for you',
      "editor's picks", 'editors’ picks', "editors' picks", 'you may like', 'you may also like', 'you might like', 'you might also like', 'read next', 'what to read next', 'up next',
      "don't miss", 'don’t miss',
      // A panel of other stories the page opens as the reader leaves or reaches the end.
      'before you go',
      'more from', 'more stories', 'more top stories', 'latest', 'latest news', 'latest stories', 'stories you may have missed', 'around the web', 'from our partners',
      // 其他人也在看 in English (Yahoo SG/UK/AU and many other sites).
      'people also read', 'other people also read', 'others also read', 'people are also reading', 'what others are reading',
      // Yahoo Actualités Canada (fr-ca).
      'autres nouvelles', 'plus de nouvelles', 'recommandé pour vous', 'recommandés pour vous', 'vous aimerez aussi', 'vous aimerez peut-être', 'à découvrir', 'nos suggestions',
    ],
    prefixes: ['more from ', 'plus de '],
    // 提供元の他の記事, 〇〇新聞の他の記事: "more from" the provider, in Japanese at the end.
    suffixes: ['の他の記事'],
  },
  {
    kind: 'trending',
    exact: [
      // (熱門…, 人氣…, 热门…, trending …, …ランキング and …排行榜: see prefixes and suffixes.)
      '即時熱門', '最多人看', '熱搜', 'トピックス', '主要トピックス',
      // A strip of the latest headlines (Yahoo HK's 即時), above or beside the story.
      '即時', '即時新聞', '即时', '即时新闻', '速報', 'ニュース速報',
      // Yahoo! JAPAN's editors' list of the day's news, beside or below the story.
      '注目のニュース', '注目ニュース', '注目の記事', '注目の話題', '話題のトピックス', '話題のニュース', '人気の記事', '人気のニュース', '主要ニュース',
      // A strip of search terms: 話題のキーワード, 急上昇ワード; 热搜 in Simplified Chinese.
      '話題のキーワード', '急上昇ワード', '急上昇キーワード', 'トレンドキーワード', '热搜', '熱搜榜', '热搜榜',
      'trending', 'most popular', 'most read', 'most watched', 'most viewed', 'popular', 'popular now', 'popular stories', 'top stories', 'top stories now',
      'tendances', 'populaire', 'les plus populaires', 'les plus lus', 'les plus consultés', 'à la une',
    ],
    // "Trending tickers" (Yahoo Finance), "Trending on Yahoo", "Trending in Sports": a heading
    // that opens with the word names a trending rail whatever follows.
    // 熱門圖輯, 熱門影音, 人氣排行: in Chinese the word opens the heading.
    // 注目のエキスパート記事, 注目の特集: Yahoo! JAPAN's "featured …", whatever follows.
    prefixes: ['trending ', 'tendances ', '熱門', '热门', '人氣', '人气', '注目の'],
    // ニュースランキング, コメントランキング, 新聞排行榜: a heading that ends in the word.
    // このカテゴリの人気記事, 人気ニュース: popular stories, in Japanese at the end.
    // 運動熱門, 娛樂熱門: a section's trending stories, the word after the section's name.
    suffixes: ['ランキング', '排行榜', '人気記事', '人気ニュース', '熱門', '热门'],
  },
  {
    kind: 'sponsored',
    exact: [
      '贊助', '贊助內容', '廣告', '広告', 'スポンサーリンク', 'sponsored', 'sponsored content', 'sponsored stories', 'promoted', 'promoted stories', 'pr', 'ad', 'advertisement',
      // Other labels of paid-for content: 推廣 ("promotion") beside a native ad, in Simplified
      // Chinese too; Japanese プロモーション; "paid post", "partner content" in English.
      '推廣', '推广', '广告', '赞助', '赞助内容', '贊助商', '赞助商', 'プロモーション', 'paid content', 'paid post', 'paid partnership', 'partner content',
      'commandité', 'contenu commandité', 'liens commandités', 'contenu sponsorisé', 'publicité',
    ],
  },
  {
    kind: 'related',
    exact: [
      '相關新聞', '相關文章', '延伸閱讀', '相关新闻', '相关文章', '延伸阅读', '関連記事', '関連ニュース',
      'related', 'related stories', 'related articles', 'related coverage', 'related news', 'more on this story',
      // "Read also": on French pages a list that continues the story, kept as such.
      'à lire aussi', 'lire aussi', 'sur le même sujet', 'articles connexes',
    ],
    // 相關股票 (a finance article's stocks), 相關影片; "Related quotes", "Related video".
    prefixes: ['read more about ', 'related ', '相關', '相关'],
    // この動画の関連記事 ("articles related to this video"), 事件の関連ニュース.
    suffixes: ['関連記事', '関連ニュース'],
  },
];

const EXACT_PHRASES = new Map<string, FeedKind>(HEADING_PHRASES.flatMap((h) => h.exact.map((p) => [p, h.kind] as const)));

/** Third-party recommendation widgets: always sponsored, whatever their heading says. */
export const WIDGET_SELECTORS = [
  '.trc_related_container',
  '.trc_rbox',
  '[data-taboola-options]',
  '[id^="taboola-"]',
  '.OUTBRAIN',
  // Outbrain's embed attributes (data-src is the page, data-widget-id the unit): they outlast
  // a page's own class names.
  '[data-widget-id][data-src]',
  '[data-ob-template]',
  '.ob-widget-header',
  // An Outbrain unit itself, where its header is one of its parts (us-amp-news-list-embeds.html).
  '.ob-widget',
  // AMP's element for an ad network's or a recommendation vendor's unit, whatever it renders
  // inside (on AMP pages that is an iframe; the type attribute names the vendor).
  'amp-embed',
  '.ob-smartfeed-wrapper',
  '#_popIn_recommend',
  '.uz-ny',
].join(',');

/** Class/id words of recommendation modules ("more" is left out: too many false positives). */
export const CLASS_WORDS =
  /(related|recommend|popular|trending|readnext|read-next|recirc|similar|next-article|most-read|mostread|smartfeed|stream|you-might-like|ymal)/i;

/** Yahoo's syndicated-module plumbing: weak evidence, never enough alone. */
export const YAHOO_MODULE_ATTRS = ['data-ylk', 'data-i13n-sec', 'data-wf-beacons', 'data-test-locator'];

/** "三立新聞網 setn.com ・ 3 小時前", "共同通信 ・ 2時間前", "Reuters · 3h ago"; and Yahoo! JAPAN's
 * card stamp "11/28(土) 16:21", which its story cards carry instead of a relative time. */
export const RELATIVE_TIME =
  /(\d{1,2}\/\d{1,2}\s*[(（][日月火水木金土][)）]\s*\d{1,2}:\d{2}|\d+\s*(分鐘|小時|天|週|个?小时|分钟|天)前|\d+\s*(分|時間|日)前|(\d+|an?)\s*(min|mins|minutes?|h|hrs?|hours?|d|days?)\s*ago|\d+\s*m\s*ago\b|昨天|前天|yesterday|il y a \d+\s*(min|minutes?|h|heures?|j|jours?)|\bhier\b)/i;

/** A month's name in English, full or cut short ("Nov", "Sept.", "November"). */
const MONTH = `(?:${EN_MONTHS})`;

/** A card's date with its time of day, where a card shows no relative time: "Sat, 28 November
 * 2026 at 4:12 pm SGT", "Nov 28, 2026, 9:05 AM", "28/11/2026 16:12", "2026-11-28 16:12",
 * "11月28日 下午4:12" (sg-hugo-bootstrap-absolute-times.html's stream). The time of day keeps out
 * lists of dated sources or archives ("Nov 28, 2026" alone), which are no news of the hour. */
export const CARD_DATE = new RegExp(
  [
    `\\b\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?,?\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}\\b`,
    `\\b${MONTH}\\s+\\d{1,2}(?:,?\\s+\\d{4})?,?\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}\\b`,
    '\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4},?\\s+\\d{1,2}:\\d{2}\\b',
    '\\b\\d{4}[/.-]\\d{1,2}[/.-]\\d{1,2}[\\sT]+\\d{1,2}:\\d{2}\\b',
    '\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*(?:[(（][^)）]{1,3}[)）])?\\s*(?:上午|下午|午前|午後)?\\s*\\d{1,2}[:：時]\\d{2}',
  ].join('|'),
  'i',
);

/**
 * A card's time in a short form, the whole text of one element of it: "3h", "45m", "· 5 hr",
 * "Updated 12 min", "just now", "Yesterday", "Today at 9:41 AM", "剛剛", "3分鐘", "2 小時",
 * "今天 14:05", "昨天 18:30", "11/28 16:05", "たった今", "1時間", "昨日 18:30", "11/28(土)"
 * (us-catalyst-primer-compact-times-logo-providers.html, tw-tdesign-uuid-tiles-compact-times.html,
 * jp-wicket-mochi-split-recs-comment-teaser.html). Alone in its element, not inside a title's
 * words ("a 3h drive", "1時間待ち").
 */
export const SHORT_TIME = new RegExp(
  '^(?:(?:updated|更新)\\s*)?[·・•|]?\\s*(?:' +
    [
      '\\d{1,3}\\s*(?:s|m|min|mins|h|hr|hrs|d|w|mo)',
      '\\d{1,3}\\s*(?:秒|分|分鐘|分钟|小時|小时|時間|天|日|週|周)前?',
      '(?:just now|剛剛|刚刚|たった今|yesterday|昨日|昨天|前天)',
      '(?:yesterday|today|昨日|昨天|前天|今天|今日|本日),?\\s*(?:at\\s+)?\\d{1,2}[:：]\\d{2}(?:\\s*[ap]\\.?m\\.?)?',
      // A date with its weekday or its time, not a fraction or a page ("1/2").
      '\\d{1,2}\\/\\d{1,2}\\s*(?:[(（][日月火水木金土][)）]|\\d{1,2}:\\d{2})',
    ].join('|') +
    ')$',
  'i',
);
/** Longest element text read as a short time. */
export const SHORT_TIME_MAX_CHARS = 24;

/** Feature weights: a block is hidden when their sum reaches HIDE_CONFIDENCE. */
export const WEIGHTS = {
  /** The block's own heading names a feed: the strongest single signal. */
  headingPhrase: 0.55,
  /** Taboola/Outbrain/popIn: third-party widgets are never article text. */
  widget: 0.9,
  /** Links marked as paid for (rel="sponsored"), each carrying an ad's label ("PR", "廣告"),
   * and nothing else but a caption: ads in the page's own markup, with no widget's. */
  adCards: 0.6,
  /** Known site-profile selector (data file) matched. */
  profileSelector: 0.7,
  /** class/id words such as "recommend", "trending", "recirc". */
  classWords: 0.15,
  /** Three or more similar sibling cards, each with a link. */
  repeatedCards: 0.2,
  /** Those cards carry a relative time ("3 小時前", "2h ago"): a stream of other stories. */
  cardsWithTime: 0.25,
  /** Those cards are ranked, each opening with its number (1, 2, 3 …): a most-read list. */
  rankedCards: 0.25,
  /** Mostly link text. */
  linkDensity: 0.1,
  /** After the article's end, or in an aside: where feeds live, never the story. */
  position: 0.15,
  /** Yahoo's module tracking attributes. */
  yahooModule: 0.05,
  /** A module with a heading in the page's rail (an aside outside the article), whatever the
   * heading says: with repeated linked items and its place it reaches the threshold, a rail of
   * other stories or promos; a box of text does not. */
  railModule: 0.2,
  /** While the page parses: the first one or two cards of a run the parser is still inside
   * (each linked, with a relative time), standing in for the run they begin. The same evidence
   * as repeatedCards and cardsWithTime together, so a frame painted before the third card
   * arrives does not show the first two. Decided again on the whole run once it is parsed. */
  openRun: 0.45,
  /** A module's rows a script has still to fill (grey skeleton cards, no text, no link), where
   * feeds stand, with no caption yet (ph-compiled-skeleton-chunks-late-heading.html: its heading
   * a grey bar too). With its place it is hidden while empty; once filled, decided again on what
   * came (a feed stays hidden, related reading or anything else is shown). */
  placeholderRows: 0.45,
  /** A frame of the page's own origin whose document is mostly feed blocks (frameFeed in
   * detect.ts): decided in that document, on the same evidence, so it stands alone. */
  frameFeed: 0.6,
} as const;

export type FeatureName = keyof typeof WEIGHTS;

/** Sum of weights at which a block is hidden. A heading phrase plus its position passes, so does
 * a run of timed cards after the article; cards or class words alone do not. */
export const HIDE_CONFIDENCE = 0.6;
/** Share of a block's text in recommendation widgets at which the block itself is sponsored;
 * below it, a stream with a few sponsored cards among its stories stays a stream. */
export const WIDGET_DOMINANCE = 0.5;

/** Cards needed to call a run of siblings a feed: two could be a figure pair. */
export const MIN_CARDS = 3;
/** Links a card holds at most (a headline, its provider, its picture): a child with more is a
 * list or a module, not one card of an open run. */
export const MAX_CARD_LINKS = 3;
/** Heading text longer than this is prose, not a module label. */
export const MAX_HEADING_CHARS = 40;
/** Link text share at which a block reads as a list of links rather than prose. */
export const LINK_DENSITY_MIN = 0.5;
/** Share of items that must name the article's own terms for a block to count as related reading. */
export const RELATED_ITEM_SHARE = 0.5;

/** Headings of a page's comments (a run of them has names, times and reply links, like cards,
 * and is no feed), compared without a count after them ("コメント 214件", "Comments (38)"). */
const COMMENT_HEADINGS = new Set([
  'コメント', 'みんなのコメント', 'コメント一覧', 'この記事のコメント', 'この記事へのコメント', '記事へのコメント', '留言', '網友留言', '讀者留言', '留言板', '評論', '评论', '网友评论', '讀者回應',
  // "Hot" and "latest" comments: not a trending rail for the 熱門 in them.
  '热门评论', '熱門評論', '热门留言', '熱門留言', '最新评论', '最新評論', '最新留言', 'top comments',
  'comments', 'reader comments', 'conversation', 'join the conversation', 'discussion',
  'commentaires', 'réactions',
]);
const TRAILING_COUNT = /[\s(（]*[\d,]+\s*(件|則|条|comments?)?[)）]?$/iu;
/** Ids and classes of a comments section (#comments, Comments_root__j1G10, caas-comments,
 * comment-list), as a word of its own: not "most-commented", a rail of stories. */
export const COMMENT_WORDS = /(^|[\s_-])comments?($|[\s_-])/i;

export function commentsHeading(text: string): boolean {
  return commentsPhrase(matchForm(text).toLowerCase());
}

/** commentsHeading for text already normalised and lower-cased. */
function commentsPhrase(lower: string): boolean {
  return COMMENT_HEADINGS.has(lower.replace(TRAILING_COUNT, ''));
}

/** Icons and bullets before a heading's words: ▶, ■, ★, 🔥 (with its variation selector). */
const LEADING_MARKS = /^[\s\p{So}\p{Sk}\p{Mn}•・·]+/u;
/** What a heading opens with when it has no such mark: a letter or digit of the scripts the
 * phrase lists use. Tested first, as it costs less than LEADING_MARKS (its Unicode classes are
 * compiled when first used, while the page loads). */
const PLAIN_START = /^[A-Za-z0-9\u3040-\u30FA\u30FC-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/;
/** Compatibility forms NFKC folds: the half-width and full-width block (ｱｸｾｽ, ＰＲ). */
const WIDTH_FORMS = /[\uFF00-\uFFEF]/;
/** Marks after them: a colon, an arrow, an ellipsis ("More stories…", or "..." once NFKC has
 * spelt it out). */
const TRAILING_MARKS = /(?:[:：>›»▶︎→…\-–—|｜]|\.{2,})+\s*$/u;

/** A heading's text as it shows: one space between words, no invisible characters, no icon
 * before it nor arrow after it. */
export function normaliseHeading(text: string): string {
  const t = text
    // Invisible format characters a page puts inside its words (a zero-width space between
    // 其他 and 人也在看, a soft hyphen; tw-datastar-openprops-split-glyph-headings.html).
    .replace(/\p{Cf}+/gu, '')
    .replace(/\s+/g, ' ')
    .replace(TRAILING_MARKS, '')
    .trim();
  return PLAIN_START.test(t) ? t : t.replace(LEADING_MARKS, '').trim();
}

/** The form headings are matched in: compatibility forms read as their plain letters
 * (half-width katakana ｱｸｾｽﾗﾝｷﾝｸﾞ, full-width Latin ＰＲ), as they are not shown. */
function matchForm(text: string): string {
  return normaliseHeading(WIDTH_FORMS.test(text) ? text.normalize('NFKC') : text);
}

/** A qualifier after a heading's phrase: "アクセスランキング（IT総合）", "Most read (24 hours)". */
const TRAILING_QUALIFIER = /\s*[(（][^()（）]{1,20}[)）]$/u;
/** A span of time after it: "Most read this week", "Trending today". */
const TRAILING_PERIOD = /\s+(?:today|tonight|right now|this (?:week|month|year)|of the (?:day|week|month))$/iu;
/** A pager after it: "アクセスランキング 1/3". */
const TRAILING_PAGER = /\s*[0-9０-９]+\s*[/／]\s*[0-9０-９]+$/u;
/** A short label before a colon, which a screen reader hears first ("セクション：関連記事", the
 * first part visually hidden: jp-vue-naive-furigana-button-headings.html). Short, so that a
 * story's title ("Analysis: …") is not read for its second half. */
const LABEL_PREFIX = /^[^:：]{1,8}[:：]\s*/u;

/** A heading's name as a reader sees it, without a pager after it or a label a screen reader
 * hears before it, when the rest names a kind ("セクション：アクセスランキング 1/3" is
 * アクセスランキング): for the collapse bar and the popup. */
export function headingName(text: string): string {
  const t = normaliseHeading(text).replace(TRAILING_PAGER, '');
  const tail = t.replace(LABEL_PREFIX, '');
  return tail && tail !== t && headingKind(tail) ? tail : t;
}

export function headingKind(text: string): FeedKind | null {
  const t = matchForm(text);
  const bare = t.replace(TRAILING_QUALIFIER, '').replace(TRAILING_PAGER, '').replace(TRAILING_PERIOD, '');
  if (bare !== t && bare) return headingKind(bare);
  if (!t || t.length > MAX_HEADING_CHARS) return null;
  const lower = t.toLowerCase();
  // The page's comments are no feed, whatever words they share with one (熱門評論).
  if (commentsPhrase(lower)) return null;
  const exact = EXACT_PHRASES.get(lower);
  if (exact) return exact;
  for (const h of HEADING_PHRASES) {
    for (const p of h.prefixes ?? []) if (lower.startsWith(p)) return h.kind;
    for (const x of h.suffixes ?? []) if (lower.endsWith(x)) return h.kind;
  }
  const tail = t.replace(LABEL_PREFIX, '');
  return tail !== t && tail ? headingKind(tail) : null;
}
