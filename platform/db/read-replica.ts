import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { CountingLogger } from './counting-logger.js';
import type { Db } from './database.js';
import { queryRows } from './rows.js';

/** A PostgreSQL log sequence number (`16/B374D848`) as a number that compares. */
export function lsnValue(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** True for the text of a log sequence number (what a client may send back as `X-HMG-Read-After`). */
export function isLsn(text: string): boolean {
  return /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i.test(text);
}

/** The response header a subgraph sets on a write's answer: where the primary's log stood after it. */
export const WRITE_LSN_HEADER = 'x-hmg-write-lsn';
/** The request header the gateway sends for a caller who wrote lately: read nothing older than this. */
export const READ_AFTER_HEADER = 'x-hmg-read-after';

/** A replica that answers as if it had replayed everything (a primary given as a replica). */
const EVERYTHING = (1n << 64n) - 1n;

/** After a failed look at the replica, how long reads stay on the primary. */
const UNREACHABLE_MS = 5000;

/**
 * A streaming replica of the primary (`DATABASE_READ_URL`): a pool for read-only work and what it is
 * known to have replayed. `known()` costs nothing; `replayed(lsn, waitMs)` looks again (one statement
 * shared by every concurrent caller) until the replica has replayed `lsn` or `waitMs` passed.
 */
export class ReadReplica {
  readonly db: Db;
  private readonly pool: pg.Pool;
  private replayedUpTo = 0n;
  private unreachableUntil = 0;
  private looking: Promise<void> | undefined;
  private readonly counter = new CountingLogger();

  constructor(url: string, poolSize: number) {
    this.pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000, keepAlive: true });
    this.pool.on('error', () => undefined);
    this.pool.on('connect', (client) => client.on('error', () => undefined));
    this.db = drizzlePg(this.pool, { logger: this.counter }) as unknown as Db;
  }

  /** Statements sent to the replica (tests use it to see where reads went). */
  statementCount(): number {
    return this.counter.count;
  }

  /** True when the replica is known, without asking it, to have replayed `lsn` (and answers). */
  known(lsn: bigint): boolean {
    return Date.now() >= this.unreachableUntil && this.replayedUpTo >= lsn;
  }

  /** True once the replica has replayed `lsn`, asking it every 10 ms for at most `waitMs`; false when behind or unreachable. */
  async replayed(lsn: bigint, waitMs: number): Promise<boolean> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (this.known(lsn)) return true;
      if (Date.now() < this.unreachableUntil) return false;
      await this.look();
      if (this.known(lsn)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private look(): Promise<void> {
    this.looking ??= (async () => {
      try {
        const { rows } = await this.pool.query<{ lsn: string | null }>('SELECT pg_last_wal_replay_lsn()::text AS lsn');
        // NULL: not in recovery, so a primary, which has everything it committed.
        const lsn = rows[0]?.lsn;
        const value = lsn ? lsnValue(lsn) : EVERYTHING;
        if (value > this.replayedUpTo) this.replayedUpTo = value;
      } catch {
        this.unreachableUntil = Date.now() + UNREACHABLE_MS;
      }
    })().finally(() => {
      this.looking = undefined;
    });
    return this.looking;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Where the primary's log stands now (`pg_current_wal_lsn()`), as PostgreSQL writes it: every commit acknowledged before is at or below it. */
export async function currentLsn(db: Db): Promise<string> {
  const [row] = await queryRows<{ lsn: string }>(db, sql`SELECT pg_current_wal_lsn()::text AS lsn`);
  if (!row?.lsn) throw new Error('the primary did not say where its log stands');
  return row.lsn;
}

/** `currentLsn` as a number that compares. */
export async function primaryLsn(db: Db): Promise<bigint> {
  return lsnValue(await currentLsn(db));
}
