import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FixtureServer, fixtureByFile, launch, newestTabId, openPopup, requireChromium, setSettings, swap, tabIdOf, variantUrl, visibility, type Session, serveYahooFixtures } from './harness';
import { fixtureHtml } from '../unit/fixtures';

const hasChromium = requireChromium();

/** The slice of the extension API these tests call in the service worker. */
declare const chrome: {
  storage: { session: { get(k: string): Promise<Record<string, unknown>>; clear(): Promise<void> } };
  offscreen: { closeDocument(): Promise<void> };
  runtime: { getContexts(f: { contextTypes: string[] }): Promise<unknown[]> };
};
/** Names that exist only in the seed's unrelated feed: none may reach the popup. */
const FEED_ONLY_NAMES = ['梁朝偉', '劉嘉玲', '邱淑貞', '盧秀燕', '黃國昌', '澤倫斯基', '澤連斯基', '賴清德', '韓國瑜', '林依晨', '郁方', '菲利浦斯', '吳子嘉'];

async function ready(popup: Page): Promise<void> {
  await popup.waitForSelector('main.popup[aria-busy="false"]', { timeout: 20_000 });
}

/** Open a fixture URL in a tab, then the popup for that tab, and wait for its result. */
async function openWithPopup(s: Session, url: string, beforePopup?: (page: Page) => Promise<unknown>): Promise<{ page: Page; popup: Page }> {
  const page = await s.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await beforePopup?.(page);
  const popup = await openPopup(s, await tabIdOf(s, page));
  await ready(popup);
  return { page, popup };
}

