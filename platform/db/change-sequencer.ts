import { sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { queryRows } from './rows.js';
import type { Logger } from '../logger.js';

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
  private running: Promise<void> | undefined;
  private again = false;
  private stopHearing: (() => Promise<void>) | undefined;
  private poll: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly database: Database,
    private readonly schema: 'catalog' | 'access' | 'lineage',
    private readonly logger: Logger,
  ) {}

  /**
   * Hears `channel` (every outbox insert notifies it at commit, and hearing again after a lost connection
   * wakes it too) and polls every `pollMs` (0, the default: never), numbering what is waiting at once.
   */
  async start(channel: string, pollMs = 0): Promise<void> {
    // Woken when a change is heard, and when hearing starts again after a loss (changes may have been missed).
    this.stopHearing = await this.database.listen(channel, (live) => live && this.wake());
    if (pollMs > 0) {
      this.poll = setInterval(() => this.wake(), pollMs);
      this.poll.unref();
    }
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    await this.stopHearing?.();
    await this.running;
  }

  /** Numbers every committed row waiting now; resolves when done (tests and the feed's own writes use it). */
  async numberAll(): Promise<void> {
    while ((await this.numberBatch()) === BATCH);
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.numberAll();
        } while (this.again && !this.stopped);
      } catch (error) {
        this.logger.warn({ err: error, schema: this.schema }, 'could not number the change outbox; it will be tried again');
      } finally {
        this.running = undefined;
      }
    })();
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
