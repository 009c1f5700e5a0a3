/**
 * Init script (page world, from navigation start) that records every feed item the browser
 * painted visibly. IntersectionObserver computes its entries during each rendering update,
 * after style and layout, and reports an element when its box appears or goes: each element's
 * entries give the intervals in which it was laid out with a non-empty box. A MutationObserver
 * registers items the moment they are inserted (lazy loading included).
 *
 * Chrome also runs rendering updates of a loading page that it never paints: the first frame
 * shown is the first contentful paint, and any box with text in a painted frame would be
 * contentful. So an item counts as painted when it was laid out visibly in a frame from the
 * first contentful paint on: its visible interval ends after it, or has not ended. (Seen: with
 * an unlabelled feed, its first card was laid out for one unpainted update before the rest of
 * its run was parsed, in 1–5 of 100 loads; the first contentful paint came 50–150 ms later.)
 *
 * `window.__yndFlash`: the painted items' texts (none on a good run); `__yndObserved`: how many
 * of the items in the page now the probe watched; `__yndLongestFrame`: the longest time between
 * two frames from the first contentful paint on. Frames are asked for continuously from then on
 * (not before: a loading page's rendering updates stay the browser's own), so that number shows
 * a tab rendering too seldom for the probe to see what it paints: Chromium renders a background
 * tab that gets mouse input about once a second (measured with tests run a few at once).
 * `__yndFrameGaps`: each time between two frames longer than FRAME_GAP_RECORDED_MS, as its
 * start and end (performance.now() times), to tell whose work filled it. `__yndSlowFrames`: the
 * long animation frames (start and end), to tell a frame that took long (one rendering update,
 * its scripts and all, slow on a loaded machine: a view transition's capture took about 600 ms
 * here) from frames skipped (a tab rendered seldom).
 */
/** Gaps between frames longer than this are recorded with their times (a frame is ~17 ms). */
export const FRAME_GAP_RECORDED_MS = 200;

export const FLASH_PROBE = `(() => {
  const shown = new Map();
  const intervals = [];
  const observed = new Set();
  // Items a page script replaced (an island re-rendered with fresh nodes) were watched while
  // they were there; the count is of those still in the page, each of which must be watched.
  Object.defineProperty(window, '__yndObserved', { get: () => [...observed].filter((el) => el.isConnected).length });
  // Elements inside an item, watched as the item (see watchPart).
  const parts = new WeakMap();
  const label = (el) => ((parts.get(el) || el).textContent || '').trim().slice(0, 40);
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const r = e.boundingClientRect;
      const visible = r.width > 0 && r.height > 0;
      if (visible && !shown.has(e.target)) shown.set(e.target, e.time);
      if (!visible && shown.has(e.target)) {
        intervals.push({ text: label(e.target), end: e.time });
        shown.delete(e.target);
      }
    }
    // A margin far beyond any page: an item below the fold is "intersecting" while it has a
    // box, so the update that hides it is reported too (entries come only on such changes).
  }, { rootMargin: '1000000px' });
  Object.defineProperty(window, '__yndFlash', {
    get() {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      // No contentful paint yet: nothing has been shown, but count every box to be safe.
      const from = fcp ? fcp.startTime : -Infinity;
      return [
        ...intervals.filter((i) => i.end > from).map((i) => i.text),
        ...[...shown.keys()].map(label),
      ];
    },
  });
  // Open shadow roots are watched too: the parser fills a declarative one (a web component's
  // cards) apart from the document's records, so each is watched once its host is seen, and
  // every host is looked at again when the document has parsed.
  const roots = new WeakSet();
  const watch = (root) => {
    if (roots.has(root)) return;
    roots.add(root);
    mo.observe(root, { childList: true, subtree: true });
    for (const el of root.querySelectorAll('*')) scan(el);
  };
  // Every element inside an item is watched too, as the item: an item with display: contents
  // has no box of its own, its cards' boxes are what paints (tw-sycamore-stylance-contents-grid-
  // picture-tiles.html). Styles are not read to tell which: reading one while the page parses
  // would lay it out at other moments than the browser's own, and move its paints.
  const watchPart = (el, item) => { if (!parts.has(el)) { parts.set(el, item); io.observe(el); } };
  const scan = (root) => {
    if (!(root instanceof Element)) return;
    const list = root.matches('[data-fixture="feed-item"]') ? [root] : [];
    list.push(...root.querySelectorAll('[data-fixture="feed-item"]'));
    for (const el of list) if (!observed.has(el)) { observed.add(el); io.observe(el); }
    const owner = root.closest('[data-fixture="feed-item"]');
    if (owner) {
      if (owner !== root) watchPart(root, owner);
      for (const el of root.querySelectorAll('*')) watchPart(el, el.closest('[data-fixture="feed-item"]'));
    } else for (const item of list) for (const el of item.querySelectorAll('*')) watchPart(el, el.closest('[data-fixture="feed-item"]'));
    if (root.shadowRoot) watch(root.shadowRoot);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) watch(el.shadowRoot);
  };
  const mo = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) scan(n);
  });
  mo.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => scan(document.documentElement));
  let longest = 0;
  const gaps = [];
  Object.defineProperty(window, '__yndLongestFrame', { get: () => longest });
  Object.defineProperty(window, '__yndFrameGaps', { get: () => gaps.slice() });
  // Long animation frames (start and end): a gap between frames inside one is a frame that took
  // long, not frames skipped.
  const slow = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) slow.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // An engine without the entry type: every long gap is then one to take again.
  }
  Object.defineProperty(window, '__yndSlowFrames', { get: () => slow.slice() });
  new PerformanceObserver((list, obs) => {
    if (!list.getEntriesByName('first-contentful-paint').length) return;
    obs.disconnect();
    let last = 0;
    const frame = (t) => {
      if (last) longest = Math.max(longest, t - last);
      if (last && t - last > ${FRAME_GAP_RECORDED_MS}) gaps.push({ start: last, end: t });
      last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }).observe({ type: 'paint', buffered: true });
})();`;
