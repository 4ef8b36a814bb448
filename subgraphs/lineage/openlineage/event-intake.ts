import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { GroupCommitter } from '../../../platform/db/group-commit.js';
import { queryRows } from '../../../platform/db/rows.js';
import { sqlStateOf } from '../../../platform/graphql/format-error.js';
import type { Logger } from '../../../platform/logger.js';
import { lineageApplyFailures, lineageEventsApplied, lineageEventsSetAside, observeLineageIntake } from '../../../platform/observability/metrics.js';
import { applyEvents, storeEvents, type IngestItem } from '../db/queries/ingest-events.js';
import { checkEvents, ingestReport, InvalidEventsError, type IngestReport } from './ingest.js';

/** The advisory lock that lets one applier at a time (across replicas) apply pending events. */
const APPLY_LOCK = 0x6170706c; // "appl"

/** Most pending events one applier transaction applies. */
const CLAIM_LIMIT = 1000;

/** Events kept in memory for the applier (beyond this, it reads them back from the table). */
const KEPT_IN_MEMORY = 20_000;

/** How long a reader waits for this process's acknowledged events before reading without them. */
const SETTLE_TIMEOUT_MS = 5000;

export interface EventIntakeOptions {
  logger: Logger;
  /** How often to look for events other processes stored and did not apply (after a crash); 0: never. */
  pollMs?: number;
}

/**
 * The OpenLineage API's durable intake. `accept` validates a request's events, stores them as pending
 * in one INSERT shared by the requests that arrive meanwhile (group commit; the statement is atomic, so
 * no transaction is needed), and answers with the report as soon as they are committed: an
 * acknowledged event is never lost. The applier then applies pending events to the lineage model in
 * batches, in their order of arrival, one applier at a time across replicas (an advisory lock), each
 * batch in one transaction with the flag that marks it applied, so a crash leaves events pending, never
 * half applied; pending events of a crashed process are found by the next poll or start.
 *
 * `settled()` is read-your-writes for this process: it resolves once every event acknowledged here
 * before the call is in the model. Lineage reads await it; with nothing pending it costs nothing.
 */
export class EventIntake {
  private readonly store: GroupCommitter<IngestItem, number>;
  /** Events acknowledged here and not yet known to be applied, by `seq` (the item, when kept). */
  private readonly mine = new Map<number, IngestItem | undefined>();
  /** Readers waiting for every event of theirs up to `upTo` (the newest acknowledged when they asked). */
  private waiters: { upTo: number; resolve: () => void }[] = [];
  private running = false;
  private again = false;
  private failures = 0;
  /**
   * After a batch failed on data: the newest event of that batch. Events are then applied one at a time
   * until every event of the failed batch is applied or set aside, so that each culprit is found.
   */
  private oneByOneUntil = 0;
  private retry: NodeJS.Timeout | undefined;
  private readonly poll: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly unobserve: () => void;

  constructor(
    private readonly db: Db,
    private readonly options: EventIntakeOptions,
  ) {
    this.store = new GroupCommitter(
      db,
      async (d, items: IngestItem[]) => {
        const { flags, fresh } = await storeEvents(d, items, false);
        for (const { seq, item } of fresh) this.mine.set(seq, this.mine.size < KEPT_IN_MEMORY ? item : undefined);
        return flags;
      },
      CLAIM_LIMIT,
      { transaction: false },
    );
    const pollMs = options.pollMs ?? 5000;
    if (pollMs > 0) {
      this.poll = setInterval(() => void this.lookForStrays(), pollMs);
      this.poll.unref();
    }
    this.unobserve = observeLineageIntake(() => this.mine.size);
    // Events a previous process acknowledged and did not apply.
    this.wake();
  }

  /** Validates and stores the events (`InvalidEventsError` when any is invalid: nothing is stored); the report once durable. */
  async accept(raws: readonly unknown[]): Promise<IngestReport> {
    const checked = checkEvents(raws);
    const flags = await this.store.write(checked);
    this.wake();
    return ingestReport(checked, flags);
  }

