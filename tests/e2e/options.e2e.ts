import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FixtureServer, fixtureByFile, launch, openOptions, requireChromium, resetSettings, visibility, type Session, serveYahooFixtures } from './harness';

const hasChromium = requireChromium();

/** Visible feed items of one kind (data-fixture-kind on their block). */
const visibleOfKind = (page: Page, kind: string) => visibility(page, 'feed-item', kind);

describe.skipIf(!hasChromium)('options page, applied live to open tabs', () => {
  let server: FixtureServer;
  let s: Session;
  let page: Page;
  let options: Page;

  beforeAll(async () => {
    server = await serveYahooFixtures();
    s = await launch(server, { lang: 'en-US' });
  });
  afterAll(async () => {
    await s?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    await resetSettings(s);
    for (const p of s.context.pages()) if (!p.url().startsWith('about:')) await p.close();
  });

  async function openBoth(file: string) {
    page = await s.context.newPage();
    await page.goto(fixtureByFile(file).url, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    options = await openOptions(s);
  }

  it('trending rails: off shows them, on hides them, without reload', async () => {
    await openBoth('tw-modern-seed.html');
    expect((await visibleOfKind(page, 'trending')).visible).toBe(0);
    await options.locator('input[name="hide-trending"]').uncheck();
    await expect.poll(async () => (await visibleOfKind(page, 'trending')).visible).toBe(8);
    expect((await visibleOfKind(page, 'recommended')).visible).toBe(0);
    await options.locator('input[name="hide-trending"]').check();
    await expect.poll(async () => (await visibleOfKind(page, 'trending')).visible).toBe(0);
  });

  it('sponsored widgets and the unrelated feed each have their own switch', async () => {
    await openBoth('tw-modern-seed.html');
    await options.locator('input[name="hide-sponsored"]').uncheck();
    await expect.poll(async () => (await visibleOfKind(page, 'sponsored')).visible).toBe(4);
    await options.locator('input[name="hide-recommended"]').uncheck();
    await expect.poll(async () => (await visibleOfKind(page, 'recommended')).visible).toBe(20);
    expect((await visibleOfKind(page, 'trending')).visible).toBe(0);
  });

  it('related reading is kept by default and hidden when asked', async () => {
    await openBoth('jp-article.html');
    const related = () => visibility(page, 'related-item');
    expect((await related()).visible).toBe(3);
    await options.locator('input[name="hide-related"]').check();
    await expect.poll(async () => (await related()).visible).toBe(0);
    expect((await visibility(page, 'article')).visible).toBe(1);
  });

  it('collapse mode shows a one-line bar; "Show" reveals the items', async () => {
    await openBoth('tw-modern-seed.html');
    await options.locator('input[name="mode"][value="collapse"]').check();
    const bar = page.locator('[data-ynd-bar="recommended"]');
    await expect.poll(() => bar.isVisible()).toBe(true);
    expect(await bar.locator('span').textContent()).toContain('20 stories hidden');
    expect((await visibleOfKind(page, 'recommended')).visible).toBe(0);
    await bar.locator('button').click();
    await expect.poll(async () => (await visibleOfKind(page, 'recommended')).visible).toBe(20);
    await options.locator('input[name="mode"][value="hide"]').check();
    await expect.poll(() => bar.count()).toBe(0);
  });

  it('per-site off restores that site at once', async () => {
    await openBoth('tw-modern-seed.html');
    await options.locator('#site-input').fill('tw.news.yahoo.com');
    await options.locator('#site-input').press('Enter');
    await expect.poll(async () => (await visibility(page, 'feed-item')).visible).toBe(fixtureByFile('tw-modern-seed.html').expect.feedItems);
    await options.locator('li', { hasText: 'tw.news.yahoo.com' }).locator('button').click();
    await expect.poll(async () => (await visibility(page, 'feed-item')).visible).toBe(0);
  });

  it('a user rule hides a block immediately; an invalid selector is reported and never saved', async () => {
    await openBoth('tw-no-feed.html');
    const footer = () => page.locator('footer').first().isVisible();
    expect(await footer()).toBe(true);
    await options.locator('input[name="rule-host"]').fill('tw.news.yahoo.com');
    await options.locator('select[name="rule-kind"]').selectOption('selector');
    await options.locator('input[name="rule-value"]').fill('footer[');
    expect(await options.locator('#rule-error').textContent()).toMatch(/Invalid selector/);
    expect(await options.locator('.rule-form button[type="submit"]').isDisabled()).toBe(true);
    await options.locator('input[name="rule-value"]').fill('footer');
    expect(await options.locator('#rule-error').textContent()).toBe('');
    await options.locator('.rule-form button[type="submit"]').click();
    await expect.poll(footer).toBe(false);
    expect((await visibility(page, 'article')).visible).toBe(1);
  });

  it('a malformed import is rejected with a message and changes nothing', async () => {
    await openBoth('tw-modern-seed.html');
    await options.locator('input[name="import"]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"app":"yahoo-news-declutter","version":2,"settings":{"enabled":"nope"}}') });
    await expect.poll(() => options.locator('#notice').textContent()).toMatch(/not imported.*invalid.*enabled.*Nothing was changed/);
    await options.locator('input[name="import"]').setInputFiles({ name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('not json at all') });
    await expect.poll(() => options.locator('#notice').textContent()).toMatch(/not a JSON file/);
    expect(await options.locator('input[name="enabled"]').isChecked()).toBe(true);
    expect((await visibility(page, 'feed-item')).visible).toBe(0);
  });

  it('interface language and theme apply at once', async () => {
    options = await openOptions(s);
    await options.locator('select[name="language"]').selectOption('zh-TW');
    await expect.poll(() => options.locator('h1').textContent()).toBe('Yahoo 新聞淨讀 — 設定');
    await options.locator('select[name="theme"]').selectOption('dark');
    await expect.poll(() => options.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(31, 31, 35)');
  });
});
