import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from './database.js';

/**
 * Applies a subgraph's drizzle-kit SQL migrations that have not run yet, each in a transaction.
 * Each subgraph keeps its migration journal in its own schema, so subgraphs migrate independently.
 */
export async function runMigrations(database: Database, folder: URL, schema: string): Promise<void> {
  const config = { migrationsFolder: fileURLToPath(folder), migrationsSchema: schema, migrationsTable: '__migrations' };
  if (database.engine === 'postgres') {
    await migratePg(database.db as unknown as NodePgDatabase, config);
  } else {
    await migratePglite(database.db as unknown as PgliteDatabase, config);
  }
}
