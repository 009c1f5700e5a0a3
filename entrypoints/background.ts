import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { fromOwnContentScript, fromPopup, isAnalyzeRequest, isCount, isTabId, onMessage } from '../utils/messages';
import { getSettings, watchSettings } from '../utils/settings';
import { migrateSettings } from '../utils/settings-store';
import { syncRegisteredSites } from '../utils/sites-registration';
import { analyse, closeOffscreen, prefetchPending, schedulePrefetch } from '../utils/prefetch';
import { analysisCache } from '../utils/analysis-cache';

export default defineBackground(() => {
  const id = browser.runtime.id;
  onMessage('badge/update', ({ sender, data }) => {
    if (!fromOwnContentScript(sender, id) || !isCount(data)) return;
    const tabId = sender.tab.id;
    // Firefox's MV2 build has browserAction where Chrome's MV3 has action.
    const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
    void action.setBadgeBackgroundColor({ tabId, color: '#5f01d1' });
    void action.setBadgeText({ tabId, text: data > 0 ? String(Math.min(data, 999)) : '' });
  });
  onMessage('page/ready', ({ sender }) => {
    if (fromOwnContentScript(sender, id)) schedulePrefetch(sender.tab.id);
  });
  const popupUrl = browser.runtime.getURL('/popup.html');
  onMessage('analysis/wait', async ({ sender, data }) => {
    if (!fromPopup(sender, id, popupUrl) || !isTabId(data)) return false;
    const running = prefetchPending(data);
    if (!running) return false;
    await running;
    return true;
  });
  onMessage('analysis/run', ({ sender, data }) => {
    if (!fromPopup(sender, id, popupUrl) || !isAnalyzeRequest(data)) return null;
    return analyse(data);
  });
  const offscreenUrl = browser.runtime.getURL('/offscreen.html');
  onMessage('offscreen/idle', ({ sender }) => {
    if (sender.id === id && sender.url === offscreenUrl) void closeOffscreen();
  });
  browser.tabs.onRemoved.addListener((tabId) => void analysisCache(tabId).removeValue());
  // The one place the stored settings are migrated; every reader copes with an old value.
  void migrateSettings().catch(() => undefined);
  // Sites the user added beyond Yahoo keep their content script across restarts and edits.
  void getSettings().then((s) => syncRegisteredSites(s.addedSites));
  watchSettings((s) => void syncRegisteredSites(s.addedSites));
});
