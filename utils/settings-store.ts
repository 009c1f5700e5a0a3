import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, getSettings, migrateV1toV2, sanitizeSettings, type Settings } from './settings';

/**
 * Writing and migrating the settings: a versioned @wxt-dev/storage item. Reading is in
 * settings.ts, which does not load this library (it runs in the content script on every page).
 */
type SettingsItem = ReturnType<typeof storage.defineItem<unknown>>;
let item: SettingsItem | null = null;

/** The versioned item, defined on first use: defining it starts the migration (a storage read,
 * perhaps a write), which only the background and the extension's pages should do. */
export function settingsItem(): SettingsItem {
  return (item ??= storage.defineItem<unknown>('sync:settings', {
    fallback: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    migrations: { 2: migrateV1toV2 },
  }));
}

/** Run the stored value's migration (the background, when the extension starts or updates). */
export async function migrateSettings(): Promise<void> {
  await settingsItem().migrate();
}

export async function saveSettings(next: Settings): Promise<void> {
  await settingsItem().setValue(sanitizeSettings(next));
}

export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = sanitizeSettings(change(await getSettings()));
  await settingsItem().setValue(next);
  return next;
}
