import { describe, expect, it } from 'vitest';
import { beforeArticle, detectFeed, findArticle, gateCovers, sponsoredCards } from '../../utils/feed/detect';
import { earlySelector } from '../../utils/cleanup/style';
import { FEED_KINDS } from '../../utils/sites';
import { classifyPage, pathLooksLikeArticle } from '../../utils/page/classify';
import { FIXTURES, beforeSecondFeedCard, fixtureHtml, loadAfterNavigation, loadFixture, renameClasses, sgFeedRedesigned } from './fixtures';
import { DEFAULT_SETTINGS } from '../../utils/settings';

const HIDDEN_BY_DEFAULT = new Set(Object.entries(DEFAULT_SETTINGS.hide).filter(([, v]) => v).map(([k]) => k));

/** The words of an element: its text nodes that are not blank, outside scripts and styles. */
function textNodes(el: Element): Text[] {
  const out: Text[] = [];
  const walk = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if ((n.textContent ?? '').trim() && !n.parentElement?.closest('script, style, template, noscript')) out.push(n as Text);
  }
  return out;
}

/** Ground truth check: every feed item ends inside a block hidden by default, nothing of the
 * article (or of related reading) inside one. */
function check(doc: Document, url: string, quick = false) {
  const d = detectFeed(doc, url, { quick });
  const hiddenBlocks = d.blocks.filter((b) => HIDDEN_BY_DEFAULT.has(b.kind)).flatMap((b) => (b.caption ? [b.el, b.caption] : [b.el]));
  const inHidden = (el: Element) => hiddenBlocks.some((b) => b === el || b.contains(el));
  const all = (role: string) => Array.from(doc.querySelectorAll(`[data-fixture="${role}"]`));
  const feedItems = all('feed-item');
  return {
    d,
    feedItems: feedItems.length,
    feedHidden: feedItems.filter(inHidden).length,
    // What the badge and the popup count: the items of the hidden blocks.
    counted: d.blocks.filter((b) => HIDDEN_BY_DEFAULT.has(b.kind)).reduce((n, b) => n + b.items.length, 0),
    articleHidden: ['article', 'headline', 'byline', 'article-image'].flatMap(all).filter(inHidden).length,
    articleAncestorHidden: all('article').filter((a) => hiddenBlocks.some((b) => b.contains(a))).length,
    relatedHidden: all('related-item').filter(inHidden).length,
    // A feed's own heading left standing over the space its cards left.
    captionsShown: all('feed-block')
      .flatMap((b) => Array.from(b.querySelectorAll('h2, h3, h4, [role="heading"]')))
      .filter((h) => !h.closest('[data-fixture="feed-item"]') && !inHidden(h))
      .map((h) => (h.textContent ?? '').trim()),
    // Any words of a feed module left standing over the space it left: a label, a badge, a
    // tab strip ("赞助内容 · 推广 · 这是什么？" over hidden ad cards, 即時 / 熱門 / 影音 tabs).
    // Read by text node, so words sitting beside child elements are seen too.
    moduleTextShown: all('feed-block')
      .flatMap((b) => textNodes(b))
      .filter((t) => !inHidden(t.parentElement!))
      .map((t) => (t.textContent ?? '').trim()),
    // The detection's article root is the annotated body, or within it, or around it.
    rootFound: all('article').some((a) => !!d.article.root && (a === d.article.root || a.contains(d.article.root) || d.article.root.contains(a))),
    // Nothing inside the article's body is a block of any kind (its own related links included).
    blocksInArticle: d.blocks.filter((b) => all('article').some((a) => a.contains(b.el))).length,
    // The page's comments are no block of any kind (not even related reading, which a setting hides).
    commentsInBlocks: all('comments').filter((c) => d.blocks.some((b) => b.el.contains(c) || c.contains(b.el))).length,
    // A block named after one of the stories it hides (the collapse bar and the popup show it).
    // (Its source: the elements of the block whose text is the heading, all inside its cards.)
    headingsFromCards: d.blocks
      .filter((b) => {
        if (!b.heading) return false;
        const squeeze = (t: string | null) => (t ?? '').replace(/\s+/g, '');
        const sources = Array.from(b.el.querySelectorAll('*')).filter((t) => squeeze(t.textContent) === squeeze(b.heading));
        return sources.length > 0 && sources.every((t) => t.closest('[data-fixture="feed-item"]'));
      })
      .map((b) => b.heading),
    // Blocks that take in several of the page's modules (a whole rail for one of its lists):
    // its heading and count then speak for one module only.
    // (A sponsored card annotated as a block of its own inside a stream is part of that module.)
    blocksOverSeveral: d.blocks.filter((b) => all('feed-block').filter((m) => b.el.contains(m) && !m.parentElement?.closest('[data-fixture="feed-block"]')).length > 1).length,
  };
}

describe('page classification', () => {
  for (const f of FIXTURES) {
    it(`${f.file} is ${f.expect.isArticle ? 'an article' : 'not an article'}`, () => {
      const { doc, url } = loadFixture(f.file);
      expect(classifyPage(doc, url).isArticle).toBe(f.expect.isArticle);
    });
  }
  it('a Yahoo home page is never an article, whatever it carries', () => {
    const { doc } = loadFixture('tw-home.html');
    expect(classifyPage(doc, 'https://tw.news.yahoo.com/').isArticle).toBe(false);
  });
  it('article URL shapes, read from a path as the content script does, malformed escapes included', () => {
    expect(pathLooksLikeArticle('/%E5%8F%B0%E7%81%A3-031512345.html')).toBe(true);
    expect(pathLooksLikeArticle('/articles/3f2a9c0b7d1e4a5b6c8d')).toBe(true);
    // decodeURI throws on this escape; the path is then tested as it is, not thrown out of.
    expect(pathLooksLikeArticle('/%E5%8F-031512345.html')).toBe(true);
    expect(pathLooksLikeArticle('/')).toBe(false);
    expect(pathLooksLikeArticle('/video/clip-031512345.html')).toBe(false);
  });
});

describe('the article root on pages no profile knows', () => {
  const page = (after: string) =>
    new DOMParser().parseFromString(
      `<!doctype html><html><body><main><h1>Sixteen-inch laptop review</h1><div class="body">${'The keyboard is the story here, and it is better than before.<br>'.repeat(12)}</div>${after}</main></body></html>`,
      'text/html',
    );
  const card = (i: number, time = '') => `<div><p>Deal ${i}: save forty dollars on a pair of wireless earphones today.</p>${time}</div>`;

  it('a body a script has still to fill (grey bars under the headline) is the element the page marks as the article body; one marked but holding text the paragraphs could not place is not', () => {
    const skeleton = (inner: string) =>
      new DOMParser().parseFromString(
        `<!doctype html><html><body><main><h1>Paper mill reopens in an old gym</h1><div id="body" itemprop="articleBody" aria-busy="true">${inner}</div><section><h2>More to read</h2><ul>${[1, 2, 3].map((i) => `<li><a href="/s/${i}.html">Another story number ${i}</a><span>${i} hours ago</span></li>`).join('')}</ul></section></main></body></html>`,
        'text/html',
      );
    expect(findArticle(skeleton('<span class="bar"></span><span class="bar"></span><span class="bar"></span>'), null).root?.id).toBe('body');
    const text = '<div>Text in divs rather than paragraphs, long enough to be part of a story of its own. </div>'.repeat(4);
    expect(findArticle(skeleton(text), null).root?.id).not.toBe('body');
  });

  it('small cards of one line each after a body written without paragraphs are no body (a deals footer)', () => {
    const doc = page(`<div id="deals">${[1, 2, 3, 4, 5, 6].map((i) => card(i)).join('')}</div>`);
    expect(findArticle(doc, null).root?.id).not.toBe('deals');
  });

  it('a body in chapters (lead paragraphs, then sections each with a heading and paragraphs) is the element around them all, not its longest chapter', () => {
    const para = (topic: string, n: number) => `<p>The line's ${topic} crew said the timetable of twenty-two trains a day held for the ${n}th winter running.</p>`;
    const chapter = (i: number, n: number) => `<section id="chapter-${i}"><h2>Chapter ${i}</h2>${Array.from({ length: n }, (_, k) => para(`chapter ${i}`, k)).join('')}</section>`;
    const doc = new DOMParser().parseFromString(
      `<!doctype html><html><body><main><article><h1>Seven drivers keep a mountain line running</h1><div id="feature-body">${para('lead', 1)}${para('lead', 2)}${chapter(1, 3)}${chapter(2, 5)}${chapter(3, 3)}</div></article><section><h2>Recommended for you</h2></section></main></body></html>`,
      'text/html',
    );
    expect(findArticle(doc, null).root?.id).toBe('feature-body');
    // With no lead paragraphs, chapters that each open with their heading.
    doc.querySelectorAll('#feature-body > p').forEach((p) => p.remove());
    expect(findArticle(doc, null).root?.id).toBe('feature-body');
    // A body that opens with no heading, beside a box with a paragraph of its own: the body.
    const beside = new DOMParser().parseFromString(
      `<!doctype html><html><body><main><h1>Seven drivers keep a mountain line running</h1><div id="story">${Array.from({ length: 6 }, (_, k) => para('story', k)).join('')}</div><div id="author"><h3>About the author</h3>${para('author', 1)}${para('author', 2)}</div><section><h2>Recommended for you</h2></section></main></body></html>`,
      'text/html',
    );
    expect(findArticle(beside, null).root?.id).toBe('story');
  });

  it('paragraphs each in a wrapper of their own (a CMS’s blocks) are a body: the element around the wrappers', () => {
    const blocks = Array.from({ length: 8 }, (_, i) => `<div class="block-paragraph"><p>The council said the new tram line would open in stage ${i}, and the cost was within the budget set last year.</p></div>`).join('');
    const doc = new DOMParser().parseFromString(`<!doctype html><html><body><main><article><h1>Tram line approved</h1><div id="stream">${blocks}</div></article></main></body></html>`, 'text/html');
    expect(findArticle(doc, null).root?.id).toBe('stream');
  });

  it('timestamped posts are a live blog: their common parent is the body', () => {
    const doc = page(`<div id="live">${[1, 2, 3, 4, 5, 6].map((i) => card(i, `<time datetime="2026-11-29T0${i}:00">0${i}:00</time>`)).join('')}</div>`);
    expect(findArticle(doc, null).root?.id).toBe('live');
  });
});

/** A short article about a council budget, then `after`: the synthetic pages' story. */
const budgetPage = (after: string) =>
  new DOMParser().parseFromString(
    `<!doctype html><html><body><main><h1>Council passes the budget</h1><div class="body"><p>${'The council passed the budget on Monday after a long debate. '.repeat(8)}</p></div></main>${after}</body></html>`,
    'text/html',
  );

describe('comments are no feed', () => {
  const page = (section: string) => {
    const cards = [1, 2, 3, 4].map((i) => `<div class="c"><a href="/s/${i}.html">Story number ${i} of the day</a><span>${i} hours ago</span></div>`).join('');
    return budgetPage(section.replace('CARDS', cards));
  };
  const hidden = (doc: Document) => detectFeed(doc, 'https://news.yahoo.com/budget-123456789.html', { force: true }).blocks.filter((b) => b.el.querySelector('.c')).length;

  it('a run of cards named for comments, by its section or its only heading, is left alone', () => {
    expect(hidden(page('<section id="comments"><div>CARDS</div></section>'))).toBe(0);
    expect(hidden(page('<section><h2>Comments (38)</h2><div>CARDS</div></section>'))).toBe(0);
  });

  it('a rail of the most commented stories is a feed all the same', () => {
    expect(hidden(page('<section class="most-commented"><div>CARDS</div></section>'))).toBe(1);
  });
});

