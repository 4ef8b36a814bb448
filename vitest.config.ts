import { defineConfig } from 'vitest/config';

/**
 * Tests run on PGlite by default, and on PostgreSQL when DATABASE_URL is set (see test/global-setup.ts):
 * the database is migrated and seeded once, and every test file gets its own copy.
 */
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '.data/**', '.bench/**'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { APOLLO_TELEMETRY_DISABLED: 'true', LOG_LEVEL: 'silent' },
    // Vite gives the project graphql's ES module build, while Node would give graphql-inspector the
    // CommonJS one, whose schemas fail the other's instanceof checks: let Vite resolve it the same way.
    server: { deps: { inline: ['@graphql-inspector/core'] } },
  },
});
