import { render } from 'preact';
import { OrdersPage } from './OrdersPage';

render(<OrdersPage />, document.getElementById('app')!);
