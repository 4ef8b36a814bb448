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

describe('work done exclusively across processes (replicas migrating at start)', () => {
  it('answers what the work answers, and passes its failure on', async () => {
    expect(await database.exclusively('hmg-test', async () => 42)).toBe(42);
    await expect(database.exclusively('hmg-test', () => Promise.reject(new Error('migration failed')))).rejects.toThrow('migration failed');
    // The lock was let go: it can be taken again.
    expect(await database.exclusively('hmg-test', async () => 'again')).toBe('again');
  });

  it.runIf(inject('testEngine') === 'postgres')('runs one holder at a time, the others waiting their turn', async () => {
    const events: string[] = [];
    const hold = (who: string) =>
      database.exclusively('hmg-test-turns', async () => {
        events.push(`${who} in`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        events.push(`${who} out`);
      });
    await Promise.all([hold('a'), hold('b'), hold('c')]);
    for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i]?.replace('in', 'out'));
  });

  it.runIf(inject('testEngine') === 'postgres')('fails at once when the session holding the lock is lost, instead of carrying on as if exclusive', async () => {
    // Unset when the session is ended before the work began (the lock granted, the work not yet called).
    let release: (() => void) | undefined;
    const held = database.exclusively('hmg-test-lost', () => new Promise<void>((resolve) => (release = resolve)));
    const outcome = held.then(
      () => 'finished',
      (error: unknown) => error,
    );
    // The server ends the lock's session (a restart, an administrator), while the work is still running.
    for (let ended = 0; ended === 0; await new Promise((resolve) => setTimeout(resolve, 20))) {
      const rows = await queryRows(
        database.db,
        sql`SELECT pg_terminate_backend(pid) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objid::bigint = (hashtext('hmg-test-lost')::bigint & 4294967295)`,
      );
      ended = rows.length;
    }
    expect(await outcome).toMatchObject({ message: expect.stringMatching(/was lost/) });
    release?.();
    // Nothing of it is left held.
    expect(await database.exclusively('hmg-test-lost', async () => 'free')).toBe('free');
  });
});
