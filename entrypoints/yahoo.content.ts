import { defineContentScript } from 'wxt/utils/define-content-script';
import { YAHOO_MATCHES } from '../utils/sites/matches';
import { runCleanup } from '../utils/cleanup/runtime';

// Automatic cleanup on Yahoo news hosts, from document_start so the feed never paints.
export default defineContentScript({
  matches: YAHOO_MATCHES,
  runAt: 'document_start',
  main(ctx) {
    runCleanup(ctx, false);
  },
});
