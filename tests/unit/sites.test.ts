import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_PROFILES, FEED_KINDS } from '../../utils/sites';
import { ARTICLE_URL_GLOBS, NON_ARTICLE_URL_GLOBS, YAHOO_MATCHES } from '../../utils/sites/matches';
import { pathLooksLikeArticle } from '../../utils/page/classify';
import { HEADING_PHRASES, RELATIVE_TIME, WIDGET_SELECTORS, headingKind, headingName } from '../../utils/feed/signals';
import { FIXTURE_DIR, FIXTURES } from './fixtures';

/** Site knowledge is data: these checks keep it well-formed, like Dark Reader's site configs. */
describe('site profiles (utils/sites/*.ts)', () => {
  const valid = (sel: string) => {
    try {
      document.createDocumentFragment().querySelector(sel);
      return true;
    } catch {
      return false;
    }
  };

  it('have unique ids and labels', () => {
    const ids = SITE_PROFILES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of SITE_PROFILES) expect(p.label.length).toBeGreaterThan(0);
  });

  for (const p of SITE_PROFILES) {
    it(`${p.id}: every selector parses, every kind is known, every fixture exists and is listed`, () => {
      for (const sel of [...p.articleRoot, ...p.headline, ...p.byline, ...p.itemSelectors, ...p.feedBlocks.map((b) => b.selector)]) {
        expect(valid(sel), sel).toBe(true);
      }
      for (const b of p.feedBlocks) expect(FEED_KINDS).toContain(b.kind);
      expect(p.fixtures.length).toBeGreaterThan(0);
      for (const f of p.fixtures) {
        expect(existsSync(join(FIXTURE_DIR, f)), f).toBe(true);
        expect(FIXTURES.map((x) => x.file)).toContain(f);
      }
    });

    it(`${p.id}: early (document_start) selectors never match an article root`, () => {
      // An early rule hides before the page is classified: it must not be able to hit the story.
      for (const rule of p.feedBlocks.filter((b) => b.early)) {
        for (const root of p.articleRoot) expect(rule.selector).not.toBe(root);
        expect(rule.selector).not.toMatch(/^(article|main|body|section|div)$/);
      }
    });
  }

  it('the generic signal lists parse and every heading phrase list has a kind', () => {
    expect(valid(WIDGET_SELECTORS)).toBe(true);
    for (const h of HEADING_PHRASES) expect(FEED_KINDS).toContain(h.kind);
    expect(headingKind('其他人也在看')).toBe('recommended');
    expect(headingKind('Other people also read')).toBe('recommended');
    expect(headingKind('延伸閱讀')).toBe('related');
    // Related reading named for what it relates to (jp-analog's この動画の関連記事, round 33).
    for (const t of ['この動画の関連記事', '事件の関連ニュース']) expect(headingKind(t), t).toBe('related');
    expect(headingKind('アクセスランキング')).toBe('trending');
    // Trending headings the prefix and suffix rules carry, not the exact list.
    for (const t of ['熱門', '熱門新聞', '熱門文章', '人氣新聞', '热门新闻', '热门', '排行榜', 'ランキング', '総合ランキング', 'Trending Now', 'Trending stories', 'Trending Tickers'])
      expect(headingKind(t), t).toBe('trending');
    // The exact list is read first: 热门推荐 stays recommended.
    expect(headingKind('热门推荐')).toBe('recommended');
    expect(headingKind('Recommended Stories')).toBe('recommended');
    // Headings of the sixth round of blind pages (2026-11-29).
    expect(headingKind('編輯推介')).toBe('recommended');
    expect(headingKind('提供元の他の記事')).toBe('recommended');
    for (const t of ['即時', 'このカテゴリの人気記事', '注目のニュース']) expect(headingKind(t), t).toBe('trending');
    for (const t of ['注目の話題', '人気の記事', '話題のトピックス']) expect(headingKind(t), t).toBe('trending');
    expect(headingKind('新着ニュース')).toBe('recommended');
    expect(headingKind('ライブ配信中')).toBe('recommended');
    expect(headingKind('主要ニュース')).toBe('trending');
    // Headings of the twelfth round (2026-11-29, fourth session).
    for (const t of ['運動熱門', '娛樂熱門', 'Top stories now', '速報', 'ニュース速報', '注目のエキスパート記事']) expect(headingKind(t), t).toBe('trending');
    for (const t of ['Stories for you', 'For you', '你可能錯過']) expect(headingKind(t), t).toBe('recommended');
    // A qualifier in brackets after the phrase.
    expect(headingKind('アクセスランキング（IT総合）')).toBe('trending');
    expect(headingKind('Most read (24 hours)')).toBe('trending');
    // A span of time after the phrase (round 36's footer); a span alone names nothing.
    for (const t of ['Most read this week', 'Trending today', 'Top stories of the day', 'Most popular this month']) expect(headingKind(t), t).toBe('trending');
    for (const t of ['This week', 'Today', 'News of the day']) expect(headingKind(t), t).toBeNull();
    // "Latest" alone, a list of the newest stories (round 36's left column).
    expect(headingKind('Latest')).toBe('recommended');
    for (const t of ['為您精選', '为你精选', '為您推薦']) expect(headingKind(t), t).toBe('recommended');
    // Minutes written "52m ago" (round 36); the letters alone in a word are no time.
    expect(RELATIVE_TIME.test('CNA · 52m ago')).toBe(true);
    expect(RELATIVE_TIME.test('I am agog at the news')).toBe(false);
    expect(headingKind('この記事のコメント')).toBeNull();
    // The page's comments are no trending rail for the 熱門 in their heading.
    for (const t of ['熱門評論', '热门评论', '熱門留言 (12)', 'Top comments']) expect(headingKind(t), t).toBeNull();
    expect(headingKind('這是一段很長的文章內文，不是任何區塊的標題，所以不應該被當成推薦新聞的標題而被隱藏起來')).toBeNull();
  });

  it('headings in compatibility forms, with an icon before them, a pager after them or a screen reader\'s label before a colon, are read for their words (round 20)', () => {
    expect(headingKind('ｱｸｾｽﾗﾝｷﾝｸﾞ')).toBe('trending');
    expect(headingKind('ＰＲ')).toBe('sponsored');
    expect(headingKind('アクセスランキング 1/3')).toBe('trending');
    for (const t of ['🔥 注目のニュース', '▶あわせて読みたい', '■ 其他人也在看', '★ Trending']) expect(headingKind(t), t).not.toBeNull();
    expect(headingKind('セクション：関連記事')).toBe('related');
    expect(headingKind('Section: Most read')).toBe('trending');
    // Shown as the page shows it, without the pager or the label.
    expect(headingName('セクション：ｱｸｾｽﾗﾝｷﾝｸﾞ 1/3')).toBe('ｱｸｾｽﾗﾝｷﾝｸﾞ');
    expect(headingName('アクセスランキング（IT総合）')).toBe('アクセスランキング（IT総合）');
    // A long text before the colon is a story's title, not a label.
    expect(headingKind('The council has decided on the matter: Trending')).toBeNull();
    // Other ad labels (round 20).
    for (const t of ['推廣', '推广', 'プロモーション', 'Paid post', 'Partner content']) expect(headingKind(t), t).toBe('sponsored');
  });

  it('content-script matches stay on Yahoo news hosts, https only', () => {
    for (const m of YAHOO_MATCHES) {
      expect(m.startsWith('https://')).toBe(true);
      expect(m).toMatch(/^https:\/\/(\*\.)?[a-z.]*yahoo\.(com|co\.jp)\//);
      expect(m).not.toMatch(/^https:\/\/\*\.yahoo\.com\/\*$/); // never the whole of yahoo.com
    }
  });

  // A manifest match pattern (Chrome's rules): "*." before a host also matches the host itself;
  // the path is a glob.
  const patternMatches = (pattern: string, url: string) => {
    const [, host, path] = /^https:\/\/([^/]+)(\/.*)$/.exec(pattern)!;
    const u = new URL(url);
    const hostOk = host!.startsWith('*.') ? u.hostname === host!.slice(2) || u.hostname.endsWith(host!.slice(1)) : u.hostname === host;
    return u.protocol === 'https:' && hostOk && new RegExp(`^${path!.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(u.pathname + u.search);
  };

  it("runs on Yahoo's news, finance, sports, entertainment and lifestyle articles in every region, on every fixture, and not elsewhere on yahoo.com", () => {
    const urls = [
      ...FIXTURES.map((f) => f.url),
      'https://malaysia.news.yahoo.com/story-123456789.html',
      'https://in.news.yahoo.com/story-123456789.html',
      'https://ca.news.yahoo.com/story-123456789.html',
      'https://www.yahoo.com/entertainment/some-star-wins-123456789.html',
      'https://www.yahoo.com/lifestyle/some-recipe-123456789.html',
      'https://ca.style.yahoo.com/some-look-123456789.html',
      'https://au.lifestyle.yahoo.com/some-home-123456789.html',
      'https://au.finance.yahoo.com/news/some-rate-123456789.html',
      'https://tw.sports.yahoo.com/news/some-game-123456789.html',
      'https://hk.style.yahoo.com/some-look-123456789.html',
    ];
    for (const url of urls) expect(YAHOO_MATCHES.some((m) => patternMatches(m, url)), url).toBe(true);
    for (const url of ['https://mail.yahoo.com/d/folders/1', 'https://www.yahoo.com/', 'https://login.yahoo.com/', 'https://search.yahoo.com/search?p=x', 'https://shopping.yahoo.com/x-123456789.html'])
      expect(YAHOO_MATCHES.some((m) => patternMatches(m, url)), url).toBe(false);
  });

  // A manifest glob over the whole URL: `*` any run of characters, `?` any one (Chrome's rule).
  const globMatches = (glob: string, url: string) =>
    new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(url);
  const any = (globs: readonly string[], url: string) => globs.some((g) => globMatches(g, url));
  // The three entries of the manifest (the first from the content script, two from wxt.config.ts).
  const earlyEntry = (url: string) => any(ARTICLE_URL_GLOBS, url) && !any(NON_ARTICLE_URL_GLOBS, url);
  const lateEntries = (url: string) => (any(NON_ARTICLE_URL_GLOBS, url) ? 1 : 0) + (!any(ARTICLE_URL_GLOBS, url) && !any(NON_ARTICLE_URL_GLOBS, url) ? 1 : 0);

  it('every URL the classifier calls article-shaped gets the script from document_start', () => {
    const shapes = [
      ...FIXTURES.map((f) => f.url),
      'https://tw.news.yahoo.com/%E9%A2%B1%E9%A2%A8-011512345.html?guccounter=1',
      'https://www.yahoo.com/news/articles/tucson-heat-233045123.html#comments',
      'https://finance.yahoo.com/news/fed-holds-rates.html',
      'https://sports.yahoo.com/article/some-story.html?src=rss',
      'https://news.yahoo.co.jp/articles/53e13667297aac212ab66f916165fb4594cf07bb/comments',
      'https://news.yahoo.co.jp/articles/53E13667297AAC212AB66F916165FB4594CF07BB?page=2',
    ];
    // Random paths built from the pieces the article shapes are made of.
    const pieces = ['/', 'news', 'articles', 'article', '-', '1234567', 'abcdef0123456789abcd', '.html', 'x', '%E9%A2%B1', '?q=1'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length;
    for (let i = 0; i < 10_000; i++) {
      let path = '/';
      for (let k = 0; k < 2 + (i % 7); k++) path += pieces[next()];
      shapes.push(`https://tw.news.yahoo.com${path}`);
    }
    let articles = 0;
    for (const url of shapes) {
      const u = new URL(url);
      if (!pathLooksLikeArticle(u.pathname)) continue;
      articles++;
      expect(earlyEntry(u.href), u.href).toBe(true);
    }
    // Not vacuous: the fixtures and a good number of the random paths are article-shaped.
    expect(articles).toBeGreaterThan(FIXTURES.length + 20);
  });

  it('home pages, section fronts, video, search and pickup pages get the script only at document_idle, once', () => {
    for (const url of [
      'https://tw.news.yahoo.com/',
      'https://tw.news.yahoo.com/politics/',
      'https://news.yahoo.co.jp/',
      'https://news.yahoo.co.jp/ranking/access/news',
      'https://www.yahoo.com/news/',
      // Shaped like articles, but never one: these cost a page nothing before it is shown.
      'https://tw.news.yahoo.com/video/%E6%BD%AE%E5%A2%83-123456789.html',
      'https://www.yahoo.com/videos/some-clip-123456789.html',
      'https://news.yahoo.co.jp/pickup/6521234',
      'https://tw.news.yahoo.com/search?p=%E9%A2%B1%E9%A2%A8',
      ...FIXTURES.filter((f) => !f.expect.isArticle).map((f) => encodeURI(f.url)),
    ]) {
      expect(earlyEntry(url), url).toBe(false);
      expect(lateEntries(url), url).toBe(1);
    }
  });

  it('every URL gets the script from exactly one entry', () => {
    const pieces = ['/', 'news', 'articles', 'video', 'pickup', 'search', '-', '1234567', '.html', 'x', '?q=1'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length;
    for (let i = 0; i < 5_000; i++) {
      let path = '/';
      for (let k = 0; k < 1 + (i % 6); k++) path += pieces[next()];
      const url = new URL(`https://tw.news.yahoo.com${path}`).href;
      expect((earlyEntry(url) ? 1 : 0) + lateEntries(url), url).toBe(1);
    }
  });
});
