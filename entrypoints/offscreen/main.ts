import { browser } from 'wxt/browser';
import { analyzeHtml } from '../../utils/analysis';
import { isAnalyzeRequest, onMessage, sendMessage } from '../../utils/messages';
import { idleTimer } from '../../utils/idle-timer';

/**
 * Unused this long, the document asks the background to close it: the analysis code and its
 * lexicons are tens of megabytes a browser should not keep for an extension nobody is using.
 */
const IDLE_CLOSE_MS = 5 * 60_000;
const idle = idleTimer(IDLE_CLOSE_MS, () => void sendMessage('offscreen/idle', undefined).catch(() => undefined));

// Chrome's service worker has no DOM: the background analyses snapshots here, in an offscreen
// document, so the popup finds the result ready. Only this extension may ask.
onMessage('offscreen/analyze', ({ sender, data }) => {
  if (sender.id !== browser.runtime.id || !isAnalyzeRequest(data)) throw new Error('refused');
  return idle.busy(() => analyzeHtml(data.html, data.url, { keyPointCount: data.keyPointCount }));
});
