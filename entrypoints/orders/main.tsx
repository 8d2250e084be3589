import { render } from 'preact';
import { OrdersPage } from './OrdersPage';
import { installVisibleText } from '../../utils/text/preact-visible';

installVisibleText();
render(<OrdersPage />, document.getElementById('app')!);
