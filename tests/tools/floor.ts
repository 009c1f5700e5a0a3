// The floor under the content script's load time: what a bare content script (no framework, no
// bundle) costs on this machine for the least the cleanup must do before the page paints. It is
// loaded as its own unpacked extension, at document_start on the same page, and timed the same
// way as the real script (from its first line, a User Timing measure written later).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, type FixtureServer } from '../e2e/harness';

/** What each bare script does: mark <html> (the stylesheet's gate), then also ask for the settings. */
export const FLOOR_SCRIPTS = {
  'set one attribute on <html>': `document.documentElement.setAttribute('data-floor', '');`,
  '… and read chrome.storage': `document.documentElement.setAttribute('data-floor', ''); chrome.storage.local.get('settings');`,
} as const;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Median time of each bare script over `loads` loads of `url`, in ms. */
export async function floorTimes(server: FixtureServer, url: string, loads: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, body] of Object.entries(FLOOR_SCRIPTS)) {
    const dir = mkdtempSync(join(tmpdir(), 'ynd-floor-'));
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'floor',
        version: '1',
        permissions: ['storage'],
        // launch() waits for an extension service worker.
        background: { service_worker: 'sw.js' },
        content_scripts: [{ matches: [`${new URL(url).origin}/*`], run_at: 'document_start', js: ['floor.js'] }],
      }),
    );
    writeFileSync(join(dir, 'sw.js'), '');
    writeFileSync(
      join(dir, 'floor.js'),
      `(() => { const t0 = performance.now(); ${body} const d = performance.now() - t0; setTimeout(() => performance.measure('floor', { start: t0, duration: d }), 100); })();`,
    );
    const s = await launch(server, { extensionDir: dir });
    const times: number[] = [];
    try {
      for (let i = 0; i < loads; i++) {
        const page = await s.context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(300);
        times.push(await page.evaluate(() => performance.getEntriesByName('floor')[0]?.duration ?? Number.NaN));
        await page.close();
      }
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
    out[name] = median(times);
  }
  return out;
}