describe('blocks and their items', () => {
  const page = budgetPage;
  const card = (topic: string, i: number) => `<article class="item"><a href="/${topic}/${i}.html">${topic} story number ${i} of the day</a><span>${i + 1} hours ago</span></article>`;
  const module = (name: string, n: number) => `<section class="component"><h2>${name}</h2><div class="wrap">${Array.from({ length: n }, (_, i) => card(name, i)).join('')}</div></section>`;
  const detect = (doc: Document) => detectFeed(doc, 'https://news.yahoo.com/budget-123456789.html', { force: true }).blocks;

  it('a ribbon of stories in the site header, each with its time, is a module; the header\'s menus and a strip of search terms are not', () => {
    const header = (rows: string) =>
      new DOMParser().parseFromString(
        `<!doctype html><html><body><header><nav><a href="/">Home</a><a href="/news">News</a><a href="/sport">Sport</a></nav><section aria-label="Latest news"><h2>Latest</h2><ul>${rows}</ul></section></header><main><article><h1>Mangrove boardwalk to link two parks</h1>${'<p>The boardwalk will run four kilometres through the mangroves and open in stages from next year, the agency said.</p>'.repeat(8)}</article></main></body></html>`,
        'text/html',
      );
    const timed = [1, 2, 3, 4].map((i) => `<li><a href="/story-${i}-123456789.html"><time>${i} min ago</time> Another story about something else, number ${i}</a></li>`).join('');
    const terms = ['budget', 'weather', 'MRT', 'COE'].map((t) => `<li><a href="/search?p=${t}">${t}</a></li>`).join('');
    const found = (doc: Document) => detectFeed(doc, 'https://sg.news.yahoo.com/mangrove-123456789.html', {}).blocks.map((b) => `${b.heading} ${b.items.length}`);
    // Named by its visible heading, which names a feed ("Latest"), before its ARIA name.
    expect(found(header(timed))).toEqual(['Latest 4']);
    expect(found(header(terms))).toEqual([]);
  });

  it('a heading written to be hard to read (a zero-width space or soft hyphen inside its words, a picture of its words) still names its kind', () => {
    const named = (heading: string) => {
      const doc = page(`<section class="component"><h2>${heading}</h2><div class="wrap">${Array.from({ length: 4 }, (_, i) => card('x', i)).join('')}</div></section>`);
      return detect(doc).map((b) => `${b.kind} ${b.heading} ${b.features.headingPhrase ?? 0}`);
    };
    expect(named('<span>其</span><span>他</span>\u200b<span>人</span><span>也</span>\u00ad<span>在</span><span>看</span>')).toEqual(['recommended 其他人也在看 0.55']);
    expect(named('<img alt="為你推薦" src="data:,">')).toEqual(['recommended 為你推薦 0.55']);
    expect(named('<svg role="img" aria-label="Trending now"></svg>')).toEqual(['trending Trending now 0.55']);
  });

  it('while the page parses, a module whose heading has arrived and whose list has not is the block: the climb stops at it, not at the rail around it', () => {
    const doc = page(
      `<aside><section><h2>相關股票</h2><table><tbody>${[1, 2, 3].map((i) => `<tr><td><a href="/quote/${i}.HK">${i}.HK 騰訊控股 ${i}00.2 +1.2%</a></td></tr>`).join('')}</tbody></table></section><section><h2>熱門股票</h2></section></aside>`,
    );
    // The parser is still inside the last section (jsdom's documents are parsed at once).
    Object.defineProperty(doc, 'readyState', { get: () => 'loading' });
    const blocks = detectFeed(doc, 'https://hk.finance.yahoo.com/news/x-123456789.html', { force: true, quick: true }).blocks;
    const rail = doc.querySelectorAll('aside section');
    expect(blocks.filter((b) => b.kind === 'trending').map((b) => b.el)).toEqual([rail[1]]);
    expect(blocks.some((b) => b.el.contains(rail[0]!) && b.kind !== 'related')).toBe(false);
  });

  it('while the page parses, a whole module in a rail the parser is still filling is the block, not the rail: the modules after it arrive beside it', () => {
    const doc = page(
      `<aside><section><h2>相關股票</h2><table><tbody>${[1, 2, 3].map((i) => `<tr><td><a href="/quote/${i}.HK">${i}.HK 騰訊控股 ${i}00.2 +1.2%</a></td></tr>`).join('')}</tbody></table></section><div class="next"></div></aside>`,
    );
    // The parser has closed the first module and opened the next one's element.
    Object.defineProperty(doc, 'readyState', { get: () => 'loading' });
    for (const quick of [true, false]) {
      const blocks = detectFeed(doc, 'https://hk.finance.yahoo.com/news/x-123456789.html', { force: true, quick }).blocks;
      expect(blocks.map((b) => b.el.tagName), `quick: ${quick}`).toEqual(['SECTION']);
    }
    // The parser in the first module's first row: the module, led by its heading, is no card of
    // a run the rail would be.
    const early = page(`<aside><section><h2>相關股票</h2><table><tbody><tr><td><a href="/quote/1.HK">1.HK 騰訊控股 100.2 +1.2%</a></td></tr></tbody></table></section></aside>`);
    Object.defineProperty(early, 'readyState', { get: () => 'loading' });
    const blocks = detectFeed(early, 'https://hk.finance.yahoo.com/news/x-123456789.html', { force: true, quick: true }).blocks;
    expect(blocks.some((b) => b.el.tagName === 'ASIDE')).toBe(false);
  });

  it('while the page parses, a playlist module led by its heading beside the story\'s video, its first row with its length, is no card of a run: the video stays out of any block', () => {
    const row = (i: number) => `<li><a href="/video/other-clip-${i}-123456789.html"><span><img src="data:," alt=""><span><time datetime="PT52S">0:5${i}</time></span></span><span>Another clip about something else ${i}</span></a></li>`;
    const hero = (rows: string) =>
      new DOMParser().parseFromString(
        `<!doctype html><html><body><main><article><h1>Reusable takeaway boxes tried at a food centre</h1><div class="hero"><figure><img src="data:," alt="A takeaway box being filled"><figcaption>How the trial will work · 1:48</figcaption></figure><aside><div><h2>Up next</h2><button type="button">Autoplay</button></div><ol>${rows}`,
        'text/html',
      );
    // The parser inside the playlist's first row, the story's body not arrived yet.
    const doc = hero(row(1));
    Object.defineProperty(doc, 'readyState', { get: () => 'loading' });
    const figure = doc.querySelector('figure')!;
    for (const quick of [true, false]) {
      const blocks = detectFeed(doc, 'https://sg.news.yahoo.com/takeaway-boxes-123456789.html', { force: true, quick }).blocks;
      expect(blocks.some((b) => b.el.contains(figure)), `quick: ${quick}`).toBe(false);
      expect(blocks.map((b) => b.el.tagName), `quick: ${quick}`).toEqual(['ASIDE']);
    }
  });

  it('after load, a rail box still empty (a script fills it later) is a block of its own, not the whole rail; a header above cards that each carry a label is not', () => {
    const rows = (name: string, n: number) => `<ul>${Array.from({ length: n }, (_, i) => `<li><a href="/${name}/${i}.html">${name} headline number ${i}</a></li>`).join('')}</ul>`;
    const doc = page(`<aside><div class="box"><h2>Most Read</h2>${rows('read', 6)}</div><div class="box"><div class="hd"><h3>Editor's picks</h3></div><ul></ul></div></aside>`);
    const boxes = doc.querySelectorAll('aside .box');
    const blocks = detect(doc);
    // Neither the aside nor anything holding both boxes: the read box is hidden and counted.
    expect(blocks.some((b) => b.el.contains(boxes[0]!) && b.el.contains(boxes[1]!))).toBe(false);
    expect(blocks.find((b) => b.el === boxes[0])?.items.length).toBe(6);
    // nypost's "More Stories": a header, then one story under each source's own label.
    const labelled = (src: string, i: number) => `<div class="widget"><h4>${src}</h4><div><a href="/${src}/${i}.html"><img alt=""></a><h5><a href="/${src}/${i}.html">${src} story ${i} of the day</a></h5></div></div>`;
    const more = page(`<div class="more"><div class="title"><h4>More Stories</h4></div>${['page six', 'nypost', 'decider', 'nypost'].map(labelled).join('')}</div>`);
    const block = detect(more).find((b) => b.heading === 'More Stories');
    expect(block?.el).toBe(more.querySelector('.more'));
  });

  it("a ranking's tabs the page keeps hidden are not counted; a rail box of links to the site's social accounts is no feed (jp-expert-reactions.html)", () => {
    const { doc, url } = loadFixture('jp-expert-reactions.html');
    const blocks = detectFeed(doc, url).blocks;
    const ranking = blocks.find((b) => b.heading === 'アクセスランキング');
    expect(ranking?.items.length).toBe(10);
    expect(ranking?.items.every((i) => !i.closest('[hidden]'))).toBe(true);
    const sns = doc.querySelector('[data-yjn-mod="sns"]')!;
    expect(blocks.some((b) => b.el === sns || b.el.contains(sns) || sns.contains(b.el))).toBe(false);
  });

  it("a web component's cards in its shadow root are its items (tw-web-components-dsd.html, built here as a script would)", () => {
    const doc = page(`<ynews-stream><h2 slot="heading">Recommended for you</h2></ynews-stream>`);
    const host = doc.querySelector('ynews-stream')!;
    host.attachShadow({ mode: 'open' }).innerHTML = `<div><slot name="heading"></slot></div><ul>${Array.from({ length: 5 }, (_, i) => card('shadow', i).replace(/article/g, 'li')).join('')}</ul>`;
    const block = detect(doc).find((b) => b.el === host);
    expect(block?.kind).toBe('recommended');
    expect(block?.items.length).toBe(5);
  });

  it("a web component whose shadow root holds a run of dated cards is a feed before its heading arrives (a declarative shadow root comes first in its host), in both passes", () => {
    const doc = page(`<ynews-stream></ynews-stream>`);
    const host = doc.querySelector('ynews-stream')!;
    host.attachShadow({ mode: 'open' }).innerHTML = `<div><slot name="heading"></slot></div><ul>${Array.from({ length: 5 }, (_, i) => card('shadow', i).replace(/article/g, 'li')).join('')}</ul>`;
    for (const quick of [true, false]) {
      const blocks = detectFeed(doc, 'https://news.yahoo.com/budget-123456789.html', { force: true, quick }).blocks;
      expect(blocks.some((b) => b.el === host), `quick: ${quick}`).toBe(true);
    }
    // While the parser is still filling it, its first card, before the heading and the rest.
    const partial = page(`<ynews-stream></ynews-stream>`);
    const first = partial.querySelector('ynews-stream')!;
    first.attachShadow({ mode: 'open' }).innerHTML = `<div><slot name="heading"></slot></div><ul>${card('shadow', 0).replace(/article/g, 'li')}</ul>`;
    first.ownerDocument.body.append(first);
    expect(detectFeed(partial, 'https://news.yahoo.com/budget-123456789.html', { force: true, quick: true }).blocks.some((b) => b.el === first), 'parsed').toBe(false);
    Object.defineProperty(partial, 'readyState', { get: () => 'loading' });
    for (const quick of [true, false]) {
      const blocks = detectFeed(partial, 'https://news.yahoo.com/budget-123456789.html', { force: true, quick }).blocks;
      expect(blocks.some((b) => b.el === first), `parsing, quick: ${quick}`).toBe(true);
    }
    // Cards without times in a shadow root (a component's own menu) are no feed.
    const menu = page(`<ynews-menu></ynews-menu>`);
    const other = menu.querySelector('ynews-menu')!;
    other.attachShadow({ mode: 'open' }).innerHTML = `<ul>${[1, 2, 3, 4].map((i) => `<li><a href="/section/${i}">Section number ${i}</a></li>`).join('')}</ul>`;
    expect(detect(menu).some((b) => b.el === other)).toBe(false);
  });

  it("a feed heading whose module the article's column holds (its pictures count as the article's) is no block: hidden alone it would leave its list captionless", () => {
    const teaser = (i: number) => `<div class="teaser"><a href="/video/${i}"><img alt="clip ${i}"></a><h2><a href="/video/${i}">Video story number ${i} of the day</a></h2></div>`;
    const doc = new DOMParser().parseFromString(
      `<!doctype html><html><body><main><h1>Council passes the budget</h1><div class="body"><p>${'The council passed the budget on Monday after a long debate. '.repeat(8)}</p></div><div class="promo"><h3>Don't Miss</h3><ul><li>${[1, 2, 3].map(teaser).join('')}</li></ul></div></main></body></html>`,
      'text/html',
    );
    const blocks = detect(doc);
    expect(blocks.some((b) => b.el.matches('h3') || b.el.contains(doc.querySelector('.promo h3')!))).toBe(false);
  });

  it("Yahoo! JAPAN's story cards stamped \"11/28(土) 16:21\" under a heading no list holds are a feed after the article", () => {
    const cards = Array.from({ length: 5 }, (_, i) => `<li><a href="/articles/${i}">関係のない別のニュースの見出し その${i}</a><span>共同通信</span><time>11/28(土) 1${i}:05</time></li>`).join('');
    const doc = page(`<section><h2>きょうの読みもの</h2><ul>${cards}</ul></section>`);
    expect(detect(doc).some((b) => b.el.matches('section') && b.items.length === 5)).toBe(true);
  });

  it('story cards stamped in plain text with a date and a time of day ("Sat, 28 November 2026 at 4:12 pm", "28/11/2026 16:12", "11月28日 下午4:12") under a heading no list holds are a feed; dated alone (a list of sources), they are not', () => {
    const stamps = ['Sat, 28 November 2026 at 4:12 pm SGT', 'Nov 28, 2026, 9:05 AM', '28/11/2026 16:12', '2026-11-28 08:30', '11月28日 下午4:12'];
    const cards = (stamp: (i: number) => string) => stamps.map((_, i) => `<li><a href="/s/other-${i}">Another story with a title of its own ${i}</a><span>Wire</span> <span>${stamp(i)}</span></li>`).join('');
    const stamped = detect(page(`<section><h2>Catch up on the day</h2><ul>${cards((i) => stamps[i]!)}</ul></section>`));
    expect(stamped.some((b) => b.el.matches('section') && b.items.length === 5)).toBe(true);
    const dated = detect(page(`<section><h2>Catch up on the day</h2><ul>${cards(() => 'Nov 28, 2026')}</ul></section>`));
    expect(dated).toEqual([]);
  });

  it('story cards whose time is a short form alone in its element ("3h", "just now", "1時間", "昨天 18:30", "11/28(土)") under a heading no list holds are a feed; the same words inside their titles are no time', () => {
    const times = ['3h', 'just now', '1時間', '昨天 18:30', '11/28(土)'];
    const cards = (time: (i: number) => string) => times.map((_, i) => `<li><a href="/s/other-${i}">Another story with a title of its own ${i}</a><span>Wire</span> <span>${time(i)}</span></li>`).join('');
    expect(detect(page(`<section><h2>While you are here</h2><ul>${cards((i) => times[i]!)}</ul></section>`)).some((b) => b.el.matches('section') && b.items.length === 5)).toBe(true);
    const titled = times.map((t, i) => `<li><a href="/s/other-${i}">Another story ${t} with a title of its own ${i}</a><span>Wire</span></li>`).join('');
    expect(detect(page(`<section><h2>While you are here</h2><ul>${titled}</ul></section>`))).toEqual([]);
  });

  it("a page builder's column of bare widgets, each a module under its own heading, is no run of cards: named for its first module, it would keep a feed visible as that module's related reading", () => {
    const row = (title: string, i: number, time = '') => `<article><a href="/s/${title.split(' ')[0]}-${i}-123456789.html">${title} ${i}</a><span>Wire</span>${time}</article>`;
    const widget = (heading: string, cards: string) => `<div><div><h2>${heading}</h2></div><div>${cards}</div></div>`;
    const related = [1, 2, 3].map((i) => row('Council budget vote: what the spending plan means, part', i, `<span>${i} days ago</span>`)).join('');
    const ads = [1, 2, 3].map((i) => `<article><a rel="sponsored" href="https://ads.example/${i}">An offer from our partner number ${i}</a><span>Sponsored</span></article>`).join('');
    const feed = Array.from({ length: 6 }, (_, i) => row('Unrelated story of the day number', i, `<span>${i + 1}h ago</span>`)).join('');
    const topics = '<div><a href="/topics/council">Council</a> <a href="/topics/budget">Budget</a> <a href="/topics/city">City</a></div>';
    const doc = page(`<div>${topics}${widget('Related coverage', related)}${widget('Sponsored', ads)}${widget('Keep reading', feed)}</div>`);
    const blocks = detect(doc);
    const keep = Array.from(doc.querySelectorAll('h2')).find((h) => h.textContent === 'Keep reading')!.parentElement!.nextElementSibling!;
    expect(blocks.filter((b) => b.el.contains(keep)).map((b) => b.kind)).toEqual(['recommended']);
    expect(blocks.find((b) => b.kind === 'related')?.items.length).toBe(3);
  });

  it('cards whose classes are numbered per card and then hashed (no digit left to fold) are alike by the classes they share', () => {
    const hashed = ['xq7fzk', 'xr2mwa', 'xbn4e1', 'xk0pld', 'xz9tty'];
    const cards = hashed.map((h, i) => `<article class="xcard1 xfade3 ${h}"><a href="/s/other-${i}.html">Another story with a title of its own ${i}</a><span>${i + 1} hours ago</span></article>`).join('');
    const blocks = detect(page(`<section><div>${cards}</div></section>`));
    expect(blocks.map((b) => b.items.length)).toEqual([5]);
  });

  it("a fat footer's \"Trending now\" cards and its numbered \"Most read this week\" are modules, though in the page's footer; its link columns are not", () => {
    const timed = [1, 2, 3, 4].map((i) => `<li><a href="/other-story-${i}-123456789.html">Another story about something else, number ${i}</a><span>${i}h ago</span></li>`).join('');
    const ranked = [1, 2, 3, 4, 5].map((i) => `<li><span>${i}</span><a href="/most-read-${i}-123456789.html">A story many read this week, number ${i}</a><span>PA Media</span></li>`).join('');
    const column = (name: string, links: string[]) => `<div><h3>${name}</h3><ul>${links.map((l) => `<li><a href="/${l.toLowerCase()}">${l}</a></li>`).join('')}</ul></div>`;
    const doc = page(
      `<footer><div><section><h2>Trending now</h2><ul>${timed}</ul></section><section><h2>Most read this week</h2><ol>${ranked}</ol></section></div><div>${column('News', ['UK', 'World', 'Politics', 'Science'])}${column('Popular', ['Weather', 'Sport', 'Finance'])}${column('About', ['Terms', 'Privacy', 'Help', 'Contact'])}</div><p>© 2026 Yahoo</p></footer>`,
    );
    const blocks = detect(doc);
    expect(blocks.map((b) => `${b.heading} ${b.items.length}`)).toEqual(['Trending now 4', 'Most read this week 5']);
  });

  it('a menu whose first entry, classed apart from the rest, says "Latest" is no list captioned "Latest"; a list of stories under the heading "Latest" is a feed', () => {
    const sections = ['Defense', 'Energy', 'Finance', 'Healthcare', 'Technology', 'Transport'];
    const menu = `<div class="region"><ul class="menu"><li class="menu__item first"><a href="/video/latest">Latest</a></li>${sections.map((s) => `<li class="menu__item"><a href="/video/${s.toLowerCase()}">${s}</a></li>`).join('')}<li class="menu__item last"><a href="/video">More</a></li></ul></div>`;
    expect(detect(page(menu))).toEqual([]);
    const stories = [1, 2, 3, 4].map((i) => `<li><a href="/news/other-${i}-123456789.html">Another story about something else, number ${i}</a></li>`).join('');
    expect(detect(page(`<section><h2>Latest</h2><ul>${stories}</ul></section>`)).map((b) => [b.kind, b.items.length])).toEqual([['recommended', 4]]);
  });

  it('a stream mixing card templates of different tags (big `<article>` cards among `<div>` cards) counts every card; its header does not count', () => {
    const small = (i: number) => `<div class="s"><a href="/s/d-${i}.html">A small card story number ${i}</a><span>${i}h ago</span></div>`;
    const big = (i: number) => `<article class="b"><a href="/s/a-${i}.html"><img alt=""></a><h3><a href="/s/a-${i}.html">A big card story number ${i}</a></h3><span>${i}h ago</span></article>`;
    const blocks = detect(page(`<section><div><p class="h"><a href="/foryou">Picked for you by our editors today</a></p>${big(1)}${small(2)}${small(3)}${big(4)}${small(5)}${small(6)}${big(7)}</div></section>`));
    expect(blocks.map((b) => b.items.length)).toEqual([7]);
  });

  it('a row of modules, each with its heading, is no block of its own: each module is one, named and counted', () => {
    const blocks = detect(page(`<div class="row">${module('World', 5)}${module('Politics', 4)}${module('Crime', 3)}</div>`));
    expect(blocks.map((b) => [b.heading, b.items.length])).toEqual([['World', 5], ['Politics', 4], ['Crime', 3]]);
  });

  it('a feed delivered in chunks (each its own list, classes numbered per card) is counted whole', () => {
    const chunk = (k: number) => `<div class="chunk"><ul>${[0, 1, 2, 3].map((i) => `<li class="rec rec-${k * 4 + i}">${card('more', k * 4 + i).replace(/<\/?article[^>]*>/g, '')}</li>`).join('')}</ul></div>`;
    const blocks = detect(page(`<div class="OUTBRAIN" data-widget-id="AR_1" data-src="x"><div class="header"><a href="https://www.outbrain.com/what-is/">Recommended by Outbrain</a></div>${[0, 1, 2].map(chunk).join('')}</div>`));
    expect(blocks.map((b) => b.items.length)).toEqual([12]);
  });

  it('an ad card of another shape in a stream of stories is one of its items; a "more" row is not', () => {
    const stories = Array.from({ length: 5 }, (_, i) => `<li class="story">${card('news', i)}</li>`).join('');
    const blocks = detect(page(`<section><h2>Recommended Stories</h2><ul>${stories}<li class="ad-card"><a href="https://ads.example/1">Drivers are switching to this little-known plan</a><span>Ad</span></li><li class="more"><a href="/more">More</a></li></ul></section>`));
    expect(blocks.map((b) => b.items.length)).toEqual([6]);
  });
});

