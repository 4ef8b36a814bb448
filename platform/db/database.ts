import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** A drizzle database or transaction, whichever driver is underneath. Query modules take this. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** An open database: the drizzle handle, which engine runs it, and how to close it. */
export interface Database {
  readonly db: Db;
  readonly engine: 'pglite' | 'postgres';
  /** Number of SQL statements sent since the database was opened (tests use it to prove there is no N+1). */
  statementCount(): number;
  close(): Promise<void>;
}
