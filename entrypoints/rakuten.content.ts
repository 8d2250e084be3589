import { defineContentScript } from 'wxt/utils/define-content-script';
// the adapter's page side: state and page kind only, the background reads the records (sense-page.ts)
import { rakutenPage as rakuten } from '../utils/brokers/rakuten/page';
import { hostPatterns } from '../utils/brokers/hosts';
import { runCapture } from '../utils/capture/content';

export default defineContentScript({
  matches: hostPatterns(rakuten),
  runAt: 'document_idle',
  main(ctx) {
    runCapture(rakuten, ctx);
  },
});
