import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// WxtVitest does not apply wxt.config.ts's vite plugins, so preact() is added here too.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'jsdom',
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 60_000,
    // detect.test.ts loads each fixture page a dozen ways; jsdom keeps about 2.4 MB of each
    // window even after window.close() and a full collection (measured on 2026-11-30), and at 152
    // fixtures its worker passed the 4 GB heap Node gives it by default.
    execArgv: ['--max-old-space-size=8192'],
    // Vitest's default (one worker fewer than the cores) runs the files one at a time on CI's 2
    // cores: 7 min. With a worker per core detect.test.ts runs beside the others: 4 min 20 s
    // (measured on 2026-12-02; the largest worker's peak was 6.1 GB of this machine's 24 GB).
    maxWorkers: '100%',
  },
});
