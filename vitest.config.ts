import { defineConfig } from 'vitest/config';

/**
 * The tests of guarantees that must hold across processes (one decision wins, the frequency cap, one
 * run per idempotency key): run a second time against the multi-process server (`nof1 serve
 * --workers 2`) that `startTestService` starts when the project provides `serviceWorkers`.
 */
const GUARANTEES = [
  'test/routes/reviews.int.test.ts',
  'test/routes/review-restart.int.test.ts',
  'test/routes/compose-api.int.test.ts',
  'test/routes/*-race.int.test.ts',
];

export default defineConfig({
  test: {
    // PGlite start-up takes seconds on a 2-core machine.
    hookTimeout: 60_000,
    testTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'test/.tmp/results.json' },
    projects: [
      { extends: true, test: { name: 'one-process', include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'multi-process', include: GUARANTEES, provide: { serviceWorkers: 2 } } },
    ],
  },
});