describe('feed detection on the fixtures', () => {
  // "quick": the content script's pass before first paint, on cheap evidence only; it must hide
  // exactly as much, or the feed would show until idle time.
  for (const [mode, quick] of [['original', false], ['rename', false], ['strip', false], ['original', true], ['rename', true], ['strip', true]] as const) {
    for (const f of FIXTURES.filter((x) => x.expect.isArticle)) {
      it(`${f.file} (${mode} classes${quick ? ', quick pass' : ''}): hides every feed item, none of the article or related reading`, () => {
        const html = mode === 'original' ? fixtureHtml(f.file) : renameClasses(fixtureHtml(f.file), mode);
        const { doc, url } = loadFixture(f.file, html);
        const r = check(doc, url, quick);
        expect(r.feedItems).toBe(f.expect.feedItems);
        expect(r.feedHidden).toBe(r.feedItems);
        // The quick pass leaves counting to the full one.
        if (!quick) expect(r.counted).toBe(r.feedHidden);
        expect(r.articleHidden).toBe(0);
        expect(r.articleAncestorHidden).toBe(0);
        expect(r.relatedHidden).toBe(0);
        expect(r.captionsShown).toEqual([]);
        expect(r.moduleTextShown).toEqual([]);
        expect(r.rootFound).toBe(true);
        expect(r.commentsInBlocks).toBe(0);
        expect(r.blocksOverSeveral).toBe(0);
        expect(r.headingsFromCards).toEqual([]);
        expect(r.blocksInArticle).toBe(0);
      });
    }
  }

  it('a feed module between the two parts of a split body, under a heading no list knows, is hidden; both parts stay (hk-sveltekit-splide-split-body-collapsed-rest retitled)', () => {
    const file = 'hk-sveltekit-splide-split-body-collapsed-rest.html';
    const html = fixtureHtml(file).replaceAll('為你推介', '今期焦點');
    for (const quick of [false, true]) {
      const { doc, url } = loadFixture(file, html);
      const parts = Array.from(doc.querySelectorAll('[data-fixture="article"]'));
      // The premise: two parts of one body, the carousel a sibling between them.
      expect(parts.length).toBe(2);
      const carousel = doc.querySelector('[data-fixture="article"] ~ [data-fixture="feed-block"]')!;
      expect(carousel.compareDocumentPosition(parts[1]!) & 4).toBeTruthy();
      const r = check(doc, url, quick);
      expect(r.feedHidden).toBe(r.feedItems);
      expect(r.articleHidden).toBe(0);
      expect(r.articleAncestorHidden).toBe(0);
      expect(r.relatedHidden).toBe(0);
      expect(r.d.blocks.some((b) => b.el === carousel || b.el.contains(carousel.querySelector('[data-fixture="feed-item"]')!))).toBe(true);
    }
  });

  it('quick pass: a feed with an unknown heading is found by its cards even when the page labels its rail (sg-en-modern.html renamed)', () => {
    const { doc, url } = loadFixture('sg-en-modern.html', sgFeedRedesigned(true));
    const r = check(doc, url, true);
    expect(r.feedHidden).toBe(r.feedItems);
    expect(r.articleHidden).toBe(0);
    expect(r.relatedHidden).toBe(0);
  });

  it('while the page parses, the first card of an unlabelled feed is hidden before the rest of its run arrives; once parsed, a lone card is not a run', () => {
    // sg-en-modern, its feed renamed and retitled, cut where a network stall would leave it:
    // before the feed's second card.
    const html = sgFeedRedesigned();
    const cut = html.slice(0, beforeSecondFeedCard(html));
    const firstCard = (doc: Document) => doc.querySelector('[data-fixture-kind="recommended"] [data-fixture="feed-item"]')!;
    for (const quick of [true, false]) {
      const { doc, url } = loadFixture('sg-en-modern.html', cut);
      Object.defineProperty(doc, 'readyState', { value: 'loading' });
      const r = check(doc, url, quick);
      expect(r.d.blocks.some((b) => b.el.contains(firstCard(doc))), `quick: ${quick}`).toBe(true);
      expect(r.articleHidden).toBe(0);
      expect(r.articleAncestorHidden).toBe(0);
    }
    const { doc, url } = loadFixture('sg-en-modern.html', cut);
    expect(check(doc, url, true).d.blocks.some((b) => b.el.contains(firstCard(doc)))).toBe(false);
  });

  it('while the parser has only begun the third card of an unlabelled feed, the two before it are hidden (us-mithril-carbon-copy-changes under a slow CPU)', () => {
    const html = fixtureHtml('us-mithril-carbon-copy-changes.html');
    const list = html.indexOf('id="stay-a-few-list"');
    let third = list;
    for (let k = 0; k < 3; k++) third = html.indexOf('<li class="yn-card"', third + 1);
    // Cut just after the third card's opening tag: the parser is inside it, nothing in it yet.
    const cut = html.slice(0, html.indexOf('>', third) + 1);
    const { doc, url } = loadFixture('us-mithril-carbon-copy-changes.html', cut);
    Object.defineProperty(doc, 'readyState', { value: 'loading' });
    const cards = Array.from(doc.querySelectorAll('#stay-a-few-list > li'));
    expect(cards.length).toBe(3);
    expect(cards[2]!.childElementCount).toBe(0);
    for (const quick of [true, false]) {
      const blocks = detectFeed(doc, url, { quick }).blocks;
      expect(blocks.some((b) => b.el.contains(cards[0]!) && b.el.contains(cards[1]!)), `quick: ${quick}`).toBe(true);
    }
  });

  it('while the parser is inside a card whose provider is parsed and its date not yet, the cards before it are hidden (uk-nette-materialize, half its cards dated without a time of day)', () => {
    const file = 'uk-nette-materialize-absolute-dates-native-ads.html';
    const html = fixtureHtml(file);
    let third = html.indexOf('id="snippet-moreNews-items"');
    for (let k = 0; k < 3; k++) third = html.indexOf('<li class="yuk-river__item"', third + 1);
    // Cut after the third card's provider: the first card dated with its time, the second with
    // its date alone ("28 November 2026"), the third's date to come.
    const prov = html.indexOf('</span>', html.indexOf('yuk-tease__prov', third)) + '</span>'.length;
    const { doc, url } = loadFixture(file, html.slice(0, prov));
    Object.defineProperty(doc, 'readyState', { value: 'loading' });
    const cards = Array.from(doc.querySelectorAll('#snippet-moreNews-items > li'));
    expect(cards.length).toBe(3);
    expect(cards[2]!.querySelector('time, .yuk-tease__date')).toBeNull();
    for (const quick of [true, false]) {
      const blocks = detectFeed(doc, url, { quick }).blocks;
      expect(blocks.some((b) => b.el.contains(cards[0]!) && b.el.contains(cards[1]!)), `quick: ${quick}`).toBe(true);
    }
  });

  // The first card's picture parsed, the cards beside it that would tell it a card's not yet.
  for (const { file, place, list, picture } of [
    // In the article element's footer, its picture beside its link (hk-liferay-clay).
    { file: 'hk-liferay-clay-feed-inside-article-footer.html', place: 'a feed in the article element\'s footer (its picture beside its link)', list: 'yhkRecs_assetEntries', picture: 'img' },
    // In plain elements after the body inside the <article>, its picture in a link to another story (tw-layui).
    { file: 'tw-layui-flow-feed-inside-article-div.html', place: 'a feed in plain elements after the body inside the <article> (its picture in a link to another story)', list: 'LAY_flow_recs', picture: 'a img' },
  ]) {
    it(`while the parser is inside the first card of ${place}, the card is hidden (${file})`, () => {
      const html = fixtureHtml(file);
      const first = html.indexOf('<li', html.indexOf(list));
      const { doc, url } = loadFixture(file, html.slice(0, html.indexOf('</a>', first) + '</a>'.length));
      Object.defineProperty(doc, 'readyState', { value: 'loading' });
      const card = doc.querySelector(`[id$="${list}"] > li`)!;
      expect(card.querySelector(picture)).not.toBeNull();
      for (const quick of [true, false]) expect(detectFeed(doc, url, { quick }).blocks.some((b) => b.kind !== 'related' && b.el.contains(card)), `quick: ${quick}`).toBe(true);
    });
  }

  it('while the parser is inside a rail module whose stories so far share the story\'s terms, it stays shown as related reading (us-inferno-jss\'s "Full coverage")', () => {
    const file = 'us-inferno-jss-liveblog-posts-as-cards.html';
    const html = fixtureHtml(file);
    const second = html.indexOf('<li', html.indexOf('<li', html.indexOf('data-fixture="related-block"')) + 1);
    const { doc, url } = loadFixture(file, html.slice(0, html.indexOf('</a>', second) + '</a>'.length));
    Object.defineProperty(doc, 'readyState', { value: 'loading' });
    const items = Array.from(doc.querySelectorAll('[data-fixture="related-item"]'));
    expect(items.length).toBe(2);
    for (const quick of [true, false]) {
      const hidden = detectFeed(doc, url, { quick }).blocks.filter((b) => b.kind !== 'related');
      expect(items.filter((i) => hidden.some((b) => b.el.contains(i))), `quick: ${quick}`).toEqual([]);
    }
  });

  it('while the parser is inside the first row of a rail module (its rank number parsed, its link not yet), the module is hidden', () => {
    const html = fixtureHtml('us-mithril-carbon-copy-changes.html');
    const rank = html.indexOf('<span class="yn-buzz__rank"');
    const cut = html.slice(0, html.indexOf('</span>', rank) + '</span>'.length);
    const { doc, url } = loadFixture('us-mithril-carbon-copy-changes.html', cut);
    Object.defineProperty(doc, 'readyState', { value: 'loading' });
    const row = doc.querySelector('[data-fixture-kind="trending"] [data-fixture="feed-item"]')!;
    expect(row.querySelector('a')).toBeNull();
    expect((row.textContent ?? '').trim()).toBe('1');
    for (const quick of [true, false]) expect(detectFeed(doc, url, { quick }).blocks.some((b) => b.el.contains(row)), `quick: ${quick}`).toBe(true);
  });

  it('while the parser is inside a ranking under a heading with a row of tabs, its rows parsed so far are hidden (the header, tabs and all, is no module of its own)', () => {
    const file = 'jp-vue-naive-furigana-button-headings.html';
    const html = fixtureHtml(file);
    const body = html.indexOf('<body');
    // Cut inside the fourth row, its rank parsed and its title not yet: three whole rows before
    // it (no times: more than an open run's first cards).
    let fourth = body;
    for (let k = 0; k < 4; k++) fourth = html.indexOf('<li class="n-list-item rk-item"', fourth + 1);
    const { doc, url } = loadFixture(file, html.slice(0, html.indexOf('<span class="rk-title"', fourth)));
    Object.defineProperty(doc, 'readyState', { value: 'loading' });
    const rows = Array.from(doc.querySelectorAll('[data-fixture-kind="trending"] [data-fixture="feed-item"]'));
    expect(rows.length).toBe(4);
    for (const quick of [true, false]) {
      const blocks = detectFeed(doc, url, { quick }).blocks;
      expect(rows.filter((r) => blocks.some((b) => b.el.contains(r))).length, `quick: ${quick}`).toBe(4);
    }
  });

  it('while the parser is inside a module named only for assistive technology as a feed, its first row begun is hidden; once parsed, the module is decided on its rows', () => {
    const cases: [string, string, string][] = [
      // 熱門新聞's first row: its rank parsed, its link not yet.
      ['tw-fresh-img-heading-rolelink-cards.html', 'aria-label="熱門新聞"', '</span>'],
      // 贊助內容's first card: its picture parsed, its text not yet.
      ['tw-fresh-img-heading-rolelink-cards.html', 'aria-label="贊助內容"', '<div class="yn:min-w-0">'],
      // The keywords' first chip parsed.
      ['jp-django-pico-sticky-keywords-ranking-pr.html', 'aria-label="話題のキーワード"', '</a>'],
    ];
    for (const [file, name, until] of cases) {
      const html = fixtureHtml(file);
      const row = html.indexOf('data-fixture="feed-item"', html.indexOf(name));
      const { doc, url } = loadFixture(file, html.slice(0, html.indexOf(until, row)));
      Object.defineProperty(doc, 'readyState', { value: 'loading' });
      const module = doc.querySelector(`[${name}]`)!;
      const first = module.querySelector('[data-fixture="feed-item"]')!;
      expect(module.querySelectorAll('[data-fixture="feed-item"]').length, name).toBe(1);
      for (const quick of [true, false]) expect(detectFeed(doc, url, { quick }).blocks.some((b) => b.el.contains(first)), `${name} quick: ${quick}`).toBe(true);
      // Parsed as it stands (one row), it is no feed.
      const parsed = loadFixture(file, html.slice(0, html.indexOf(until, row)));
      const lone = parsed.doc.querySelector(`[${name}] [data-fixture="feed-item"]`)!;
      expect(detectFeed(parsed.doc, parsed.url).blocks.some((b) => b.el.contains(lone)), name).toBe(false);
    }
  });

  it('while the parser is inside the first row of a rail module that is a `div` or a table row (its rank number parsed, its link not yet), the module is hidden', () => {
    const file = 'tw-fluent-griffel-nonlist-rows.html';
    const html = fixtureHtml(file);
    for (const [heading, until] of [['>熱搜排行<', '</span>'], ['>影音熱播<', '</td>']] as const) {
      const row = html.indexOf('data-fixture="feed-item"', html.indexOf(heading));
      const { doc, url } = loadFixture(file, html.slice(0, html.indexOf(until, row) + until.length));
      Object.defineProperty(doc, 'readyState', { value: 'loading' });
      const rows = Array.from(doc.querySelectorAll('[data-fixture-kind="trending"] [data-fixture="feed-item"]')).filter((r) => !r.querySelector('a'));
      expect(rows.length, heading).toBe(1);
      expect((rows[0]!.textContent ?? '').trim(), heading).toBe('1');
      expect(['DIV', 'TR']).toContain(rows[0]!.tagName);
      for (const quick of [true, false]) expect(detectFeed(doc, url, { quick }).blocks.some((b) => b.el.contains(rows[0]!)), `${heading} quick: ${quick}`).toBe(true);
    }
  });

  it("while the parser is inside a feed's first card, its provider's logo and its time parsed and its title not yet, the card is hidden; once parsed, a lone card is no run", () => {
    const file = 'us-catalyst-primer-compact-times-logo-providers.html';
    const html = fixtureHtml(file);
    const age = html.indexOf('<span class="yn-age">just now</span>');
    const cut = html.slice(0, age + '<span class="yn-age">just now</span>'.length);
    const { doc, url } = loadFixture(file, cut);
    Object.defineProperty(doc, 'readyState', { value: 'loading' });
    const card = doc.querySelector('[data-fixture-kind="recommended"] [data-fixture="feed-item"]')!;
    expect(card.querySelector('a')).toBeNull();
    for (const quick of [true, false]) expect(detectFeed(doc, url, { quick }).blocks.some((b) => b.el.contains(card)), `quick: ${quick}`).toBe(true);
    const parsed = loadFixture(file, cut);
    const lone = parsed.doc.querySelector('[data-fixture-kind="recommended"] [data-fixture="feed-item"]')!;
    expect(detectFeed(parsed.doc, parsed.url).blocks.some((b) => b.el.contains(lone))).toBe(false);
  });

  it('while the page parses, a feed module before the headline in the page\'s <main> is hidden before the story arrives; the related reading beside it is not', () => {
    const file = 'hk-qute-minicss-reverse-flush-order.html';
    const html = fixtureHtml(file);
    const cut = html.slice(0, html.indexOf('<h1'));
    const { doc, url } = loadFixture(file, cut);
    Object.defineProperty(doc, 'readyState', { value: 'loading' });
    const hidden = beforeArticle(doc, url).map((b) => b.el);
    const foryou = doc.querySelector('#yq-foryou')!;
    expect(foryou.closest('main')).not.toBeNull();
    expect(hidden).toContain(foryou);
    for (const el of hidden) expect(el.querySelector('[data-fixture="related-item"]'), el.id).toBeNull();
  });

  it("while the parser is inside a module's first card after the story, its picture parsed and nothing else, the card is hidden; once parsed, a lone card is no run", () => {
    const file = 'sg-hugo-bootstrap-absolute-times.html';
    const html = fixtureHtml(file);
    const first = html.indexOf('data-fixture="feed-item"', html.indexOf('id="brand-corner"'));
    const cut = html.slice(0, html.indexOf('<h3', first));
    const { doc, url } = loadFixture(file, cut);
    Object.defineProperty(doc, 'readyState', { value: 'loading' });
    const card = doc.querySelector('#brand-corner [data-fixture="feed-item"]')!;
    expect(card.querySelector('img')).not.toBeNull();
    expect(card.textContent!.trim()).toBe('');
    for (const quick of [true, false]) expect(detectFeed(doc, url, { quick }).blocks.some((b) => b.el.contains(card)), `quick: ${quick}`).toBe(true);
    // Nor does the stylesheet's gate stand for the detection meanwhile.
    const hides = ['recommended', 'trending', 'sponsored'] as const;
    expect(gateCovers(doc, new URL(url).hostname, hides.map(earlySelector).filter(Boolean).join(', '), hides)).toBe(false);
    const parsed = loadFixture(file, cut);
    const lone = parsed.doc.querySelector('#brand-corner [data-fixture="feed-item"]')!;
    expect(detectFeed(parsed.doc, parsed.url).blocks.some((b) => b.el.contains(lone))).toBe(false);
  });

  it('while the parser is inside related reading under its caption (its first card, or a later one), no block holds it', () => {
    const file = 'hk-framework7-media-list-page-stack.html';
    const html = fixtureHtml(file);
    const list = html.indexOf('id="list-seealso-1"');
    const card = (n: number) => {
      let at = list;
      for (let i = 0; i < n; i++) at = html.indexOf('<li data-fixture="related-item">', at + 1);
      return at;
    };
    // The parser in the first card's link, then in the third's.
    for (const n of [1, 3]) {
      const cut = html.indexOf('<div class="item-media">', card(n));
      const { doc, url } = loadFixture(file, html.slice(0, cut));
      Object.defineProperty(doc, 'readyState', { value: 'loading' });
      const related = Array.from(doc.querySelectorAll('[data-fixture="related-item"]'));
      expect(related.length).toBe(n);
      for (const quick of [true, false]) {
        const blocks = detectFeed(doc, url, { quick }).blocks.filter((b) => b.kind !== 'related');
        expect(related.filter((r) => blocks.some((b) => b.el.contains(r))), `card ${n}, quick: ${quick}`).toEqual([]);
      }
    }
  });

  it("while the parser is inside a feed's first card, its title parsed and its time not yet, the card is hidden (hk-widgets-article under a slow CPU)", () => {
    const html = fixtureHtml('hk-widgets-article.html');
    const title = html.indexOf('天文台：冷鋒周日');
    // Cut after the card's title, before its summary and its provider and time.
    const cut = html.slice(0, html.indexOf('</h3>', title) + '</h3>'.length);
    const { doc, url } = loadFixture('hk-widgets-article.html', cut);
    Object.defineProperty(doc, 'readyState', { value: 'loading' });
    const card = doc.querySelector('#module-ymal-stream [data-fixture="feed-item"]')!;
    expect(card.querySelector('.sc-time')).toBeNull();
    for (const quick of [true, false]) expect(detectFeed(doc, url, { quick }).blocks.some((b) => b.el.contains(card)), `quick: ${quick}`).toBe(true);
    // Once parsed, a lone card without a time is no run.
    const parsed = loadFixture('hk-widgets-article.html', cut);
    const lone = parsed.doc.querySelector('#module-ymal-stream [data-fixture="feed-item"]')!;
    expect(detectFeed(parsed.doc, parsed.url, { quick: true }).blocks.some((b) => b.el.contains(lone))).toBe(false);
  });

  for (const f of FIXTURES.filter((x) => x.expect.afterNavigation && !x.expect.isArticle)) {
    it(`${f.file} after in-site navigation: still no article, nothing to hide`, async () => {
      const { doc, url } = await loadAfterNavigation(f.file);
      expect(url).toBe(f.expect.afterNavigation!.url);
      const d = detectFeed(doc, url);
      expect(d.page.isArticle).toBe(false);
      expect(d.blocks).toEqual([]);
    });
  }

  for (const f of FIXTURES.filter((x) => x.expect.afterNavigation && x.expect.isArticle)) {
    it(`${f.file} after in-site navigation: every feed item of the page hidden, none of either article; the current one is the one the title names`, async () => {
      const { doc, url } = await loadAfterNavigation(f.file);
      const r = check(doc, url);
      expect(r.feedItems).toBe(f.expect.afterNavigation!.feedItems);
      expect(r.feedHidden).toBe(r.feedItems);
      expect(r.articleHidden).toBe(0);
      expect(r.articleAncestorHidden).toBe(0);
      // Nothing inside an article is a block, not even a profile's block (caas "Story continues").
      for (const a of Array.from(doc.querySelectorAll('[data-fixture="article"]'))) {
        for (const b of r.d.blocks) expect(a.contains(b.el), `a block inside an article: ${b.heading}`).toBe(false);
      }
      const headline = r.d.article.headline!;
      expect(doc.title.replace(/\s+/g, '')).toContain((headline.textContent ?? '').replace(/\s+/g, '').slice(0, 20));
      expect(headline.compareDocumentPosition(r.d.article.root!) & 4).toBeTruthy();
    });
  }

  it('names the seed feed block 其他人也在看 with its 20 stories', () => {
    const { doc, url } = loadFixture('tw-modern-seed.html');
    const d = detectFeed(doc, url);
    const feed = d.blocks.find((b) => b.heading === '其他人也在看');
    expect(feed?.kind).toBe('recommended');
    expect(feed?.items.length).toBe(20);
    expect(d.page.profile).toBe('yahoo-modern');
  });

  it('keeps a genuinely related 関連記事 block as related (visible by default)', () => {
    const { doc, url } = loadFixture('jp-article.html');
    const d = detectFeed(doc, url);
    const related = Array.from(doc.querySelectorAll('[data-fixture="related-block"]'));
    expect(related.length).toBeGreaterThan(0);
    for (const r of related) {
      // Found and named related (the popup reports "kept 1 related block"), not merely missed.
      const b = d.blocks.find((x) => x.el === r || x.el.contains(r));
      expect(b?.kind).toBe('related');
    }
  });

  it('does nothing on a home page', () => {
    const { doc, url } = loadFixture('tw-home.html');
    expect(detectFeed(doc, url).blocks).toEqual([]);
  });

  it('applies a user rule (heading phrase) and a user selector', () => {
    const { doc, url } = loadFixture('tw-no-feed.html');
    const target = doc.createElement('section');
    target.innerHTML = '<h2>編輯精選</h2><ul><li><a href="/a">one</a></li></ul>';
    doc.body.appendChild(target);
    const host = new URL(url).hostname;
    const d = detectFeed(doc, url, { userRules: [{ host, kind: 'phrase', value: '編輯精選' }] });
    expect(d.blocks.some((b) => b.el === target || b.el.contains(target))).toBe(true);
    target.id = 'picked';
    target.querySelector('h2')!.textContent = 'Anything';
    const d2 = detectFeed(doc, url, { userRules: [{ host, kind: 'selector', value: '#picked' }] });
    expect(d2.blocks.some((b) => b.el === target)).toBe(true);
  });

  it('a hostile user selector never throws', () => {
    const { doc, url } = loadFixture('tw-modern-seed.html');
    expect(() => detectFeed(doc, url, { userRules: [{ host: 'tw.news.yahoo.com', kind: 'selector', value: 'div[' }] })).not.toThrow();
  });
});

