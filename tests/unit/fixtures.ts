import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { YAHOO_FIXTURES, YAHOO_FIXTURE_DIR, type FixtureEntry } from '../fixtures/manifest';
import { headingKind } from '../../utils/feed/signals';

export const FIXTURE_DIR = YAHOO_FIXTURE_DIR;
export const FIXTURES = YAHOO_FIXTURES;
export type { FixtureEntry };

/** A fixture as the content script sees it at DOMContentLoaded (page scripts do not run). */
export function loadFixture(file: string, html?: string): { doc: Document; url: string; entry: FixtureEntry } {
  const entry = FIXTURES.find((f) => f.file === file);
  if (!entry) throw new Error(`unknown fixture ${file}`);
  const dom = new JSDOM(html ?? readFileSync(join(FIXTURE_DIR, file), 'utf8'), { url: entry.url, virtualConsole: new VirtualConsole() });
  return { doc: dom.window.document, url: entry.url, entry };
}

/**
 * A fixture in jsdom with its scripts running. jsdom runs no module scripts; a page's own
 * (inline, importing nothing) runs as a classic script instead. A browser runs it once the
 * document has parsed; a classic one at the end of the body runs at nearly the same point.
 */
function scriptedDocument(file: string, url: string): Document {
  const html = readFileSync(join(FIXTURE_DIR, file), 'utf8').replace(/<script type="module"/g, '<script data-module');
  return new JSDOM(html, { url, runScripts: 'dangerously', pretendToBeVisual: true, virtualConsole: new VirtualConsole() }).window.document;
}

/** A fixture with its own scripts running (timers, lazy loading), as the browser runs it. */
export function loadWithScripts(file: string): { doc: Document; url: string; entry: FixtureEntry } {
  const entry = FIXTURES.find((f) => f.file === file);
  if (!entry) throw new Error(`unknown fixture ${file}`);
  return { doc: scriptedDocument(file, entry.url), url: entry.url, entry };
}

/**
 * A fixture after its in-site navigation (expect.afterNavigation): its own script run, the
 * link clicked, the URL and title moved on. What the content script and the popup's snapshot
 * see then.
 */
/** Longest a page's script takes to bring the new article's feed after the click. */
const NAVIGATION_SETTLE_MS = 3_000;

/**
 * The page after its in-site navigation link is clicked, its scripts run, once the new page's
 * feed has arrived (some pages bring the article first and its feed later) or
 * NAVIGATION_SETTLE_MS has passed.
 */
export async function loadAfterNavigation(file: string): Promise<{ doc: Document; url: string; entry: FixtureEntry }> {
  const entry = FIXTURES.find((f) => f.file === file);
  const nav = entry?.expect.afterNavigation;
  if (!entry || !nav) throw new Error(`fixture ${file} has no in-site navigation`);
  const doc = scriptedDocument(file, entry.url);
  const items = () => doc.querySelectorAll('[data-fixture="feed-item"]').length;
  const until = async (done: () => boolean) => {
    for (const end = Date.now() + NAVIGATION_SETTLE_MS; !done() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
  };
  // As a reader (and the browser tests) would: after the page has loaded and its feed come.
  await new Promise<void>((r) => (doc.readyState === 'complete' ? r() : doc.defaultView!.addEventListener('load', () => r(), { once: true })));
  await until(() => items() === (entry.expect.maxFeedItems ?? entry.expect.feedItems));
  const link = doc.querySelector<HTMLElement>(nav.click);
  if (!link) throw new Error(`${file}: nothing matches ${nav.click}`);
  link.click();
  await until(() => decodeURI(doc.location.href) === decodeURI(nav.url));
  if (decodeURI(doc.location.href) !== decodeURI(nav.url)) throw new Error(`${file}: the click did not navigate (${doc.location.href})`);
  await until(() => items() === nav.feedItems);
  return { doc, url: nav.url, entry };
}

/**
 * The same page after a redesign: every class and id renamed to a meaningless token (or
 * stripped), data-fixture ground truth kept. The generic detector must still find the feed.
 * With `within`, only the subtrees matching that selector change: a redesign of one module.
 */
export function renameClasses(html: string, mode: 'rename' | 'strip', within?: string): string {
  const dom = new JSDOM(html);
  const doc = dom.window.document;
  const scope = within ? Array.from(doc.querySelectorAll(within)).flatMap((el) => [el, ...Array.from(el.querySelectorAll('*'))]) : null;
  if (scope && !scope.length) throw new Error(`renameClasses: nothing matches ${within}`);
  const map = new Map<string, string>();
  const token = (name: string) => {
    if (!map.has(name)) map.set(name, `x${(map.size * 2654435761 >>> 0).toString(36)}`);
    return map.get(name)!;
  };
  // Ids that name a module for assistive technology (aria-labelledby) go with it: a redesign
  // renames both together, and a page cannot drop them and keep its names.
  const labelIds = new Set(Array.from(doc.querySelectorAll('[aria-labelledby]')).flatMap((el) => (el.getAttribute('aria-labelledby') ?? '').split(/\s+/)));
  for (const el of scope ?? Array.from(doc.querySelectorAll('*'))) {
    if (mode === 'strip') {
      el.removeAttribute('class');
      if (!labelIds.has(el.getAttribute('id') ?? '')) el.removeAttribute('id');
      continue;
    }
    const cls = el.getAttribute('class');
    if (cls) el.setAttribute('class', cls.split(/\s+/).filter(Boolean).map(token).join(' '));
    const id = el.getAttribute('id');
    if (id) el.setAttribute('id', token(id));
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) el.setAttribute('aria-labelledby', labelledBy.split(/\s+/).filter(Boolean).map(token).join(' '));
  }
  return dom.serialize();
}

export function fixtureHtml(file: string): string {
  return readFileSync(join(FIXTURE_DIR, file), 'utf8');
}

/** The Singapore page's feed heading, and words no phrase list holds to put in its place. */
export const SG_RETITLE: [string, string] = ['>Other people also read<', '>Worth your time<'];

/**
 * sg-en-modern.html redesigned so that only its run of story cards gives its feed away: the feed
 * headed with words no phrase list holds, and its classes renamed (only the feed module's, or
 * with `everything` all of the page's).
 */
export function sgFeedRedesigned(everything = false): string {
  const html = fixtureHtml('sg-en-modern.html').replace(...SG_RETITLE);
  if (!html.includes(SG_RETITLE[1])) throw new Error('sgFeedRedesigned: the feed heading was not found');
  // The tests built on it mean a heading nobody knows: one the phrase lists learn no longer is.
  if (headingKind(SG_RETITLE[1].slice(1, -1))) throw new Error(`sgFeedRedesigned: the phrase lists know ${SG_RETITLE[1]}`);
  return renameClasses(html, 'rename', everything ? undefined : '[data-fixture-kind="recommended"]');
}

/** Where a network stall leaves `html` with one card of its recommended-stories block parsed:
 * just before the tag that opens the block's second card. */
export function beforeSecondFeedCard(html: string): number {
  const block = html.indexOf('data-fixture-kind="recommended"');
  const first = html.indexOf('data-fixture="feed-item"', block);
  const second = html.indexOf('data-fixture="feed-item"', first + 1);
  if (block < 0 || first < 0 || second < 0) throw new Error('beforeSecondFeedCard: no block with two cards');
  return html.lastIndexOf('<', second);
}
