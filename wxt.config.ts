import { defineConfig } from 'wxt';
import { brokerHostPatterns } from './utils/brokers/hosts';
import { extensionVerifyPage } from './utils/evidence/verify-page';

// The manifest is data the tests check (tests/meta/registry.test.ts, the e2e
// tests): every permission here is explained in docs/permissions.md.
//
// Broker hosts are OPTIONAL in the production Chrome build: nothing is asked at
// install, the user grants each broker when choosing it (onboarding), and its
// content script is registered at runtime for the granted hosts
// (utils/capture/host-access.ts). The e2e and dev builds keep the hosts
// required and the content scripts in the manifest, because Playwright cannot
// answer Chrome's permission prompt (playwright#32755; measured: the request
// stays pending in headless Chromium). Firefox's MV2 build keeps them required too.
export default defineConfig({
  srcDir: '.',
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ja',
    // unlimitedStorage: the snapshots are the user's evidence; never evicted, never capped (docs/permissions.md)
    permissions: ['alarms', 'notifications', 'unlimitedStorage'],
    host_permissions: brokerHostPatterns(),
    action: { default_title: '__MSG_extName__' },
    browser_specific_settings: {
      gecko: {
        id: 'kabu-guard@example.invalid',
        // No data leaves the browser: declared for AMO.
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
  hooks: {
    // the bundle's verifier, served by the extension too (verify.html + verify.js): a check that does not
    // depend on the copy travelling inside the bundle it checks (issue 11 defect 6)
    'build:publicAssets': (_wxt, files) => {
      const { html, script } = extensionVerifyPage();
      files.push({ relativeDest: 'verify.html', contents: html }, { relativeDest: 'verify.js', contents: script });
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.manifestVersion !== 3) return;
      // registering content scripts at runtime (and re-syncing them on permission changes)
      manifest.permissions = [...(manifest.permissions ?? []), 'scripting'];
      if (wxt.config.mode !== 'production') return;
      const brokerHosts = new Set(brokerHostPatterns());
      const other = (manifest.host_permissions ?? []).filter((h: string) => !brokerHosts.has(h));
      if (other.length) manifest.host_permissions = other;
      else delete manifest.host_permissions;
      manifest.optional_host_permissions = [...brokerHosts];
      // the broker content script is still built (content-scripts/broker.js); the background registers it per broker
      delete manifest.content_scripts;
    },
  },
});
