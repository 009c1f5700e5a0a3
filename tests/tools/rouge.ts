/** ROUGE-1/2/L F1 (as fractions 0–1). English: lower-cased \w+ tokens; CJK: single characters, punctuation and spaces ignored. */

export type RougeMode = 'words' | 'chars';

export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

export function rougeTokens(text: string, mode: RougeMode): string[] {
  if (mode === 'words') return text.toLowerCase().match(/\w+/g) ?? [];
  return Array.from(text.toLowerCase()).filter((ch) => /[\p{L}\p{N}]/u.test(ch));
}

function ngrams(tokens: string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join('\u0001');
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function f1(overlap: number, candTotal: number, refTotal: number): number {
  if (overlap === 0 || candTotal === 0 || refTotal === 0) return 0;
  const p = overlap / candTotal;
  const r = overlap / refTotal;
  return (2 * p * r) / (p + r);
}

export function rougeN(cand: string[], ref: string[], n: number): number {
  const c = ngrams(cand, n);
  const r = ngrams(ref, n);
  let overlap = 0;
  for (const [g, k] of c) overlap += Math.min(k, r.get(g) ?? 0);
  return f1(overlap, Math.max(0, cand.length - n + 1), Math.max(0, ref.length - n + 1));
}

export function lcsLength(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

export function rougeL(cand: string[], ref: string[]): number {
  return f1(lcsLength(cand, ref), cand.length, ref.length);
}

export function rouge(candidate: string, reference: string, mode: RougeMode): RougeScores {
  const c = rougeTokens(candidate, mode);
  const r = rougeTokens(reference, mode);
  return { rouge1: rougeN(c, r, 1), rouge2: rougeN(c, r, 2), rougeL: rougeL(c, r) };
}
