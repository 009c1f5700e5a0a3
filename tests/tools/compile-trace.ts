// What a content script's own measures cannot see: V8 compiling the script before its first
// line runs. Read from the browser's trace (the `v8.compile` event of the script's URL) while a
// page loads. Chromium keeps no compiled code of a content script across renderer processes,
// so a fresh tab pays it on every article; a tab that already ran the script (the reader
// following a link to the next story) finds it in V8's in-memory cache.
import type { BrowserContext, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { data?: { url?: string } };
}

/** Load `url` in `page` with tracing on; the ms V8 spent compiling scripts whose URL starts
 * with `scriptPrefix` (0 when it found them compiled already). */
export async function compileTimeOfLoad(context: BrowserContext, page: Page, url: string, scriptPrefix: string): Promise<number> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  // The protocol types trace events as string maps; their fields are numbers and objects too.
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  // Only the compile category: the timeline's categories would slow the load being measured.
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-v8.compile'] }, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load' });
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const micros = events
    .filter((e) => e.ph === 'X' && e.name === 'v8.compile' && e.args?.data?.url?.startsWith(scriptPrefix))
    .reduce((n, e) => n + (e.dur ?? 0), 0);
  return micros / 1000;
}
