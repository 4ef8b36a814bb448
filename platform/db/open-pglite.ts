import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { CountingLogger } from './counting-logger.js';
import type { Database, Db } from './database.js';
import type { OpenDatabaseOptions } from './open-database.js';

/**
 * The embedded database (`openDatabase` without a URL): PGlite in memory or persisted in `dataDir`, with
 * the extensions the migrations need. Kept apart so that a process on PostgreSQL never loads it.
 */
export async function openPglite(options: OpenDatabaseOptions, counter: CountingLogger): Promise<Database> {
  const dataDir = options.dataDir && options.dataDir !== 'memory://' ? options.dataDir : undefined;
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { unaccent },
  });
  const db = drizzlePglite(client, { logger: counter }) as unknown as Db;
  return {
    db,
    background: drizzlePglite(client) as unknown as Db,
    engine: 'pglite',
    statementCount: () => counter.count,
    // One process holds the embedded database: notifications never get lost.
    listen: async (channel, onChange) => {
      const stop = await client.listen(channel, (payload) => onChange(true, payload));
      onChange(true);
      return async () => {
        if (!client.closed) await stop();
      };
    },
    exclusively: (_name, work) => work(),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}
