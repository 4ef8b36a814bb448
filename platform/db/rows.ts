import type { SQL } from 'drizzle-orm';
import type { Db } from './database.js';

/**
 * Runs a raw SQL statement and returns its rows, whichever driver is underneath (node-postgres and PGlite
 * both answer `{ rows }`).
 */
export async function queryRows<Row>(db: Db, statement: SQL): Promise<Row[]> {
  const result = (await db.execute(statement)) as unknown as { rows: Row[] };
  return result.rows;
}
