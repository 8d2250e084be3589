import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['utils/**/*.test.ts', 'components/**/*.test.ts?(x)', 'entrypoints/**/*.test.ts', 'tests/meta/**/*.test.ts', 'cli/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
  },
});
