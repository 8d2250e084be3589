import './tests/node-compat.ts';
import { defineConfig } from 'vitest/config';

// Real Chromium and Firefox against local fixture servers; no WxtVitest plugin here.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    globalSetup: ['tests/support/e2e-setup.ts'],
  },
});