describe('generic detection on a site nobody profiled', () => {
  it('finds an Outbrain widget and a "Recommended for you" list, never the story', async () => {
    const { readFileSync } = await import('node:fs');
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const html = readFileSync(`${import.meta.dirname}/../fixtures/generic/news-site.html`, 'utf8');
    const url = 'https://example-news.test/local/tram-line-approved';
    const doc = new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
    const d = detectFeed(doc, url, { force: true });
    const hidden = d.blocks.filter((b) => b.kind !== 'related').map((b) => b.el);
    const inHidden = (el: Element) => hidden.some((b) => b === el || b.contains(el));
    const items = Array.from(doc.querySelectorAll('[data-fixture="feed-item"]'));
    expect(items.length).toBe(7);
    expect(items.filter(inHidden).length).toBe(7);
    for (const role of ['article', 'headline', 'byline']) {
      for (const el of Array.from(doc.querySelectorAll(`[data-fixture="${role}"]`))) expect(inHidden(el)).toBe(false);
    }
    expect(d.blocks.find((b) => b.el.classList.contains('OUTBRAIN'))?.kind).toBe('sponsored');
  });

  it('a module under a heading no list knows is related reading when the heading names the story\'s subject, the feed when it does not (cards dated by <time>)', async () => {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const url = 'https://example-news.test/sports/wild-beat-sabres';
    const cards = (topic: string) =>
      Array.from({ length: 4 }, (_, i) => `<li><a href="/s/${topic}-${i}">${topic} story number ${i} with a title of some length</a> <time datetime="2026-11-2${i}">2${i} November 2026</time></li>`).join('');
    const page = (heading: string, title: string) =>
      `<html><head><title>${title}</title></head><body><main><article><h1>${title}</h1><p class="byline">By A. Writer</p>${'<p>The game report goes on at length about the period, the shots and the crowd in the arena.</p>'.repeat(8)}</article>` +
      `<div class="more"><h3>${heading}</h3><ul>${cards('other')}</ul></div></main></body></html>`;
    const kind = (heading: string, title = 'Parise scores twice as Wild beat Sabres') => {
      const doc = new JSDOM(page(heading, title), { url, virtualConsole: new VirtualConsole() }).window.document;
      return detectFeed(doc, url, { force: true }).blocks.map((b) => b.kind);
    };
    expect(kind('More in Minnesota Wild')).toEqual(['related']);
    expect(kind('Around the league tonight')).toEqual(['recommended']);
    // A word of time or place in passing, shared by chance, names no subject.
    expect(kind('Your next few minutes', 'What comes next for the Wild after a week of wins')).toEqual(['recommended']);
    expect(kind('Before you go today', 'Wild to decide on Parise before today’s deadline')).toEqual(['recommended']);
  });

  it('a list under a caption that is no heading element (a card header\'s span, a panel\'s first line, a <nav> panel after the story) is found by its caption; its "more" link is no story', async () => {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const url = 'https://example-news.test/city/ferry-fares';
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `<a href="/s/other-${i}"><div>${i + 1}</div><p>Another story with a title of its own ${i}</p></a>`).join('');
    const page = (rail: string) =>
      `<html><head><title>Ferry fares stay the same next year</title></head><body><header><nav><a href="/">Home</a><a href="/news">News</a><a href="/sport">Sport</a></nav></header><main><article><h1>Ferry fares stay the same next year</h1>${'<p>The operator said the fares for the crossing would not change, and the new boats would run from March.</p>'.repeat(8)}</article>${rail}</main></body></html>`;
    const blocks = (rail: string) => {
      const doc = new JSDOM(page(rail), { url, virtualConsole: new VirtualConsole() }).window.document;
      return detectFeed(doc, url, { force: true }).blocks.map((b) => `${b.kind} ${b.items.length}`);
    };
    // A card header's span, then the list.
    expect(blocks(`<div><div><span>Trending</span></div><ol>${Array.from({ length: 5 }, (_, i) => `<li><a href="/s/t-${i}">Trending story with a title ${i}</a></li>`).join('')}</ol></div>`)).toEqual(['trending 5']);
    // Bulma's panel: a <nav> after the story, its heading a <p>, its rows and its "more" link one tag.
    expect(blocks(`<nav><p>熱門</p>${rows(6)}<a href="/ranking">もっと見る</a></nav>`)).toEqual(['trending 6']);
    // The site's own navigation stays what it is.
    expect(blocks('')).toEqual([]);
  });

  it('a ranking whose rows have no link (a script follows the click) is found under a caption that names a feed, its title read before the note beside it; with no such caption, or as a table, it stays', async () => {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const url = 'https://example-news.test/city/ferry-fares';
    const rows = (n: number, tag = 'div', from = 1) =>
      Array.from({ length: n }, (_, i) => `<${tag} class="row"><span>${from + i}</span><div><span>另一則與本文無關的熱門話題 ${i}</span><span>${90 - i}.5萬熱度</span></div></${tag}>`).join('');
    const page = (rail: string) =>
      `<html><head><title>Ferry fares stay the same next year</title></head><body><main><article><h1>Ferry fares stay the same next year</h1>${'<p>The operator said the fares for the crossing would not change, and the new boats would run from March.</p>'.repeat(8)}</article><div class="side">${rail}</div></main></body></html>`;
    const blocks = (rail: string) => {
      const doc = new JSDOM(page(rail), { url, virtualConsole: new VirtualConsole() }).window.document;
      return detectFeed(doc, url, { force: true }).blocks.map((b) => `${b.kind} ${b.items.length} ${b.heading}`);
    };
    const head = '<div class="head"><span>热搜榜</span><span>每10分钟更新</span></div>';
    expect(blocks(`<div class="box">${head}<div class="list">${rows(8)}</div></div>`)).toEqual(['trending 8 热搜榜']);
    // Its numbers out of order: no ranking (a list of figures, a timetable).
    expect(blocks(`<div class="box">${head}<div class="list">${rows(4)}${rows(4)}</div></div>`)).toEqual([]);
    // A caption that names no feed (a league's table, a schedule).
    expect(blocks(`<div class="box"><div class="head"><span>本季積分</span><span>每週更新</span></div><div class="list">${rows(8)}</div></div>`)).toEqual([]);
    // A table's rows are data, whatever their caption.
    expect(blocks(`<div class="box">${head}<table><tbody>${rows(8, 'tr').replaceAll('<span>', '<td>').replaceAll('</span>', '</td>').replaceAll('<div>', '').replaceAll('</div>', '')}</tbody></table></div>`)).toEqual([]);
  });
});

