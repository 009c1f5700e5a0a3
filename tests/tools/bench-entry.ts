// Bundled by `npm run bench` into the benchmark page: the analysis, and Readability alone.
import { Readability } from '@mozilla/readability';
import { analyzeDocument } from '../../utils/analysis';
import { detectFeed } from '../../utils/feed/detect';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

(window as unknown as { __bench: unknown }).__bench = {
  /** Median of `runs` timings of fn over a freshly parsed document each time (parsing excluded). */
  time(kind: 'readability' | 'analysis' | 'detect', html: string, url: string, runs: number): { median: number; error: string | null } {
    const times: number[] = [];
    let error: string | null = null;
    for (let i = 0; i < runs; i++) {
      const doc = parse(html);
      const t0 = performance.now();
      try {
        if (kind === 'readability') new Readability(doc).parse();
        else if (kind === 'detect') detectFeed(doc, url);
        else analyzeDocument(doc, url);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)] ?? 0, error };
  },
};
