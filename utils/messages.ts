import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CleanupStatus } from './cleanup/controller';
import type { ArticleAnalysis } from './analysis';

export interface PageSnapshot {
  url: string;
  /** The page's HTML without the detected feed, rails, ads and scripts. */
  html: string;
  /** Null where no cleanup runs (a page opened for analysis only). */
  status: CleanupStatus | null;
}

export interface ScrollTarget {
  /** Text to find in the page (a key point's sentence, possibly trimmed). */
  text: string;
}

export interface HighlightRequest {
  /** Each group: one entity's surface forms, coloured by type. Empty list clears. */
  groups: Array<{ type: string; color: string; terms: string[] }>;
  /** Scroll to the n-th mention of the first group (stepping through mentions). */
  step?: number;
}

/** The one message protocol between popup, content scripts and background. */
export interface ProtocolMap {
  'cleanup/status'(): CleanupStatus | null;
  'cleanup/reveal'(revealed: boolean): CleanupStatus | null;
  'page/snapshot'(): PageSnapshot;
  'page/scroll-to'(target: ScrollTarget): boolean;
  'page/highlight'(req: HighlightRequest): number;
  'badge/update'(hiddenItems: number): void;
  /** Content script → background: an article finished loading; analyse it ahead of the popup. */
  'page/ready'(): void;
  /**
   * Popup → background: if this tab's article is being analysed ahead (the page has just
   * loaded), answer once that analysis is stored (true); false at once when none is under way.
   */
  'analysis/wait'(tabId: number): boolean;
  /**
   * Popup → background: analyse a snapshot nobody prepared, in the offscreen document. The popup
   * closes with everything it loaded; the offscreen document keeps the analysis code and its
   * lexicons between popups. Null when the background cannot (the popup then analyses itself).
   */
  'analysis/run'(req: AnalyzeRequest): ArticleAnalysis | null;
  /** Offscreen document → background: unused for a while, close me. */
  'offscreen/idle'(): void;
  /** Background → offscreen document (Chrome): analyse a snapshot. */
  'offscreen/analyze'(req: AnalyzeRequest): ArticleAnalysis;
}

export interface AnalyzeRequest {
  html: string;
  url: string;
  keyPointCount: number | 'auto';
}

/** Snapshots larger than this are not analysed ahead of time (the popup still can). */
const MAX_SNAPSHOT_CHARS = 8_000_000;

export function isAnalyzeRequest(v: unknown): v is AnalyzeRequest {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as AnalyzeRequest;
  return (
    typeof r.html === 'string' &&
    r.html.length <= MAX_SNAPSHOT_CHARS &&
    typeof r.url === 'string' &&
    /^https?:/.test(r.url) &&
    (r.keyPointCount === 'auto' || (typeof r.keyPointCount === 'number' && r.keyPointCount > 0 && r.keyPointCount <= 20))
  );
}

export const messaging = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messaging;

/** Limits on what a message may carry: anything beyond is refused, not truncated silently. */
const MAX_TEXT = 2_000;
const MAX_GROUPS = 200;
const MAX_TERMS = 50;

export function isBoolean(v: unknown): v is boolean {
  return typeof v === 'boolean';
}

export function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1_000_000;
}

export function isScrollTarget(v: unknown): v is ScrollTarget {
  return typeof v === 'object' && v !== null && typeof (v as ScrollTarget).text === 'string' && (v as ScrollTarget).text.length <= MAX_TEXT;
}

export function isHighlightRequest(v: unknown): v is HighlightRequest {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as HighlightRequest;
  if (!Array.isArray(r.groups) || r.groups.length > MAX_GROUPS) return false;
  if (r.step !== undefined && !isCount(r.step)) return false;
  return r.groups.every(
    (g) =>
      typeof g === 'object' &&
      g !== null &&
      typeof g.type === 'string' &&
      /^[a-z]{1,20}$/.test(g.type) &&
      typeof g.color === 'string' &&
      /^#[0-9a-f]{6}$/i.test(g.color) &&
      Array.isArray(g.terms) &&
      g.terms.length <= MAX_TERMS &&
      g.terms.every((t) => typeof t === 'string' && t.length > 0 && t.length <= MAX_TEXT),
  );
}

export function isTabId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Messages only the popup sends: from this extension, from its popup page (not a content script). */
export function fromPopup(sender: { id?: string; url?: string }, extensionId: string, popupUrl: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.split(/[?#]/)[0] === popupUrl;
}

/** Messages to content scripts must come from this extension's own pages, not from a tab. */
export function fromExtensionPage(sender: { id?: string; tab?: unknown; url?: string }, extensionId: string): boolean {
  return sender.id === extensionId && sender.tab === undefined;
}

/** Messages to the background about a page must come from this extension's content script. */
export function fromOwnContentScript(sender: { id?: string; tab?: { id?: number } }, extensionId: string): sender is { id: string; tab: { id: number } } {
  return sender.id === extensionId && typeof sender.tab?.id === 'number';
}