describe('ads in the page’s own markup', () => {
  const url = 'https://example-news.test/city/ferry-fares';
  const page = (body: string, after: string, before = '') =>
    `<html><head><title>Ferry fares stay the same next year</title></head><body><header><nav><a href="/">Home</a><a href="/news">News</a></nav></header>${before}<main><article><h1>Ferry fares stay the same next year</h1>${'<p>The operator said the fares for the crossing would not change, and the new boats would run from March.</p>'.repeat(8)}${body}</article>${after}</main></body></html>`;
  const blocks = async (html: string) => {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const doc = new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
    return detectFeed(doc, url, { force: true }).blocks.map((b) => `${b.kind} ${b.items.length} ${b.el.tagName.toLowerCase()}`);
  };
  const ads = (label: string) =>
    `<div class="row">${[1, 2].map((i) => `<div class="col"><a rel="sponsored noopener" href="https://ads.example/c?${i}">${label ? `<span class="chip"><span>${label}</span></span>` : ''}<span>Advertiser ${i}</span><div>An offer of some kind, for a limited time ${i}</div></a></div>`).join('')}</div>`;

  it('a pair of paid-for links that each carry an ad label, under no heading, is one sponsored block; without labels, or in the article, nothing is hidden', async () => {
    expect(await blocks(page('', ads('PR')))).toEqual(['sponsored 2 div']);
    expect(await blocks(page('', ads('広告')))).toEqual(['sponsored 2 div']);
    // rel="sponsored" alone is an affiliate's mark too (a shop's link after the story).
    expect(await blocks(page('', ads('')))).toEqual([]);
    // In the article (a book's shop link with its own label) it is the story's.
    expect(await blocks(page(ads('PR'), ''))).toEqual([]);
  });

  it('other ad labels (推廣, プロモーション, "Paid post") mark paid-for links as ads; a paid-for link through Yahoo\'s ad server is an ad with any label or none', async () => {
    expect(await blocks(page('', ads('推廣')))).toEqual(['sponsored 2 div']);
    expect(await blocks(page('', ads('プロモーション')))).toEqual(['sponsored 2 div']);
    expect(await blocks(page('', ads('Paid post')))).toEqual(['sponsored 2 div']);
    // Yahoo's native ads: a label no list knows, or no label at all.
    const gemini = (label: string) => ads(label).replaceAll('href="https://ads.example/c?', 'href="https://beap.gemini.yahoo.com/mbclk?bv=1.0.0&amp;es=');
    expect(await blocks(page('', gemini('品牌夥伴')))).toEqual(['sponsored 2 div']);
    expect(await blocks(page('', gemini('')))).toEqual(['sponsored 2 div']);
    // In the article it is still the story's.
    expect(await blocks(page(gemini(''), ''))).toEqual([]);
  });

  it('a module of labelled ads under a heading no list knows is one block with its heading, whatever text a closed toggletip beside the heading holds', async () => {
    const why = `<div><h2>Messages from brands we work with</h2><button type="button" aria-expanded="false">Why these?</button><span hidden>${'These links are paid for by the companies named on them, and we are paid when you click. '.repeat(3)}</span></div>`;
    expect(await blocks(page('', `<section>${why}${ads('PR')}</section>`))).toEqual(['sponsored 2 section']);
  });

  it('labelled ads under a heading that names a recommended kind ("Around the web", "From our partners") are sponsored: the setting for sponsored blocks decides them', async () => {
    expect(await blocks(page('', `<section><h2>Around the web</h2>${ads('Sponsored')}</section>`))).toEqual(['sponsored 2 section']);
    for (const file of ['in-astro-islands-io-river-idle-rerender-rail.html', 'ca-unpoly-uikit-story-stack-parked-next.html']) {
      const { doc, url } = loadFixture(file);
      const d = detectFeed(doc, url, {});
      const annotated = doc.querySelector('[data-fixture-kind="sponsored"] [data-fixture="feed-item"]')!;
      expect(d.blocks.find((b) => b.el.contains(annotated))?.kind, file).toBe('sponsored');
    }
  });

  it('paid-for links between the parts of a story are the story’s own (a shop box, a “Buy” button with its “Ad” badge); a list of deals after it, each card with text beside its button, is one block under its heading', async () => {
    const part = (n: number) => `<div class="part">${`<p>Part ${n} of the review goes on about drying racks, their wattage and what they cost to run.</p>`.repeat(4)}</div>`;
    const split = (between: string, after = '') =>
      `<html><head><title>The best heated airers</title></head><body><main><article><h1>The best heated airers</h1>${part(1)}${between}${part(2)}</article>${after}</main></body></html>`;
    expect(await blocks(split(ads('PR')))).toEqual([]);
    const buy = `<div class="buy"><span>£49.99</span><span>Ad</span><a rel="sponsored noopener" href="https://shop.example/airer">Buy now</a></div>`;
    expect(await blocks(split(buy))).toEqual([]);
    const deal = (i: number) => `<li><img src="x.png" alt=""><span>Ad</span><b>Up to ${i}0% off selected lines at a retailer</b><p>Offer ends Sunday, while stocks last, terms apply ${i}.</p><a rel="sponsored noopener" href="https://retailer.example/${i}">Shop now</a></li>`;
    const deals = `<section><h2>Shop the deals</h2><ul>${[1, 2, 3, 4].map(deal).join('')}</ul></section>`;
    expect(await blocks(split('', deals))).toEqual(['sponsored 4 section']);
  });

  it('an ad card among a stream’s stories, with its “Why this ad?” link, is a sponsored block of its own inside the stream', async () => {
    const story = (i: number) => `<li><h3><a href="/s/story-${i}">Another story with a title of its own ${i}</a></h3><p>Wire · ${i + 1}h ago</p></li>`;
    const ad = `<li><p><span>Ad</span><span>An advertiser</span></p><h3><a rel="sponsored nofollow" href="https://ads.example/c">Five questions to ask before you retire</a></h3><p><a href="https://legal.example/adinfo">Why this ad?</a></p></li>`;
    const stream = `<section><h2>More from Yahoo Life</h2><ul>${story(1)}${story(2)}${ad}${story(3)}${story(4)}</ul></section>`;
    expect(await blocks(page('', stream))).toEqual(['recommended 4 section', 'sponsored 1 li']);
  });

  it('an ad card of another tag than the linked stories beside it counts as one item, in the page and among the cards a script appends', async () => {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const story = (i: number) => `<a class="card" href="/s/story-${i}"><div><b>Another story with a title of its own ${i}</b><span>Wire · ${i + 1}h ago</span></div></a>`;
    const ad = '<div class="card ad"><a rel="sponsored noopener" href="https://ads.example/c"><b>Five questions to ask before you retire</b><span>推广</span></a></div>';
    const html = page('', `<section><h2>More from Yahoo Life</h2><div class="list">${story(1)}${story(2)}${ad}${story(3)}${story(4)}</div></section>`);
    expect(await blocks(html)).toEqual(['recommended 4 section', 'sponsored 1 div']);
    const doc = new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
    const list = doc.querySelector('.list')!;
    list.insertAdjacentHTML('beforeend', `${story(5)}${ad}`);
    const added = [list.children[5]!, list.children[6]!];
    expect(sponsoredCards(added, added).map((b) => `${b.el.className} ${b.items.length}`)).toEqual(['card ad 1']);
    // Not a story's card, nor, without the cards to read, an ad found by its link alone.
    expect(sponsoredCards(added)).toEqual([]);
  });

  it('a “Shop this story” box in the story’s own element, after its body, each product with an “Ad” badge, is the story’s', async () => {
    const product = (i: number) => `<div class="card"><h3>Ceramic tower heater model ${i}</h3><span>Ad</span><span>$4${i}.99</span><a rel="sponsored noopener" href="https://shop.example/${i}">Buy at a store</a></div>`;
    const html = page('', '').replace('</article>', '</div><section class="shop"><h2>Shop this story</h2>' + [1, 2, 3].map(product).join('') + '</section></article>').replace('<h1>', '<div class="col"><h1>');
    expect(await blocks(html)).toEqual([]);
    // The headline far from the body (in the page's header): the body's <article> is the story's.
    const apart = page('', '').replace('<main><article><h1>Ferry fares stay the same next year</h1>', '<div class="hero"><h1>Ferry fares stay the same next year</h1></div><main><article><div class="text">').replace('</article>', '</div><section class="shop"><h2>Shop this story</h2>' + [1, 2, 3].map(product).join('') + '</section></article>');
    expect(await blocks(apart)).toEqual([]);
  });

  it('a heading with furigana, a decorative icon, an icon\'s <title>, a subtitle after a <br> or a row of tabs is read for its name; its tabs are no stories of the module', async () => {
    const story = (i: number) => `<li><a href="/s/story-${i}">Another story with a title of its own ${i}</a><span>Wire</span></li>`;
    const list = `<ul>${[1, 2, 3, 4, 5].map(story).join('')}</ul>`;
    const headed = (heading: string) => page('', `<section><div class="hd"><div role="heading" aria-level="2">${heading}</div></div>${list}</section>`);
    const named = async (heading: string) => {
      const { JSDOM, VirtualConsole } = await import('jsdom');
      const doc = new JSDOM(headed(heading), { url, virtualConsole: new VirtualConsole() }).window.document;
      return detectFeed(doc, url, { force: true }).blocks.map((b) => `${b.kind} ${b.items.length} ${b.el.tagName.toLowerCase()} ${b.heading}`);
    };
    expect(await named('<span aria-hidden="true">▶</span>あわせて<ruby>読<rp>（</rp><rt>よ</rt><rp>）</rp></ruby>みたい<br><span>この記事を読んだ人はこんな記事も読んでいます</span>')).toEqual(['recommended 5 section あわせて読みたい']);
    expect(await named('<svg role="img"><title>王冠</title></svg>ｱｸｾｽﾗﾝｷﾝｸﾞ<span>1/3</span><br><span><a href="/r/all">総合</a>｜<a href="/r/dom">国内</a>｜<a href="/r/world">国際</a></span>')).toEqual(['trending 5 section ｱｸｾｽﾗﾝｷﾝｸﾞ']);
  });

  it('a module’s own <header> (its heading and an “About these” link) is no site chrome: the module is one block under its heading; the page’s banner stays chrome', async () => {
    const story = (i: number) => `<li><h3><a href="/s/story-${i}">Another story with a title of its own ${i}</a></h3><span>Wire</span></li>`;
    const module = (tag: string) => `<${tag}><header><h2>Trending now</h2><a href="/help/trending">About these stories</a></header><ul>${[1, 2, 3, 4, 5].map(story).join('')}</ul></${tag}>`;
    expect(await blocks(page('', module('section')))).toEqual(['trending 5 section']);
    expect(await blocks(page('', module('aside')))).toEqual(['trending 5 aside']);
    // The page's banner, outside every section, is the site's.
    expect(await blocks(page('', '', `<header><h2>Trending now</h2><a href="/help/trending">About</a></header>`))).toEqual([]);
  });

  it('a rail of modules stripped of classes: each is named by its heading (its header `div` is no card beside its list `div`); a video ranking\'s rows are its items (a picture cell and a title cell going to one story are one row)', () => {
    const file = 'tw-fluent-griffel-nonlist-rows.html';
    const { doc, url } = loadFixture(file, renameClasses(fixtureHtml(file), 'strip'));
    for (const quick of [false, true]) {
      const rail = detectFeed(doc, url, { quick }).blocks.filter((b) => b.el.closest('aside'));
      expect(rail.map((b) => b.heading), `quick: ${quick}`).toEqual(['熱搜排行', '影音熱播']);
    }
    const rail = detectFeed(doc, url).blocks.filter((b) => b.el.closest('aside'));
    expect(rail.map((b) => b.items.length)).toEqual([10, 6]);
    expect(rail[1]!.items.every((i) => i.tagName === 'TR')).toBe(true);
  });

  it('a navigation landmark named as a trending list, outside the site’s header, is a block; the header’s own is the site’s', async () => {
    const strip = `<div role="navigation" aria-label="熱搜">${['颱風', '股市', '油價', '演唱會'].map((t) => `<a href="/search?p=${t}">${t}</a>`).join('')}</div>`;
    expect(await blocks(page('', '', strip))).toEqual(['trending 4 div']);
    const keywords = `<nav aria-label="話題のキーワード"><ul>${['箱根駅伝', 'ボーナス', '紅白歌合戦', '年末ジャンボ'].map((t) => `<li><a href="/search?p=${t}">#${t}</a></li>`).join('')}</ul></nav>`;
    expect(await blocks(page('', '', keywords))).toEqual(['trending 4 nav']);
    expect(await blocks(page('', '').replace('<nav>', `<nav>${strip}`))).toEqual([]);
  });
});

