import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import type { Database } from '../../platform/db/database.js';
import { openDatabase } from '../../platform/db/open-database.js';
import { adminQuery, adminUrl, dropDatabase } from './postgres-admin.js';

/**
 * A database of this test file's own, migrated and holding the demo catalogue: a clone of the template
 * database on PostgreSQL, a copy of the dump on PGlite. Close it in `afterAll`; on PostgreSQL closing
 * also drops the clone.
 */
export async function createTestDatabase(): Promise<Database> {
  if (inject('testEngine') === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL disappeared between global setup and the test');
    const name = `hmg_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplateDatabase')}`);
    const database = await openDatabase({ url: adminUrl(url, name), poolSize: 5 });
    return {
      ...database,
      close: async () => {
        await database.close();
        await dropDatabase(url, name);
      },
    };
  }
  const dump = await readFile(inject('pgliteDumpFile'));
  return openDatabase({ loadDataDir: new Blob([dump]) });
}
