import { CleanupController } from '../../utils/cleanup/controller';
import { loadFixture } from './fixtures';

/** Whether `el` is hidden: it, or an ancestor, has display: none. */
export function hiddenOnPage(css: Window, el: Element): boolean {
  for (let n: Element | null = el; n; n = n.parentElement) if (css.getComputedStyle(n).display === 'none') return true;
  return false;
}

/**
 * A fixture cut where the parser has got to (`html`, jsdom closes what is open), still loading,
 * its controller started, and the parser's next node added, at the body's end or (`inPlace`)
 * where the parser is, after its deepest open element: the frame that follows is one the
 * browser may paint.
 */
export async function whileParsing(file: string, html: string, inPlace = false): Promise<{ doc: Document; c: CleanupController }> {
  const { doc } = loadFixture(file, html);
  await new Promise((r) => doc.defaultView!.addEventListener('load', r, { once: true }));
  Object.defineProperty(doc, 'readyState', { configurable: true, value: 'loading' });
  const c = new CleanupController(doc, { force: false });
  c.start();
  let deepest: Element = doc.documentElement;
  while (inPlace && deepest.lastElementChild) deepest = deepest.lastElementChild;
  if (inPlace) deepest.after(doc.createElement('span'));
  else doc.body.append(doc.createElement('span'));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return { doc, c };
}
