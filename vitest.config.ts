import './tests/node-compat.ts';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'utils/**/*.test.ts',
      'components/**/*.test.tsx',
      'components/**/*.test.ts',
      'entrypoints/**/*.test.ts',
      'tests/meta/**/*.test.ts',
      'tests/support/**/*.test.ts',
      'tests/fuzz/**/*.test.ts',
      'cli/**/*.test.ts',
    ],
    setupFiles: ['fake-indexeddb/auto', './tests/setup-i18n.ts'],
  },
});
