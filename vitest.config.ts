import { defineConfig } from 'vitest/config';

// Speed is measured by `npm run bench`, never by a test: the timeout only stops a hung test. Property tests run
// thousands of answers and CI machines are shared, so vitest's 5 s default would fail correct code under load.
const timeouts = { testTimeout: 60_000, hookTimeout: 240_000 };

// The end-to-end tests start the real app (worker pool, HTTP server) and one of them checks that the bot
// answers within 200 ms while a hostile paste is worked on (issue 10). They run after the unit tests, one
// file at a time, so that check measures the bot and not the rest of the suite competing for the cores.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.e2e.test.ts'],
          sequence: { groupOrder: 0 },
          ...timeouts,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.test.ts'],
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          ...timeouts,
        },
      },
    ],
  },
});
