import { defineConfig } from 'vitest/config';
import { E2E_CONCURRENCY } from './tests/e2e/harness';

// End-to-end tests drive the built extension in the system Chromium; they share one browser
// build, so they run in a single worker, one file at a time. Within a file, tests marked
// concurrent (pages that change no setting) run a few at once, each in a browser of its own
// (cleanup.e2e.ts): most of their time is waiting for a page's timers, and one at a time the
// suite outgrew CI's 20 minutes. E2E_CONCURRENCY=1 runs them one at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    maxWorkers: 1,
    maxConcurrency: E2E_CONCURRENCY,
  },
});
