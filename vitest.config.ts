import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/infra/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // The faults the tests inject are logged as errors, as they should be in AWS; here they would
          // bury the test report. POWERTOOLS_LOG_LEVEL=ERROR npm test shows them.
          env: { POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'SILENT' },
          // The tests share one set of emulators; files run one at a time so their data cannot collide.
          fileParallelism: false,
        },
      },
    ],
  },
});
