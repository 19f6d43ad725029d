import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests beside each package, and end-to-end tests that start
// a real BIND + dnsdist once (global setup) and run the built front ends against it.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/dns/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
