import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { CleanupController } from '../../utils/cleanup/controller';
import { ATTR } from '../../utils/cleanup/style';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { FIXTURES, fixtureHtml, loadFixture, loadWithScripts, renameClasses } from './fixtures';
import { expectHiddenAtCut, hiddenOnPage, itemAt, whileParsing } from './parsing';

/** Past the full detection the controller leaves for idle time (its timeout is 500 ms). */
const afterIdle = () => new Promise((r) => setTimeout(r, 700));

/** The seed page, its controller started and its idle-time work done. */
async function seedAfterIdle(settings?: Settings): Promise<{ doc: Document; c: CleanupController }> {
  const { doc } = loadFixture('tw-modern-seed.html');
  const c = new CleanupController(doc, { force: false });
  c.start();
  if (settings) c.setSettings(settings);
  await afterIdle();
  return { doc, c };
}

/** A trending rail of six stories, as a page script adds one late (it matches the gate). */
function addLateRail(doc: Document): HTMLElement {
  const rail = doc.createElement('div');
  rail.id = 'module-most-popular';
  rail.innerHTML = '<h2>熱門</h2><ol>' + Array.from({ length: 6 }, (_, i) => `<li><a href="https://tw.news.yahoo.com/x-${i}.html">熱門新聞 ${i}</a></li>`).join('') + '</ol>';
  doc.querySelector('aside')!.appendChild(rail);
  return rail;
}

