import { render } from 'preact';
import { ReportPage } from './ReportPage';

render(<ReportPage />, document.getElementById('app')!);
