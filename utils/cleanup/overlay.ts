/**
 * Overlays built without `<dialog>`: a `position: fixed` panel of stories the page opens over
 * itself (at the story's end, on leaving), often with a backdrop beside it that dims the page
 * and a lock on the page's scrolling. The stylesheet hides the panel; the page knows nothing of
 * that, so its backdrop and its lock stay, with nothing on screen to close them
 * (tw-vue-varlet-eos-overlay-div-backdrop.html). What the reader would do is press the panel's
 * close button: these helpers find out whether such a panel is open and what closes it.
 */

/** A backdrop covers at least this share of the viewport's width and of its height. */
const BACKDROP_COVER = 0.9;
/** A backdrop says nothing: at most this many characters of text of its own. */
const BACKDROP_MAX_TEXT = 2;

/** The names a close control goes by, in the languages the pages are in, or a cross drawn as a
 * character. Matched against the control's accessible name or text, whole. */
const CLOSE_NAME = /^(?:close|dismiss|close (?:this|dialog|panel|window|overlay)|關閉|关闭|閉じる|とじる|[×✕✖╳x])$/iu;
const CONTROL_SELECTOR = 'button, [role="button"], a:not([href])';

/** The element that makes `el` an overlay: itself or an ancestor below <body> whose computed
 * position is fixed; null when it scrolls with the page. */
export function fixedLayer(el: Element): Element | null {
  const view = el.ownerDocument.defaultView;
  if (!view) return null;
  for (let p: Element | null = el; p && p !== el.ownerDocument.body && p !== el.ownerDocument.documentElement; p = p.parentElement) {
    if (view.getComputedStyle(p).position === 'fixed') return p;
  }
  return null;
}

/** Whether the page keeps its own scrolling locked, as pages do while a modal overlay is open:
 * overflow hidden on <html> or <body>, or <body> fixed in place (bodyFixed). */
export function scrollLocked(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  return bodyFixed(doc) || [doc.documentElement, doc.body].some((el) => {
    if (!el) return false;
    const s = view.getComputedStyle(el);
    return /^(?:hidden|clip)$/.test(s.overflowY || s.overflow);
  });
}

/** Whether <body> is `position: fixed`: the lock mobile pages use (overflow alone does not stop
 * touch scrolling on some phones), shifted up by `top: -<scrollY>px` so the page seems not to
 * move; they scroll back to that offset when they close the overlay. */
export function bodyFixed(doc: Document): boolean {
  const view = doc.defaultView;
  return !!view && !!doc.body && view.getComputedStyle(doc.body).position === 'fixed';
}

/** How far the page had been scrolled when it fixed <body> in place (see bodyFixed): the
 * negated offset it gave <body>, 0 when it gave none. */
export function fixedBodyOffset(doc: Document): number {
  const view = doc.defaultView;
  if (!view || !doc.body) return 0;
  const top = parseFloat(view.getComputedStyle(doc.body).top);
  return Number.isFinite(top) && top < 0 ? -top : 0;
}

/** Whether `el` is shown and covers (nearly) the whole viewport. */
function coversViewport(el: Element, view: Window): boolean {
  const s = view.getComputedStyle(el);
  if (s.display === 'none' || s.visibility === 'hidden') return false;
  const r = el.getBoundingClientRect();
  return r.width >= view.innerWidth * BACKDROP_COVER && r.height >= view.innerHeight * BACKDROP_COVER;
}

/** A visible element beside `layer` (a sibling) that covers the viewport and says nothing: the
 * overlay's backdrop. */
export function backdropBeside(layer: Element): Element | null {
  const view = layer.ownerDocument.defaultView;
  const parent = layer.parentElement;
  if (!view || !parent) return null;
  for (const sib of Array.from(parent.children)) {
    if (sib === layer || (sib as HTMLElement).hidden) continue;
    if (view.getComputedStyle(sib).position !== 'fixed' || !coversViewport(sib, view)) continue;
    if ((sib.textContent ?? '').replace(/\s+/g, '').length > BACKDROP_MAX_TEXT) continue;
    return sib;
  }
  return null;
}

/** Whether the layer dims the page by itself around `block`, the hidden part of it: it is
 * shown and covers the viewport (sg-ractive-picnic-scrim-panel-before-you-go.html). */
export function dimsAround(layer: Element, block: Element): boolean {
  const view = layer.ownerDocument.defaultView;
  return layer !== block && !!view && coversViewport(layer, view);
}

/**
 * Whether the page has `layer` open over itself: it (nor anything around it) is not `hidden`,
 * and the page locked its scrolling, or shows a backdrop beside it, or the layer is its own
 * backdrop: it covers the viewport around `block`, the hidden part of it, which would leave
 * the rest of the layer (its dim, its header) over the page
 * (sg-ractive-picnic-scrim-panel-before-you-go.html).
 */
export function overlayOpen(layer: Element, block: Element = layer): boolean {
  if (layer.closest('[hidden]')) return false;
  return scrollLocked(layer.ownerDocument) || !!backdropBeside(layer) || dimsAround(layer, block);
}

/** Whether what keeps `layer` over the page is its own: a backdrop beside it, or the layer
 * dimming the page around `block`. A locked page alone may be locked by something else (a
 * menu the reader opened), which a key press meant for the overlay would close. */
export function ownsOverlay(layer: Element, block: Element): boolean {
  return !!backdropBeside(layer) || dimsAround(layer, block);
}

/** Press Escape, as a reader would to leave an overlay whose close control has no name (an
 * unlabelled icon): pages listen for it on the document or the window. */
export function pressEscape(target: Element): void {
  const view = target.ownerDocument.defaultView;
  if (!view) return;
  for (const type of ['keydown', 'keyup'] as const) {
    target.dispatchEvent(new view.KeyboardEvent(type, { key: 'Escape', code: 'Escape', keyCode: 27, bubbles: true, cancelable: true, composed: true }));
  }
}

/** Whether the page shows something fixed over its middle (a modal, a menu and its backdrop):
 * a lock is then the page's own business, not a leftover of a hidden overlay. */
export function somethingOverPage(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view || typeof doc.elementsFromPoint !== 'function') return true;
  const top = doc.elementsFromPoint(view.innerWidth / 2, view.innerHeight / 2)[0];
  return !!top && !!fixedLayer(top);
}

/** The panel's own close control: a button named "close" (or ×) in one of the pages'
 * languages, by its label, its title or its text. */
export function closeControl(panel: Element): HTMLElement | null {
  for (const c of Array.from(panel.querySelectorAll<HTMLElement>(CONTROL_SELECTOR))) {
    const name = (c.getAttribute('aria-label') || c.getAttribute('title') || c.textContent || '').replace(/\s+/g, ' ').trim();
    if (CLOSE_NAME.test(name)) return c;
  }
  return null;
}