describe('pictures of cards are no article pictures', () => {
  it('a strip of story cards inside the article element, each a `div` with its linked picture, is hidden whole, not as its heading alone', async () => {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const url = 'https://example-news.test/city/mine-shaft';
    const card = (i: number) => `<div class="card"><a class="image" href="/s/other-${i}"><img src="x${i}.png" alt=""></a><div class="content"><a href="/s/other-${i}">Another story with a title of its own ${i}</a><span>${i + 1}h ago</span></div></div>`;
    const html =
      `<html><head><title>Mine shaft found under the street</title></head><body><main><article><h1>Mine shaft found under the street</h1><figure><img src="hero.png" alt=""></figure>` +
      `<div class="body">${'<p>Workers found an old shaft under the street while laying drains, and the council closed the road.</p>'.repeat(8)}</div>` +
      `<section class="strip"><h2>Recommended for you</h2><div class="cards">${[1, 2, 3, 4].map(card).join('')}</div></section></article></main></body></html>`;
    const doc = new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
    const d = detectFeed(doc, url, { force: true });
    expect(d.blocks.map((b) => `${b.kind} ${b.items.length} ${b.el.tagName.toLowerCase()}`)).toEqual(['recommended 4 section']);
    // The story's own picture stays one of its pictures.
    expect(d.article.images.some((i) => i.matches('figure, img[src="hero.png"]'))).toBe(true);
  });
});

describe('several articles on one page', () => {
  it('a second story with its headline and body, appended below the first, is never hidden; a feed of cards titled by h1s is still a feed', async () => {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const url = 'https://example-news.test/city/ferry-fares';
    const body = (topic: string) => `<p>${topic} went on for a while, and the report says so at some length here.</p>`.repeat(6);
    const cards = Array.from({ length: 4 }, (_, i) => `<article><h1><a href="/s/other-${i}">Another story with a title of its own ${i}</a></h1><p>A summary of that other story, of a line or so, ${i}.</p><span>Wire · ${i + 1}h ago</span></article>`).join('');
    const html =
      `<html><head><title>Ferry fares stay the same next year</title></head><body><main>` +
      `<article><h1>Ferry fares stay the same next year</h1><div class="body">${body('The ferry story')}</div></article>` +
      // The next story: a subhead beside an ad label, as a sponsored module would have.
      `<article class="next"><h1>Tram line approved after a long wait</h1><div class="body">${body('The tram story')}<h2>Sponsored</h2><p><a href="/ad">Ad</a></p>${body('The tram story again')}</div></article>` +
      `<section><h2>Around the site</h2>${cards}</section></main></body></html>`;
    const doc = new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
    const d = detectFeed(doc, url, { force: true });
    const next = doc.querySelector('article.next')!;
    expect(d.article.others).toEqual([next]);
    for (const b of d.blocks) expect(b.el.contains(next) || next.contains(b.el), b.heading).toBe(false);
    expect(d.blocks.map((b) => `${b.kind} ${b.items.length}`)).toEqual(['recommended 4']);
  });
});

