import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/cards/**/*.test.tsx', 'tests/pages/**/*.test.tsx'],
    // Generous: several tests start real server processes, which takes long on a loaded 2-core machine.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['tests/support/global-template.ts'],
  },
});
