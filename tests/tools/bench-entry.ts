// Bundled by `npm run bench` into the benchmark page: the analysis, and Readability alone.
import { Readability } from '@mozilla/readability';
import { analyzeDocument, loadEnglishTagger } from '../../utils/analysis';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

type Kind = 'readability' | 'analysis';

function once(kind: Kind, html: string, url: string): { ms: number; error: string | null } {
  const doc = parse(html);
  const t0 = performance.now();
  let error: string | null = null;
  try {
    if (kind === 'readability') new Readability(doc).parse();
    // As the extension calls it: on a document parsed for the call (offscreen, popup).
    else analyzeDocument(doc, url, { consume: true });
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  return { ms: performance.now() - t0, error };
}

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

(window as unknown as { __bench: unknown }).__bench = {
  /** Settles once compromise is loaded (English pages need it; the extension loads it on demand). */
  ready: loadEnglishTagger(),

  /**
   * Readability alone against the whole analysis: `warmup` runs of each first (compiled code,
   * the lexicons built once per page lifetime), then `rounds` rounds of `runs` Readability runs
   * and `runs` analysis runs, each kind in its own block so neither pays for the other's
   * garbage; medians over all rounds. Several short rounds spread a slow spell of the machine
   * (a collection, another process) over both kinds instead of letting it fall on one block.
   */
  compare(html: string, url: string, runs: number, warmup: number, rounds = 1): { readability: number; analysis: number; error: string | null } {
    for (let i = 0; i < warmup; i++) {
      once('readability', html, url);
      once('analysis', html, url);
    }
    const r: number[] = [];
    const a: number[] = [];
    let error: string | null = null;
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < runs; i++) r.push(once('readability', html, url).ms);
      for (let i = 0; i < runs; i++) {
        const x = once('analysis', html, url);
        a.push(x.ms);
        error ??= x.error;
      }
    }
    return { readability: med(r), analysis: med(a), error };
  },

  /** Median of `runs` timings, each over a freshly parsed document (parsing excluded). */
  time(kind: Kind, html: string, url: string, runs: number): { median: number; error: string | null } {
    const times: number[] = [];
    let error: string | null = null;
    for (let i = 0; i < runs; i++) {
      const x = once(kind, html, url);
      times.push(x.ms);
      error ??= x.error;
    }
    return { median: med(times), error };
  },
};
