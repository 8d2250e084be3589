import { defineContentScript } from 'wxt/utils/define-content-script';
import { brokerHostPatterns } from '../utils/brokers/hosts';
import { runCapture } from '../utils/capture/content';
import { requestPageSide } from '../utils/capture/page-side';

export default defineContentScript({
  // the manifest's matches; the page bundle needs none, so it carries no declaration (KG_PAGE_BUNDLE: wxt.config.ts)
  matches: import.meta.env.KG_PAGE_BUNDLE ? [] : brokerHostPatterns(),
  runAt: 'document_idle',
  // 松井's member site is a frame set: each frame is read on its own (other brokers' sub-frames get no page side)
  allFrames: true,
  main(ctx) {
    // every broker's page side, asked of the background by this page's URL (utils/brokers/page-spec.ts)
    void requestPageSide().then((side) => {
      if (side && !ctx.isInvalid) runCapture(side, ctx);
    });
  },
});
