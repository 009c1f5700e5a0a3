import { describe, expect, it } from 'vitest';
import { backdropBeside, bodyFixed, closeControl, fixedBodyOffset, fixedLayer, overlayOpen, ownsOverlay, pressEscape, scrollLocked, somethingOverPage } from '../../utils/cleanup/overlay';

/** A page with a story, and an overlay panel of stories at the end of <body>: the test's own
 * document (computed styles need a window). */
function page(body: string, style = ''): Document {
  const doc = document;
  for (const el of [doc.documentElement, doc.body]) el.removeAttribute('style'), el.removeAttribute('class');
  doc.head.innerHTML = `<style>.panel { position: fixed; bottom: 0; } .mask { position: fixed; inset: 0; } ${style}</style>`;
  doc.body.innerHTML = `<article><h1>Story</h1><p>Text.</p></article>${body}`;
  return doc;
}

/** jsdom lays nothing out: give `el` the box a browser would. */
function box(el: Element, width: number, height: number): void {
  el.getBoundingClientRect = () => ({ x: 0, y: 0, top: 0, left: 0, right: width, bottom: height, width, height, toJSON: () => ({}) });
}

describe('overlays built without <dialog>', () => {
  it('the layer is the fixed element itself or its fixed ancestor; a block that scrolls with the page has none', () => {
    const doc = page('<div class="panel" id="p"><section id="s"><h2>More</h2></section></div><section id="flow"><h2>Feed</h2></section>');
    expect(fixedLayer(doc.getElementById('p')!)?.id).toBe('p');
    expect(fixedLayer(doc.getElementById('s')!)?.id).toBe('p');
    expect(fixedLayer(doc.getElementById('flow')!)).toBeNull();
  });

  it('a locked page: overflow hidden on <body> or <html>, set by a class or inline', () => {
    expect(scrollLocked(page(''))).toBe(false);
    const inline = page('');
    inline.body.style.overflow = 'hidden';
    expect(scrollLocked(inline)).toBe(true);
    const byClass = page('', 'html.lock { overflow: hidden; }');
    byClass.documentElement.classList.add('lock');
    expect(scrollLocked(byClass)).toBe(true);
    // Clipped sideways only: the page still scrolls.
    const sideways = page('', 'body { overflow-x: hidden; }');
    expect(scrollLocked(sideways)).toBe(false);
  });

  it('a locked page: <body> fixed in place, shifted up by where the reader was', () => {
    const doc = page('');
    expect(bodyFixed(doc)).toBe(false);
    expect(fixedBodyOffset(doc)).toBe(0);
    Object.assign(doc.body.style, { position: 'fixed', top: '-1240px', left: '0', right: '0' });
    expect(bodyFixed(doc)).toBe(true);
    expect(scrollLocked(doc)).toBe(true);
    expect(fixedBodyOffset(doc)).toBe(1240);
    // Fixed at the top of the page (or by a class with no offset): nowhere to go back to.
    doc.body.style.top = '0px';
    expect(fixedBodyOffset(doc)).toBe(0);
    const byClass = page('', 'body.locked { position: fixed; width: 100%; }');
    byClass.body.classList.add('locked');
    expect(bodyFixed(byClass)).toBe(true);
    expect(fixedBodyOffset(byClass)).toBe(0);
  });

  it('a backdrop is a visible, wordless sibling that covers the viewport', () => {
    const doc = page('<div class="mask" id="m"></div><div class="panel" id="p"><h2>More</h2></div><div class="mask" id="bar">Sign in for more</div>');
    const view = doc.defaultView!;
    const [mask, bar, panel] = ['m', 'bar', 'p'].map((id) => doc.getElementById(id)!);
    expect(backdropBeside(panel!)).toBeNull(); // no boxes yet: nothing covers the viewport
    box(mask!, view.innerWidth, view.innerHeight);
    box(bar!, view.innerWidth, view.innerHeight);
    expect(backdropBeside(panel!)?.id).toBe('m');
    (mask as HTMLElement).hidden = true;
    expect(backdropBeside(panel!)).toBeNull(); // the other one says something: no backdrop
  });

  it('open: not hidden, and the page locked or shows a backdrop; closed while it (or what holds it) is hidden', () => {
    const doc = page('<div id="wrap"><div class="panel" id="p"><h2>More</h2></div></div>');
    const panel = doc.getElementById('p')!;
    expect(overlayOpen(panel)).toBe(false);
    doc.body.style.overflow = 'hidden';
    expect(overlayOpen(panel)).toBe(true);
    doc.getElementById('wrap')!.hidden = true;
    expect(overlayOpen(panel)).toBe(false);
  });

  it('a layer that is its own backdrop is open when the hidden block is only part of it and the layer covers the viewport', () => {
    const doc = page('<div class="mask" id="layer"><div id="card"><h2>Before you go</h2><ul id="list"><li><a href="/a">A</a></li></ul></div></div>');
    const view = doc.defaultView!;
    const [layer, list] = ['layer', 'list'].map((id) => doc.getElementById(id)!);
    expect(overlayOpen(layer!, list!)).toBe(false); // no box yet: it covers nothing
    box(layer!, view.innerWidth, view.innerHeight);
    expect(overlayOpen(layer!, list!)).toBe(true);
    // Hidden whole, the layer leaves nothing over the page.
    expect(overlayOpen(layer!, layer!)).toBe(false);
  });

  it('the close control goes by its label, title or text, in each language, or a cross; other buttons are not it', () => {
    const control = (inner: string) => closeControl(page(`<div class="panel" id="p">${inner}</div>`).getElementById('p')!)?.id ?? null;
    expect(control('<button id="c" aria-label="關閉"><svg></svg></button>')).toBe('c');
    expect(control('<button id="c" aria-label="关闭"></button>')).toBe('c');
    expect(control('<button id="c" title="閉じる"></button>')).toBe('c');
    expect(control('<span role="button" id="c"> Close </span>')).toBe('c');
    expect(control('<button id="c">×</button>')).toBe('c');
    expect(control('<a id="c" class="x">✕</a>')).toBe('c');
    // A story's link, "load more" and a button whose name only begins like one are not it.
    expect(control('<a href="/story" id="s">Close call for the mayor</a><button id="m">Load more</button><button id="o">Close-up photos</button>')).toBeNull();
  });

  it('an overlay is its own when a backdrop sits beside it or it dims the page around the block; a locked page alone is not', () => {
    const doc = page('<div class="mask" id="m"></div><div class="panel" id="p"><h2>More</h2><ul id="list"><li><a href="/a">A</a></li></ul></div>');
    const view = doc.defaultView!;
    const [mask, panel, list] = ['m', 'p', 'list'].map((id) => doc.getElementById(id)!);
    doc.body.style.overflow = 'hidden';
    expect(overlayOpen(panel!)).toBe(true);
    expect(ownsOverlay(panel!, panel!)).toBe(false); // locked, but by what is not known
    box(mask!, view.innerWidth, view.innerHeight);
    expect(ownsOverlay(panel!, panel!)).toBe(true);
    (mask as HTMLElement).hidden = true;
    box(panel!, view.innerWidth, view.innerHeight);
    expect(ownsOverlay(panel!, panel!)).toBe(false); // hidden whole: nothing of it dims the page
    expect(ownsOverlay(panel!, list!)).toBe(true); // its list hidden: the rest of it dims the page
  });

  it('Escape is pressed as a key the page hears on the document, down then up', () => {
    const doc = page('<div class="panel" id="p"><h2>More</h2><span class="x" id="x"></span></div>');
    const heard: string[] = [];
    const listen = (e: Event) => heard.push(`${e.type} ${(e as KeyboardEvent).key} ${(e as KeyboardEvent).keyCode}`);
    doc.addEventListener('keydown', listen);
    doc.addEventListener('keyup', listen);
    try {
      pressEscape(doc.getElementById('p')!);
    } finally {
      doc.removeEventListener('keydown', listen);
      doc.removeEventListener('keyup', listen);
    }
    expect(heard).toEqual(['keydown Escape 27', 'keyup Escape 27']);
  });

  it("something of the page's own over its middle is what is on top there, in a fixed layer; unknown counts as something", () => {
    const doc = page('<div class="panel" id="p"><h2>Menu</h2></div>');
    const article = doc.querySelector('article')!;
    const at = (el: Element | null) => Object.assign(doc, { elementsFromPoint: () => (el ? [el] : []) });
    expect(somethingOverPage(at(article))).toBe(false);
    expect(somethingOverPage(at(doc.querySelector('#p h2')))).toBe(true);
    expect(somethingOverPage(at(null))).toBe(false);
    // jsdom has no hit testing at all: nothing can be known, so nothing is freed.
    delete (doc as Partial<Document>).elementsFromPoint;
    expect(typeof doc.elementsFromPoint).toBe('undefined');
    expect(somethingOverPage(doc)).toBe(true);
  });
});
