import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { YAHOO_FIXTURES, type FixtureEntry } from '../fixtures/manifest';

/** The slice of the extension API that tests call inside extension pages. */
declare const chrome: {
  tabs: {
    query(q: object): Promise<Array<{ id?: number; url?: string; pendingUrl?: string }>>;
    sendMessage(tabId: number, msg: object, cb: (r: unknown) => void): void;
    getCurrent(): Promise<{ id?: number } | undefined>;
  };
  runtime: { lastError?: unknown };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { sync: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void>; clear(): Promise<void> } };
};

/** How many e2e tests marked concurrent run at once, each in a browser of its own
 * (cleanup.e2e.ts; vitest.e2e.config.ts's maxConcurrency). E2E_CONCURRENCY=1: one at a time. */
export const E2E_CONCURRENCY = Number(process.env.E2E_CONCURRENCY) || 3;

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Hostnames served by the local test server instead of the network. */
export const MAPPED_HOSTS = [
  'tw.news.yahoo.com',
  'hk.news.yahoo.com',
  'in.news.yahoo.com',
  'sg.news.yahoo.com',
  'news.yahoo.com',
  'www.yahoo.com',
  'uk.news.yahoo.com',
  'finance.yahoo.com',
  'sports.yahoo.com',
  'au.news.yahoo.com',
  'uk.style.yahoo.com',
  'tw.tv.yahoo.com',
  'tw.style.yahoo.com',
  'fr-ca.news.yahoo.com',
  'ph.news.yahoo.com',
  'hk.finance.yahoo.com',
  'tw.stock.yahoo.com',
  'malaysia.news.yahoo.com',
  'es-us.noticias.yahoo.com',
  'tw.sports.yahoo.com',
  'hk.style.yahoo.com',
  'ca.news.yahoo.com',
  'nz.news.yahoo.com',
  'au.lifestyle.yahoo.com',
  'ca.finance.yahoo.com',
  'news.yahoo.co.jp',
  'tw.yahoo.com',
  'example-news.test',
];

export { fixtureByFile, type FixtureEntry } from '../fixtures/manifest';

export function yahooFixtures(): readonly FixtureEntry[] {
  return YAHOO_FIXTURES;
}

/** `html` with `from` replaced by `to`; a page edit that finds nothing to edit is a broken test. */
export function swap(html: string, from: string, to: string): string {
  if (!html.includes(from)) throw new Error(`not in the page: ${from}`);
  return html.replace(from, to);
}

/** Another article URL on the same host, of the same shape (a page edited for one test). */
export function variantUrl(url: string, n: number): string {
  const u = new URL(url);
  u.pathname = /-\d+\.html$/.test(u.pathname) ? u.pathname.replace(/-(\d+)\.html$/, `-7${n}$1.html`) : u.pathname.replace(/[0-9a-f]{2}$/, `e${n}`);
  if (u.href === url) throw new Error(`no variant of ${url}`);
  return u.href;
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** Skip loudly outside CI when Chromium is missing; fail under CI. */
export function requireChromium(): boolean {
  if (chromiumAvailable()) return true;
  const msg = `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH). End-to-end tests SKIPPED.`;
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`\n*** ${msg} ***\n`);
  return false;
}

/** How a route's body is sent when not at once: `at`, the body up to that character, then the
 * rest after `ms` (a network that stalls mid-page, so the browser paints what it has parsed so
 * far); `every`, that many characters at a time, one piece every `ms` (a page arriving over a
 * slow network, parsed and painted in many pieces: `npm run bench`'s trickled loads). */
export type Delivery = { at: number; ms: number } | { every: number; ms: number };

interface Route {
  body: string | Buffer;
  type: string;
  delivery?: Delivery;
}

/** Where `delivery` cuts a body of `length` characters (ascending, inside the body). */
function cutsOf(d: Delivery, length: number): number[] {
  if ('at' in d) return d.at > 0 && d.at < length ? [d.at] : [];
  const cuts: number[] = [];
  for (let c = d.every; c < length; c += d.every) cuts.push(c);
  return cuts;
}

/** A started server with every Yahoo fixture at its real URL (tests, demo). */
export async function serveYahooFixtures(): Promise<FixtureServer> {
  const server = new FixtureServer();
  for (const f of yahooFixtures()) server.routeFixture(f);
  await server.start();
  return server;
}

/** Local HTTPS server with a certificate made at test time; routes by Host header + path. */
export class FixtureServer {
  private server: Server | null = null;
  private routes = new Map<string, Route>();
  port = 0;