  /** Resolves once the events acknowledged here before the call are applied (or after 5 s, logged). */
  settled(): Promise<void> {
    if (this.mine.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = {
        upTo: newest(this.mine.keys()),
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        this.options.logger.warn({ pending: this.mine.size }, 'lineage read went ahead of events still waiting to be applied');
        resolve();
      }, SETTLE_TIMEOUT_MS);
      timer.unref();
      this.waiters.push(waiter);
      this.wake();
    });
  }

  /** Stops polling and retrying; a batch being applied finishes (or rolls back) on its own. */
  close(): void {
    this.closed = true;
    this.unobserve();
    clearInterval(this.poll);
    clearTimeout(this.retry);
    for (const w of this.waiters) w.resolve();
    this.waiters = [];
  }

  private wake(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.drain();
  }

  private async lookForStrays(): Promise<void> {
    if (this.running || this.closed) return;
    try {
      const [row] = await queryRows<{ pending: boolean }>(this.db, sql`SELECT EXISTS (SELECT 1 FROM lineage.event WHERE NOT applied) AS pending`);
      if (row?.pending) this.wake();
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not look for pending lineage events');
    }
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        if (await this.applyBatch()) this.again = true;
        this.failures = 0;
      } while (this.again && !this.closed);
    } catch (error) {
      this.failures++;
      lineageApplyFailures.inc();
      const delay = Math.min(5000, 100 * 2 ** Math.min(this.failures, 6));
      this.options.logger.error({ err: error, retryInMs: delay }, 'pending lineage events could not be applied; they stay pending');
      clearTimeout(this.retry);
      this.retry = setTimeout(() => this.wake(), delay);
      this.retry.unref();
    } finally {
      this.running = false;
    }
  }

  /**
   * Applies the oldest pending events (up to 1000, or one while a failed batch is searched for its
   * culprits) in one transaction. True when more may be pending.
   */
  private async applyBatch(): Promise<boolean> {
    const known = newest(this.mine.keys());
    const kept = [...this.mine.entries()].filter(([, item]) => item !== undefined).map(([seq]) => seq);
    const limit = this.oneByOneUntil > 0 ? 1 : CLAIM_LIMIT;
    let claimed: number[];
    /** The events of the batch being applied, oldest first (kept to name the culprit of a one-event batch). */
    let attempted: number[] = [];
    try {
      claimed = await this.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${APPLY_LOCK})`);
        const rows = await queryRows<{ seq: string | number; payload: unknown }>(
          tx,
          sql`UPDATE lineage.event SET applied = true
              WHERE seq IN (SELECT seq FROM lineage.event WHERE NOT applied ORDER BY seq LIMIT ${limit} FOR UPDATE)
              RETURNING seq, CASE WHEN seq = ANY(${sql.param(kept)}::bigint[]) THEN NULL ELSE payload END AS payload`,
        );
        const pending = rows.map((r) => ({ seq: Number(r.seq), payload: r.payload })).sort((a, b) => a.seq - b.seq);
        attempted = pending.map((p) => p.seq);
        const items = pending.map(({ seq, payload }) => this.mine.get(seq) ?? itemOf(payload));
        await applyEvents(tx, items);
        return pending.map((p) => p.seq);
      });
    } catch (error) {
      // Not the data's fault (or no event to blame): the batch stays pending and is retried later.
      if (!isDataError(error) || attempted.length === 0) throw error;
      if (limit > 1) {
        // Find the events at fault: one by one from the oldest pending, up to the newest of this batch.
        this.oneByOneUntil = newest(attempted);
        return true;
      }
      await this.setAside(attempted[0] as number, error);
      this.leaveOneByOne(attempted[0] as number);
      return true;
    }
    if (limit === 1 && claimed.length === 1) this.leaveOneByOne(claimed[0] as number);
    lineageEventsApplied.inc(claimed.length);
    for (const seq of claimed) this.mine.delete(seq);
    // Fewer than the limit: nothing was left pending, so every event known before the claim is applied.
    if (claimed.length < limit) for (const seq of this.mine.keys()) if (seq <= known) this.mine.delete(seq);
    this.resolveWaiters();
    return claimed.length === limit;
  }

  /** Back to whole batches once event `seq`, the newest of the failed batch or beyond, is dealt with. */
  private leaveOneByOne(seq: number): void {
    if (seq >= this.oneByOneUntil) this.oneByOneUntil = 0;
  }

  /** Leaves event `seq` out of the model, with the reason, so that the others go on. */
  private async setAside(seq: number, error: unknown): Promise<void> {
    const reason = error instanceof Error ? error.message.slice(0, 500) : String(error);
    await this.db.execute(sql`UPDATE lineage.event SET applied = true, apply_error = ${reason} WHERE seq = ${seq} AND NOT applied`);
    this.mine.delete(seq);
    lineageEventsSetAside.inc();
    this.options.logger.error({ err: error, seq }, 'a lineage event could not be applied and was set aside (kept in lineage.event with apply_error)');
    this.resolveWaiters();
  }

  private resolveWaiters(): void {
    if (this.waiters.length === 0) return;
    let oldest = Infinity;
    for (const seq of this.mine.keys()) if (seq < oldest) oldest = seq;
    this.waiters = this.waiters.filter((w) => {
      if (oldest <= w.upTo) return true;
      w.resolve();
      return false;
    });
  }
}

/** The highest of `seqs` (0 for none). */
function newest(seqs: Iterable<number>): number {
  let high = 0;
  for (const seq of seqs) if (seq > high) high = seq;
  return high;
}

/** A stored event as the applier needs it (it was valid when stored; it is checked again all the same). */
function itemOf(payload: unknown): IngestItem {
  const raw = typeof payload === 'string' ? (JSON.parse(payload) as unknown) : payload;
  const [item] = checkEvents([raw]);
  return item as IngestItem;
}

/**
 * True for errors of the data rather than of the connection or server (SQLSTATE classes 21 cardinality
 * violation, 22 data exception, 23 integrity, P0 raised), and for events that no longer validate:
 * retrying them cannot help.
 */
function isDataError(error: unknown): boolean {
  return error instanceof InvalidEventsError || /^(21|22|23|P0)/.test(sqlStateOf(error) ?? '');
}
