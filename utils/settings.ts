import { browser } from 'wxt/browser';
import type { FeedKind } from './sites/types';
import type { UserRule } from './feed/detect';

export type EntityTypeSetting = 'person' | 'organization' | 'place' | 'date' | 'quantity';
export const ENTITY_TYPES: readonly EntityTypeSetting[] = ['person', 'organization', 'place', 'date', 'quantity'];

export interface Settings {
  /** Clean up Yahoo article pages automatically. */
  enabled: boolean;
  /** Which kinds of block are hidden. */
  hide: Record<FeedKind, boolean>;
  /** Hide completely, or collapse to a one-line bar with a "show" button. */
  mode: 'hide' | 'collapse';
  /** Hostnames where cleanup is off. */
  disabledSites: string[];
  /** Origins (https://example.com) the user added beyond Yahoo; each holds an optional permission. */
  addedSites: string[];
  userRules: UserRule[];
  keyPointCount: 'auto' | 3 | 5 | 7;
  entityTypes: Record<EntityTypeSetting, boolean>;
  highlightColors: Record<EntityTypeSetting, string>;
  autoHighlight: boolean;
  language: 'auto' | 'zh-TW' | 'en';
  theme: 'system' | 'light' | 'dark';
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  hide: { recommended: true, trending: true, sponsored: true, related: false },
  mode: 'hide',
  disabledSites: [],
  addedSites: [],
  userRules: [],
  keyPointCount: 'auto',
  entityTypes: { person: true, organization: true, place: true, date: true, quantity: true },
  highlightColors: {
    person: '#f4b400',
    organization: '#4285f4',
    place: '#0f9d58',
    date: '#ab47bc',
    quantity: '#ff7043',
  },
  autoHighlight: false,
  language: 'auto',
  theme: 'system',
};

/** Bump with a migration whenever the stored shape changes. */
export const SETTINGS_VERSION = 2;
/** Bounds that keep a corrupted or hostile import from bloating storage or the page. */
const MAX_LIST = 500;
const MAX_RULE_CHARS = 300;

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const COLOR = /^#[0-9a-f]{6}$/i;
const HOST = /^[a-z0-9.-]+$/i;
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i;

function warn(key: string, value: unknown): void {
  console.warn(`[yahoo-news-declutter] setting "${key}" was invalid and fell back to its default:`, value);
}

function pick<T>(raw: Json, key: string, ok: (v: unknown) => v is T, fallback: T): T {
  if (!(key in raw)) return fallback;
  const v = raw[key];
  if (ok(v)) return v;
  warn(key, v);
  return fallback;
}

const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const oneOf =
  <T extends string | number>(...values: T[]) =>
  (v: unknown): v is T =>
    values.includes(v as T);

function boolRecord<K extends string>(raw: Json, key: string, fallback: Record<K, boolean>): Record<K, boolean> {
  const v = raw[key];
  if (v === undefined) return { ...fallback };
  if (!isObj(v)) {
    warn(key, v);
    return { ...fallback };
  }
  const out = { ...fallback };
  for (const k of Object.keys(fallback) as K[]) {
    if (k in v) {
      if (isBool(v[k])) out[k] = v[k];
      else warn(`${key}.${k}`, v[k]);
    }
  }
  return out;
}

function stringList(raw: Json, key: string, re: RegExp): string[] {
  const v = raw[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    warn(key, v);
    return [];
  }
  const out = v.filter((x): x is string => typeof x === 'string' && re.test(x)).map((x) => x.toLowerCase());
  if (out.length !== v.length) warn(key, v);
  return [...new Set(out)].slice(0, MAX_LIST);
}

/** A selector the page's engine accepts; invalid ones are reported, never saved. */
export function selectorError(selector: string, doc: Document = document): string | null {
  const s = selector.trim();
  if (!s) return 'empty';
  if (s.length > MAX_RULE_CHARS) return 'too long';
  try {
    doc.createDocumentFragment().querySelector(s);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : 'invalid selector';
  }
}

export function validateRule(v: unknown, doc?: Document): UserRule | null {
  if (!isObj(v)) return null;
  const { host, kind, value } = v;
  if (typeof host !== 'string' || !HOST.test(host)) return null;
  if (kind !== 'phrase' && kind !== 'selector') return null;
  if (typeof value !== 'string' || !value.trim() || value.length > MAX_RULE_CHARS) return null;
  if (kind === 'selector' && doc && selectorError(value, doc)) return null;
  return { host: host.toLowerCase(), kind, value: value.trim() };
}

