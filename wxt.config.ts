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
// stays pending in headless Chromium).
//
// Firefox gets the same MV3 extension (README, "Firefox: why MV3"; measured by
// scripts/firefox-mv-evidence.ts), with optional hosts in its e2e build too:
// Firefox's test preference grants them without a prompt, so the Firefox e2e
// tests run the real grant and runtime registration.
export default defineConfig({
  srcDir: '.',
  manifestVersion: 3,
  imports: false,
  // web-ext is here for `web-ext lint`; `wxt dev` still only builds (load the folder by hand), as before
  webExt: { disabled: true },
  // the sources ZIP for AMO's reviewers: what builds the package, not local output
  // (how to build it: docs/store/amo-reviewer-notes.md; checked by npm run store:check)
  zip: { excludeSources: ['test-artifacts/**', 'demo-output/**', 'bench-output/**'] },
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ja',
    // unlimitedStorage: the snapshots are the user's evidence; never evicted, never capped (docs/permissions.md)
    permissions: ['alarms', 'notifications', 'unlimitedStorage'],
    host_permissions: brokerHostPatterns(),
    // icons: rendered from assets/icon/*.svg by `npm run icons`; the toolbar gets the simpler 16/32 px drawing
    action: { default_title: '__MSG_extName__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    browser_specific_settings: {
      gecko: {
        id: 'kabu-guard@example.invalid',
        // data_collection_permissions is read from Firefox 140 on (both current ESRs: 140, 153)
        strict_min_version: '140.0',
        // No data leaves the browser: declared for AMO.
        data_collection_permissions: { required: ['none'] },
      },
      // …and on Android from 142 (web-ext lint: KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION)
      gecko_android: { strict_min_version: '142.0' },
    },
  },
  hooks: {
    // the bundle's verifier, served by the extension too (verify.html + verify.js): a check that does not
    // depend on the copy travelling inside the bundle it checks (issue 11 defect 6)
    'build:publicAssets': (_wxt, files) => {
      const { html, script } = extensionVerifyPage();
      files.push({ relativeDest: 'verify.html', contents: html }, { relativeDest: 'verify.js', contents: script });
    },
    // The broker content script's bundle: its `matches` are for the manifest only, and its page side comes from
    // the background (utils/brokers/page-spec.ts), so no broker declaration is bundled into it (bench (b)).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.type === 'content-script'))
        config.define = { ...config.define, 'import.meta.env.KG_PAGE_BUNDLE': 'true' };
    },
    'build:manifestGenerated': (wxt, manifest) => {
      const mv3 = wxt.config.manifestVersion === 3;
      const firefox = wxt.config.browser === 'firefox';
      // Chrome warns about keys it does not know (tests/support/manifest-checks.ts)
      if (!firefox) delete manifest.browser_specific_settings;
      // registering content scripts at runtime (and re-syncing them on permission changes); Firefox has it in MV2 too
      if (mv3 || firefox) manifest.permissions = [...(manifest.permissions ?? []), 'scripting'];
      // Firefox's e2e build is shaped like production: its test switch grants optional hosts without the prompt
      if (wxt.config.mode !== 'production' && !(firefox && wxt.config.mode === 'e2e')) return;
      const brokerHosts = new Set(brokerHostPatterns());
      const other = (manifest.host_permissions ?? []).filter((h: string) => !brokerHosts.has(h));
      if (other.length) manifest.host_permissions = other;
      else delete manifest.host_permissions;
      // (WXT moves MV2's host_permissions into permissions after this hook; optional ones go in optional_permissions)
      if (mv3) manifest.optional_host_permissions = [...brokerHosts];
      else manifest.optional_permissions = [...(manifest.optional_permissions ?? []), ...brokerHosts];
      // the broker content script is still built (content-scripts/broker.js); the background registers it per broker
      delete manifest.content_scripts;
    },
  },
});
