import { render } from 'preact';
import { EvidencePage } from './EvidencePage';

render(<EvidencePage />, document.getElementById('app')!);
