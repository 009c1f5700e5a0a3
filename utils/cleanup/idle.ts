/**
 * Run `fn` when the page is idle, or after `timeoutMs` at the latest (a busy page still gets
 * it). Returns a function that cancels it.
 */
export function whenIdle(fn: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  // Engines without requestIdleCallback: the next task.
  const handle = setTimeout(fn, 0);
  return () => clearTimeout(handle);
}
