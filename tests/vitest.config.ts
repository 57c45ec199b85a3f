// One vitest run for all tiers; e2e files need the built renderer (npm test builds first).
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/{unit,integration,e2e}/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: keep parallelism modest so Chromium and the import workers have room.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
