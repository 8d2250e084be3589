// Detection in real Firefox: the shared alert scenario (tests/support/alert-scenario.ts)
// on Firefox's e2e build, where the broker hosts are optional as in production:
// SBI is chosen in the onboarding first, and its content script is registered at runtime.

import { resolve } from 'node:path';
import { describeAlertScenario } from '../support/alert-scenario';
import { isFirefoxServiceCall } from '../support/broker-server';
import { chooseBrokers, firefoxScenarioBrowser, launchFirefoxWithExtension } from '../support/firefox';

describeAlertScenario({
  name: 'Firefox',
  isOwnServiceCall: isFirefoxServiceCall,
  screenshot: 'alerts-firefox-ja.png',
  launch: async (server) => {
    const ff = await launchFirefoxWithExtension({
      extensionDir: resolve('.output/firefox-mv3-e2e'),
      prefs: server.firefoxPrefs(),
    });
    await chooseBrokers(ff, ['sbi']);
    return firefoxScenarioBrowser(ff);
  },
});
