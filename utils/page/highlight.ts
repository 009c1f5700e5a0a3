import type { HighlightRequest } from '../messages';

/** Highlights via the CSS Custom Highlight API: ranges only, the page's DOM is never rewritten. */
const STYLE_ID = 'ynd-highlight-style';
const KEYPOINT = 'ynd-keypoint';
const CURRENT = 'ynd-current';
/** How long a jumped-to key point stays marked. */
const KEYPOINT_MARK_MS = 2_500;
/** Prefix of a key point searched for in the page: long enough to be unique, short enough to
 * survive trimming and whitespace differences. */
const SEARCH_PREFIX_CHARS = 40;
/** Mentions highlighted per term at most, so a hostile page cannot make us build millions. */
const MAX_MENTIONS = 500;
const SKIP = 'script, style, noscript, template, [data-ynd-kind], [data-ynd-bar], textarea, input';

interface TextIndex {
  text: string;
  nodes: Text[];
  starts: number[];
}

function indexText(doc: Document): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const root = doc.body;
  if (!root) return { text, nodes, starts };
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(text.length);
    text += (n as Text).data;
  }
  return { text, nodes, starts };
}

function locate(idx: TextIndex, offset: number): { node: Text; offset: number } | null {
  let lo = 0;
  let hi = idx.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (idx.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const node = idx.nodes[lo];
  return node ? { node, offset: Math.min(offset - idx.starts[lo]!, node.data.length) } : null;
}

function rangeAt(doc: Document, idx: TextIndex, start: number, end: number): Range | null {
  const a = locate(idx, start);
  const b = locate(idx, end);
  if (!a || !b) return null;
  const r = doc.createRange();
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset);
  return r;
}

interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}
function registry(): { reg: HighlightRegistry; Highlight: new (...r: Range[]) => unknown } | null {
  const css = (globalThis as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const H = (globalThis as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  return css?.highlights && H ? { reg: css.highlights, Highlight: H } : null;
}

function ensureStyle(doc: Document, css: string): void {
  let style = doc.getElementById(STYLE_ID);
  if (!style) {
    style = doc.createElement('style');
    style.id = STYLE_ID;
    (doc.head ?? doc.documentElement).appendChild(style);
  }
  style.textContent = css;
}

function show(doc: Document, range: Range, name: string): void {
  const el = range.startContainer.parentElement;
  el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  const r = registry();
  if (r) {
    r.reg.set(name, new r.Highlight(range));
  } else {
    // Fallback without the Highlight API: the selection marks the text, nothing is rewritten.
    const sel = doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  }
}

let keypointTimer: ReturnType<typeof setTimeout> | undefined;

/** Scroll to a key point's sentence and mark it briefly. Whitespace differences are ignored. */
export function scrollToText(doc: Document, text: string): boolean {
  const needle = text.replace(/[…\s]+$/u, '').replace(/\s+/g, '').slice(0, SEARCH_PREFIX_CHARS);
  if (!needle) return false;
  const idx = indexText(doc);
  // Map positions of the whitespace-free text back to the original.
  const map: number[] = [];
  let squeezed = '';
  for (let i = 0; i < idx.text.length; i++) {
    if (!/\s/.test(idx.text[i]!)) {
      map.push(i);
      squeezed += idx.text[i];
    }
  }
  const at = squeezed.indexOf(needle);
  if (at < 0) return false;
  const range = rangeAt(doc, idx, map[at]!, map[at + needle.length - 1]! + 1);
  if (!range) return false;
  ensureHighlightBase(doc);
  show(doc, range, KEYPOINT);
  clearTimeout(keypointTimer);
  keypointTimer = setTimeout(() => registry()?.reg.delete(KEYPOINT), KEYPOINT_MARK_MS);
  return true;
}

let groupCss = '';
function ensureHighlightBase(doc: Document): void {
  ensureStyle(
    doc,
    `::highlight(${KEYPOINT}) { background-color: #ffe58a; color: inherit; }\n::highlight(${CURRENT}) { background-color: #ff9800; color: #000; }\n${groupCss}`,
  );
}

const activeNames = new Set<string>();

/** Highlight every mention of each group's terms, one named highlight per entity type;
 * returns the number of mentions marked. */
export function highlightTerms(doc: Document, req: HighlightRequest): number {
  const r = registry();
  for (const n of activeNames) r?.reg.delete(n);
  activeNames.clear();
  r?.reg.delete(CURRENT);
  if (!req.groups.length) {
    groupCss = '';
    return 0;
  }
  const idx = indexText(doc);
  const byType = new Map<string, { color: string; ranges: Range[] }>();
  let firstGroupRanges: Range[] = [];
  req.groups.forEach((g, gi) => {
    const ranges: Range[] = [];
    for (const term of g.terms) {
      let from = 0;
      while (ranges.length < MAX_MENTIONS) {
        const at = idx.text.indexOf(term, from);
        if (at < 0) break;
        const range = rangeAt(doc, idx, at, at + term.length);
        if (range) ranges.push(range);
        from = at + term.length;
      }
    }
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    if (gi === 0) firstGroupRanges = ranges;
    const entry = byType.get(g.type) ?? { color: g.color, ranges: [] };
    entry.ranges.push(...ranges);
    byType.set(g.type, entry);
  });
  let total = 0;
  const css: string[] = [];
  for (const [type, { color, ranges }] of byType) {
    total += ranges.length;
    const name = `ynd-${type}`;
    css.push(`::highlight(${name}) { background-color: ${color}55; text-decoration: underline 2px ${color}; }`);
    if (r && ranges.length) {
      r.reg.set(name, new r.Highlight(...ranges));
      activeNames.add(name);
    }
  }
  groupCss = css.join('\n');
  ensureHighlightBase(doc);
  if (req.step !== undefined && firstGroupRanges.length) {
    show(doc, firstGroupRanges[req.step % firstGroupRanges.length]!, CURRENT);
  }
  return total;
}
