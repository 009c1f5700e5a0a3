import { defineConfig } from 'wxt';
import type { Browser } from 'wxt/browser';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { buildStylesheet } from './utils/cleanup/style';

/** `virtual:ynd-cleanup.css`: the cleanup stylesheet, generated from the site profiles, so the
 * Yahoo content script's CSS is a manifest file the browser applies before the page parses. */
function cleanupCss(): Plugin {
  const id = 'virtual:ynd-cleanup.css';
  return {
    name: 'ynd-cleanup-css',
    resolveId: (source) => (source === id ? id : undefined),
    load: (source) => (source === id ? buildStylesheet() : undefined),
  };
}


export default defineConfig({
  vite: () => ({
    plugins: [preact(), cleanupCss()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // offscreen: Chrome's service worker has no DOM; the article is analysed in an offscreen
    // document when it loads, so the popup opens on a ready result.
    permissions: ['storage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // "Always clean up this site" asks for exactly one origin at a time, at the user's request.
    // (Firefox's MV2 manifest lists optional origins under optional_permissions.)
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] as unknown as Browser.runtime.ManifestPermission[] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: '__MSG_extActionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'yahoo-news-declutter@example.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
