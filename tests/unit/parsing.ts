import { expect } from 'vitest';
import { CleanupController } from '../../utils/cleanup/controller';
import { fixtureHtml, loadFixture } from './fixtures';

/** Whether `el` is hidden: it, or an ancestor, has display: none. */
export function hiddenOnPage(css: Window, el: Element): boolean {
  for (let n: Element | null = el; n; n = n.parentElement) if (css.getComputedStyle(n).display === 'none') return true;
  return false;
}

/** A comment the parser leaves where it is when the cut comes (see whileParsing). */
const CUT_MARK = 'ynd-cut';

/**
 * A fixture cut where the parser has got to (`html`, jsdom closes what is open), still loading,
 * its controller started, and the parser's next node added, at the body's end or (`inPlace`)
 * where the parser is: the frame that follows is one the browser may paint. The place is the
 * parser's own: a comment parsed at the cut marks it, inside an element whose start tag came
 * last, beside one whose end tag did.
 */
export async function whileParsing(file: string, html: string, inPlace = false): Promise<{ doc: Document; c: CleanupController }> {
  const { doc } = loadFixture(file, inPlace ? `${html}<!--${CUT_MARK}-->` : html);
  await new Promise((r) => doc.defaultView!.addEventListener('load', r, { once: true }));
  Object.defineProperty(doc, 'readyState', { configurable: true, value: 'loading' });
  const c = new CleanupController(doc, { force: false });
  c.start();
  let mark: Node | null = null;
  const walk = doc.createTreeWalker(doc, doc.defaultView!.NodeFilter.SHOW_COMMENT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) if ((n as Comment).data === CUT_MARK) mark = n;
  // (A cut inside a script or a comment leaves no mark: the node goes to the body's end.)
  if (mark) (mark as ChildNode).replaceWith(doc.createElement('span'));
  else doc.body.append(doc.createElement('span'));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return { doc, c };
}

/**
 * The fixture cut at `cut` (an offset in its HTML) while it parses: the `items` found there,
 * `count` of them, each hidden; what `keep` finds (an article part) shown.
 */
export async function expectHiddenAtCut(file: string, cut: number, items: string, count: number, keep = '[data-fixture="article"], [data-fixture="headline"]'): Promise<void> {
  const { doc, c } = await whileParsing(file, fixtureHtml(file).slice(0, cut), true);
  const css = doc.defaultView!;
  const found = Array.from(doc.querySelectorAll(items));
  expect(found.length, `${items} at ${cut}`).toBe(count);
  for (const el of found) expect(hiddenOnPage(css, el), `${(el.textContent ?? '').trim().slice(0, 30)} at ${cut}`).toBe(true);
  for (const el of Array.from(doc.querySelectorAll(keep))) expect(hiddenOnPage(css, el), `${el.getAttribute('data-fixture')} at ${cut}`).toBe(false);
  c.stop();
}

/** Where the `k`th feed item (from 1) after offset `from` of `html` starts. */
export function itemAt(html: string, from: number, k: number): number {
  let at = from;
  for (let i = 0; i < k; i++) at = html.indexOf('data-fixture="feed-item"', at + 1);
  return at;
}
