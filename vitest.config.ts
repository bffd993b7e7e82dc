import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Loading Fashion-MNIST (gunzip + IDX checks) in a beforeAll takes seconds on a loaded 2-core machine.
    hookTimeout: 120_000,
  },
});
