import { defineConfig } from 'vitest/config';

// Speed is measured by `npm run bench`, never by a test: the timeout only stops a hung test. Property tests run
// thousands of answers and CI machines are shared, so vitest's 5 s default would fail correct code under load.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
