import { render } from 'preact';
import { Popup } from './Popup';
import { installVisibleText } from '../../utils/text/preact-visible';

installVisibleText();
render(<Popup />, document.getElementById('app')!);
