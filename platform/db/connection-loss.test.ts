import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database.js';
import type { Database } from './database.js';
import { queryRows } from './rows.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('losing a database connection (a failover, a restart)', () => {
  // The server ends a connection only on PostgreSQL; PGlite has no server.
  it.runIf(inject('testEngine') === 'postgres')('fails the transaction that held it, keeps the process alive, and serves the next request', async () => {
    let crashed: unknown;
    const onUncaught = (error: unknown) => (crashed = error);
    process.on('uncaughtException', onUncaught);
    try {
      const attempt = database.db.transaction(async (tx) => {
        const [me] = await queryRows<{ pid: number }>(tx, sql`SELECT pg_backend_pid() AS pid`);
        // Another session ends this one while the transaction is between two statements.
        await database.db.execute(sql`SELECT pg_terminate_backend(${me?.pid})`);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await tx.execute(sql`SELECT 1`);
      });
      await expect(attempt).rejects.toThrow();
      const [row] = await queryRows<{ ok: number }>(database.db, sql`SELECT 1 AS ok`);
      expect(row?.ok).toBe(1);
      expect(crashed).toBeUndefined();
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
