import { browser } from 'wxt/browser';
import { analyzeDocument } from '../../utils/analysis';
import { isAnalyzeRequest, onMessage } from '../../utils/messages';

// Chrome's service worker has no DOM: the background analyses snapshots here, in an offscreen
// document, so the popup finds the result ready. Only this extension may ask.
onMessage('offscreen/analyze', ({ sender, data }) => {
  if (sender.id !== browser.runtime.id || !isAnalyzeRequest(data)) throw new Error('refused');
  const doc = new DOMParser().parseFromString(data.html, 'text/html');
  // The document was parsed for this call: cleaned in place, not cloned.
  return analyzeDocument(doc, data.url, { keyPointCount: data.keyPointCount, consume: true });
});
