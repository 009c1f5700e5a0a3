/**
 * Offline evaluation of the text-analysis engine.
 *   npx tsx tests/tools/eval-nlp.ts ner <file.iob2>
 *   npx tsx tests/tools/eval-nlp.ts keypoints <file.jsonl> [--count 3]
 * Prints a table, then one JSON object with the figures as the last line.
 */
import { readFileSync } from 'node:fs';
import { extractKeyPointsWith, DEFAULT_WEIGHTS, type RankWeights } from '../../utils/keypoints';
import { recognizeMentions, type EntityType } from '../../utils/entities/index';
import { detectLanguage, isCjk, type Lang } from '../../utils/text/lang';
import { splitSentences } from '../../utils/text/sentences';
import { rouge, type RougeScores } from './rouge';
import { loadEnglishTagger } from '../../utils/entities/tagger';

// English entities need compromise, which the extension loads only when an article does.
await loadEnglishTagger();

type NerLabel = 'PER' | 'ORG' | 'LOC';
const LABEL_OF: Partial<Record<EntityType, NerLabel>> = { person: 'PER', organization: 'ORG', place: 'LOC' };

interface GoldSentence {
  text: string;
  spans: Array<{ start: number; end: number; label: string }>;
}

function parseIob2(content: string): GoldSentence[] {
  const out: GoldSentence[] = [];
  let text: string | null = null;
  let tokens: Array<{ token: string; tag: string }> = [];
  const flush = (): void => {
    if (text === null) return;
    const spans: GoldSentence['spans'] = [];
    let cursor = 0;
    let open: { start: number; end: number; label: string } | null = null;
    for (const { token, tag } of tokens) {
      let at = text.indexOf(token, cursor);
      if (at < 0) at = cursor; // tokenisation normalised the text; keep going sequentially
      const end = at + token.length;
      cursor = end;
      const m = /^([BI])-(\w+)$/.exec(tag);
      if (m && m[1] === 'I' && open && open.label === m[2]) open.end = end;
      else {
        if (open) spans.push(open);
        open = m ? { start: at, end, label: m[2] as string } : null;
      }
    }
    if (open) spans.push(open);
    out.push({ text, spans });
    text = null;
    tokens = [];
  };
  for (const line of content.split('\n')) {
    if (line.startsWith('# text = ')) {
      flush();
      text = line.slice('# text = '.length);
    } else if (line.startsWith('#')) continue;
    else if (line.trim() === '') flush();
    else {
      const cols = line.split('\t');
      if (cols.length >= 3 && text !== null) tokens.push({ token: cols[1] as string, tag: cols[2] as string });
    }
  }
  flush();
  return out;
}

