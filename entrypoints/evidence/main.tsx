import { render } from 'preact';
import { EvidencePage } from './EvidencePage';
import { installVisibleText } from '../../utils/text/preact-visible';

installVisibleText();
render(<EvidencePage />, document.getElementById('app')!);
