import { render } from 'preact';
import { PopupApp, loadPopup, type PopupLoad } from '../../components/PopupApp';
import '../../components/theme.css';
import './popup.css';

/**
 * A prepared analysis arrives within a few tens of milliseconds: wait that long and render once,
 * with the results, instead of a loading state and a second render. Past this, the loading state
 * shows (an analysis made on the spot takes longer).
 */
const FIRST_RENDER_WAIT_MS = 120;

// Start reading settings, the tab and its prepared analysis before anything renders.
const first = loadPopup(location.search);
const waited = new Promise<null>((resolve) => setTimeout(() => resolve(null), FIRST_RENDER_WAIT_MS));
void Promise.race([first.catch(() => null), waited]).then((initial: PopupLoad | null) => {
  render(<PopupApp first={first} initial={initial ?? undefined} />, document.getElementById('app')!);
});