describe('cleanup controller', () => {
  it('on a known layout the stylesheet hides the feed at load; the popup asking before idle time gets it counted', () => {
    const { doc } = loadFixture('tw-modern-seed.html');
    const reports: number[] = [];
    const c = new CleanupController(doc, { force: false, onStatus: (s) => reports.push(s.hiddenItems) });
    c.start();
    // The page had loaded. The stylesheet's gate hides every block by itself, so no detection
    // ran: nothing is marked and no count is reported yet.
    const css = doc.defaultView!;
    const blocks = Array.from(doc.querySelectorAll('[data-fixture="feed-block"]'));
    expect(blocks.length).toBe(3);
    for (const b of blocks) expect(css.getComputedStyle(b).display).toBe('none');
    expect(doc.querySelectorAll(`[${ATTR.kind}]`).length).toBe(0);
    expect(doc.documentElement.hasAttribute(ATTR.on)).toBe(true);
    expect(reports).toEqual([]);
    // The popup asks before idle time came: the full detection runs then and there.
    const s = c.status();
    expect(Array.from(doc.querySelectorAll(`[${ATTR.kind}]`)).map((el) => el.getAttribute(ATTR.kind))).toEqual(['recommended', 'trending', 'sponsored']);
    expect(s.hiddenItems).toBe(20 + 8 + 4);
    expect(s.blocks.find((b) => b.heading === '其他人也在看')?.items).toBe(20);
    // A page script that drops our attribute after load does not switch cleanup off for good.
    doc.documentElement.removeAttribute(ATTR.on);
    c.fullPass();
    expect(doc.documentElement.hasAttribute(ATTR.on)).toBe(true);
    c.stop();
    expect(doc.querySelectorAll(`[${ATTR.kind}]`).length).toBe(0);
    expect(doc.documentElement.hasAttribute(ATTR.on)).toBe(false);
  });

  it('settings read while the page parses: no detection and no report until it has parsed; the count follows at idle time', async () => {
    const { doc } = loadFixture('tw-modern-seed.html');
    // jsdom fires its own DOMContentLoaded a moment after parsing: past it, the document is
    // made to say it is still loading, and the test sends DOMContentLoaded itself.
    await new Promise((r) => doc.defaultView!.addEventListener('load', r, { once: true }));
    Object.defineProperty(doc, 'readyState', { configurable: true, value: 'loading' });
    const reports: number[] = [];
    const c = new CleanupController(doc, { force: false, onStatus: (s) => reports.push(s.hiddenItems) });
    c.start();
    // The parser adds a node: the next frame's pass finds the stylesheet's gate hiding the feed,
    // and leaves the detection for idle time.
    doc.body.appendChild(doc.createElement('div'));
    // The controller asked for that frame first: this resolves right after its pass, before
    // idle time.
    await new Promise((r) => requestAnimationFrame(r));
    expect(doc.documentElement.hasAttribute(ATTR.gate)).toBe(true);
    // The stored settings arrive while the page still parses. Reporting a status now would run
    // the whole detection (a status settles it) and message the background, before the page is
    // shown, for a badge nobody sees yet.
    c.setSettings({ ...DEFAULT_SETTINGS });
    expect(doc.querySelectorAll(`[${ATTR.kind}]`).length).toBe(0);
    expect(reports).toEqual([]);
    Object.defineProperty(doc, 'readyState', { configurable: true, value: 'interactive' });
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    expect(reports).toEqual([]);
    await afterIdle();
    expect(reports.at(-1)).toBe(20 + 8 + 4);
    c.stop();
  });

  it('settings read after the page has parsed but before idle time: no detection until idle time, which reports the count', async () => {
    const { doc } = loadFixture('tw-modern-seed.html');
    const reports: number[] = [];
    const c = new CleanupController(doc, { force: false, onStatus: (s) => reports.push(s.hiddenItems) });
    c.start();
    // The stored settings (here: the defaults, then a reader's other choice) come back from
    // storage after DOMContentLoaded, still part of the page's load.
    c.setSettings({ ...DEFAULT_SETTINGS });
    c.setSettings({ ...DEFAULT_SETTINGS, hide: { ...DEFAULT_SETTINGS.hide, related: true } });
    expect(doc.querySelectorAll(`[${ATTR.kind}]`).length).toBe(0);
    expect(reports).toEqual([]);
    await afterIdle();
    expect(reports).toEqual([20 + 8 + 4]);
    c.stop();
  });

  it('a snapshot asked for before idle time (the popup opened at once) holds none of the feed', () => {
    const { doc } = loadFixture('tw-modern-seed.html');
    const c = new CleanupController(doc, { force: false });
    c.start();
    // Only the stylesheet hides the feed so far; the copy must leave it out all the same.
    expect(doc.querySelectorAll(`[${ATTR.kind}]`).length).toBe(0);
    const copy = new DOMParser().parseFromString(c.snapshot(), 'text/html');
    expect(copy.querySelectorAll('[data-fixture="feed-item"]').length).toBe(0);
    expect(copy.querySelector('[data-fixture="article"]')).not.toBeNull();
    expect(copy.body.textContent).not.toContain('其他人也在看');
    c.stop();
  });

  it('a redesigned module the stylesheet misses is found by the quick detection at load', () => {
    const html = renameClasses(fixtureHtml('tw-modern-seed.html'), 'rename', '[data-fixture-kind="recommended"]');
    const { doc } = loadFixture('tw-modern-seed.html', html);
    const c = new CleanupController(doc, { force: false });
    c.start();
    const feed = doc.querySelector('[data-fixture-kind="recommended"]')!;
    expect(feed.getAttribute(ATTR.kind)).toBe('recommended');
    expect(doc.defaultView!.getComputedStyle(feed).display).toBe('none');
    c.stop();
  });

  it('leaves a home page alone at load and classifies it at idle time', async () => {
    const { doc } = loadFixture('tw-home.html');
    const c = new CleanupController(doc, { force: false });
    c.start();
    expect(doc.documentElement.hasAttribute(ATTR.on)).toBe(false);
    await new Promise((r) => setTimeout(r, 10));
    expect(c.status().isArticle).toBe(false);
    expect(doc.querySelectorAll(`[${ATTR.kind}]`).length).toBe(0);
    c.stop();
  });

  it('a rail a script adds after load: hidden by the stylesheet in the frame it appears, counted at idle time', async () => {
    const { doc, c } = await seedAfterIdle();
    const css = doc.defaultView!;
    const rail = addLateRail(doc);
    // No script work needed for it to be hidden: the stylesheet's gate already matches it.
    expect(css.getComputedStyle(rail).display).toBe('none');
    await new Promise((r) => setTimeout(r, 50));
    expect(css.getComputedStyle(rail).display).toBe('none');
    // Idle time (or the popup asking): it is read, marked and counted with the rest.
    const s = c.status();
    expect(rail.getAttribute(ATTR.kind)).toBe('trending');
    expect(s.blocks.filter((b) => b.kind === 'trending').map((b) => b.items)).toContain(6);
    c.stop();
    expect(css.getComputedStyle(rail).display).not.toBe('none');
  });

  it('a story body a script renders after load (its container grey lines until then) is reported as a new revision of the article, so its analysis is made again; a paragraph more is not', async () => {
    const { doc } = loadFixture('hk-nunjucks-mdui-client-body-after-feed.html');
    const revisions: number[] = [];
    const c = new CleanupController(doc, { force: false, onStatus: (s) => revisions.push(s.articleRevision) });
    c.start();
    await afterIdle();
    expect(new Set(revisions)).toEqual(new Set([0]));
    const body = doc.querySelector('[data-fixture="article"]')!;
    const para = (text: string) => Object.assign(doc.createElement('p'), { textContent: text });
    body.replaceChildren(...Array.from({ length: 12 }, (_, i) => para(`電車公司表示，夜遊班次將於明年首季推出，第${i + 1}段的內容說明路線、票價及開篷車廂的安排。`)));
    await afterIdle();
    expect(revisions.at(-1)).toBe(1);
    expect(c.status().articleRevision).toBe(1);
    body.append(para('另外，公司會在網上公布班次時間表。'));
    await afterIdle();
    expect(c.status().articleRevision).toBe(1);
    c.stop();
  });

  it('a late block the stylesheet would hide but that holds the article stays visible at once', async () => {
    const { doc, c } = await seedAfterIdle();
    const css = doc.defaultView!;
    const article = doc.querySelector('h1')!.closest('article') ?? doc.querySelector('h1')!.parentElement!;
    // A script wraps the article in an element that matches a gate selector.
    const wrapper = doc.createElement('div');
    wrapper.id = 'module-most-popular';
    article.replaceWith(wrapper);
    wrapper.appendChild(article);
    await new Promise((r) => setTimeout(r, 50));
    expect(wrapper.hasAttribute(ATTR.keep)).toBe(true);
    expect(css.getComputedStyle(wrapper).display).not.toBe('none');
    c.stop();
  });

  it('a reader who keeps the story stream but hides sponsored blocks sees its stories without its sponsored cards, also those a script adds (hk-mixed-stream)', async () => {
    const { doc } = loadFixture('hk-mixed-stream.html');
    const c = new CleanupController(doc, { force: false });
    c.start();
    c.setSettings({ ...DEFAULT_SETTINGS, hide: { ...DEFAULT_SETTINGS.hide, recommended: false } });
    await afterIdle();
    const css = doc.defaultView!;
    const hidden = (el: Element) => hiddenOnPage(css, el);
    const stream = doc.querySelector('#module-for-you-stream')!;
    const cards = () => Array.from(stream.querySelectorAll('[data-fixture="feed-item"]'));
    const sponsored = (el: Element) => /taboola|trc_/.test(el.outerHTML.slice(0, 400)) || !!el.querySelector('[class*="trc_"]');
    expect(cards().filter(sponsored).length).toBe(3);
    for (const card of cards()) expect(hidden(card), card.textContent!.trim().slice(0, 30)).toBe(sponsored(card));
    let s = c.status();
    expect(s.hiddenByKind.sponsored).toBe(3);
    expect(s.hiddenByKind.recommended).toBe(0);
    expect(s.blocks.find((b) => b.heading === '為你推薦')?.items).toBe(13);
    // A script appends a story and a sponsored card of a widget no stylesheet rule knows.
    const list = stream.querySelector('ul.stream-list')!;
    const story = doc.createElement('li');
    story.className = 'stream-item';
    story.innerHTML = '<h3><a href="https://hk.news.yahoo.com/new-1.html">新的新聞</a></h3><span>1 小時前</span>';
    const ad = doc.createElement('li');
    ad.className = 'stream-item';
    ad.innerHTML = '<div class="trc_rbox"><a href="https://ads.example/1">贊助內容</a><span>贊助</span></div>';
    list.append(story, ad);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    expect(hidden(story)).toBe(false);
    expect(hidden(ad)).toBe(true);
    await afterIdle();
    s = c.status();
    expect(s.hiddenByKind.sponsored).toBe(4);
    expect(s.blocks.find((b) => b.heading === '為你推薦')?.items).toBe(14);
    c.stop();
    expect(hidden(ad)).toBe(false);
  });

  it('a module of story cards with a heading no phrase list holds, appended by a script, is hidden in the frame it appears (before and after idle time)', async () => {
    const unlabelled = (doc: Document) => {
      const section = doc.createElement('section');
      section.innerHTML =
        '<h2>今天為你挑選</h2><ul>' +
        Array.from({ length: 4 }, (_, i) => `<li><a href="https://tw.news.yahoo.com/u-${i}.html">無關的新聞標題 ${i}</a><span>中央社 ・ ${i + 1} 小時前</span></li>`).join('') +
        '</ul>';
      doc.querySelector('section.module-article-body')!.after(section);
      return section;
    };
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    for (const when of ['before idle time', 'after idle time']) {
      const { doc } = loadFixture('tw-modern-seed.html');
      const c = new CleanupController(doc, { force: false });
      c.start();
      if (when === 'after idle time') await afterIdle();
      const section = unlabelled(doc);
      await frame();
      const css = doc.defaultView!;
      const hidden = (el: Element) => hiddenOnPage(css, el);
      for (const card of Array.from(section.querySelectorAll('li'))) expect(hidden(card), when).toBe(true);
      c.stop();
    }
  });

  it('a module that is empty at load and filled by a script, row by row, is hidden in the frame its rows appear (below the article, in the rail)', async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const places = {
      // Story cards with times, after the article; the heading is in no phrase list.
      below: (doc: Document) => doc.querySelector('section.module-article-body')!,
      // Plain linked rows in the rail, no times: a rail module by its heading and its rows.
      rail: (doc: Document) => doc.querySelector('aside')!.lastElementChild!,
    };
    for (const [where, anchorOf] of Object.entries(places)) {
      for (const when of ['before idle time', 'after idle time']) {
        const { doc } = loadFixture('tw-modern-seed.html');
        const box = doc.createElement('section');
        box.innerHTML = '<div><h3>今天為你挑選</h3></div><ul></ul>';
        anchorOf(doc).after(box);
        const c = new CleanupController(doc, { force: false });
        c.start();
        if (when === 'after idle time') await afterIdle();
        const list = box.querySelector('ul')!;
        for (let i = 0; i < 5; i++) {
          const li = doc.createElement('li');
          li.innerHTML =
            where === 'below'
              ? `<a href="https://tw.news.yahoo.com/u-${i}.html">無關的新聞標題 ${i}</a><span>中央社 ・ ${i + 1} 小時前</span>`
              : `<a href="https://tw.news.yahoo.com/r-${i}.html">與本文無關的熱門話題第 ${i} 則</a>`;
          list.appendChild(li);
        }
        await frame();
        const css = doc.defaultView!;
        for (const row of Array.from(list.children)) expect(hiddenOnPage(css, row), `${where}, ${when}`).toBe(true);
        // The article is untouched.
        expect(hiddenOnPage(css, doc.querySelector('h1')!)).toBe(false);
        await afterIdle();
        expect(c.status().hiddenItems, `${where}, ${when}`).toBe(20 + 8 + 4 + 5);
        c.stop();
      }
    }
  });

  it('a module still loading (grey rows, no words, aria-busy) after the article is hidden from the start, and decided on what fills it: stories stay hidden, related reading or anything else is shown', async () => {
    const skeleton = '<section aria-busy="true"><h2><span></span></h2><ul>' + '<li><div class="sk"></div><div><span></span><span></span></div></li>'.repeat(6) + '</ul></section>';
    const fills = {
      // Other stories, each with its provider and time.
      feed: (i: number) => `<a href="https://tw.news.yahoo.com/u-${i}.html">與本文無關的新聞標題第 ${i} 則</a><span>中央社 ・ ${i + 1} 小時前</span>`,
      // The story's own follow-ups: its terms in every title.
      related: (i: number) => `<a href="https://tw.news.yahoo.com/q-${i}.html">千問 阿里巴巴 AI 續報之 ${i}</a><span>中央社 ・ ${i + 1} 小時前</span>`,
      // Rows that are no stories: the page's own notices.
      other: (i: number) => `<p>本站公告第 ${i} 則：系統將於週末進行維護，造成不便，敬請見諒。</p>`,
    };
    for (const [what, row] of Object.entries(fills)) {
      const { doc } = loadFixture('tw-modern-seed.html');
      doc.querySelector('section.module-article-body')!.insertAdjacentHTML('afterend', skeleton);
      const box = doc.querySelector('section[aria-busy]')!;
      const c = new CleanupController(doc, { force: false });
      c.start();
      const css = doc.defaultView!;
      expect(hiddenOnPage(css, box), `${what}: the skeleton`).toBe(true);
      await afterIdle();
      expect(hiddenOnPage(css, box), `${what}: the skeleton after idle time`).toBe(true);
      // The page's script fills it, two rows a frame, then names it and says it has loaded.
      const rows = Array.from(box.querySelectorAll('li'));
      for (let i = 0; i < rows.length; i += 2) {
        for (const li of rows.slice(i, i + 2)) li.outerHTML = `<li>${row(rows.indexOf(li))}</li>`;
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        // Related reading may be shown as soon as its rows say so; rows that are no stories wait
        // for the last placeholder to go.
        if (what !== 'related' && i + 2 < rows.length) expect(hiddenOnPage(css, box), `${what}: while filling`).toBe(true);
      }
      box.querySelector('h2')!.textContent = '為你推薦的其他內容';
      box.removeAttribute('aria-busy');
      await afterIdle();
      expect(hiddenOnPage(css, box), `${what}: filled`).toBe(what === 'feed');
      expect(hiddenOnPage(css, doc.querySelector('h1')!)).toBe(false);
      c.stop();
    }
  });

  it('the first placeholder row of a module still loading is hidden while the parser is in it (jp-expert-livewire-flash-strip-rich-cards under a slow CPU painted it)', async () => {
    const file = 'jp-expert-livewire-flash-strip-rich-cards.html';
    const html = fixtureHtml(file);
    // Cut inside the skeleton's first row, after its picture's box: one row, fewer than a run.
    const row = html.indexOf('<div class="skel-row" data-fixture="feed-item">');
    const cut = html.indexOf('</div>', row) + '</div>'.length;
    expect(row).toBeGreaterThan(0);
    const { doc, c } = await whileParsing(file, html.slice(0, cut), true);
    const css = doc.defaultView!;
    const rows = Array.from(doc.querySelectorAll('.skel-row'));
    expect(rows.length).toBe(1);
    expect(hiddenOnPage(css, rows[0]!)).toBe(true);
    expect(hiddenOnPage(css, doc.querySelector('[data-fixture="headline"]')!)).toBe(false);
    expect(hiddenOnPage(css, doc.querySelector('[data-fixture="article"]')!)).toBe(false);
    c.stop();
  });

  it("a feed module above the story whose first card the parser is in is hidden while it is (ph-en-upnext's Trending now carousel showed its first card's rank and picture)", async () => {
    const file = 'ph-en-upnext.html';
    const html = fixtureHtml(file);
    // Cut after the first card's picture: its rank and picture parsed, its title not.
    const card = itemAt(html, html.indexOf('id="trending-track"'), 1);
    const cut = html.indexOf('>', html.indexOf('<img', card)) + 1;
    expect(card).toBeGreaterThan(0);
    expect(cut).toBeLessThan(html.indexOf('<h1'));
    await expectHiddenAtCut(file, cut, '[data-fixture="feed-item"]', 1);
  });

  it("a feed module in the site's footer the parser is in is hidden while it is (uk-umbraco-cirrus's footer Trending now showed its first story's picture and title, and its first two stories)", async () => {
    const file = 'uk-umbraco-cirrus-footer-trending-most-read.html';
    const html = fixtureHtml(file);
    // After the first story's title: no time yet, no second row. Then between its second and
    // third rows, two timed stories in: not yet the three a module in the chrome needs once parsed.
    const card = itemAt(html, html.indexOf('id="ftr-trending-hd"'), 1);
    const third = itemAt(html, card, 2);
    expect(card).toBeGreaterThan(0);
    await expectHiddenAtCut(file, html.indexOf('</span>', html.indexOf('ynu-fstrip__title', card)) + '</span>'.length, 'footer [data-fixture="feed-item"]', 1);
    await expectHiddenAtCut(file, html.lastIndexOf('<li', third), 'footer [data-fixture="feed-item"]', 2);
  });

  it("the first ranked links of a panel under a caption naming a feed are hidden while the parser is in it (hk-marko-bulma's 熱門 showed its first two at a parse cut)", async () => {
    const file = 'hk-marko-bulma-continuous-next.html';
    const html = fixtureHtml(file);
    // Cut inside the panel's second row, after its title: a caption <p>, two ranked links.
    const panel = html.indexOf('class="panel is-primary feed-hot"');
    const second = itemAt(html, panel, 2);
    expect(panel).toBeGreaterThan(html.indexOf('<h1'));
    await expectHiddenAtCut(file, html.indexOf('</a>', second), '.feed-hot [data-fixture="feed-item"]', 2);
  });

  it("a strip of ranked stories above the story is hidden while the parser is in its cards, not read as its <main>'s first card (tw-sports-quasar's 運動熱門)", async () => {
    const file = 'tw-sports-quasar-roleheading-split-h1cards.html';
    const html = fixtureHtml(file);
    const strip = html.indexOf('class="q-card q-card--flat no-shadow hot-strip');
    const second = itemAt(html, strip, 2);
    // Inside the second card, after its link's start tag, the story's headline to come; and
    // inside the first card's title, its rank parsed.
    const cut = html.indexOf('<div', html.indexOf('<a', second));
    expect(cut).toBeLessThan(html.indexOf('data-fixture="headline"'));
    await expectHiddenAtCut(file, cut, '.hot-strip [data-fixture="feed-item"]', 2);
    await expectHiddenAtCut(file, html.indexOf('</div>', html.indexOf('ellipsis-2-lines', strip)), '.hot-strip [data-fixture="feed-item"]', 1);
  });

  it("a row of short links above the story under a feed's name is hidden while the story parses, its markup's white space not counted (hk-framework7's 熱搜 chips)", async () => {
    const file = 'hk-framework7-media-list-page-stack.html';
    const html = fixtureHtml(file);
    // Cut in the byline, the headline parsed, the body not.
    const cut = html.indexOf('<span class="story-author">');
    expect(cut).toBeGreaterThan(html.indexOf('<h1'));
    await expectHiddenAtCut(file, cut, '.chips-bar [data-fixture="feed-item"]', 7);
  });

  it('a rail module the parser was in at the last frame is read again when its rows arrive with DOMContentLoaded (us-ap-outbrain under a slow CPU)', async () => {
    const { doc } = loadFixture('tw-modern-seed.html', renameClasses(fixtureHtml('tw-modern-seed.html'), 'rename'));
    await new Promise((r) => doc.defaultView!.addEventListener('load', r, { once: true }));
    Object.defineProperty(doc, 'readyState', { configurable: true, value: 'loading' });
    const c = new CleanupController(doc, { force: false });
    c.start();
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    // The parser is inside a rail module at the end of the page: its heading and a featured
    // video card so far, too little to call it a feed.
    const aside = doc.createElement('aside');
    const box = doc.createElement('section');
    box.innerHTML = '<h2>Yahoo News Explains</h2><div><a href="https://tw.news.yahoo.com/v-0.html"><img alt=""></a><h3><a href="https://tw.news.yahoo.com/v-0.html">第一支影片的標題文字</a></h3></div>';
    aside.append(box);
    doc.body.append(aside);
    await frame();
    // The frame may be painted: the featured card is hidden already, the module standing for
    // the rows to come.
    expect(hiddenOnPage(doc.defaultView!, box.querySelector('h3')!)).toBe(true);
    // Its rows are the last thing parsed: they come with DOMContentLoaded, no frame between.
    box.insertAdjacentHTML('beforeend', `<ul>${[1, 2, 3].map((i) => `<li><a href="https://tw.news.yahoo.com/v-${i}.html">另一支與本文無關的影片 ${i}</a></li>`).join('')}</ul>`);
    Object.defineProperty(doc, 'readyState', { configurable: true, value: 'interactive' });
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    const css = doc.defaultView!;
    for (const li of Array.from(box.querySelectorAll('li'))) expect(hiddenOnPage(css, li)).toBe(true);
    c.stop();
  });

  it('a column of "Top stories" with providers and times, before the story in the source and under half links, is hidden before the headline is parsed (sg-vaadin-lumo-left-column-feeds under a slow CPU)', async () => {
    const file = 'sg-vaadin-lumo-left-column-feeds.html';
    const html = fixtureHtml(file);
    // The parser past "Top stories", not yet at the story's column.
    const { doc, c } = await whileParsing(file, html.slice(0, html.lastIndexOf('<', html.indexOf('id="latest"'))));
    expect(doc.querySelector('h1')).toBeNull();
    const items = Array.from(doc.querySelectorAll('#top-stories [data-fixture="feed-item"]'));
    expect(items.length).toBe(6);
    for (const el of items) expect(hiddenOnPage(doc.defaultView!, el), el.textContent ?? '').toBe(true);
    c.stop();
  });

  it('the first cards of a feed of several templates under a heading no list knows are hidden while the parser is in it (hk-crank-typestyle-mixed-template-cards retitled)', async () => {
    const file = 'hk-crank-typestyle-mixed-template-cards.html';
    // Its heading is one no phrase list holds: only its cards can give it away.
    const html = fixtureHtml(file).replace('>為您精選<', '>今期焦點<');
    const list = html.indexOf('data-ref="list"');
    const cardAt = (k: number) => {
      let at = list;
      for (let i = 0; i < k; i++) at = html.indexOf('data-fixture="feed-item"', at + 1);
      return at;
    };
    // The parser inside a card's title: its 2nd (a text card after a picture card), its 5th (an
    // ad card after four cards of three templates), its 6th (after those four and the ad card,
    // which has no time).
    for (const k of [2, 5, 6]) {
      const { doc, c } = await whileParsing(file, html.slice(0, html.indexOf('</h3>', cardAt(k))), true);
      const cards = Array.from(doc.querySelectorAll('[data-ref="list"] > [data-fixture="feed-item"]'));
      expect(cards.length).toBe(k);
      // Each card so far, of whichever template, is the feed's.
      expect(new Set(cards.map((el) => el.className)).size).toBe(k);
      for (const el of cards) expect(hiddenOnPage(doc.defaultView!, el), `card ${k}: ${el.textContent?.trim().slice(0, 20)}`).toBe(true);
      expect(hiddenOnPage(doc.defaultView!, doc.querySelector('[data-fixture="article"]')!)).toBe(false);
      c.stop();
    }
  });

  it('a rail and a feed first in the source are hidden before the headline is parsed; the article that follows is not (tw-angular-rail-first-timeline under a slow CPU)', async () => {
    const file = 'tw-angular-rail-first-timeline.html';
    const html = fixtureHtml(file);
    const css0 = (d: Document) => d.defaultView!;
    // The parser inside the rail's list (three rows so far), then inside the feed (two cards):
    // what has arrived is hidden in the next frame.
    const nth = (needle: string, n: number) => {
      let at = -1;
      for (let i = 0; i < n; i++) at = html.indexOf(needle, at + 1);
      return at;
    };
    // And once the headline has come, before the body: no article root yet.
    const beforeBody = html.lastIndexOf('<div', html.indexOf('class="sb__by'));
    for (const cut of [nth('<li _ngcontent-ng-c871904265 class="rb__item', 4), nth('</li>', 12), beforeBody]) {
      const { doc, c } = await whileParsing(file, html.slice(0, cut));
      const items = Array.from(doc.querySelectorAll('[data-fixture="feed-item"]'));
      expect(items.length, `cut at ${cut}`).toBeGreaterThanOrEqual(3);
      for (const li of items) expect(hiddenOnPage(css0(doc), li), li.textContent ?? '').toBe(true);
      for (const h of Array.from(doc.querySelectorAll('h1'))) expect(hiddenOnPage(css0(doc), h)).toBe(false);
      c.stop();
    }
    // The parser has reached the story's column, not yet its headline.
    const { doc } = loadFixture(file, html.slice(0, html.indexOf('<h1')));
    await new Promise((r) => doc.defaultView!.addEventListener('load', r, { once: true }));
    Object.defineProperty(doc, 'readyState', { configurable: true, value: 'loading' });
    const c = new CleanupController(doc, { force: false });
    c.start();
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const css = doc.defaultView!;
    const feedItems = () => Array.from(doc.querySelectorAll('[data-fixture="feed-item"]'));
    expect(feedItems().length).toBe(18);
    // The parser adds the next node (the breadcrumb's end): a frame, and the browser may paint.
    doc.querySelector('main')!.lastElementChild!.append(doc.createElement('span'));
    await frame();
    for (const li of feedItems()) expect(hiddenOnPage(css, li), li.textContent ?? '').toBe(true);
    // What is parsed so far of the story's column stays visible.
    expect(hiddenOnPage(css, doc.querySelector('main')!)).toBe(false);
    // The headline and the body arrive: the detection proper takes over, the feed stays hidden
    // and the article is shown.
    const full = loadFixture(file).doc;
    doc.querySelector('main')!.replaceWith(doc.importNode(full.querySelector('main')!, true));
    await frame();
    for (const li of feedItems()) expect(hiddenOnPage(css, li)).toBe(true);
    for (const role of ['article', 'headline', 'byline', 'article-image', 'related-item'])
      for (const el of Array.from(doc.querySelectorAll(`[data-fixture="${role}"]`))) expect(hiddenOnPage(css, el), role).toBe(false);
    c.stop();
  });

  it('a playlist aside between the headline and the body, in the page\'s <main>, is hidden while the body\'s first paragraphs arrive; the story\'s video beside it is not (sg-en-block-link-cards under a slow CPU)', async () => {
    const file = 'sg-en-block-link-cards.html';
    const html = fixtureHtml(file);
    // The parser in the body's first paragraph: too little text yet for the article's root.
    const body = html.indexOf('data-fixture="article"');
    const cut = html.indexOf('<p', body) + 40;
    const { doc, c } = await whileParsing(file, html.slice(0, cut));
    const css = doc.defaultView!;
    const items = Array.from(doc.querySelectorAll('[data-fixture="feed-item"]'));
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const li of items) expect(hiddenOnPage(css, li), li.textContent ?? '').toBe(true);
    for (const role of ['headline', 'byline', 'article-image', 'article'])
      for (const el of Array.from(doc.querySelectorAll(`[data-fixture="${role}"]`))) expect(hiddenOnPage(css, el), role).toBe(false);
    c.stop();
  });

  it('a ranking whose rows have no link is hidden from its first row while the parser is in it, and while it is in the last (sg-hans-uniapp-uniui-windows-richtext\'s 热搜榜)', async () => {
    const file = 'sg-hans-uniapp-uniui-windows-richtext.html';
    const html = fixtureHtml(file);
    const row = (n: number) => {
      let at = -1;
      for (let i = 0; i < n; i++) at = html.indexOf('class="nd-resou__item"', at + 1);
      return at;
    };
    // Inside the first row (its number and title parsed), the second, and the tenth (its
    // number only so far).
    for (const [at, part] of [[row(1), 'nd-resou__title'], [row(2), 'nd-resou__title'], [row(10), 'nd-resou__rank']] as const) {
      const cut = html.indexOf('</span>', html.indexOf(part, at)) + 7;
      // The parser adds the next node where it is, inside the row: a frame follows.
      const { doc, c } = await whileParsing(file, html.slice(0, cut), true);
      const rows = Array.from(doc.querySelectorAll('.nd-resou__item'));
      for (const r of rows) expect(hiddenOnPage(doc.defaultView!, r), `cut at ${cut}: ${r.textContent}`).toBe(true);
      c.stop();
    }
  });

  it('the first cards of a stream with no link (an address in each card\'s data attribute; buttons, once a card\'s picture or time is parsed) are hidden while the parser is in them', async () => {
    for (const [file, card, title, time] of [
      ['my-lustre-suit-nolink-digest-close-tab.html', '<article class="DigestCard"', 'DigestCard-title', 'DigestCard-age'],
      ['ca-yew-stylist-button-cards-next-few-minutes.html', '<button type="button"', ' t">', 'minutes ago'],
    ] as const) {
      const html = fixtureHtml(file);
      const first = html.indexOf(card, html.indexOf('data-fixture="feed-block"'));
      const second = html.indexOf(card, first + 1);
      // Inside the first card, just after its title (a button card's time not parsed yet: its
      // picture stands for the run), just after its time; inside the second, after its title.
      const after = (needle: string, from: number) => html.indexOf('</', html.indexOf(needle, from) + needle.length);
      for (const cut of [after(title, first), after(time, first), after(title, second)]) {
        const { doc, c } = await whileParsing(file, html.slice(0, cut), true);
        const items = Array.from(doc.querySelectorAll('[data-fixture="feed-item"]'));
        expect(items.length, `${file} cut at ${cut}`).toBeGreaterThan(0);
        for (const i of items) expect(hiddenOnPage(doc.defaultView!, i), `${file} cut at ${cut}: ${i.textContent}`).toBe(true);
        for (const el of Array.from(doc.querySelectorAll('[data-fixture="article"], [data-fixture="headline"]'))) expect(hiddenOnPage(doc.defaultView!, el)).toBe(false);
        c.stop();
      }
    }
  });

  it('rows the parser adds to a module named only by its aria-label are hidden in the next frame (us-hotwire-svg-foryou\'s "Trending now" rail)', async () => {
    const file = 'us-hotwire-svg-foryou.html';
    const html = fixtureHtml(file);
    // The parser is inside the rail's list: two rows so far, too few to call it a module of stories.
    let cut = -1;
    for (let i = 0; i < 3; i++) cut = html.indexOf('<li class="c-rank__row"', cut + 1);
    const { doc } = loadFixture(file, html.slice(0, cut));
    await new Promise((r) => doc.defaultView!.addEventListener('load', r, { once: true }));
    Object.defineProperty(doc, 'readyState', { configurable: true, value: 'loading' });
    // No idle time while the page parses (the full detection, which reads the whole page, waits).
    const g = globalThis as { requestIdleCallback?: unknown; cancelIdleCallback?: unknown };
    g.requestIdleCallback = () => 0;
    g.cancelIdleCallback = () => undefined;
    onTestFinished(() => {
      delete g.requestIdleCallback;
      delete g.cancelIdleCallback;
    });
    const c = new CleanupController(doc, { force: false });
    c.start();
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    doc.body.append(doc.createElement('span'));
    await frame();
    // The rest of its rows arrive.
    const list = doc.querySelector('.c-rank')!;
    const rows = loadFixture(file).doc.querySelectorAll('.c-rank > li');
    for (const row of Array.from(rows).slice(2)) list.append(doc.importNode(row, true));
    await frame();
    const css = doc.defaultView!;
    const items = Array.from(list.querySelectorAll('[data-fixture="feed-item"]'));
    expect(items.length).toBe(8);
    for (const li of items) expect(hiddenOnPage(css, li), li.textContent ?? '').toBe(true);
    c.stop();
  });

  it('before the headline, nothing is hidden on a page whose header precedes the story (the seed page cut before its h1)', async () => {
    const html = fixtureHtml('tw-modern-seed.html');
    const { doc, c } = await whileParsing('tw-modern-seed.html', html.slice(0, html.indexOf('<h1')));
    expect(doc.querySelectorAll(`[${ATTR.kind}]`).length).toBe(0);
    c.stop();
  });

  it('blocks a page script adds after load are counted as the detection counts them (jp-2025-lazy: a ranking, then a recommendation list)', async () => {
    const { doc } = loadWithScripts('jp-2025-lazy.html');
    const c = new CleanupController(doc, { force: false });
    c.start();
    // The page adds its ranking 400 ms and its list 600 ms after load; idle time follows.
    await new Promise((r) => setTimeout(r, 1_500));
    const s = c.status();
    expect(s.hiddenByKind.trending).toBe(10);
    expect(s.hiddenByKind.recommended).toBe(6);
    c.stop();
  });

  it('in collapse mode a late rail gets its "stories hidden" bar in the frame it appears', async () => {
    const { doc, c } = await seedAfterIdle({ ...DEFAULT_SETTINGS, mode: 'collapse' });
    const rail = addLateRail(doc);
    await Promise.resolve(); // the observer's callback has asked for its frame
    // Read in the same frame as the controller's batch, before any idle-time work could run.
    const bar = await new Promise<string | null | undefined>((resolve) =>
      requestAnimationFrame(() => resolve(rail.previousElementSibling?.getAttribute(ATTR.bar))),
    );
    expect(bar).toBe('trending');
    c.stop();
  });
  it('a "before you go" dialog of the feed that the page opens as modal is closed, so the page stays usable; with cleanup off it opens as the page meant (ca-reflex-radix-exit-dialog-bottom-sheet)', async () => {
    const { doc } = loadFixture('ca-reflex-radix-exit-dialog-bottom-sheet.html');
    const dlg = doc.querySelector('dialog')!;
    // jsdom has no modal dialogs: showModal is the `open` attribute plus :modal matching, and
    // close() what the browser's does (the attribute goes; the page hears "close").
    let closed = 0;
    const own = dlg.matches.bind(dlg);
    Object.defineProperty(dlg, 'matches', { value: (sel: string) => (sel === ':modal' ? dlg.hasAttribute('open') : own(sel)) });
    (dlg as unknown as { close: () => void }).close = () => {
      closed++;
      dlg.removeAttribute('open');
    };
    const showModal = async () => {
      dlg.setAttribute('open', '');
      await new Promise((r) => setTimeout(r, 0));
    };
    const c = new CleanupController(doc, { force: false });
    c.start();
    await afterIdle();
    expect(dlg.getAttribute(ATTR.kind)).toBe('recommended');
    await showModal();
    expect(closed).toBe(1);
    expect(dlg.hasAttribute('open')).toBe(false);
    // Cleanup off: the page's dialog is its own business.
    c.setSettings({ ...DEFAULT_SETTINGS, enabled: false });
    await showModal();
    expect(closed).toBe(1);
    expect(dlg.hasAttribute('open')).toBe(true);
    // Switched on again while it is open: it goes as its block is hidden again.
    c.setSettings({ ...DEFAULT_SETTINGS });
    expect(closed).toBe(2);
    // Opened before the block was marked (a dialog the page shows while it still loads): closed
    // when the detection marks it.
    c.stop();
    const c2 = new CleanupController(doc, { force: false });
    await showModal();
    c2.start();
    await afterIdle();
    expect(closed).toBe(3);
    c2.stop();
  });
});

