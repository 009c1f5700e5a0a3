/**
 * Imported first by the Yahoo content script, so its evaluation starts here: the moment the
 * script began running, which `npm run bench` counts as part of its time at load.
 */
// (idle.ts evaluates before the line below, as imports do; it only declares a function.)
import { whenIdle } from './idle';

export const SCRIPT_START = performance.now();

/**
 * The content script's own timings, as User Timing names read by `npm run bench`: "eval" is
 * evaluating the bundle before our code runs; "load" the work before the page is shown (from
 * the script's first line: evaluation, start-up, parse-time and DOMContentLoaded passes);
 * "batch" one mutation batch after load; "idle" the full detection and snapshot after load;
 * "full" a re-evaluation after in-site navigation or a rule change.
 */
export type Measure = 'ynd:eval' | 'ynd:load' | 'ynd:batch' | 'ynd:idle' | 'ynd:full';

/** Measures are written out within this long even on a page that never goes idle. */
const MEASURE_FLUSH_TIMEOUT_MS = 2_000;
const queued: Array<[Measure, number, number]> = [];
let flushing = false;

/**
 * Record a User Timing measure (which the page's own world can read). Creating the first
 * measure costs about a millisecond, so they are written at idle time, not while the page loads.
 */
export function recordMeasure(name: Measure, start: number, duration: number): void {
  queued.push([name, start, duration]);
  if (flushing) return;
  flushing = true;
  const flush = () => {
    flushing = false;
    for (const [n, s, d] of queued.splice(0)) {
      try {
        performance.measure(n, { start: s, duration: d });
      } catch {
        // Old engines without measure options: the controller's in-memory timings remain.
      }
    }
  };
  whenIdle(flush, MEASURE_FLUSH_TIMEOUT_MS);
}
