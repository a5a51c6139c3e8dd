import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser and local-runtime tests start real servers; give them room, but no timed assertions.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { NETLIFY_TELEMETRY_DISABLED: '1' },
  },
});
