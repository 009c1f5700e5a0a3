import { render } from 'preact';
import { PopupApp, loadPopup, type PopupLoad } from '../../components/PopupApp';
// The styles as text, put in place by this script: a <link rel="stylesheet"> in the page's head
// holds back every module script until it has loaded (measured: ~30 ms of the popup's opening).
import themeCss from '../../components/theme.css?inline';
import popupCss from './popup.css?inline';

/**
 * A prepared analysis arrives within a few tens of milliseconds: wait that long and render once,
 * with the results, instead of a loading state and a second render. Past this, the loading state
 * shows (an analysis made on the spot takes longer).
 */
const FIRST_RENDER_WAIT_MS = 120;

// Start reading settings, the tab and its prepared analysis before anything renders.
const first = loadPopup(location.search);
const style = document.createElement('style');
style.textContent = `${themeCss}\n${popupCss}`;
document.head.append(style);
const waited = new Promise<null>((resolve) => setTimeout(() => resolve(null), FIRST_RENDER_WAIT_MS));
void Promise.race([first.catch(() => null), waited]).then((initial: PopupLoad | null) => {
  render(<PopupApp first={first} initial={initial ?? undefined} />, document.getElementById('app')!);
});
