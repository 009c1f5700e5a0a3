// `npm test`: type checking, unit tests, end-to-end tests in Chromium and `web-ext lint` of the
// Firefox build, in that order; then one summary line over all of them. Exits non-zero if any
// step fails or if no test ran at all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const cache = 'tests/.cache';
mkdirSync(cache, { recursive: true });

function run(name, cmd, args) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status})`}`);
  return ok;
}

function counts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0, failures: [] };
  const j = JSON.parse(readFileSync(file, 'utf8'));
  // Each failed test's name and the first line of its message, for the summary: CI keeps only
  // the end of a long log.
  const failures = (j.testResults ?? []).flatMap((f) =>
    (f.assertionResults ?? [])
      .filter((a) => a.status === 'failed')
      .map((a) => `${a.fullName}: ${String(a.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300)}`),
  );
  return {
    passed: j.numPassedTests ?? 0,
    failed: j.numFailedTests ?? 0,
    skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
    failures,
  };
}

// Written by the end-to-end tests: one line per sample taken again (cleanup.e2e.ts, retakes).
const retakesFile = `${cache}/e2e-retakes.txt`;
rmSync(retakesFile, { force: true });

const steps = [];
steps.push(['typecheck', run('typecheck', 'npm', ['run', '-s', 'typecheck'])]);
steps.push(['unit', run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${cache}/unit.json`])]);
steps.push(['e2e', run('e2e', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${cache}/e2e.json`])]);
steps.push(['web-ext lint', run('web-ext lint', 'npm', ['run', '-s', 'lint:firefox'])]);

const unit = counts(`${cache}/unit.json`);
const e2e = counts(`${cache}/e2e.json`);
const failedSteps = steps.filter(([, ok]) => !ok).map(([n]) => n);
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(`e2e: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
const retakes = existsSync(retakesFile) ? readFileSync(retakesFile, 'utf8').split('\n').filter(Boolean) : [];
console.log(`e2e samples taken again: ${retakes.length}`);
for (const r of retakes) console.log(`  ${r}`);
for (const f of [...unit.failures, ...e2e.failures]) console.log(`FAILED ${f}`);
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
const passed = unit.passed + e2e.passed + steps.filter(([n, ok]) => ok && (n === 'typecheck' || n === 'web-ext lint')).length;
const failed = unit.failed + e2e.failed + failedSteps.length;
console.log(`tests: ${passed} passed, ${failed} failed, ${unit.skipped + e2e.skipped} skipped`);
if (failed > 0 || unit.passed + e2e.passed === 0) process.exit(1);
