// `npm run demo`: build the extension, serve the seed fixture as https://tw.news.yahoo.com/…,
// open it in Chromium with the extension (headed when a display exists), and save screenshots
// of the cleaned page, the popup (light/dark, 繁體中文/English) and the options page to
// demo-output/. `--readme` also copies them to tests/screenshots/ for the README.
import { execSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, chromiumAvailable, CHROMIUM, fixtureByFile, launch, openPopup, serveYahooFixtures, tabIdOf } from '../e2e/harness';

const OUT = join(ROOT, 'demo-output');
const README_SHOTS = join(ROOT, 'tests/screenshots');

async function main(): Promise<void> {
  if (!chromiumAvailable()) {
    console.error(`Chromium not found at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium  (or set CHROMIUM_PATH)`);
    process.exit(1);
  }
  console.log('demo: building the extension…');
  execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(OUT, { recursive: true });
  const server = await serveYahooFixtures();
  const headed = !!process.env.DISPLAY;
  const seed = fixtureByFile('tw-modern-seed.html');
  const shots: string[] = [];
  for (const [lang, scheme] of [['zh-TW', 'light'], ['en-US', 'dark']] as const) {
    const s = await launch(server, { headed, lang, colorScheme: scheme });
    try {
      const page = await s.context.newPage();
      await page.setViewportSize({ width: 1280, height: 1400 });
      await page.goto(seed.url, { waitUntil: 'load' });
      await page.waitForTimeout(500);
      if (lang === 'zh-TW') {
        // Full pages as JPEG: a whole article page is megabytes as PNG.
        const cleaned = join(OUT, 'page-cleaned.jpg');
        await page.screenshot({ path: cleaned, fullPage: true, type: 'jpeg', quality: 70 });
        shots.push(cleaned);
        // The same page with the feed shown, for comparison.
        const tabId = await tabIdOf(s, page);
        const p = await openPopup(s, tabId);
        await p.waitForSelector('.status input[name="page-feed"]');
        await p.locator('input[name="page-feed"]').uncheck();
        await page.waitForTimeout(200);
        const before = join(OUT, 'page-with-feed.jpg');
        await page.screenshot({ path: before, fullPage: true, type: 'jpeg', quality: 70 });
        shots.push(before);
        await p.locator('input[name="page-feed"]').check();
        await p.close();
      }
      const tabId = await tabIdOf(s, page);
      const popup = await openPopup(s, tabId);
      await popup.setViewportSize({ width: 400, height: 640 });
      await popup.waitForSelector('main.popup[aria-busy="false"]', { timeout: 20_000 });
      const file = join(OUT, `popup-${lang === 'zh-TW' ? 'zh-TW' : 'en'}-${scheme}.png`);
      await popup.screenshot({ path: file, fullPage: true });
      shots.push(file);
      if (lang === 'zh-TW') {
        const options = await s.context.newPage();
        await options.goto(`chrome-extension://${s.extensionId}/options.html`);
        await options.waitForSelector('main.options h1');
        const o = join(OUT, 'options-zh-TW.png');
        await options.screenshot({ path: o, fullPage: true });
        shots.push(o);
      }
    } finally {
      await s.close();
    }
  }
  await server.stop();
  if (process.argv.includes('--readme')) {
    mkdirSync(README_SHOTS, { recursive: true });
    for (const f of shots) copyFileSync(f, join(README_SHOTS, f.split('/').pop()!));
  }
  console.log(`demo: screenshots saved (${headed ? 'headed' : 'headless'} Chromium):`);
  for (const f of shots) console.log(`  ${f}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
