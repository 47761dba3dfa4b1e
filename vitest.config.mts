import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // nodejieba loads ~250 MB per process: keep the number of workers small on 2-core machines.
    maxWorkers: 2,
  },
});
