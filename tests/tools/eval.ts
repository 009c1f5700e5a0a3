// `npm run eval -- <ner|keypoints|extraction> <file or dir> [options]`: routes to the evaluation
// tools; each prints a table and, as its last line, one JSON object with the figures.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const [cmd, ...rest] = process.argv.slice(2);
const tool = cmd === 'extraction' ? 'eval-extraction.ts' : cmd === 'ner' || cmd === 'keypoints' ? 'eval-nlp.ts' : null;
if (!tool) {
  console.error('usage: npm run eval -- ner <file.iob2> | keypoints <file.jsonl> [--count N] | extraction <benchmark dir>');
  process.exit(2);
}
const args = cmd === 'extraction' ? rest : [cmd!, ...rest];
const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, tool), ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
