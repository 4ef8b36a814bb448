import type { ReadReplica } from './read-replica.js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** A drizzle database or transaction, whichever driver is underneath. Query modules take this. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** An open database: the drizzle handle, which engine runs it, and how to close it. */
export interface Database {
  readonly db: Db;
  readonly engine: 'pglite' | 'postgres';
  /**
   * PostgreSQL with `DATABASE_READ_URL`: a streaming replica for read-only work. Which reads may use it,
   * and when, is `ReadRouting`'s to say; writes always go to `db`.
   */
  readonly replica?: ReadReplica | undefined;
  /** Number of SQL statements sent through `db` since the database was opened (tests use it to prove there is no N+1). */
  statementCount(): number;
  /**
   * The same database for background work that no request waits for (numbering the change outbox):
   * its statements are not in `statementCount`, so that what tests count is what requests cost.
   */
  readonly background: Db;
  /** PostgreSQL only: the connection pool's state right now (for metrics). PGlite has no pool. */
  poolStats?(): PoolStats;
  /**
   * Hears `NOTIFY` on `channel` (sent by triggers when a transaction commits). `onChange(true, payload)` is
   * called for each notification, `onChange(true)` when hearing starts (again, after a lost connection); `onChange(false)` when
   * the connection is lost, from when notifications may be missed until it is back. A cache kept by
   * notifications must therefore be cleared on every call and not used while the last call said false.
   * Answers the function that stops hearing.
   */
  listen(channel: string, onChange: (live: boolean, payload?: string) => void): Promise<() => Promise<void>>;
  /**
   * Runs `work` while holding the lock named `name` across every process using this database (a session
   * advisory lock on a connection of its own, outside the pool; PGlite has one process, so no lock).
   * Concurrent starts of replicas thus migrate one after the other. Rejects, without waiting for `work`,
   * when the lock's session is lost meanwhile (another process may then hold the lock).
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A connection pool's state, as node-postgres counts it. */
export interface PoolStats {
  /** Connections open, busy or idle. */
  readonly total: number;
  readonly idle: number;
  /** Queries queued for a connection because every one is busy. */
  readonly waiting: number;
}
