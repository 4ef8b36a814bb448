import { sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { queryRows } from './rows.js';
import type { Logger } from '../logger.js';
import { CoalescedRun } from '../coalesced-run.js';

/** How long numbered events are kept by default (CHANGE_RETENTION_DAYS). */
export const DEFAULT_RETENTION_DAYS = 90;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** Most rows one numbering transaction numbers. */
const BATCH = 1000;

/**
 * Numbers a subgraph's change outbox (`<schema>.change_event`): rows written by the triggers of a
 * committed transaction get the stream's next `seq`, oldest first, in batches, one numbering
 * transaction at a time across every process (an advisory lock per schema). Only committed rows can
 * be numbered, and a batch's numbers become visible together at its commit, after every earlier
 * batch's: a reader that has read every row up to `seq` N never later finds a committed row at or
 * below N. That is what lets the change feed and webhook deliveries resume from a sequence number.
 *
 * It runs when the subgraph's change channel is heard: a trigger on the outbox notifies it when a
 * transaction that wrote outbox rows commits. Its statements go through `Database.background`.
 */
export class ChangeSequencer {
  private readonly run: CoalescedRun;
  private stopHearing: (() => Promise<void>) | undefined;
  private poll: NodeJS.Timeout | undefined;
  private pruning: NodeJS.Timeout | undefined;
  private pruned: Promise<unknown> = Promise.resolve();

  /**
   * `schema`: the subgraph's PostgreSQL schema, which holds `change_event`, `change_event_seq` and
   * `change_horizon`; numbered events older than `retentionDays` (default 90) are pruned hourly.
   */
  constructor(
    private readonly database: Database,
    private readonly schema: string,
    private readonly logger: Logger,
    private readonly retentionDays = DEFAULT_RETENTION_DAYS,
  ) {
    this.run = new CoalescedRun(
      () => this.numberAll(),
      (error) => logger.warn({ err: error, schema }, 'could not number the change outbox; it will be tried again'),
    );
  }

  /**
   * Hears `channel` (every outbox insert notifies it at commit, and hearing again after a lost connection
   * wakes it too) and polls every `pollMs` (0, the default: never), numbering what is waiting at once.
   */
  async start(channel: string, pollMs = 0): Promise<void> {
    // Woken when a change is heard, and when hearing starts again after a loss (changes may have been missed).
    this.stopHearing = await this.database.listen(channel, (live) => live && this.run.wake());
    if (pollMs > 0) {
      this.poll = setInterval(() => this.run.wake(), pollMs);
      this.poll.unref();
    }
    this.run.wake();
    const prune = () => {
      this.pruned = this.prune().catch((error: unknown) => this.logger.warn({ err: error, schema: this.schema }, 'could not prune the change outbox; it will be tried again'));
    };
    prune();
    this.pruning = setInterval(prune, PRUNE_EVERY_MS);
    this.pruning.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.poll);
    clearInterval(this.pruning);
    await this.pruned;
    await this.stopHearing?.();
    await this.run.stop();
  }

  /** Numbers every committed row waiting now; resolves when done (tests and the feed's own writes use it). */
  async numberAll(): Promise<void> {
    while ((await this.numberBatch()) === BATCH);
  }

  /**
   * Deletes the numbered events that occurred more than the retention ago, and raises the outbox's
   * horizon (`change_horizon.pruned_through`) to the highest number deleted; how many it deleted.
   * Under the numbering lock, so that the horizon only ever rises.
   */
  async prune(): Promise<number> {
    const table = sql.raw(`"${this.schema}"."change_event"`);
    const horizon = sql.raw(`"${this.schema}"."change_horizon"`);
    return this.database.background.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`${this.schema}.change_event`}))`);
      const [row] = await queryRows<{ deleted: number; through: string | number | null }>(
        tx,
        sql`WITH gone AS (DELETE FROM ${table} WHERE seq IS NOT NULL AND occurred_at < now() - make_interval(days => ${this.retentionDays}) RETURNING seq)
            SELECT count(*)::int AS deleted, max(seq) AS through FROM gone`,
      );
      if (row?.through !== null && row?.through !== undefined) {
        await tx.execute(sql`UPDATE ${horizon} SET pruned_through = greatest(pruned_through, ${Number(row.through)})`);
      }
      return row?.deleted ?? 0;
    });
  }

  /** Numbers up to 1000 waiting rows in one transaction; how many it numbered. */
  private numberBatch(): Promise<number> {
    const table = sql.raw(`"${this.schema}"."change_event"`);
    const sequence = `${this.schema}.change_event_seq`;
    return this.database.background.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`${this.schema}.change_event`}))`);
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`WITH waiting AS (SELECT id FROM ${table} WHERE seq IS NULL ORDER BY id LIMIT ${BATCH}),
                 numbered AS (SELECT id, nextval(${sequence}) AS seq FROM (SELECT id FROM waiting ORDER BY id) AS w)
            UPDATE ${table} AS c SET seq = numbered.seq FROM numbered WHERE c.id = numbered.id RETURNING c.id`,
      );
      return rows.length;
    });
  }
}
