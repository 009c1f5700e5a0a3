// First import: the script's start time, so its evaluation counts in its measured load time.
import { SCRIPT_START, recordMeasure } from '../../utils/cleanup/t0';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ARTICLE_URL_GLOBS, NON_ARTICLE_URL_GLOBS, YAHOO_MATCHES } from '../../utils/sites/matches';
import { runCleanup } from '../../utils/cleanup/runtime';
// The cleanup stylesheet, built from the site profiles at build time (wxt.config.ts) and
// listed in the manifest: the browser applies it before the page's first node, with no script
// work, and it hides nothing until the script sets its gate attributes on <html>.
import 'virtual:ynd-cleanup.css';

// Automatic cleanup on Yahoo news hosts, from document_start so the feed never paints. This
// entry covers article-shaped URLs outside the sections that are never articles; wxt.config.ts
// adds the same script at document_idle for the hosts' other pages (ARTICLE_URL_GLOBS and
// NON_ARTICLE_URL_GLOBS say why).
export default defineContentScript({
  matches: YAHOO_MATCHES,
  includeGlobs: ARTICLE_URL_GLOBS,
  excludeGlobs: NON_ARTICLE_URL_GLOBS,
  runAt: 'document_start',
  // WXT's window.postMessage announcing the script costs several milliseconds at
  // document_start; the DOM event it also sends is enough (and its future default).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // For `npm run bench`: evaluating the bundle (libraries, WXT's wrapper) before our code runs.
    recordMeasure('ynd:eval', SCRIPT_START, performance.now() - SCRIPT_START);
    runCleanup(ctx, { force: false, cssFromManifest: true, scriptStart: SCRIPT_START });
  },
});
