import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/database.js';
import { runMigrations } from '../../../platform/db/migrate.js';
import { openDatabase } from '../../../platform/db/open-database.js';
import { queryRows } from '../../../platform/db/rows.js';
import { createTestDatabase } from '../../../test/support/test-database.js';
import { migrationsFolder } from '../index.js';
import { demoDatasets } from './seed-demo.js';
import { seedDemoCatalog } from './seed-demo.js';

async function counts(database: Database) {
  const [row] = await queryRows<{ datasets: number; distributions: number; holders: number }>(
    database.db,
    sql`SELECT (SELECT count(*)::int FROM catalog.dataset) AS datasets,
               (SELECT count(*)::int FROM catalog.distribution) AS distributions,
               (SELECT count(*)::int FROM catalog.data_holder) AS holders`,
  );
  return row;
}

describe('seeding the demo catalogue', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('neither duplicates nor overwrites anything when run again', async () => {
    await database.db.execute(sql`UPDATE catalog.dataset SET title_en = 'Edited title' WHERE id = 'snds-dcir'`);
    const before = await counts(database);
    const inserted = await seedDemoCatalog(database);
    expect(inserted).toEqual({ holders: 0, datasets: 0 });
    expect(await counts(database)).toEqual(before);
    const [row] = await queryRows<{ title_en: string }>(database.db, sql`SELECT title_en FROM catalog.dataset WHERE id = 'snds-dcir'`);
    expect(row?.title_en).toBe('Edited title');
  });

  it('puts back a demo dataset that is missing', async () => {
    await database.db.execute(sql`DELETE FROM catalog.dataset WHERE id = 'dk-lpr'`);
    const inserted = await seedDemoCatalog(database);
    expect(inserted.datasets).toBe(1);
  });
});

describe('the embedded database', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hmg-persist-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps what was written across a restart, and a second start adds nothing', { timeout: 60_000 }, async () => {
    const start = async () => {
      const database = await openDatabase({ dataDir: dir });
      await runMigrations(database, migrationsFolder, 'catalog');
      await seedDemoCatalog(database);
      return database;
    };
    const first = await start();
    await first.db.execute(sql`UPDATE catalog.dataset SET version = 'edited-through-api' WHERE id = 'pmsi-had'`);
    const before = await counts(first);
    expect(before?.datasets).toBe(demoDatasets().length);
    await first.close();

    const second = await start();
    expect(await counts(second)).toEqual(before);
    const [row] = await queryRows<{ version: string }>(second.db, sql`SELECT version FROM catalog.dataset WHERE id = 'pmsi-had'`);
    expect(row?.version).toBe('edited-through-api');
    await second.close();
  });
});
