import { FEED_KINDS, SITE_PROFILES, type FeedKind } from '../sites';

/** Attribute names: one place, so CSS, marker and tests agree. */
export const ATTR = {
  /** On <html>: cleanup is active on this page. */
  on: 'data-ynd-on',
  /** On <html>: the early gate (known feed selectors hidden from document_start). */
  gate: 'data-ynd-gate',
  /** On <html>: space-separated kinds to hide. */
  hide: 'data-ynd-hide',
  /** On <html>: "hide" or "collapse". */
  mode: 'data-ynd-mode',
  /** On a block: its kind. */
  kind: 'data-ynd-kind',
  /** On a block the user revealed from its collapse bar. */
  revealed: 'data-ynd-revealed',
  /** On an element the gate matched but the detector refused (it touches the article). */
  keep: 'data-ynd-keep',
  /** On our own collapse bar. */
  bar: 'data-ynd-bar',
  /** On what is left over the page of a hidden overlay its page did not close: its backdrop, or
   * the dimming layer around it (see the controller's releaseOverlay). */
  released: 'data-ynd-released',
  /** On <html>: the page's scrolling, locked for a hidden overlay it did not close, is freed;
   * "fixed" when the lock was <body> fixed in place. */
  unlock: 'data-ynd-unlock',
} as const;

export const STYLE_ID = 'ynd-cleanup-style';

/** The one stylesheet: gate rules for known profiles, then the rule for marked blocks. */
export function buildStylesheet(): string {
  const rules: string[] = [];
  for (const kind of FEED_KINDS) {
    const early = earlySelector(kind);
    if (early) {
      rules.push(
        `html[${ATTR.gate}][${ATTR.hide}~="${kind}"] :is(${early}):not([${ATTR.keep}]):not([${ATTR.revealed}]) { display: none !important; }`,
      );
    }
    rules.push(
      `html[${ATTR.on}][${ATTR.hide}~="${kind}"] [${ATTR.kind}="${kind}"]:not([${ATTR.revealed}]) { display: none !important; }`,
    );
  }
  rules.push(`html:not([${ATTR.on}][${ATTR.mode}="collapse"]) [${ATTR.bar}] { display: none !important; }`);
  rules.push(`html[${ATTR.on}] [${ATTR.released}] { display: none !important; }`);
  // Vertical only: a page that clips sideways keeps doing so.
  rules.push(`html[${ATTR.on}][${ATTR.unlock}], html[${ATTR.on}][${ATTR.unlock}] > body { overflow-y: auto !important; }`);
  // A <body> the page fixed in place goes back into the flow (the controller scrolls to where
  // the reader was).
  rules.push(`html[${ATTR.on}][${ATTR.unlock}="fixed"] > body { position: static !important; top: auto !important; }`);
  return rules.join('\n');
}

let earlyByKind: Map<FeedKind, string> | null = null;

/**
 * The stylesheet's gate selectors for one kind (empty when it has none): what the browser hides
 * by itself on a Yahoo page, before and without any script work.
 */
export function earlySelector(kind: FeedKind): string {
  earlyByKind ??= new Map(
    FEED_KINDS.map((k) => [k, SITE_PROFILES.flatMap((p) => p.feedBlocks.filter((r) => r.early && r.kind === k).map((r) => r.selector)).join(', ')]),
  );
  return earlyByKind.get(kind) ?? '';
}

export function hiddenKindsAttr(hide: Record<FeedKind, boolean>): string {
  return FEED_KINDS.filter((k) => hide[k]).join(' ');
}
