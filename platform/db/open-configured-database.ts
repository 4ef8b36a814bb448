import path from 'node:path';
import type { Config } from '../config.js';
import type { Database } from './database.js';
import { openDatabase } from './open-database.js';

/** Opens the configured database: PostgreSQL with DATABASE_URL, else PGlite persisted under DATA_DIR. */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase({ url: config.databaseUrl, readUrl: config.databaseReadUrl, dataDir: path.join(config.dataDir, 'pglite'), poolSize: config.dbPoolSize });
}