describe('a caption before its list', () => {
  it('a caption outside its block (Framework7’s div.block-title before its list) is hidden with the block and shown with it', async () => {
    const { doc } = loadFixture('hk-framework7-media-list-page-stack.html');
    const c = new CleanupController(doc, { force: false });
    c.start();
    await afterIdle();
    const css = doc.defaultView!;
    const captions = Array.from(doc.querySelectorAll('.block-title')).filter((el) => el.textContent?.trim() === '其他人也在看');
    expect(captions.length).toBe(1);
    const caption = captions[0]!;
    expect(hiddenOnPage(css, caption)).toBe(true);
    // Related reading's caption stays, as its list does.
    const related = Array.from(doc.querySelectorAll('.block-title')).find((el) => el.textContent?.trim() === '相關新聞')!;
    expect(hiddenOnPage(css, related)).toBe(false);
    // Cleanup off: the caption is back with its stories.
    c.setSettings({ ...DEFAULT_SETTINGS, enabled: false });
    expect(hiddenOnPage(css, caption)).toBe(false);
    c.setSettings({ ...DEFAULT_SETTINGS });
    expect(hiddenOnPage(css, caption)).toBe(true);
    c.stop();
  });
});

describe('a web component the parser fills', () => {
  it('its declarative shadow root is read each frame while the parser is inside the host: its first card is hidden before it paints, with no mutation the page observes', async () => {
    const file = 'tw-web-components-dsd.html';
    const html = fixtureHtml(file);
    // The page cut where the parser has opened the feed's host and not yet its shadow root.
    const { doc } = loadFixture(file, html.slice(0, html.indexOf('<template', html.indexOf('<ynews-stream'))));
    await new Promise((r) => doc.defaultView!.addEventListener('load', r, { once: true }));
    Object.defineProperty(doc, 'readyState', { configurable: true, value: 'loading' });
    const c = new CleanupController(doc, { force: false });
    c.start();
    const host = doc.querySelector('ynews-stream')!;
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    // The parser's last light-DOM node: the host's first text.
    host.append(doc.createTextNode('\n'));
    await frame();
    expect(host.hasAttribute(ATTR.kind)).toBe(false);
    // The shadow root, then its first card (jsdom does not parse declarative shadow roots).
    const shadow = host.attachShadow({ mode: 'open' });
    await frame();
    shadow.innerHTML = `<div><slot name="heading"></slot></div><ul><li><a href="https://tw.news.yahoo.com/a-1.html">中職兄弟延長賽再見安打 主場湧入兩萬人</a><span>3 小時前</span></li></ul>`;
    await frame();
    expect(host.getAttribute(ATTR.kind)).toBe('recommended');
    c.stop();
  });
});

