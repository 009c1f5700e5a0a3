import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fromOwnContentScript, fromPopup, isTabId } from '../../utils/messages';
import { prefetchPending, schedulePrefetch } from '../../utils/prefetch';

const ID = 'ext-id';
const POPUP = `chrome-extension://${ID}/popup.html`;

describe('message senders and shapes', () => {
  it('a tab id is a non-negative safe integer (Chromium hands out large ones)', () => {
    expect(isTabId(2_013_030_550)).toBe(true);
    expect(isTabId(0)).toBe(true);
    for (const bad of [-1, 1.5, '3', null, undefined, Number.NaN, 2 ** 60]) expect(isTabId(bad)).toBe(false);
  });

  it('only this extension\'s popup page counts as the popup', () => {
    expect(fromPopup({ id: ID, url: POPUP }, ID, POPUP)).toBe(true);
    expect(fromPopup({ id: ID, url: `${POPUP}?tabId=4` }, ID, POPUP)).toBe(true);
    // Our own content script on a page, another extension, an options page, a look-alike path.
    expect(fromPopup({ id: ID, url: 'https://tw.news.yahoo.com/x-1.html' }, ID, POPUP)).toBe(false);
    expect(fromPopup({ id: 'other', url: POPUP }, ID, POPUP)).toBe(false);
    expect(fromPopup({ id: ID, url: `chrome-extension://${ID}/options.html` }, ID, POPUP)).toBe(false);
    expect(fromPopup({ id: ID, url: `${POPUP}.evil` }, ID, POPUP)).toBe(false);
    expect(fromPopup({ id: ID }, ID, POPUP)).toBe(false);
  });

  it('a page message must come from our content script in a tab', () => {
    expect(fromOwnContentScript({ id: ID, tab: { id: 3 } }, ID)).toBe(true);
    expect(fromOwnContentScript({ id: ID }, ID)).toBe(false);
    expect(fromOwnContentScript({ id: 'other', tab: { id: 3 } }, ID)).toBe(false);
  });
});

describe('the analysis ahead of the popup', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('is pending from the moment it is scheduled until it has finished, then gone', async () => {
    expect(prefetchPending(7)).toBeUndefined();
    schedulePrefetch(7);
    const waiting = prefetchPending(7);
    expect(waiting).toBeInstanceOf(Promise);
    let settled = false;
    void waiting!.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(settled).toBe(false);
    // The run itself fails here (no tab answers in the fake browser): the wait still ends.
    await vi.advanceTimersByTimeAsync(2_000);
    expect(settled).toBe(true);
    expect(prefetchPending(7)).toBeUndefined();
    expect(prefetchPending(8)).toBeUndefined();
  });

  it('scheduled again before it ran (in-site navigation): one wait, settled by the last run', async () => {
    schedulePrefetch(9);
    const first = prefetchPending(9);
    await vi.advanceTimersByTimeAsync(200);
    schedulePrefetch(9);
    expect(prefetchPending(9)).toBe(first);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(first).resolves.toBeUndefined();
    expect(prefetchPending(9)).toBeUndefined();
  });
});
