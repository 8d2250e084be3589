import { render } from 'preact';
import { AlertsPage } from './AlertsPage';
import { installVisibleText } from '../../utils/text/preact-visible';

installVisibleText();
render(<AlertsPage />, document.getElementById('app')!);
