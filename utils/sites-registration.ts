import { browser } from 'wxt/browser';

const SCRIPT_ID = 'ynd-added-sites';
const SCRIPT_FILE = '/content-scripts/cleanup.js';

/** Register the cleanup script for the origins the user added (and still grants). */
export async function syncRegisteredSites(origins: readonly string[]): Promise<void> {
  if (!browser.scripting?.registerContentScripts) return;
  const granted: string[] = [];
  for (const o of origins) {
    const pattern = `${o}/*`;
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!granted.length) return;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: granted, js: [SCRIPT_FILE], runAt: 'document_start', persistAcrossSessions: true },
  ]);
}