  route(url: string, body: string | Buffer, type = 'text/html; charset=utf-8', delivery?: Delivery): void {
    const u = new URL(url);
    this.routes.set(`${u.hostname}${decodeURI(u.pathname)}`, { body, type, delivery });
  }

  routeFixture(entry: { file: string; url: string }, dir = 'yahoo'): void {
    this.route(entry.url, readFileSync(join(FIXTURES, dir, entry.file)));
  }

  async start(): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'ynd-cert-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=yahoo-test',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    const key = readFileSync(join(dir, 'key.pem'));
    const cert = readFileSync(join(dir, 'cert.pem'));
    rmSync(dir, { recursive: true, force: true });
    this.server = createServer({ key, cert }, (req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const path = decodeURI((req.url ?? '/').split('?')[0] ?? '/');
      const r = this.routes.get(`${host}${path}`);
      if (!r) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': r.type, 'cache-control': 'no-store' });
      if (!r.delivery) {
        res.end(r.body);
        return;
      }
      const text = r.body.toString();
      const { ms } = r.delivery;
      const cuts = cutsOf(r.delivery, text.length);
      const send = (i: number, from: number) => {
        if (i === cuts.length) return void res.end(text.slice(from));
        res.write(text.slice(from, cuts[i]));
        setTimeout(() => send(i + 1, cuts[i]!), ms);
      };
      send(0, 0);
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    const addr = this.server.address();
    this.port = typeof addr === 'object' && addr ? addr.port : 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }
}

export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--ignore-certificate-errors',
];

export interface Session {
  context: BrowserContext;
  extensionId: string;
  server: FixtureServer;
  userDataDir: string;
  close(): Promise<void>;
}

/** Launch Chromium with the built extension, a fresh profile, Yahoo hosts mapped to the server. */
export async function launch(
  server: FixtureServer,
  opts: { headed?: boolean; lang?: string; colorScheme?: 'light' | 'dark'; /** Another unpacked extension (the bench's floor). */ extensionDir?: string } = {},
): Promise<Session> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  const userDataDir = mkdtempSync(join(tmpdir(), 'ynd-profile-'));
  const rules = MAPPED_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${server.port}`).join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    args: [
      ...(opts.headed ? CHROMIUM_FLAGS.filter((f) => f !== '--headless=new') : CHROMIUM_FLAGS),
      `--host-resolver-rules=${rules}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
    ],
    locale: opts.lang,
    colorScheme: opts.colorScheme,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    server,
    userDataDir,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** One extension page per session for the calls below (tab ids, badge text, settings), kept
 * open: loading a fresh one for each call took about 0.2 s, and the badge is polled. Opened again
 * when a test has closed it. */
const extensionPages = new WeakMap<Session, Promise<Page>>();
async function extensionPage(s: Session): Promise<Page> {
  const cached = extensionPages.get(s);
  if (cached && !(await cached).isClosed()) return cached;
  const opening = (async () => {
    const p = await s.context.newPage();
    await p.goto(`chrome-extension://${s.extensionId}/options.html`);
    return p;
  })();
  extensionPages.set(s, opening);
  return opening;
}

/**
 * The tab id Chromium gave a page. Without the "tabs" permission tab URLs are hidden, so each
 * tab's content script is asked for its status (in the messaging library's envelope) and the
 * one reporting the page's URL wins.
 */
export async function tabIdOf(s: Session, page: Page): Promise<number> {
  const ext = await extensionPage(s);
  const url = decodeURI(page.url());
  let id = -1;
  for (let attempt = 0; attempt < 20 && id < 0; attempt++) {
    id = await ext.evaluate(async (u) => {
      // Newest first: a page just opened is the one the test means.
      const tabs = (await chrome.tabs.query({})).sort((a, b) => (b.id ?? 0) - (a.id ?? 0));
      for (const t of tabs) {
        if (t.id === undefined) continue;
        const reply = await new Promise<unknown>((ok) =>
          chrome.tabs.sendMessage(t.id!, { id: 1, type: 'cleanup/status', timestamp: Date.now() }, (r: unknown) => {
            void chrome.runtime.lastError;
            ok(r);
          }),
        );
        const status = (reply as { res?: { url?: string } } | undefined)?.res;
        if (status?.url && decodeURI(status.url) === u) return t.id;
      }
      return -1;
    }, url);
    if (id < 0) await page.waitForTimeout(250);
  }
  if (id < 0) throw new Error(`no tab for ${url}`);
  return id;
}

