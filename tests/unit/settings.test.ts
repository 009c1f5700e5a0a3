import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  cleanupEnabledFor,
  exportSettings,
  getSettings,
  importSettings,
  migrateV1toV2,
  sanitizeSettings,
  selectorError,
} from '../../utils/settings';
import { saveSettings, settingsItem } from '../../utils/settings-store';

describe('settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('defaults: feed, rails and sponsored hidden, related kept, hide completely', async () => {
    const s = await getSettings();
    expect(s.enabled).toBe(true);
    expect(s.hide).toEqual({ recommended: true, trending: true, sponsored: true, related: false });
    expect(s.mode).toBe('hide');
    expect(s.autoHighlight).toBe(false);
  });

  it('round-trips through sync storage', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false, keyPointCount: 5 });
    const s = await getSettings();
    expect(s.enabled).toBe(false);
    expect(s.keyPointCount).toBe(5);
  });

  it('corrupt values fall back per key, with a console note, never a throw', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { enabled: 'yes', mode: 'explode', hide: { related: true, trending: 7 }, highlightColors: { person: 'red' }, userRules: 'x' },
    });
    const s = await getSettings();
    expect(s.enabled).toBe(true);
    expect(s.mode).toBe('hide');
    expect(s.hide.related).toBe(true);
    expect(s.hide.trending).toBe(true);
    expect(s.highlightColors.person).toBe(DEFAULT_SETTINGS.highlightColors.person);
    expect(s.userRules).toEqual([]);
    expect(console.warn).toHaveBeenCalled();
  });

  it('whole-value corruption (a string, an array) gives the defaults', () => {
    expect(sanitizeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates the version-1 shape { autoCleanup } to version 2', async () => {
    expect(migrateV1toV2({ autoCleanup: false })).toMatchObject({ enabled: false, mode: 'hide' });
    // A version-2 value without its marker is not clobbered.
    expect(migrateV1toV2({ enabled: false, mode: 'collapse' })).toEqual({ enabled: false, mode: 'collapse' });
    // A version-2 value missing keys is not mistaken for version 1 (its other keys survive).
    expect(migrateV1toV2({ autoHighlight: true })).toEqual({ autoHighlight: true });
    await fakeBrowser.storage.sync.set({ settings: { autoCleanup: false }, settings$: { v: 1 } });
    await settingsItem().migrate();
    const s = await getSettings();
    expect(s.enabled).toBe(false);
    expect(s.hide.recommended).toBe(true);
  });

  it('reads a version-1 value correctly before the background has migrated it', async () => {
    await fakeBrowser.storage.sync.set({ settings: { autoCleanup: false } });
    expect((await getSettings()).enabled).toBe(false);
    await fakeBrowser.storage.sync.set({ settings: { autoCleanup: true } });
    expect((await getSettings()).enabled).toBe(true);
  });

  it('per-site off', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['hk.news.yahoo.com'] };
    expect(cleanupEnabledFor(s, 'hk.news.yahoo.com')).toBe(false);
    expect(cleanupEnabledFor(s, 'tw.news.yahoo.com')).toBe(true);
  });

  it('reports an invalid selector and accepts a valid one', () => {
    expect(selectorError('div[')).not.toBeNull();
    expect(selectorError('')).toBe('empty');
    expect(selectorError('section.feed > li')).toBeNull();
  });

  it('drops invalid user rules and keeps valid ones', () => {
    const s = sanitizeSettings(
      {
        userRules: [
          { host: 'tw.news.yahoo.com', kind: 'selector', value: '#x' },
          { host: 'tw.news.yahoo.com', kind: 'selector', value: 'div[' },
          { host: 'bad host!', kind: 'phrase', value: 'x' },
        ],
      },
      document,
    );
    expect(s.userRules).toEqual([{ host: 'tw.news.yahoo.com', kind: 'selector', value: '#x' }]);
  });

  it('export → import round trip', () => {
    const s = { ...DEFAULT_SETTINGS, mode: 'collapse' as const, disabledSites: ['sg.news.yahoo.com'] };
    const r = importSettings(exportSettings(s));
    expect(r).toEqual({ ok: true, settings: s });
  });

  it('a bad import file is refused with a reason', () => {
    expect(importSettings('{not json')).toEqual({ ok: false, error: 'not-json' });
    expect(importSettings('{"hello":1}')).toEqual({ ok: false, error: 'not-settings' });
    expect(importSettings(JSON.stringify({ app: 'yahoo-news-declutter', version: 99, settings: {} }))).toEqual({ ok: false, error: 'newer-version' });
    const bad = importSettings(JSON.stringify({ app: 'yahoo-news-declutter', version: 2, settings: { enabled: 'maybe' } }));
    expect(bad.ok).toBe(false);
  });
});