describe('comments a script adds', () => {
  it('are never taken for a feed, in any class mode; a sponsored widget among them is hidden in the frame it arrives', async () => {
    for (const mode of ['original', 'strip'] as const) {
      const { doc } = mode === 'original' ? loadFixture('jp-2026-comments.html') : loadFixture('jp-2026-comments.html', renameClasses(fixtureHtml('jp-2026-comments.html'), mode));
      const c = new CleanupController(doc, { force: false });
      c.start();
      await afterIdle();
      const list = doc.querySelector('[data-fixture="comments"] ul')!;
      const comment = list.firstElementChild!;
      const more = [1, 2, 3].map(() => comment.cloneNode(true) as Element);
      // An ad in the list's own item style (as comment widgets place them).
      const ad = doc.createElement('li');
      const cls = comment.getAttribute('class');
      if (cls) ad.setAttribute('class', cls);
      ad.innerHTML = '<div class="trc_related_container" id="taboola-below-comments"><a href="https://trc.taboola.com/x">PR: 今だけ初回980円の保湿クリーム</a></div>';
      list.append(...more, ad);
      await new Promise((r) => requestAnimationFrame(r));
      await Promise.resolve();
      expect(hiddenOnPage(doc.defaultView!, ad.firstElementChild!), mode).toBe(true);
      for (const m of more) expect(hiddenOnPage(doc.defaultView!, m), mode).toBe(false);
      // Nothing else in the comments is marked.
      expect(Array.from(doc.querySelectorAll('[data-fixture="comments"] [data-ynd-kind]')).filter((el) => !ad.contains(el)), mode).toEqual([]);
      c.stop();
    }
  });
});

