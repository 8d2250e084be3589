import { defineConfig } from 'wxt';
import { brokerHostPatterns } from './utils/brokers/hosts';

// The manifest is data the tests check (tests/meta/manifest.test.ts): every
// permission here is explained in docs/permissions.md.
export default defineConfig({
  srcDir: '.',
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ja',
    permissions: ['alarms', 'notifications'],
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
});
