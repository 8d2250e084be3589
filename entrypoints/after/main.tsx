import { render } from 'preact';
import { AfterPage } from './AfterPage';
import { installVisibleText } from '../../utils/text/preact-visible';

installVisibleText();
render(<AfterPage />, document.getElementById('app')!);