describe('the count the badge shows', () => {
  /** Feed items the page's stylesheet hides now (the ground truth the badge should say). */
  const hiddenFeedItems = (doc: Document) => Array.from(doc.querySelectorAll('[data-fixture="feed-item"]')).filter((el) => hiddenOnPage(doc.defaultView!, el)).length;

  // One test a page: all of them in one passed its minute's timeout at 156 fixtures.
  for (const f of FIXTURES.filter((x) => x.expect.isArticle)) {
    it(`is the number of feed items hidden: ${f.file}, its classes as written, renamed and stripped`, () => {
      const wrong: string[] = [];
      for (const mode of ['original', 'rename', 'strip'] as const) {
        const { doc } = mode === 'original' ? loadFixture(f.file) : loadFixture(f.file, renameClasses(fixtureHtml(f.file), mode));
        const c = new CleanupController(doc, { force: false });
        c.start();
        const counted = c.status().hiddenItems;
        const hidden = hiddenFeedItems(doc);
        if (counted !== hidden) wrong.push(`${f.file} (${mode}): counted ${counted}, hidden ${hidden}`);
        c.stop();
      }
      expect(wrong).toEqual([]);
    });
  }

  it('in collapse mode each bar says how many stories it holds: "1 story", and no number for a module still empty', async () => {
    const { doc } = loadFixture('hk-lazy.html');
    const c = new CleanupController(doc, { force: false });
    c.start();
    c.setSettings({ ...DEFAULT_SETTINGS, mode: 'collapse', language: 'en' });
    await afterIdle();
    const bars = () => Array.from(doc.querySelectorAll(`[${ATTR.bar}]`)).map((b) => b.shadowRoot?.querySelector('span')?.textContent);
    // The page's stream is empty until its script fills it.
    expect(bars()).toEqual(['其他人也在看 — Stories hidden']);
    c.stop();
    const one = loadFixture('tw-photo-story.html');
    const c1 = new CleanupController(one.doc, { force: false });
    c1.start();
    c1.setSettings({ ...DEFAULT_SETTINGS, mode: 'collapse', language: 'en' });
    await afterIdle();
    const texts = Array.from(one.doc.querySelectorAll(`[${ATTR.bar}]`)).map((b) => b.shadowRoot?.querySelector('span')?.textContent ?? '');
    // Its two sponsored cards are marked apart, one story each.
    expect(texts.filter((x) => x === '1 story hidden')).toHaveLength(2);
    expect(texts.filter((x) => /\b1 stories\b/.test(x))).toEqual([]);
    c1.stop();
  });

  it('reports the count when a script adds a block the quick pass counts at once (a "next story" panel 1.2 s after load, tw-alpine-cube-next-toast)', async () => {
    const { doc } = loadWithScripts('tw-alpine-cube-next-toast.html');
    const reports: number[] = [];
    const c = new CleanupController(doc, { force: false, onStatus: (s) => reports.push(s.hiddenItems) });
    c.start();
    await new Promise((r) => setTimeout(r, 2_500));
    expect(doc.querySelectorAll('[data-fixture="feed-item"]').length).toBe(19);
    expect(reports.at(-1)).toBe(hiddenFeedItems(doc));
    expect(hiddenFeedItems(doc)).toBe(19);
    c.stop();
  });

  it('follows a module that is empty at load and filled by script in two chunks (hk-finance-article): the last report is the count', async () => {
    const { doc } = loadWithScripts('hk-finance-article.html');
    const reports: number[] = [];
    const c = new CleanupController(doc, { force: false, onStatus: (s) => reports.push(s.hiddenItems) });
    c.start();
    await new Promise((r) => setTimeout(r, 2_000));
    // What the badge shows is the last report; status() would count afresh.
    expect(reports.at(-1)).toBe(hiddenFeedItems(doc));
    expect(hiddenFeedItems(doc)).toBe(45);
    c.stop();
  });

  it('stays right when a script adds stories and an ad card to a stream whose ad cards are marked apart', async () => {
    const { doc } = loadFixture('hk-mixed-stream.html', renameClasses(fixtureHtml('hk-mixed-stream.html'), 'rename'));
    const c = new CleanupController(doc, { force: false });
    c.start();
    await afterIdle();
    const before = c.status().hiddenItems;
    expect(before).toBe(hiddenFeedItems(doc));
    const stream = doc.querySelector('[data-fixture-kind="recommended"] [data-fixture="feed-item"]')!.parentElement!;
    const story = Array.from(stream.children).find((el) => !/贊助/.test(el.textContent ?? ''))!;
    const ad = Array.from(stream.children).find((el) => /贊助/.test(el.textContent ?? ''))!;
    stream.append(story.cloneNode(true), ad.cloneNode(true));
    await afterIdle();
    expect(hiddenFeedItems(doc)).toBe(before + 2);
    expect(c.status().hiddenItems).toBe(before + 2);
    c.stop();
  });
});