/** The newest tab that is not an extension page (for pages without our content script). */
export async function newestTabId(s: Session): Promise<number> {
  const ext = await extensionPage(s);
  return ext.evaluate(async () => {
    const me = await chrome.tabs.getCurrent();
    const tabs = await chrome.tabs.query({});
    return Math.max(...tabs.filter((t) => t.id !== me?.id).map((t) => t.id ?? -1));
  });
}

export async function openPopup(s: Session, tabId?: number): Promise<Page> {
  const p = await s.context.newPage();
  await p.goto(`chrome-extension://${s.extensionId}/popup.html${tabId === undefined ? '' : `?tabId=${tabId}`}`);
  return p;
}

export async function openOptions(s: Session): Promise<Page> {
  const p = await s.context.newPage();
  await p.goto(`chrome-extension://${s.extensionId}/options.html`);
  await p.waitForSelector('main.options h1');
  return p;
}

/** Write settings straight into extension storage (a test's starting state). */
export async function setSettings(s: Session, patch: Record<string, unknown>): Promise<void> {
  await (await extensionPage(s)).evaluate(async (patch) => {
    const cur = ((await chrome.storage.sync.get('settings')).settings ?? {}) as Record<string, unknown>;
    // With its version marker, as the extension itself writes it.
    await chrome.storage.sync.set({ settings: { ...cur, ...patch }, settings$: { v: 2 } });
  }, patch);
}

/** The toolbar badge text the extension set for a tab. */
export async function badgeText(s: Session, tabId: number): Promise<string> {
  return (await extensionPage(s)).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Back to a fresh install's settings (defaults). */
export async function resetSettings(s: Session): Promise<void> {
  await (await extensionPage(s)).evaluate(() => chrome.storage.sync.clear());
}

/** Visibility of every element carrying data-fixture=<role> (optionally only inside feed blocks
 * of one data-fixture-kind), as the user sees it. */
export async function visibility(page: Page, role: string, kind?: string): Promise<{ total: number; visible: number }> {
  return page.evaluate(
    ([role, kind]) => {
      // Open shadow roots too (a web component's cards, tw-web-components-dsd.html).
      const within = (root: Document | ShadowRoot, sel: string): Element[] => [
        ...Array.from(root.querySelectorAll(sel)),
        ...Array.from(root.querySelectorAll('*')).flatMap((el) => (el.shadowRoot ? within(el.shadowRoot, sel) : [])),
      ];
      const els = kind
        ? within(document, `[data-fixture="feed-block"][data-fixture-kind="${kind}"]`).flatMap((b) => [
            ...Array.from(b.querySelectorAll(`[data-fixture="${role}"]`)),
            ...(b.shadowRoot ? within(b.shadowRoot, `[data-fixture="${role}"]`) : []),
          ])
        : within(document, `[data-fixture="${role}"]`);
      // An element with `display: contents` has no box of its own, shown or not: what it holds
      // is what a reader sees of it (tw-sycamore-stylance-contents-grid-picture-tiles.html's
      // article body, its feed's cards).
      const shown = (e: Element): boolean => {
        const cs = getComputedStyle(e);
        if (cs.display === 'contents') {
          return (
            Array.from(e.children).some(shown) ||
            Array.from(e.childNodes).some((n) => {
              if (n.nodeType !== 3 || !(n.textContent ?? '').trim() || cs.visibility === 'hidden') return false;
              const range = document.createRange();
              range.selectNodeContents(n);
              return Array.from(range.getClientRects()).some((r) => r.width > 0 && r.height > 0);
            })
          );
        }
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none';
      };
      const vis = els.filter(shown);
      // And those a script drew into a frame of the page's origin, annotated there with
      // data-fixture-frame (jp-meteor-blaze-basscss-docwrite-iframe-recs.html's widget): shown
      // when the frame and they have a box.
      let total = els.length;
      let visible = vis.length;
      for (const frame of Array.from(document.querySelectorAll('iframe'))) {
        let inner: Document | null = null;
        try {
          inner = frame.contentDocument;
        } catch {
          continue;
        }
        if (kind && !frame.closest(`[data-fixture="feed-block"][data-fixture-kind="${kind}"]`)) continue;
        const rows = inner ? Array.from(inner.querySelectorAll(`[data-fixture-frame="${role}"]`)) : [];
        total += rows.length;
        if (shown(frame)) visible += rows.filter((r) => r.getBoundingClientRect().height > 0).length;
      }
      return { total, visible };
    },
    [role, kind] as const,
  );
}
