/**
 * Init script (page world, from navigation start) that records every feed item the browser
 * rendered visibly. IntersectionObserver computes its entries during "update the rendering",
 * after style and layout: an entry with a non-empty box is a frame in which the item painted.
 * A MutationObserver registers items the moment they are inserted (lazy loading included).
 */
export const FLASH_PROBE = `(() => {
  const seen = [];
  const observed = new WeakSet();
  window.__yndFlash = seen;
  window.__yndObserved = 0;
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const r = e.boundingClientRect;
      if (r.width > 0 && r.height > 0) seen.push((e.target.textContent || '').trim().slice(0, 40));
    }
  });
  const scan = (root) => {
    if (!(root instanceof Element)) return;
    const list = root.matches('[data-fixture="feed-item"]') ? [root] : [];
    list.push(...root.querySelectorAll('[data-fixture="feed-item"]'));
    for (const el of list) if (!observed.has(el)) { observed.add(el); io.observe(el); window.__yndObserved++; }
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) scan(n);
  }).observe(document, { childList: true, subtree: true });
})();`;
