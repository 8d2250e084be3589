import { render } from 'preact';
import { ReportPage } from './ReportPage';
import { installVisibleText } from '../../utils/text/preact-visible';

installVisibleText();
render(<ReportPage />, document.getElementById('app')!);