/** Validate any stored or imported value: each bad key falls back to its default, alone. */
export function sanitizeSettings(raw: unknown, doc?: Document): Settings {
  if (!isObj(raw)) {
    if (raw !== null && raw !== undefined) warn('(all)', raw);
    return structuredClone(DEFAULT_SETTINGS);
  }
  const d = DEFAULT_SETTINGS;
  const rules = Array.isArray(raw.userRules) ? raw.userRules : [];
  const goodRules = rules.map((r) => validateRule(r, doc)).filter((r): r is UserRule => r !== null);
  if (raw.userRules !== undefined && (!Array.isArray(raw.userRules) || goodRules.length !== rules.length))
    warn('userRules', raw.userRules);
  const colors = { ...d.highlightColors };
  if (isObj(raw.highlightColors)) {
    for (const k of ENTITY_TYPES) {
      const c = raw.highlightColors[k];
      if (typeof c === 'string' && COLOR.test(c)) colors[k] = c.toLowerCase();
      else if (c !== undefined) warn(`highlightColors.${k}`, c);
    }
  } else if (raw.highlightColors !== undefined) warn('highlightColors', raw.highlightColors);
  return {
    enabled: pick(raw, 'enabled', isBool, d.enabled),
    hide: boolRecord(raw, 'hide', d.hide),
    mode: pick(raw, 'mode', oneOf('hide', 'collapse'), d.mode),
    disabledSites: stringList(raw, 'disabledSites', HOST),
    addedSites: stringList(raw, 'addedSites', ORIGIN),
    userRules: goodRules.slice(0, MAX_LIST),
    keyPointCount: pick(raw, 'keyPointCount', oneOf<'auto' | 3 | 5 | 7>('auto', 3, 5, 7), d.keyPointCount),
    entityTypes: boolRecord(raw, 'entityTypes', d.entityTypes),
    highlightColors: colors,
    autoHighlight: pick(raw, 'autoHighlight', isBool, d.autoHighlight),
    language: pick(raw, 'language', oneOf('auto', 'zh-TW', 'en'), d.language),
    theme: pick(raw, 'theme', oneOf('system', 'light', 'dark'), d.theme),
  };
}

/**
 * Version 1 (the first release) stored only `{ autoCleanup: boolean }`. Migrations run when the
 * extension updates; sanitizeSettings still guards every read.
 */
export function migrateV1toV2(old: unknown): unknown {
  // Idempotent: only the version-1 shape is rewritten. Anything else (a version-2 value written
  // without its version marker, e.g. restored by sync, or one missing some keys) is kept as it
  // is, for sanitizeSettings to complete; every read passes through here.
  if (isObj(old) && ('enabled' in old || !('autoCleanup' in old))) return old;
  const enabled = isObj(old) && typeof old.autoCleanup === 'boolean' ? old.autoCleanup : true;
  return { ...DEFAULT_SETTINGS, enabled };
}

/** Where the settings live: `sync:settings` of @wxt-dev/storage (settings-store.ts). */
const STORAGE_KEY = 'settings';

/**
 * Every read goes straight to the browser's storage, without the versioned item's migration
 * step (a storage round trip before the value) and without loading the storage library: the
 * content script reads this on every Yahoo page before it paints, the popup as it opens. An
 * unmigrated v1 value is read through the migration function itself, so a reader sees what the
 * migration writes; sanitizeSettings guards the rest. Writes go through settings-store.ts.
 */
export async function getSettings(): Promise<Settings> {
  return settingsFromStored(await readStoredSettings());
}

/** The stored value as it is, unchecked: for a reader that times its own handling of it. */
export async function readStoredSettings(): Promise<unknown> {
  return (await browser.storage.sync.get(STORAGE_KEY))[STORAGE_KEY];
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && STORAGE_KEY in changes) cb(settingsFromStored(changes[STORAGE_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** A stored value (anything, or nothing yet), migrated and validated. */
export function settingsFromStored(v: unknown): Settings {
  return sanitizeSettings(migrateV1toV2(v ?? DEFAULT_SETTINGS));
}

/** Whether cleanup runs on a host under these settings. */
export function cleanupEnabledFor(s: Settings, hostname: string): boolean {
  return s.enabled && !s.disabledSites.includes(hostname.toLowerCase());
}

export function exportSettings(s: Settings): string {
  return JSON.stringify({ app: 'yahoo-news-declutter', version: SETTINGS_VERSION, settings: s }, null, 2);
}

/** Parse an exported file; a bad file changes nothing and says why. */
export function importSettings(text: string, doc?: Document): { ok: true; settings: Settings } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (!isObj(data) || data.app !== 'yahoo-news-declutter' || !isObj(data.settings)) return { ok: false, error: 'not-settings' };
  if (typeof data.version !== 'number' || data.version > SETTINGS_VERSION) return { ok: false, error: 'newer-version' };
  const raw = data.version < 2 ? migrateV1toV2(data.settings) : data.settings;
  // Strict: a file with any invalid value is refused whole, so an import never half-applies.
  const invalid = invalidKeys(raw, doc);
  if (invalid.length) return { ok: false, error: `invalid:${invalid.join(', ')}` };
  return { ok: true, settings: sanitizeSettings(raw, doc) };
}

/** Keys whose values sanitizeSettings would have to replace (missing keys are fine). */
export function invalidKeys(raw: unknown, doc?: Document): string[] {
  if (!isObj(raw)) return ['(all)'];
  const clean = sanitizeSettings(raw, doc) as unknown as Json;
  return Object.keys(raw).filter((key) => !(key in DEFAULT_SETTINGS) || !conforms(raw[key], clean[key]));
}

function conforms(raw: unknown, clean: unknown): boolean {
  if (isObj(raw)) return isObj(clean) && Object.keys(raw).every((k) => k in clean && conforms(raw[k], clean[k]));
  if (Array.isArray(raw)) return Array.isArray(clean) && raw.length === clean.length && raw.every((v, i) => conforms(v, clean[i]));
  if (typeof raw === 'string' && typeof clean === 'string') return raw.trim().toLowerCase() === clean.toLowerCase();
  return raw === clean;
}