describe('the stylesheet gate covers a known layout (detection can wait for idle time)', () => {
  // The selectors the stylesheet hides with default settings.
  const HIDES = FEED_KINDS.filter((k) => DEFAULT_SETTINGS.hide[k]);
  const GATED = HIDES.map(earlySelector).filter(Boolean).join(', ');
  const seed = (html = fixtureHtml('tw-modern-seed.html')) => loadFixture('tw-modern-seed.html', html).doc;
  const HOST = 'tw.news.yahoo.com';
  /** A recommendation widget (Outbrain's) at the end of the page, outside every gated block. */
  const addWidget = (doc: Document) => doc.body.appendChild(Object.assign(doc.createElement('div'), { className: 'OUTBRAIN' }));

  it('covers the seed page: every block it would hide, the stylesheet hides', () => {
    expect(gateCovers(seed(), HOST, GATED, HIDES)).toBe(true);
  });

  it('does not cover a page it matches nothing on (renamed classes: an unknown layout)', () => {
    expect(gateCovers(seed(renameClasses(fixtureHtml('tw-modern-seed.html'), 'rename')), HOST, GATED, HIDES)).toBe(false);
  });

  it('does not cover a module outside the gate named only by its aria-label, with stories in it', () => {
    const doc = seed();
    const box = doc.createElement('section');
    box.setAttribute('aria-label', '熱門新聞');
    box.innerHTML = [1, 2, 3].map((i) => `<div role="link" tabindex="0" data-href="https://tw.news.yahoo.com/x-${i}.html">另一則與本文無關的新聞 ${i}</div>`).join('');
    doc.body.append(box);
    expect(gateCovers(doc, HOST, GATED, HIDES)).toBe(false);
    // Named for what the settings keep visible, it is no doubt.
    box.setAttribute('aria-label', '相關新聞');
    expect(gateCovers(doc, HOST, GATED, HIDES)).toBe(true);
  });

  it('does not cover an ad card in the page’s own markup outside the gate (a paid-for link with an ad label)', () => {
    const doc = seed();
    const pair = doc.createElement('div');
    pair.innerHTML = [1, 2].map((i) => `<div><a rel="sponsored noopener" href="https://ads.example/${i}"><span>PR</span><b>廣告主 ${i}</b><p>限時優惠的廣告文案 ${i}</p></a></div>`).join('');
    doc.body.append(pair);
    expect(gateCovers(doc, HOST, GATED, HIDES)).toBe(false);
    // With sponsored blocks kept visible, it is no doubt.
    expect(gateCovers(doc, HOST, GATED, HIDES.filter((k) => k !== 'sponsored'))).toBe(true);
    // A paid-for link with no ad label (a shop's link, an affiliate's) is no ad card.
    for (const label of Array.from(pair.querySelectorAll('span'))) label.remove();
    expect(gateCovers(doc, HOST, GATED, HIDES)).toBe(true);
  });

  it('does not cover a redesigned module whose heading says it is a feed', () => {
    const html = renameClasses(fixtureHtml('tw-modern-seed.html'), 'rename', '[data-fixture-kind="recommended"]');
    expect(gateCovers(seed(html), HOST, GATED, HIDES)).toBe(false);
  });

  it('does not cover a redesigned module with no heading it knows, a run of story cards (sg-en-modern.html)', () => {
    const sg = (html = fixtureHtml('sg-en-modern.html')) => loadFixture('sg-en-modern.html', html).doc;
    const SG = 'sg.news.yahoo.com';
    // As served, its "Other people also read" feed is one of the gated modules.
    expect(gateCovers(sg(), SG, GATED, HIDES)).toBe(true);
    // Renamed, and headed with words no phrase list holds: only the run of cards gives it away.
    const html = sgFeedRedesigned();
    expect(gateCovers(sg(html), SG, GATED, HIDES)).toBe(false);
    // Recommended stories the settings keep visible are no doubt.
    expect(gateCovers(sg(html), SG, GATED, HIDES.filter((k) => k !== 'recommended'))).toBe(true);
  });

  /** sg-en-modern with its feed renamed and retitled, as the parser has it when the network
   * stalls before the feed's second card: the first card parsed, the rest not arrived. */
  const sgStalled = (parsing: boolean) => {
    const html = sgFeedRedesigned();
    const doc = loadFixture('sg-en-modern.html', html.slice(0, beforeSecondFeedCard(html))).doc;
    if (parsing) Object.defineProperty(doc, 'readyState', { value: 'loading' });
    return doc;
  };

  it('while the page parses, the first card of an unlabelled run is a doubt; once parsed, one card is none', () => {
    // The card as the batch after it was parsed: an added subtree.
    const card = (doc: Document) => [doc.querySelector('[data-fixture-kind="recommended"] [data-fixture="feed-item"]')!];
    const parsing = sgStalled(true);
    expect(gateCovers(parsing, 'sg.news.yahoo.com', GATED, HIDES, card(parsing))).toBe(false);
    const parsed = sgStalled(false);
    expect(gateCovers(parsed, 'sg.news.yahoo.com', GATED, HIDES, card(parsed))).toBe(true);
  });

  it('added subtrees: a headline added inside a gated block (the parser still inside it) is not covered', () => {
    const doc = seed();
    // The 熱門 rail (#module-most-popular); the feed's own selector already excludes a section
    // holding an h1, so the stylesheet would not hide that one.
    const gatedBlock = doc.querySelector('[data-fixture-kind="trending"]')!;
    expect(gatedBlock.matches(GATED)).toBe(true);
    const h1 = gatedBlock.appendChild(Object.assign(doc.createElement('h1'), { textContent: '另一篇報導的標題' }));
    expect(gateCovers(doc, HOST, GATED, HIDES, [h1])).toBe(false);
    h1.remove();
    const p = gatedBlock.appendChild(Object.assign(doc.createElement('p'), { textContent: '一段文字' }));
    expect(gateCovers(doc, HOST, GATED, HIDES, [p])).toBe(true);
  });

  it('added subtrees: a run of story cards with no heading is not covered', () => {
    const doc = seed();
    const list = doc.createElement('ul');
    list.innerHTML = [1, 2, 3].map((i) => `<li><a href="https://tw.news.yahoo.com/x-${i}.html">無關新聞 ${i}</a><span>${i} 小時前</span></li>`).join('');
    doc.querySelector('aside')!.appendChild(list);
    expect(gateCovers(doc, HOST, GATED, HIDES, [list])).toBe(false);
    expect(gateCovers(doc, HOST, GATED, HIDES)).toBe(false);
  });

  it('does not cover a recommendation widget outside the gated blocks', () => {
    const doc = seed();
    addWidget(doc);
    expect(gateCovers(doc, HOST, GATED, HIDES)).toBe(false);
  });

  it('a block of a kind the settings keep visible is no doubt: related reading, or widgets when sponsored blocks show', () => {
    const doc = seed();
    const related = doc.createElement('section');
    related.innerHTML = '<h2>相關新聞</h2><ul><li><a href="https://tw.news.yahoo.com/c-1.html">同一事件的後續</a></li></ul>';
    doc.querySelector('aside')!.appendChild(related);
    expect(gateCovers(doc, HOST, GATED, HIDES)).toBe(true);
    expect(gateCovers(doc, HOST, GATED, [...HIDES, 'related'])).toBe(false);
    related.remove();
    addWidget(doc);
    expect(gateCovers(doc, HOST, GATED, HIDES.filter((k) => k !== 'sponsored'))).toBe(true);
  });

  it('does not cover a gated block that holds the headline (only the detection can keep it visible)', () => {
    const doc = seed();
    doc.querySelector('#module-most-popular')!.appendChild(doc.createElement('h1'));
    expect(gateCovers(doc, HOST, GATED, HIDES)).toBe(false);
  });

  it('does not cover a page whose article body the host profile cannot find', () => {
    const doc = seed();
    for (const el of Array.from(doc.querySelectorAll('section.module-article-body'))) el.classList.remove('module-article-body');
    expect(gateCovers(doc, HOST, GATED, HIDES)).toBe(false);
  });

  it('a gate selector the engine cannot read is doubt, never an error', () => {
    const doc = seed();
    const rail = doc.createElement('div');
    rail.innerHTML = '<h2>熱門新聞</h2>';
    doc.body.appendChild(rail);
    expect(gateCovers(doc, HOST, 'div:no-such-pseudo(', HIDES)).toBe(false);
    expect(gateCovers(doc, HOST, 'div:no-such-pseudo(', HIDES, [rail])).toBe(false);
  });

  it('added subtrees: a gated one or one without feed signals is covered; a new feed heading is not', () => {
    const doc = seed();
    const inside = doc.createElement('div');
    doc.querySelector('#module-most-popular')!.appendChild(inside);
    inside.innerHTML = '<h3>熱門</h3><a href="https://tw.news.yahoo.com/a-1.html">一則新聞</a>';
    const slot = doc.createElement('div');
    slot.innerHTML = '<p>廣告</p>';
    doc.body.appendChild(slot);
    expect(gateCovers(doc, HOST, GATED, HIDES, [inside, slot])).toBe(true);
    const rail = doc.createElement('div');
    rail.innerHTML = '<h2>熱門新聞</h2><ul><li><a href="https://tw.news.yahoo.com/b-1.html">另一則新聞</a></li></ul>';
    doc.querySelector('aside')!.appendChild(rail);
    expect(gateCovers(doc, HOST, GATED, HIDES, [rail])).toBe(false);
  });
});

