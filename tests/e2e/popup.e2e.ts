import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureServer, fixtureByFile, launch, openPopup, requireChromium, tabIdOf, type Session } from './harness';

const hasChromium = requireChromium();

describe.skipIf(!hasChromium)('popup on the seed article', () => {
  let server: FixtureServer;
  let s: Session;
  const seed = () => fixtureByFile('tw-modern-seed.html');

  beforeAll(async () => {
    server = new FixtureServer();
    server.routeFixture(seed());
    await server.start();
    s = await launch(server, { lang: 'zh-TW' });
  });
  afterAll(async () => {
    await s?.close();
    await server?.stop();
  });

  it('shows the title and key points from the main article only', async () => {
    const page = await s.context.newPage();
    await page.goto(seed().url, { waitUntil: 'load' });
    const tabId = await tabIdOf(s, page);
    const { article, feed } = await page.evaluate(() => ({
      article: document.querySelector('[data-fixture="article"]')!.textContent!.replace(/\s+/g, ''),
      feed: Array.from(document.querySelectorAll('[data-fixture="feed-item"]')).map((e) => e.textContent!.replace(/\s+/g, '')),
    }));
    const popup = await openPopup(s, tabId);
    await popup.waitForSelector('.keypoints li', { timeout: 15_000 });
    await expect.poll(() => popup.locator('h1.title').textContent()).toContain('千問恐慌');
    const points = await popup.locator('.keypoints li').allTextContents();
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points.length).toBeLessThanOrEqual(5);
    for (const p of points) {
      const probe = p.replace(/[…\s]+$/u, '').replace(/\s+/g, '').slice(0, 30);
      expect(article, `key point from the article: ${p}`).toContain(probe);
      for (const item of feed) expect(item).not.toContain(probe);
    }
    await popup.close();
    await page.close();
  });
});
