import { defineContentScript } from 'wxt/utils/define-content-script';
import { runCleanup } from '../utils/cleanup/runtime';

// The same cleanup for any other site, only when the user asks: injected on demand with
// activeTab ("Clean up this page") or registered for an origin the user granted ("Always").
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    runCleanup(ctx, { force: true });
  },
});
