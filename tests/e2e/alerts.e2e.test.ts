// Detection in real Chromium: the shared alert scenario (tests/support/alert-scenario.ts)
// on the e2e build, the broker hosts required and the content scripts in the manifest.

import { resolve } from 'node:path';
import { describeAlertScenario } from '../support/alert-scenario';
import { isChromiumServiceCall } from '../support/broker-server';
import { chromiumScenarioBrowser, launchWithExtension } from '../support/chromium';

describeAlertScenario({
  name: 'Chromium',
  isOwnServiceCall: isChromiumServiceCall,
  screenshot: 'alerts-ja.png',
  launch: async (server) =>
    chromiumScenarioBrowser(
      await launchWithExtension({ extensionDir: resolve('.output/chrome-mv3-e2e'), args: server.chromiumArgs() }),
    ),
});
