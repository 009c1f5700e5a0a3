// `npm run eval -- <ner|keypoints|extraction> <file or dir> [options]` or `npm run eval --
// cutsweep [--cuts N] [--fixtures a.html,b.html]`: routes to the evaluation tools; each prints a
// table and, as its last line, one JSON object with the figures.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'cutsweep') {
  // The sweep runs in vitest (see cutsweep.sweep.ts); its options travel as environment.
  const opt = (name: string) => rest[rest.indexOf(name) + 1];
  const env = { ...process.env, CUTSWEEP_CUTS: rest.includes('--cuts') ? opt('--cuts') : '', CUTSWEEP_FIXTURES: rest.includes('--fixtures') ? opt('--fixtures') : '' };
  const r = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.sweep.config.ts', '--reporter=dot', '--silent=false'], { stdio: 'inherit', env });
  process.exit(r.status ?? 1);
}
const tool = cmd === 'extraction' ? 'eval-extraction.ts' : cmd === 'ner' || cmd === 'keypoints' ? 'eval-nlp.ts' : null;
if (!tool) {
  console.error('usage: npm run eval -- ner <file.iob2> | keypoints <file.jsonl> [--count N] | extraction <benchmark dir> | cutsweep [--cuts N] [--fixtures a.html,b.html]');
  process.exit(2);
}
const args = cmd === 'extraction' ? rest : [cmd!, ...rest];
const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, tool), ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
