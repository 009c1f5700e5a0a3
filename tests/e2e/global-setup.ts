import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ROOT, requireChromium } from './harness';

/** Build the production extension once for the whole e2e run. */
export default function setup(): void {
  if (!requireChromium()) return;
  if (process.env.CI === 'true' && !existsSync(`${ROOT}/../shared`)) {
    throw new Error('../shared is missing: the e2e fixtures read the seed from there under CI');
  }
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(`${ROOT}/.output/chrome-mv3/manifest.json`)) return;
  execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
}
