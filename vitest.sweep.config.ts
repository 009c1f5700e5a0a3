import { defineConfig } from 'vitest/config';
import unit from './vitest.config';

// `npm run eval -- cutsweep`: the parse-time sweep (tests/tools/cutsweep.sweep.ts) in the unit
// tests' environment (WXT's fake browser, jsdom), on its own: it is a measurement, not a test.
export default defineConfig({
  ...unit,
  test: { ...unit.test, include: ['tests/tools/*.sweep.ts'], testTimeout: 0 },
});
