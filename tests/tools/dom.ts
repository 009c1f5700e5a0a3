import { JSDOM, VirtualConsole } from 'jsdom';

/** Parse HTML as an inert document (no scripts, no resources) for the command-line tools. */
export function parseHtml(html: string, url: string): Document {
  const virtualConsole = new VirtualConsole(); // page CSS/JS errors are not ours to print
  const dom = new JSDOM(html, { url, virtualConsole });
  const g = globalThis as unknown as Record<string, unknown>;
  // Pure utils reach for these globals, as they would in the popup.
  g.DOMParser ??= dom.window.DOMParser;
  g.Node ??= dom.window.Node;
  return dom.window.document;
}
