import { defineContentScript } from 'wxt/utils/define-content-script';
import { rakuten } from '../utils/brokers/rakuten';
import { hostPatterns } from '../utils/brokers/hosts';
import { runCapture } from '../utils/capture/content';

export default defineContentScript({
  matches: hostPatterns(rakuten),
  runAt: 'document_idle',
  main(ctx) {
    runCapture(rakuten, ctx);
  },
});
