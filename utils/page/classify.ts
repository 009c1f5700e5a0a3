import { SITE_PROFILES, isYahooHost, type SiteProfile } from '../sites';
import { NON_ARTICLE_SECTIONS } from '../sites/matches';

export interface PageClass {
  isArticle: boolean;
  /** On a Yahoo host, or carrying Yahoo's markup (module ids, data-ylk). */
  yahooStyle: boolean;
  /** The site profile whose article root matched, if any. */
  profile: string | null;
  /** Why: the signals that decided, for the popup's status and for debugging. */
  reasons: string[];
}

/** Article URL shapes: "-123456789.html" (Yahoo TW/HK/US), "/articles/<hex>" (Yahoo! JAPAN). */
const ARTICLE_URL = [/-\d{6,}\.html$/, /\/articles\/[0-9a-f]{16,}/i, /\/(news|article|articles)\/[^/]+\.html$/];
/** Pages that are never articles even when they carry article-like markup. */
// (NON_ARTICLE_SECTIONS: Yahoo! JAPAN's /pickup/<id> pages carry og:type article, but they are
// a headline, a teaser and a link to the article; /ranking/ is a list of them.)
const NON_ARTICLE_URL = [new RegExp(`^/(${NON_ARTICLE_SECTIONS.join('|')})(/|$)`, 'i'), /\/(search)(\/|\?|$)/i];
const ARTICLE_LD_TYPES = /^(NewsArticle|Article|ReportageNews|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|Report)$/;
/** Text an article body has at least; a shell with a headline and a teaser is not one. */
const MIN_ARTICLE_CHARS = 140;

export function urlLooksLikeArticle(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return pathLooksLikeArticle(u.pathname);
}

/** The same test on a URL's path alone (the content script reads it from `location`). */
export function pathLooksLikeArticle(pathname: string): boolean {
  if (pathname === '/' || NON_ARTICLE_URL.some((re) => re.test(pathname))) return false;
  let decoded = pathname;
  try {
    decoded = decodeURI(pathname);
  } catch {
    // A malformed escape: test the path as it is.
  }
  return ARTICLE_URL.some((re) => re.test(decoded));
}

/** Nesting read in JSON-LD (arrays, @graph): real pages never need more. */
const MAX_LD_DEPTH = 4;

/** Every JSON-LD object of the page, arrays and @graph flattened. Broken blocks are skipped. */
export function jsonLdObjects(doc: Document): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > MAX_LD_DEPTH || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, depth + 1);
      return;
    }
    const rec = node as Record<string, unknown>;
    out.push(rec);
    if (rec['@graph']) visit(rec['@graph'], depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      // Broken JSON-LD is common in the wild; it is simply no evidence.
    }
  }
  return out;
}

function jsonLdTypes(doc: Document): string[] {
  return jsonLdObjects(doc).flatMap((o) => {
    const t = o['@type'];
    return typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
  });
}

export function metaContent(doc: Document, key: string): string | null {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return el?.getAttribute('content')?.trim() || null;
}

export function profileArticleRoot(doc: Document, profile: SiteProfile): Element | null {
  for (const sel of profile.articleRoot) {
    const el = doc.querySelector(sel);
    if (el) return el;
  }
  return null;
}

/**
 * Classify a page. `quick` (the content script before first paint): skip parsing JSON-LD when
 * the URL, the profile's article body and og:type already agree, so `reasons` may then omit it.
 */
export function classifyPage(doc: Document, url: string, quick = false): PageClass {
  const reasons: string[] = [];
  let host = '';
  let path = '/';
  try {
    const u = new URL(url);
    host = u.hostname;
    path = u.pathname;
  } catch {
    reasons.push('unparsable url');
  }
  const yahooHost = isYahooHost(host);
  // Yahoo's markup on a page: a query over the whole document, so asked only when the host
  // alone does not answer.
  let markup: boolean | null = null;
  const yahooMarkup = () => (markup ??= !!doc.querySelector('[data-ylk], [data-i13n-sec], #YDC-Stream, .caas-body'));
  const yahooStyle = yahooHost || yahooMarkup();

  let profile: SiteProfile | null = null;
  let root: Element | null = null;
  for (const p of SITE_PROFILES) {
    if (!p.hosts.test(host) && !yahooMarkup()) continue;
    root = profileArticleRoot(doc, p);
    if (root) {
      profile = p;
      break;
    }
  }

  const ogType = metaContent(doc, 'og:type')?.toLowerCase() ?? null;
  const urlArticle = urlLooksLikeArticle(url);
  const known = (ogType === 'article' ? 1 : 0) + (urlArticle ? 1 : 0) + (profile ? 1 : 0);
  const ldArticle = quick && known >= 2 ? false : jsonLdTypes(doc).some((t) => ARTICLE_LD_TYPES.test(t));
  const nonArticlePath = path === '/' || NON_ARTICLE_URL.some((re) => re.test(path));
  const videoPage = ogType?.startsWith('video') ?? false;

  if (ogType === 'article') reasons.push('og:type article');
  if (ldArticle) reasons.push('JSON-LD article');
  if (urlArticle) reasons.push('article URL');
  if (profile) reasons.push(`article body (${profile.id})`);
  if (nonArticlePath) reasons.push('home, section, search or video path');
  if (videoPage) reasons.push('video page');

  const evidence = (ogType === 'article' ? 1 : 0) + (ldArticle ? 1 : 0) + (urlArticle ? 1 : 0) + (profile ? 1 : 0);
  let isArticle = !nonArticlePath && !videoPage && evidence >= 1;
  if (isArticle && root && evidence < 2 && (root.textContent ?? '').trim().length < MIN_ARTICLE_CHARS) {
    isArticle = false;
    reasons.push('article body too short');
  }
  if (!isArticle && evidence === 0) reasons.push('no article signal');
  return { isArticle, yahooStyle, profile: profile?.id ?? null, reasons };
}