describe.skipIf(!hasChromium)('popup (繁體中文 browser)', () => {
  let server: FixtureServer;
  let s: Session;
  const seed = () => fixtureByFile('tw-modern-seed.html');

  beforeAll(async () => {
    server = await serveYahooFixtures();
    s = await launch(server, { lang: 'zh-TW' });
  });
  afterAll(async () => {
    await s?.close();
    await server?.stop();
  });
  // A failed test must not leave its tabs behind for the next one to find.
  afterEach(async () => {
    for (const p of s.context.pages()) if (!p.url().startsWith('about:')) await p.close();
  });

  const openSeed = () => openWithPopup(s, seed().url);

  it('shows the title, key points and entities of the main article only, in 繁體中文', async () => {
    const { page, popup } = await openSeed();
    const { article, feed } = await page.evaluate(() => ({
      article: document.querySelector('[data-fixture="article"]')!.textContent!.replace(/\s+/g, ''),
      feed: Array.from(document.querySelectorAll('[data-fixture="feed-item"]')).map((e) => e.textContent!.replace(/\s+/g, '')),
    }));
    expect(await popup.locator('h1.title').textContent()).toBe('千問恐慌！阿里巴巴的AI野心如何撼動矽谷');
    expect(await popup.locator('#kp-title').textContent()).toBe('重點');
    const points = await popup.locator('.keypoints li').allTextContents();
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points.length).toBeLessThanOrEqual(5);
    for (const p of points) {
      const probe = p.replace(/[…\s]+$/u, '').replace(/\s+/g, '').slice(0, 30);
      expect(article, `key point from the article: ${p}`).toContain(probe);
      for (const item of feed) expect(item).not.toContain(probe);
    }
    for (const more of await popup.locator('.chip.more').all()) await more.click();
    const chips = await popup.locator('.chip .chip-text').allTextContents();
    for (const name of ['阿里巴巴', 'OpenAI', '李飛飛', '史丹佛大學']) expect(chips).toContain(name);
    for (const name of FEED_ONLY_NAMES) expect(chips.join('|')).not.toContain(name);
    expect(await popup.locator('.status-text').textContent()).toMatch(/已隱藏 \d+ 則/);
    await popup.close();
    await page.close();
  });

  it('says so when it hid a module whose stories it cannot count (a rail in a closed shadow root); a feed in a frame of the page\'s origin is counted', async () => {
    const { page, popup } = await openWithPopup(s, fixtureByFile('hk-lit-shoelace-iframe-foryou-closed-shadow-rail.html').url);
    // The ten light-DOM stories and the frame's eight cards are counted; the closed rail's rows
    // cannot be.
    await expect.poll(() => popup.locator('.status-text').textContent()).toBe('已隱藏 18 則：推薦新聞 18 則 · 另有 1 個無法計數的區塊 · 保留 1 個相關區塊');
    await popup.close();
    await page.close();
  });

  it('a story body a script renders after load (the page served grey lines in its place): the key points are the story\'s, not what the page held before it came', async () => {
    // The page renders its body 2.5 s after DOMContentLoaded, not 650 ms: the analysis made
    // ahead of the popup (about 0.4 s after load) is surely of the page before it came.
    const f = fixtureByFile('hk-nunjucks-mdui-client-body-after-feed.html');
    const url = variantUrl(f.url, 1);
    server.route(url, swap(fixtureHtml(f.file), 'function onReady() { setTimeout(renderBody, 650); }', 'function onReady() { setTimeout(renderBody, 2500); }'));
    const { page, popup } = await openWithPopup(s, url, async (p) => {
      await p.waitForSelector('[data-fixture="article"] p');
      // Idle time after it came, for the new analysis to be made.
      await p.waitForTimeout(2_000);
    });
    const body = await page.evaluate(() => document.querySelector('[data-fixture="article"]')!.textContent!.replace(/\s+/g, ''));
    const points = await popup.locator('.keypoints li').allTextContents();
    expect(points.length).toBeGreaterThanOrEqual(3);
    for (const p of points) expect(body, `key point from the story: ${p}`).toContain(p.replace(/[…\s]+$/u, '').replace(/\s+/g, '').slice(0, 30));
    await popup.close();
    await page.close();
  });

  it('after in-site navigation to an article appended below the first, the popup is about the new one', async () => {
    const f = fixtureByFile('uk-next-article.html');
    const { page, popup: before } = await openWithPopup(s, f.url);
    await before.close();
    await page.click(f.expect.afterNavigation!.click);
    await page.waitForURL(f.expect.afterNavigation!.url);
    const { title, body } = await page.evaluate(() => {
      const h = document.querySelectorAll('[data-fixture="headline"]')[1]!;
      const b = Array.from(document.querySelectorAll('[data-fixture="article"]')).find((x) => h.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING)!;
      return { title: h.textContent!.trim(), body: b.textContent!.replace(/\s+/g, '') };
    });
    const popup = await openPopup(s, await tabIdOf(s, page));
    await ready(popup);
    expect(await popup.locator('h1.title').textContent()).toBe(title);
    const points = await popup.locator('.keypoints li').allTextContents();
    expect(points.length).toBeGreaterThanOrEqual(1);
    for (const p of points) expect(body, `key point from the new article: ${p}`).toContain(p.replace(/[…\s]+$/u, '').replace(/\s+/g, '').slice(0, 30));
  });

  it('clicking a key point scrolls the page to its sentence and marks it', async () => {
    const { page, popup } = await openSeed();
    await page.evaluate(() => window.scrollTo(0, 0));
    const last = popup.locator('.keypoint').last();
    const text = (await last.textContent())!.replace(/[…\s]+$/u, '').slice(0, 12);
    await last.click();
    await expect
      .poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('ynd-keypoint')))
      .toBe(true);
    const visible = await page.evaluate((t) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if ((n.textContent ?? '').includes(t)) {
          const r = n.parentElement!.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        }
      }
      return false;
    }, text);
    expect(visible).toBe(true);
    await popup.close();
    await page.close();
  });

  it('clicking an entity highlights its mentions in the page; the switch highlights all types', async () => {
    const { page, popup } = await openSeed();
    await popup.locator('.chip', { hasText: '阿里巴巴' }).first().click();
    const size = () =>
      page.evaluate(() => {
        const h = (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights;
        return Object.fromEntries([...h.keys()].map((k) => [k, h.get(k)!.size]));
      });
    await expect.poll(async () => (await size())['ynd-organization'] ?? 0).toBeGreaterThan(5);
    await popup.locator('.section-head input[type="checkbox"]').check();
    await expect.poll(async () => Object.keys(await size()).filter((k) => /^ynd-(person|place|date|quantity)$/.test(k)).length).toBeGreaterThanOrEqual(3);
    await popup.locator('.section-head input[type="checkbox"]').uncheck();
    await expect.poll(async () => Object.keys(await size()).filter((k) => /^ynd-(person|organization|place)$/.test(k)).length).toBe(0);
    await popup.close();
    await page.close();
  });

  it('with "highlight mentions automatically" on, opening the popup highlights them in the page', async () => {
    await setSettings(s, { autoHighlight: true });
    try {
      const { page } = await openSeed();
      await expect
        .poll(() => page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].filter((k) => /^ynd-(person|organization|place)$/.test(k)).length))
        .toBe(3);
    } finally {
      await setSettings(s, { autoHighlight: false });
    }
  });

  it('the page switch shows the feed again and hides it again', async () => {
    const { page, popup } = await openSeed();
    expect((await visibility(page, 'feed-item')).visible).toBe(0);
    await popup.locator('input[name="page-feed"]').uncheck();
    await expect.poll(async () => (await visibility(page, 'feed-item')).visible).toBe(seed().expect.feedItems);
    await popup.locator('input[name="page-feed"]').check();
    await expect.poll(async () => (await visibility(page, 'feed-item')).visible).toBe(0);
    await popup.close();
    await page.close();
  });

  it('a page nothing was prepared for is analysed on request in the offscreen document, nothing from its feed', async () => {
    const page = await s.context.newPage();
    await page.goto(seed().url, { waitUntil: 'load' });
    const tabId = await tabIdOf(s, page);
    const [worker] = s.context.serviceWorkers();
    // Once the background has analysed the page ahead, drop that result and the offscreen
    // document itself: what the popup shows now has to be asked for.
    await expect
      .poll(() => worker!.evaluate((id) => chrome.storage.session.get(`analysis-${id}`).then((o) => Object.keys(o).length), tabId), { timeout: 20_000 })
      .toBe(1);
    await worker!.evaluate(async () => {
      await chrome.storage.session.clear();
      await chrome.offscreen.closeDocument();
    });
    const offscreenDocs = () => worker!.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).then((c) => c.length));
    expect(await offscreenDocs()).toBe(0);
    const popup = await openPopup(s, tabId);
    await ready(popup);
    const points = await popup.locator('.keypoints li').allTextContents();
    expect(points.length).toBeGreaterThanOrEqual(3);
    const chips = (await popup.locator('.chip .chip-text').allTextContents()).join('|');
    expect(chips).toContain('阿里巴巴');
    for (const name of FEED_ONLY_NAMES) expect(chips).not.toContain(name);
    // Asked of the offscreen document, which stays for the next popup (the popup's own copy of
    // the analysis code would close with it).
    expect(await offscreenDocs()).toBe(1);
    await popup.close();
    await page.close();
  });

  it('says when a page is not an article (a Yahoo home page)', async () => {
    const { page, popup } = await openWithPopup(s, fixtureByFile('tw-home.html').url);
    expect(await popup.locator('.state-title').textContent()).toBe('這個頁面不是新聞文章。');
    expect(await popup.locator('.keypoints').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('says it cannot read a browser page', async () => {
    const page = await s.context.newPage();
    await page.goto('chrome://version');
    const tabId = await newestTabId(s);
    const popup = await openPopup(s, tabId);
    await ready(popup);
    expect(await popup.locator('.state-title').textContent()).toBe('擴充功能無法讀取這個頁面。');
    await popup.close();
    await page.close();
  });

  it('an error (the tab is gone) says so and offers a retry', async () => {
    const popup = await openPopup(s, 987654);
    await ready(popup);
    expect(await popup.locator('[role="alert"] .state-title').textContent()).toBe('分析這個頁面時發生錯誤。');
    await expect.poll(() => popup.locator('button', { hasText: '重試' }).count()).toBe(1);
    await popup.close();
  });

  it('the hostile article executes nothing, in the page or in the popup', async () => {
    // The page's own script sets __pwned while loading; from here on nothing may.
    const { page, popup } = await openWithPopup(s, fixtureByFile('hostile.html').url, (p) =>
      p.evaluate(() => ((window as unknown as { __pwned: number }).__pwned = 0)),
    );
    // Highlighting walks the hostile text in the page: that must run nothing either.
    await popup.locator('.section-head input[type="checkbox"]').check();
    await popup.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await popup.locator('img, script:not([type="module"]), a[href^="javascript:"]').count()).toBe(0);
    const text = await popup.locator('main').textContent();
    expect(text).not.toContain('<script');
    await popup.close();
    await page.close();
  });
});

