import { defineConfig } from 'wxt';
import type { Browser } from 'wxt/browser';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { buildStylesheet } from './utils/cleanup/style';
import { ARTICLE_URL_GLOBS, NON_ARTICLE_URL_GLOBS } from './utils/sites/matches';

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

/** The Yahoo content script's manifest entry: article-shaped URLs, from document_start. */
const YAHOO_SCRIPT = 'content-scripts/yahoo.js';

/**
 * The same script for the Yahoo hosts' other pages (home pages, section fronts; video, search
 * and pickup pages), at document_idle: nothing before they are shown, and in-site navigation
 * from them into an article is still followed. Same file, same stylesheet. The globs split the
 * URLs between the three entries, so no page gets the script twice: article-shaped URLs outside
 * the non-article sections (early), the non-article sections (late), everything else (late).
 */
function addLateYahooEntry(manifest: Browser.runtime.Manifest): void {
  const scripts = manifest.content_scripts ?? [];
  const early = scripts.find((c) => c.js?.includes(YAHOO_SCRIPT));
  if (!early) throw new Error(`manifest: no content script entry for ${YAHOO_SCRIPT}`);
  const { include_globs: _articleShapes, exclude_globs: _sections, ...rest } = early;
  scripts.push(
    { ...rest, exclude_globs: [...ARTICLE_URL_GLOBS, ...NON_ARTICLE_URL_GLOBS], run_at: 'document_idle' },
    { ...rest, include_globs: NON_ARTICLE_URL_GLOBS, run_at: 'document_idle' },
  );
}

export default defineConfig({
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => addLateYahooEntry(manifest),
  },
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
