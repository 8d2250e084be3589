import { defineContentScript } from 'wxt/utils/define-content-script';
// the adapter's page side: state and page kind only, the background reads the records (sense-page.ts)
import { sbiPage as sbi } from '../utils/brokers/sbi/page';
import { hostPatterns } from '../utils/brokers/hosts';
import { runCapture } from '../utils/capture/content';

export default defineContentScript({
  matches: hostPatterns(sbi),
  runAt: 'document_idle',
  main(ctx) {
    runCapture(sbi, ctx);
  },
});
