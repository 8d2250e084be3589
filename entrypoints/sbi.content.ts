import { defineContentScript } from 'wxt/utils/define-content-script';
import { sbi } from '../utils/brokers/sbi';
import { hostPatterns } from '../utils/brokers/hosts';
import { runCapture } from '../utils/capture/content';

export default defineContentScript({
  matches: hostPatterns(sbi),
  runAt: 'document_idle',
  main(ctx) {
    runCapture(sbi, ctx);
  },
});
