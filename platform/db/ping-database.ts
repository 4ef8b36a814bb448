import { sql } from 'drizzle-orm';
import type { Database } from './database.js';

/**
 * Sends the database a trivial statement; resolves when it answers, rejects when it cannot. No timeout
 * here: callers bound the wait (a saturated pool queues the ping like any query).
 */
export async function pingDatabase(database: Database): Promise<void> {
  await database.db.execute(sql`SELECT 1`);
}