describe('pages whose scripts change them after load, the scripts running', () => {
  /** Longest a fixture's script may take to bring everything it adds after load: its timers
   * and frames run late when the unit files share CI's two cores (vitest.config.ts), and 4 s
   * was once too short for ph-compiled-skeleton-chunks-late-heading.html there. The wait ends
   * as soon as everything has come. */
  const SETTLE_MS = 15_000;
  const ARTICLE_PARTS = '[data-fixture="article"], [data-fixture="headline"], [data-fixture="byline"], [data-fixture="article-image"], [data-fixture="related-item"]';

  /** The fixture loaded with its scripts and the controller, once the page has added what it
   * adds without scrolling (expect.feedItemsAfterLoad) and idle time has followed. */
  async function settled(file: string, before?: (win: Window) => void): Promise<{ doc: Document; c: CleanupController }> {
    const { doc, entry } = loadWithScripts(file);
    before?.(doc.defaultView!);
    const c = new CleanupController(doc, { force: false });
    c.start();
    const items = () => doc.querySelectorAll('[data-fixture="feed-item"]').length;
    for (const end = Date.now() + SETTLE_MS; items() < entry.expect.feedItemsAfterLoad! && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
    expect(items()).toBe(entry.expect.feedItemsAfterLoad);
    await afterIdle();
    return { doc, c };
  }

  function wrongOn(doc: Document): string[] {
    const css = doc.defaultView!;
    const wrong: string[] = [];
    for (const el of Array.from(doc.querySelectorAll('[data-fixture="feed-item"]'))) if (!hiddenOnPage(css, el)) wrong.push(`feed item shown: ${(el.textContent ?? '').trim().slice(0, 40)}`);
    for (const el of Array.from(doc.querySelectorAll(ARTICLE_PARTS))) if (hiddenOnPage(css, el)) wrong.push(`${el.getAttribute('data-fixture')} hidden: ${(el.textContent ?? '').trim().slice(0, 40)}`);
    return wrong;
  }

  for (const f of FIXTURES.filter((x) => x.expect.isArticle && x.expect.feedItemsAfterLoad !== undefined)) {
    it.concurrent(`${f.file}: every feed item hidden, every part of every article shown`, async () => {
      const { doc, c } = await settled(f.file);
      expect(wrongOn(doc)).toEqual([]);
      c.stop();
    });
  }

  it('after load, a headline a script adds makes a whole-page pass; a card titled by a linked h1 does not (lazily loaded cards would each cost one)', async () => {
    const { doc, c } = await seedAfterIdle();
    const full = vi.spyOn(c, 'fullPass');
    const stream = doc.querySelector('[data-fixture-kind="recommended"]')!;
    const card = doc.createElement('div');
    card.innerHTML = '<h1><a href="https://tw.news.yahoo.com/x-1.html">另一則新聞的標題，連到別處</a></h1><p>摘要一行。</p>';
    stream.parentElement!.append(card);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    expect(full).not.toHaveBeenCalled();
    const next = doc.createElement('article');
    next.innerHTML = `<h1>下一則新聞的標題</h1><div>${'<p>下一則新聞的內文，有好幾段，每段都有足夠的長度可以算是文章的內容。</p>'.repeat(6)}</div>`;
    stream.parentElement!.append(next);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    expect(full).toHaveBeenCalled();
    c.stop();
  });

  it.concurrent('a next article appended below the first with the URL left as it was: its headline, body and pictures stay, its feed goes (us-sports-mui-continuous-next-article)', async () => {
    const { doc, c } = await settled('us-sports-mui-continuous-next-article.html', (win) => {
      win.history.replaceState = () => undefined;
    });
    expect(doc.querySelectorAll('[data-fixture="headline"]').length).toBe(2);
    expect(doc.location.pathname).toMatch(/canucks-031845226\.html$/);
    expect(wrongOn(doc)).toEqual([]);
    c.stop();
  });
});
