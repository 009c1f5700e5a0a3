import { render } from 'preact';
import { PopupApp, loadPopup } from '../../components/PopupApp';
import '../../components/theme.css';
import './popup.css';

// Start reading settings, the tab and its prepared analysis before the first render: Preact
// runs effects only after a frame, and the popup should show results as soon as it can.
const first = loadPopup(location.search);
render(<PopupApp first={first} />, document.getElementById('app')!);