describe('the cards a block counts', () => {
  const url = 'https://example-news.test/city/ferry-fares';
  const story = '<p>The operator said the fares for the crossing would not change, and the new boats would run from March.</p>'.repeat(8);
  /** The detection on a page whose body is `main` (the story's own markup around `story`). */
  const detectIn = async (main: string) => {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const html = `<html><head><title>Ferry fares stay the same next year</title></head><body><main>${main}</main></body></html>`;
    const doc = new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
    return { doc, d: detectFeed(doc, url, { force: true }) };
  };
  const blocksAfter = async (after: string) => (await detectIn(`<article><h1>Ferry fares stay the same next year</h1>${story}</article>${after}`)).d.blocks;
  const count = async (after: string) => (await blocksAfter(after)).map((b) => `${b.kind} ${b.items.length}`);

  it('a feed in tab panels with no heading but its tabs is hidden as the whole tabbed module, counting the shown panel; tabs that name related reading keep their panels apart', async () => {
    const card = (tab: string, i: number) => `<li><a href="/s/${tab}-${i}"><img src="data:," alt="">Another story with a title of its own ${tab} ${i}</a><span>CNA · ${i}h ago</span></li>`;
    const panel = (id: string, n: number, shown: boolean) => `<div role="tabpanel" id="p-${id}" aria-labelledby="t-${id}"${shown ? '' : ' hidden'}><ul>${Array.from({ length: n }, (_, i) => card(id, i + 1)).join('')}</ul></div>`;
    const tabbed = (names: [string, string, string]) => `<div class="tabs"><div role="tablist">${names.map((n, i) => `<div role="tab" id="t-${['a', 'b', 'c'][i]}" aria-controls="p-${['a', 'b', 'c'][i]}" aria-selected="${i === 0}">${n}</div>`).join('')}</div><div class="panes">${panel('a', 6, true)}${panel('b', 5, false)}${panel('c', 4, false)}</div></div>`;
    const [block, ...rest] = await blocksAfter(tabbed(['Trending', 'Latest', 'Watch']));
    expect(rest).toEqual([]);
    expect(block!.el.className).toBe('tabs');
    expect(block!.items.map((i) => i.textContent)).toEqual(Array.from({ length: 6 }, (_, i) => expect.stringContaining(`a ${i + 1}`)));
    // The shown panel's run found on the module, and a hidden panel named by its tab: one block.
    expect((await blocksAfter(tabbed(['Latest', 'Trending', 'Watch']))).map((b) => `${b.el.className} ${b.items.length}`)).toEqual(['tabs 6']);
    // A tab naming related reading: the panels stay apart, so the setting keeping it still can.
    const blocks = await blocksAfter(tabbed(['Related', 'Trending', 'Watch']));
    expect(blocks.map((b) => b.el.getAttribute('role'))).not.toContain(null);
  });

  it('buttons a script follows (no link anywhere), or list items around them, are the cards; the module\'s "show more" button and its tabs are not', async () => {
    const card = (i: number) => `<button type="button" class="c" data-story-url="/s/other-${i}"><img src="data:," alt=""><span>Another story with a title of its own ${i}</span><span>PA Media · ${i}h ago</span></button>`;
    expect(await count(`<section><h2>Stories you may have missed</h2><div>${[1, 2, 3, 4, 5].map(card).join('')}</div><div><button type="button">Show more stories</button></div></section>`)).toEqual(['recommended 5']);
    const tabs = '<div role="tablist"><div role="tab" tabindex="0">Most read</div><div role="tab" tabindex="-1">Most shared</div></div>';
    const rows = [1, 2, 3, 4].map((i) => `<li><button type="button" data-story-url="/s/read-${i}"><span>${i}</span><span>A most read story with its own title ${i}</span></button></li>`).join('');
    expect(await count(`<aside><section><h2>Most read</h2>${tabs}<ol>${rows}</ol></section></aside>`)).toEqual(['trending 4']);
  });

  it('cards with no link, button, tab stop or role, whose own data attribute holds the address a script goes to, are a run under a heading no list knows; other data attributes make no card', async () => {
    const card = (i: number, attr: string) => `<article class="d" ${attr}><img src="data:," alt=""><h3>Another story with a title of its own ${i}</h3><span>Bernama</span><span>${i * 7} minutes ago</span></article>`;
    const block = (attr: (i: number) => string) => `<section><header><h2>Before you close this tab</h2></header><div>${[1, 2, 3, 4, 5, 6].map((i) => card(i, attr(i))).join('')}</div></section>`;
    expect(await count(block((i) => `data-story-href="https://example-news.test/other-${i}"`))).toEqual(['recommended 6']);
    expect(await count(block((i) => `data-link-to="/s/other-${i}"`))).toEqual(['recommended 6']);
    // Not addresses (a tracking key, a fragment), or not a link's name: no cards, nothing hidden.
    expect(await count(block((i) => `data-story-href="story-${i}"`))).toEqual([]);
    expect(await count(block((i) => `data-image-src="/img/${i}.jpg"`))).toEqual([]);
  });

  it('a stream of button cards with no address anywhere (a script keeps them) is a run under a heading no list knows; buttons with no times (questions that open their answers) are none', async () => {
    const titles = ['Raptors sign a guard on a two-year deal', 'Wildfire smoke returns to the Prairies', 'Bank of Canada holds its key rate', 'Toronto condo listings climb again', 'Snowbirds head south early this year'];
    const card = (i: number) => `<button type="button" class="k"><img src="data:," alt=""><span>${titles[i - 1]}</span><span>The Canadian Press</span><span>${i * 9} minutes ago</span></button>`;
    expect(await count(`<section><h2>Your next few minutes</h2><div>${[1, 2, 3, 4, 5].map(card).join('')}</div></section>`)).toEqual(['recommended 5']);
    const question = (i: number) => `<button type="button" class="q" aria-expanded="false">What changes for ferry riders in part ${i} of the plan?</button>`;
    expect(await count(`<section><h2>Questions readers asked</h2><div>${[1, 2, 3, 4, 5].map(question).join('')}</div></section>`)).toEqual([]);
  });

  it('a feed in the footer of the story\'s own <article> element, its cards\' pictures beside their links, is found; the story and its header stay', async () => {
    const titles = ['Typhoon signal lowered as the storm moves west', 'Stocks close higher on tech gains', 'Concert tickets go on sale next week', 'Hiker rescued by helicopter in Sai Kung'];
    const card = (t: string, i: number) => `<div class="item"><div class="card"><div class="frame"><img src="data:," alt=""></div><div class="body"><p class="title"><a href="/s/${i}">${t}</a></p><p>HK01 · ${i + 1} hours ago</p></div></div></div>`;
    const { doc, d } = await detectIn(`<article><header><h1>Ferry fares stay the same next year</h1><p class="by">By A Reporter</p></header><div class="story">${story}</div><footer><section><h2>Others are reading</h2><div class="grid">${titles.map(card).join('')}</div></section></footer></article>`);
    expect(d.blocks.map((b) => `${b.kind} ${b.items.length}`)).toEqual(['recommended 4']);
    expect(d.blocks[0]!.el.contains(doc.querySelector('footer h2'))).toBe(true);
    expect(d.blocks.some((b) => b.el.contains(doc.querySelector('.story')) || b.el.contains(doc.querySelector('h1')))).toBe(false);
  });

  it('a feed in a plain <div> after the body inside the story\'s own <article> element is found when its cards link to other stories; a list of readers\' notes there, linking to people, is not', async () => {
    const titles = ['Typhoon signal lowered as the storm moves west', 'Stocks close higher on tech gains', 'Concert tickets go on sale next week', 'Hiker rescued by helicopter in Sai Kung'];
    const card = (href: (i: number) => string) => (t: string, i: number) => `<li><a href="${href(i)}"><img src="data:," alt="">${t}</a><span>HK01 · ${i + 1} hours ago</span></li>`;
    const page = (href: (i: number) => string) =>
      detectIn(`<article><header><h1>Ferry fares stay the same next year</h1><p class="by">By A Reporter</p></header><div class="story">${story}</div><div class="tags"><a href="/tag/ferry">Ferry</a></div><div class="more"><h2>Worth a look</h2><ul>${titles.map(card(href)).join('')}</ul></div></article>`);
    const { doc, d } = await page((i) => `/other-story-${i}-03221458${i}.html`);
    expect(d.blocks.map((b) => `${b.kind} ${b.items.length}`)).toEqual(['recommended 4']);
    expect(d.blocks[0]!.el.className).toBe('more');
    expect(d.blocks.some((b) => b.el.contains(doc.querySelector('.story')) || b.el.contains(doc.querySelector('h1')))).toBe(false);
    // The same rows linking to people's pages (readers' or experts' notes), or all to this very page: none.
    expect((await page((i) => `/people/reader-${i}`)).d.blocks).toEqual([]);
    expect((await page(() => url)).d.blocks).toEqual([]);
  });

  it('grey placeholder rows a script has still to fill, under a caption line that names a feed (no heading element), are that kind of block before anything loads; under other words they are none', async () => {
    const strip = (caption: string) => `<div class="strip"><div class="head"><span>${caption}</span><a href="/adinfo">AdChoices</a></div><div class="grid"><div class="row">${'<div class="skel" aria-hidden="true"><div class="img"></div><div class="line"></div></div>'.repeat(4)}</div></div></div>`;
    const [block, ...rest] = await blocksAfter(strip('Sponsored'));
    expect(rest).toEqual([]);
    expect(`${block!.kind} ${block!.el.className} ${block!.heading}`).toBe('sponsored strip Sponsored');
    expect(await blocksAfter(strip('Ferry timetable'))).toEqual([]);
  });

  it("a feed a script drew into a frame of the page's own origin is a block around the frame, counting the frame's stories; a frame of prose, one ad, or a frame in the story is none", async () => {
    const rows = (n: number) => `<ul>${Array.from({ length: n }, (_, i) => `<li><a href="https://example-news.test/other/${i}"><img src="data:," alt="">Another story with a title of its own ${i}</a><span>Vendor News · ${i + 1}h ago</span></li>`).join('')}</ul>`;
    /** The detection once `html` is drawn into the page's frames (as a script's document.write would). */
    const withFrame = async (main: string, html: string, src?: string) => {
      const { doc } = await detectIn(main);
      for (const f of Array.from(doc.querySelectorAll('iframe'))) {
        // jsdom loads no frame: a frame given a src holds an empty document at once, here
        // written as the document it would load.
        if (src) f.setAttribute('src', src);
        const inner = f.contentDocument!;
        inner.open();
        inner.write(`<body>${html}</body>`);
        inner.close();
      }
      return detectFeed(doc, url, { force: true }).blocks.map((b) => `${b.kind} ${b.el.id || b.el.tagName} ${b.items.length}`);
    };
    const article = `<article><h1>Ferry fares stay the same next year</h1>${story}</article>`;
    const widget = `<div id="w"><iframe title="widget"></iframe></div>`;
    expect(await withFrame(`${article}${widget}`, `<h2>Recommended for you</h2>${rows(8)}<p>Powered by Vendor</p>`)).toEqual(['recommended w 8']);
    // Stories under a long letter: most of the frame's words are no feed's.
    expect(await withFrame(`${article}${widget}`, `<h2>Recommended for you</h2>${rows(3)}<p>${'A letter from the editor about the paper and its readers. '.repeat(12)}</p>`)).toEqual([]);
    expect(await withFrame(`${article}${widget}`, `<a href="https://ads.example/c" rel="sponsored"><img src="data:," alt="">Ad · A product</a>`)).toEqual([]);
    expect(await withFrame(`<article><h1>Ferry fares stay the same next year</h1>${story}${widget}</article>`, `<h2>Recommended for you</h2>${rows(8)}`)).toEqual([]);
    // A frame loading another origin's document is not read (a browser would not let it be,
    // once loaded); a blob: URL of the page's origin, or a path of its own, is read.
    const feed = `<h2>Recommended for you</h2>${rows(8)}`;
    const from = (src: string) => withFrame(`${article}${widget}`, feed, src);
    expect(await from('https://widgets.vendor.example/strip?pub=1')).toEqual([]);
    expect(await from('//widgets.vendor.example/strip')).toEqual([]);
    expect(await from(`blob:${new URL(url).origin}/5b1f0c9e-1d2a-4c3b-9e8f-0a1b2c3d4e5f`)).toEqual(['recommended w 8']);
    expect(await from('/widgets/strip.html')).toEqual(['recommended w 8']);
  });

  it('a carousel of paid-for product cards with no "Ad" label after the story is sponsored, its arrows and dots beside the cards; one or two paid-for links are none', async () => {
    const shops = ['bigw.example', 'kmart.example', 'target.example', 'rebel.example', 'adairs.example'];
    const card = (i: number) => `<div class="slide"><img src="data:," alt=""><p>${shops[i]}</p><h3><a href="https://${shops[i]}/p/${i}?utm_medium=affiliate" rel="sponsored nofollow">A product with a name of its own ${i}</a></h3><p>$${49 + i}.00</p><a href="https://${shops[i]}/p/${i}?utm_medium=affiliate" rel="sponsored nofollow">Shop now</a></div>`;
    const shelf = (n: number) => `<section><h2>Shop more deals</h2><p>We may earn commission from these links.</p><div class="carousel"><div class="content">${Array.from({ length: n }, (_, i) => card(i)).join('')}<div class="actions"><button type="button">Previous</button><button type="button">Next</button></div><ol class="dots">${Array.from({ length: n }, (_, i) => `<li><button type="button">Slide ${i + 1}</button></li>`).join('')}</ol></div></div></section>`;
    expect(await count(shelf(5))).toEqual(['sponsored 5']);
    expect(await count(shelf(2))).toEqual([]);
  });

  it('a rail module its place alone calls trending is related reading when its stories share the story\'s terms; a heading sharing a word is not enough', async () => {
    const rail = (heading: string, titles: string[]) => `<aside><section><h2>${heading}</h2><ul>${titles.map((t, i) => `<li><a href="/s/${i}"><img src="data:," alt="">${t}</a><span>${i + 2} hours ago</span></li>`).join('')}</ul></section></aside>`;
    const ferry = ['Ferry fares: what the operator said about next year', 'New ferry boats arrive for the March crossing', 'Ferry crossing timetable changes from March', 'Operator explains why ferry fares stay the same'];
    expect(await count(rail('Full coverage: the crossing', ferry))).toEqual(['related 4']);
    const other = ['Storm warning for the north coast tonight', 'Local team wins the cup after extra time', 'Bakery chain opens two new shops', 'Museum extends its summer opening hours'];
    expect(await count(rail('Fares and markets', other))).toEqual(['trending 4']);
  });

  it('linked cards ranked 1, 2, 3 … are a most-read list under a caption no list knows, with no times; a numbered contents list (links within the page) and unnumbered links are none', async () => {
    const titles = ['Pension fund returns beat forecasts', 'Night tours of the walled city park', 'Hotpot buffets compared by price', 'Local film passes thirty million', 'Winter fair opens at the sports park'];
    const row = (t: string, i: number, href: string) => `<li><span class="n">${i + 1}</span><div><a href="${href}">${t}</a><span>Provider ${i}</span></div></li>`;
    const rail = (href: (i: number) => string, numbered = true) =>
      `<div class="side"><section><div><span>Everyone in town is talking</span></div><ol>${titles.map((t, i) => (numbered ? row(t, i, href(i)) : row(t, i, href(i)).replace(/<span class="n">\d+<\/span>/, ''))).join('')}</ol></section></div>`;
    expect(await count(rail((i) => `/s/story-${i}.html`))).toEqual(['trending 5']);
    expect(await count(rail((i) => `#part-${i}`))).toEqual([]);
    expect(await count(rail((i) => `/s/story-${i}.html`, false))).toEqual([]);
  });

  it('a module header whose heading is a picture of its name, beside a link about the ads, is no featured card above the list', async () => {
    const ad = (i: number) => `<li><a rel="sponsored noopener" href="https://ads.example/c?${i}"><img src="data:," alt=""><span>An advertiser's offer with a headline of its own ${i}</span><span>Advertiser ${i}</span></a></li>`;
    const header = '<div><h2><img src="data:," alt="PR"></h2><a href="https://ads.example/about" aria-label="About these ads"><svg></svg></a></div>';
    expect(await count(`<section>${header}<ul>${[1, 2, 3, 4].map(ad).join('')}</ul></section>`)).toEqual(['sponsored 4']);
  });
});
