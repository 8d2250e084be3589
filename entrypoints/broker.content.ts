import { defineContentScript } from 'wxt/utils/define-content-script';
// every broker's page side (state and page kind only; the background reads the records), chosen by host
import { brokerHostPatterns } from '../utils/brokers/hosts';
import { pageSideForUrl } from '../utils/brokers/page-sides';
import { runCapture } from '../utils/capture/content';

export default defineContentScript({
  matches: brokerHostPatterns(),
  runAt: 'document_idle',
  main(ctx) {
    const side = pageSideForUrl(location.href);
    if (side) runCapture(side, ctx);
  },
});
