import { render } from 'preact';
import { AlertsPage } from './AlertsPage';

render(<AlertsPage />, document.getElementById('app')!);
