import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database, Db } from './database.js';
import { CountingLogger } from './counting-logger.js';
import { NotificationListener } from './notification-listener.js';
import { ReadReplica } from './read-replica.js';

export interface OpenDatabaseOptions {
  /** A postgres:// URL: node-postgres on a real PostgreSQL. */
  url?: string | undefined;
  /** Without `url`: the PGlite data folder; `memory://` or absent keeps everything in memory. */
  dataDir?: string | undefined;
  /** Without `url`: start PGlite from this dump (`PGlite.dumpDataDir()`), as tests do to skip migrations. */
  loadDataDir?: Blob | File | undefined;
  /** With `url`: maximum pool size. */
  poolSize?: number | undefined;
  /** With `url`: a streaming replica of it for read-only work (`DATABASE_READ_URL`), with a pool as large. */
  readUrl?: string | undefined;
}


/**
 * Opens the database: PostgreSQL through a `pg` pool when a URL is given, otherwise PGlite (in memory or
 * persisted in `dataDir`) with the extensions the migrations need. The caller owns the handle and must
 * close it; nothing is opened at import time.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const counter = new CountingLogger();
  if (options.url) {
    // A connection that cannot be opened within 5 s fails the request that wanted it, instead of holding it.
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5000, keepAlive: true });
    // An idle client's error (server restart) must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    // Nor may a client's error while it is checked out between two statements (a transaction's, say):
    // the pool drops the broken client when it is given back, and the statement that used it fails.
    pool.on('connect', (client) => client.on('error', () => undefined));
    releaseBrokenClients(pool);
    const db = drizzlePg(pool, { logger: counter }) as unknown as Db;
    const background = drizzlePg(pool) as unknown as Db;
    const listener = new NotificationListener(options.url);
    const replica = options.readUrl ? new ReadReplica(options.readUrl, options.poolSize ?? 10) : undefined;
    return {
      db,
      engine: 'postgres',
      background,
      replica,
      statementCount: () => counter.count,
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      listen: (channel, onChange) => listener.listen(channel, onChange),
      exclusively: async (name, work) => {
        const client = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5000, keepAlive: true });
        let ending = false;
        // The lock lives as long as its session: when the session is lost, so is the exclusivity.
        const lost = new Promise<never>((_, reject) => {
          const fail = () => {
            if (!ending) reject(new Error(`the session holding the lock "${name}" was lost; the work was not exclusive to the end`));
          };
          client.on('error', fail);
          client.on('end', fail);
        });
        lost.catch(() => undefined);
        await client.connect();
        try {
          await Promise.race([client.query('SELECT pg_advisory_lock(hashtext($1))', [name]), lost]);
          return await Promise.race([work(), lost]);
        } finally {
          // Ending the session releases the lock, whatever happened.
          ending = true;
          await client.end().catch(() => undefined);
        }
      },
      close: async () => {
        await listener.close();
        await replica?.close();
        await pool.end();
      },
    };
  }
  // Loaded only here: PGlite's code is tens of megabytes a process on PostgreSQL never needs.
  const { openPglite } = await import('./open-pglite.js');
  return openPglite(options, counter);
}

/**
 * Gives a checked-out client back to the pool (as broken) as soon as its connection fails or ends, and
 * makes its `release` idempotent. drizzle's transactions do not release a client whose `BEGIN` failed,
 * so without this every transaction begun on a connection the server had just closed (a failover, a
 * terminated session) kept a pool slot for ever, and `close()` waited for them for ever. (The callback
 * form of `connect`, which `pool.query` uses, releases on its own and is left as it is.)
 */
function releaseBrokenClients(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (callback?: unknown) => unknown;
  const wrapped = (callback?: unknown) => {
    if (callback) return connect(callback);
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      const release = client.release;
      let released = false;
      const once = (error?: Error | boolean) => {
        if (released) return;
        released = true;
        client.removeListener('error', broken);
        client.removeListener('end', ended);
        release(error);
      };
      const broken = (error: Error) => once(error);
      const ended = () => once(new Error('the connection ended'));
      client.on('error', broken);
      client.on('end', ended);
      client.release = once;
      return client;
    });
  };
  (pool as unknown as { connect: typeof wrapped }).connect = wrapped;
}
