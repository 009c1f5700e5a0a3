// The real toolbar popup, for `npm run bench`. Playwright opens the popup's page as a tab
// (popup.html?tabId=N), which adds a navigation a user never pays for: measured, its script
// started 40–50 ms later than in the popup `chrome.action.openPopup()` opens. Playwright does
// not show that popup as a page, so this drives Chromium over a bare DevTools connection (the
// browser's own WebSocket, no instrumentation of the pages until they are read).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_FLAGS, EXTENSION_DIR, MAPPED_HOSTS, type FixtureServer } from '../e2e/harness';

const START_TIMEOUT_MS = 30_000;
const POLL_MS = 50;

interface CdpReply {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ToolbarPopupBrowser {
  private nextId = 0;
  private readonly pending = new Map<number, (r: CdpReply) => void>();

  /** The extension's service worker target, found once the browser is up. */
  private worker = '';

  private constructor(
    private readonly proc: ChildProcess,
    private readonly ws: WebSocket,
    private readonly profile: string,
  ) {
    ws.addEventListener('message', (m) => {
      const reply = JSON.parse(String(m.data)) as CdpReply;
      if (reply.id === undefined) return;
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
  }

  /** Chromium with the built extension and Yahoo hosts mapped to `server`, fresh profile. */
  static async launch(server: FixtureServer): Promise<ToolbarPopupBrowser> {
    const profile = mkdtempSync(join(tmpdir(), 'ynd-popup-'));
    const rules = MAPPED_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${server.port}`).join(', ');
    const proc = spawn(
      CHROMIUM,
      [
        ...CHROMIUM_FLAGS,
        `--user-data-dir=${profile}`,
        '--remote-debugging-port=0',
        `--host-resolver-rules=${rules}`,
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--window-size=1280,900',
        'about:blank',
      ],
      { stdio: 'ignore' },
    );
    const portFile = join(profile, 'DevToolsActivePort');
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!existsSync(portFile) || readFileSync(portFile, 'utf8').split('\n').length < 2) {
      if (Date.now() > deadline) throw new Error('Chromium did not start');
      await sleep(POLL_MS);
    }
    const [port, path] = readFileSync(portFile, 'utf8').split('\n');
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`);
    await new Promise((ok, bad) => {
      ws.addEventListener('open', ok, { once: true });
      ws.addEventListener('error', bad, { once: true });
    });
    const browser = new ToolbarPopupBrowser(proc, ws, profile);
    browser.worker = (await browser.waitForTarget((t) => t.type === 'service_worker' && t.url.endsWith('/background.js'))).targetId;
    // The worker's target is listed before its script has run: wait until it has its APIs.
    while (!(await browser.inWorker<boolean>(`typeof chrome === 'object' && !!chrome.storage`).catch(() => false))) {
      if (Date.now() > deadline) throw new Error('the extension did not start');
      await sleep(POLL_MS);
    }
    return browser;
  }

  private send(method: string, params: object = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = ++this.nextId;
    return new Promise((ok, bad) => {
      this.pending.set(id, (r) => (r.error ? bad(new Error(`${method}: ${r.error.message}`)) : ok(r.result ?? {})));
      this.ws.send(JSON.stringify({ id, method, params, sessionId }));
    });
  }

  private async targets(): Promise<TargetInfo[]> {
    return (await this.send('Target.getTargets')).targetInfos as TargetInfo[];
  }

  private async waitForTarget(match: (t: TargetInfo) => boolean, timeoutMs = START_TIMEOUT_MS): Promise<TargetInfo> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const t = (await this.targets()).find(match);
      if (t) return t;
      if (Date.now() > deadline) throw new Error('target did not appear');
      await sleep(POLL_MS);
    }
  }

  /** Evaluate an expression in a target, attaching only for that (after the fact, for pages). */
  async evaluate<T>(targetId: string, expression: string): Promise<T> {
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    try {
      const r = (await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)) as {
        result: { value: T };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
      return r.result.value;
    } finally {
      await this.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    }
  }

  /** A new foreground tab at `url`. */
  async openTab(url: string): Promise<string> {
    return (await this.send('Target.createTarget', { url })).targetId as string;
  }

  async closeTarget(targetId: string): Promise<void> {
    await this.send('Target.closeTarget', { targetId }).catch(() => undefined);
  }

  /** Run in the extension's service worker. */
  inWorker<T>(expression: string): Promise<T> {
    return this.evaluate<T>(this.worker, expression);
  }

  /**
   * Open the toolbar popup for the active tab and return the popup's own figure: milliseconds
   * from its navigation start to key points on screen (`data-ready-ms`, set by the popup).
   */
  async timeToolbarPopup(timeoutMs = 20_000): Promise<number> {
    const opened = await this.inWorker<string>(`chrome.action.openPopup().then(() => 'ok', (e) => String(e))`);
    if (opened !== 'ok') throw new Error(`openPopup: ${opened}`);
    const popup = await this.waitForTarget((t) => t.url.includes('/popup.html'), timeoutMs);
    try {
      const ms = await this.evaluate<number | null>(
        popup.targetId,
        `new Promise((done) => {
          const read = () => document.documentElement.getAttribute('data-ready-ms');
          const t0 = Date.now();
          const poll = () => (read() ? done(Number(read())) : Date.now() - t0 > ${timeoutMs} ? done(null) : setTimeout(poll, ${POLL_MS}));
          poll();
        })`,
      );
      if (ms === null) throw new Error('the popup never showed key points');
      return ms;
    } finally {
      await this.closeTarget(popup.targetId);
    }
  }

  async close(): Promise<void> {
    this.ws.close();
    this.proc.kill();
    await new Promise((ok) => (this.proc.exitCode !== null ? ok(null) : this.proc.once('exit', ok)));
    rmSync(this.profile, { recursive: true, force: true });
  }
}
