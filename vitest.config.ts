import { defineConfig } from 'vitest/config';

// Unit tests cover the pure library (src/lib) and build-time helpers; browser behaviour lives in tests/e2e.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
    coverage: {
      provider: 'v8',
      include: ['src/lib/**/*.ts'],
      reporter: ['text-summary', 'text'],
      reportsDirectory: 'reports/coverage',
      // Issue #3: the calculation library is held to 95% of lines and branches.
      thresholds: { lines: 95, branches: 95, functions: 95, statements: 95 },
    },
  },
});