describe.skipIf(!hasChromium)('popup (English browser, dark)', () => {
  let server: FixtureServer;
  let s: Session;
  beforeAll(async () => {
    server = await serveYahooFixtures();
    s = await launch(server, { lang: 'en-US', colorScheme: 'dark' });
  });
  afterAll(async () => {
    await s?.close();
    await server?.stop();
  });

  it('renders in English with the dark theme', async () => {
    const { page, popup } = await openWithPopup(s, fixtureByFile('caas-en.html').url);
    expect(await popup.locator('#kp-title').textContent()).toBe('Key points');
    expect(await popup.locator('.keypoints li').count()).toBeGreaterThanOrEqual(3);
    const bg = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(31, 31, 35)');
    // Keyboard: Tab reaches the first key point button.
    let focused = '';
    for (let i = 0; i < 8 && !focused.includes('keypoint'); i++) {
      await popup.keyboard.press('Tab');
      focused = await popup.evaluate(() => document.activeElement?.className ?? '');
    }
    expect(focused).toContain('keypoint');
    // English names need compromise, which the offscreen document loads on this first English page.
    for (const more of await popup.locator('.chip.more').all()) await more.click();
    const chips = await popup.locator('.chip .chip-text').allTextContents();
    for (const name of ['Thomas Whitaker', 'Federal Reserve', 'CME Group']) expect(chips).toContain(name);
    await popup.close();
    await page.close();
  });
});
