import { defineContentScript } from 'wxt/utils/define-content-script';
import { installPageTools } from '../utils/cleanup/runtime';

// Injected on demand (activeTab) when the popup opens on a page without our cleanup script:
// it only answers the popup (snapshot, scroll to a key point, highlight names) and changes
// nothing on the page by itself.
export default defineContentScript({
  registration: 'runtime',
  main() {
    installPageTools();
  },
});
