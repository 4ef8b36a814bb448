import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database.js';
import type { Database } from './database.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** Everything a listener heard, in order. */
async function hear(channel: string) {
  const heard: boolean[] = [];
  const stop = await database.listen(channel, (live) => heard.push(live));
  return { heard, stop };
}

describe('hearing NOTIFY from the database', () => {
  it('hears a committed notification, never a rolled-back one, and nothing once stopped', async () => {
    const { heard, stop } = await hear('hmg_test_commits');
    await expect.poll(() => heard).toEqual([true]);
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_notify('hmg_test_commits', '')`);
        tx.rollback();
      })
      .catch(() => undefined);
    await database.db.transaction(async (tx) => {
      // Two in one transaction come as one.
      await tx.execute(sql`SELECT pg_notify('hmg_test_commits', '')`);
      await tx.execute(sql`SELECT pg_notify('hmg_test_commits', '')`);
    });
    await expect.poll(() => heard).toEqual([true, true]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toEqual([true, true]);
    await stop();
    await database.db.execute(sql`SELECT pg_notify('hmg_test_commits', '')`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toEqual([true, true]);
  });

  it('hears a change to the catalogue from the catalog’s triggers', async () => {
    const { heard, stop } = await hear('catalog_changed');
    await expect.poll(() => heard.length).toBe(1);
    await database.db.execute(sql`UPDATE catalog.data_holder SET name = name WHERE false`);
    await expect.poll(() => heard.length).toBe(2);
    await stop();
  });

  it.runIf(inject('testEngine') === 'postgres')('says when its connection is lost, and hears again once it is back', async () => {
    const { heard, stop } = await hear('hmg_test_lost');
    await expect.poll(() => heard).toEqual([true]);
    await database.db.execute(sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`);
    await expect.poll(() => heard.slice(0, 2), { timeout: 5_000 }).toEqual([true, false]);
    await expect.poll(() => heard, { timeout: 5_000 }).toEqual([true, false, true]);
    await database.db.execute(sql`SELECT pg_notify('hmg_test_lost', '')`);
    await expect.poll(() => heard).toEqual([true, false, true, true]);
    await stop();
  });
});
