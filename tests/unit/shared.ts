import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** ../shared beside the checkout: corpora read at test time, never committed. */
export const SHARED = resolve(import.meta.dirname, '../../../shared');

/**
 * A file from ../shared, or null with one loud line when it is missing (a user's fresh clone).
 * Under CI=true a missing ../shared is a failure.
 */
export function sharedFile(rel: string): string | null {
  const p = join(SHARED, rel);
  if (existsSync(p)) return p;
  const msg = `../shared/${rel} is missing: tests that read it are SKIPPED`;
  if (process.env.CI === 'true') throw new Error(msg.replace('SKIPPED', 'required under CI'));
  console.warn(`*** ${msg} ***`);
  return null;
}