function prf(tp: number, fp: number, fn: number): { p: number; r: number; f1: number } {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

const pct = (x: number): string => (100 * x).toFixed(2);

function runNer(file: string, verbose: boolean): void {
  const gold = parseIob2(readFileSync(file, 'utf8'));
  const lang = detectLanguage(gold.slice(0, 200).map((g) => g.text).join('\n'));
  const labels: NerLabel[] = ['PER', 'ORG', 'LOC'];
  const counts = new Map<string, { tp: number; fp: number; fn: number }>(labels.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
  for (const g of gold) {
    const pred = recognizeMentions(g.text, lang)
      .map((m) => ({ start: m.start, end: m.end, label: LABEL_OF[m.type] }))
      .filter((m): m is { start: number; end: number; label: NerLabel } => m.label !== undefined);
    const key = (s: { start: number; end: number; label: string }): string => `${s.start}:${s.end}:${s.label}`;
    const goldKeys = new Set(g.spans.filter((s) => labels.includes(s.label as NerLabel)).map(key));
    const predKeys = new Set(pred.map(key));
    for (const k of predKeys) {
      const c = counts.get(k.split(':')[2] as string);
      if (!c) continue;
      if (goldKeys.has(k)) c.tp++;
      else c.fp++;
    }
    for (const k of goldKeys) if (!predKeys.has(k)) {
      const c = counts.get(k.split(':')[2] as string);
      if (c) c.fn++;
    }
    if (verbose) {
      const show = (k: string): string => { const [s, e, l] = k.split(':'); return `${g.text.slice(Number(s), Number(e))}/${l}`; };
      const miss = [...goldKeys].filter((k) => !predKeys.has(k)).map(show);
      const extra = [...predKeys].filter((k) => !goldKeys.has(k)).map(show);
      if (miss.length || extra.length) console.log(`${g.text}\n   MISS ${miss.join(' ')}\n   FP   ${extra.join(' ')}`);
    }
  }
  const result: Record<string, { precision: number; recall: number; f1: number; support: number }> = {};
  let tp = 0, fp = 0, fn = 0;
  console.log(`NER ${file} (lang ${lang}, ${gold.length} sentences)`);
  console.log('type   P       R       F1      gold');
  for (const l of labels) {
    const c = counts.get(l) ?? { tp: 0, fp: 0, fn: 0 };
    tp += c.tp; fp += c.fp; fn += c.fn;
    const s = prf(c.tp, c.fp, c.fn);
    result[l] = { precision: +pct(s.p), recall: +pct(s.r), f1: +pct(s.f1), support: c.tp + c.fn };
    console.log(`${l.padEnd(6)} ${pct(s.p).padEnd(7)} ${pct(s.r).padEnd(7)} ${pct(s.f1).padEnd(7)} ${c.tp + c.fn}`);
  }
  const o = prf(tp, fp, fn);
  result.overall = { precision: +pct(o.p), recall: +pct(o.r), f1: +pct(o.f1), support: tp + fn };
  console.log(`${'ALL'.padEnd(6)} ${pct(o.p).padEnd(7)} ${pct(o.r).padEnd(7)} ${pct(o.f1).padEnd(7)} ${tp + fn}`);
  console.log(JSON.stringify({ task: 'ner', file, lang, ...result }));
}

interface ArticleRow {
  article?: string;
  article_lines?: string[];
  reference?: string;
  reference_lines?: string[];
  title?: string;
  lang?: string;
  dataset?: string;
}

function mean(xs: RougeScores[]): RougeScores {
  const n = Math.max(1, xs.length);
  return {
    rouge1: xs.reduce((s, x) => s + x.rouge1, 0) / n,
    rouge2: xs.reduce((s, x) => s + x.rouge2, 0) / n,
    rougeL: xs.reduce((s, x) => s + x.rougeL, 0) / n,
  };
}

function runKeypoints(file: string, count: number | 'auto', weights: RankWeights, quiet: boolean): Record<string, unknown> {
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as ArticleRow);
  const groups = new Map<string, { ours: RougeScores[]; lead: RougeScores[] }>();
  let totalMs = 0;
  for (const row of rows) {
    const paragraphs = row.article_lines ?? (row.article ?? '').split('\n');
    const body = paragraphs.join('\n');
    const lang = detectLanguage(body, row.lang ?? null);
    const mode = isCjk(lang) ? 'chars' : 'words';
    const reference = row.reference_lines ? row.reference_lines.join('\n') : row.reference ?? '';
    const t0 = performance.now();
    const points = extractKeyPointsWith({ title: row.title ?? '', paragraphs, lang: lang as Lang }, { count }, weights);
    totalMs += performance.now() - t0;
    const ours = rouge(points.map((p) => p.text).join('\n'), reference, mode);
    const leadN = count === 'auto' ? Math.max(3, points.length) : count;
    const leadSents = paragraphs.flatMap((p) => splitSentences(p, lang)).slice(0, leadN).map((s) => s.text);
    const lead = rouge(leadSents.join('\n'), reference, mode);
    const ds = row.dataset ?? 'all';
    for (const key of [ds, 'overall']) {
      const g = groups.get(key) ?? { ours: [], lead: [] };
      g.ours.push(ours);
      g.lead.push(lead);
      groups.set(key, g);
    }
  }
  const result: Record<string, unknown> = { task: 'keypoints', file, count, ms_per_article: +(totalMs / Math.max(1, rows.length)).toFixed(2) };
  if (!quiet) console.log(`Key points ${file} (count ${count})\ndataset              n    R-1    R-2    R-L  | lead R-1  R-2    R-L`);
  for (const [key, g] of groups) {
    const o = mean(g.ours);
    const l = mean(g.lead);
    result[key] = {
      n: g.ours.length,
      rouge1: +pct(o.rouge1), rouge2: +pct(o.rouge2), rougeL: +pct(o.rougeL),
      lead_rouge1: +pct(l.rouge1), lead_rouge2: +pct(l.rouge2), lead_rougeL: +pct(l.rougeL),
    };
    if (!quiet) console.log(`${key.padEnd(18)} ${String(g.ours.length).padStart(3)}  ${pct(o.rouge1)}  ${pct(o.rouge2)}  ${pct(o.rougeL)}  | ${pct(l.rouge1)}  ${pct(l.rouge2)}  ${pct(l.rougeL)}`);
  }
  return result;
}

function main(argv: string[]): void {
  const [cmd, file, ...rest] = argv;
  if (!cmd || !file) {
    console.error('usage: eval-nlp.ts ner <file.iob2> [--verbose] | keypoints <file.jsonl> [--count N|auto] [--weights JSON]');
    process.exit(2);
  }
  const opt = (name: string): string | undefined => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  if (cmd === 'ner') runNer(file, rest.includes('--verbose'));
  else if (cmd === 'keypoints') {
    const c = opt('--count') ?? '3';
    const w = opt('--weights');
    const weights: RankWeights = { ...DEFAULT_WEIGHTS, ...(w ? (JSON.parse(w) as Partial<RankWeights>) : {}) };
    console.log(JSON.stringify(runKeypoints(file, c === 'auto' ? 'auto' : Number(c), weights, false)));
  } else {
    console.error(`unknown command ${cmd}`);
    process.exit(2);
  }
}

main(process.argv.slice(2));
