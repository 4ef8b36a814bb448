import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { queryRows } from '../../../../platform/db/rows.js';
import { harvestRun, harvestSource } from '../schema/harvest-source.js';

export type HarvestSourceRow = typeof harvestSource.$inferSelect;
export type HarvestRunRow = typeof harvestRun.$inferSelect;
export type NewHarvestSource = Omit<typeof harvestSource.$inferInsert, 'createdAt' | 'updatedAt' | 'lastSuccessAt' | 'consecutiveFailures' | 'runningUntil'>;

/** Reports kept per source; older ones are deleted as new runs finish. */
export const RUNS_KEPT_PER_SOURCE = 100;
/** The longest a failing scheduled source waits before it is tried again. */
export const MAX_BACKOFF_MINUTES = 24 * 60;

/** Registers a source; false when its id is taken. Its first scheduled run is due at once. */
export async function insertHarvestSource(db: Db, source: NewHarvestSource): Promise<HarvestSourceRow | null> {
  const [row] = await db
    .insert(harvestSource)
    .values({ ...source, nextRunAt: source.everyMinutes == null ? null : sql`now()` })
    .onConflictDoNothing({ target: harvestSource.id })
    .returning();
  return row ?? null;
}

/** Changes a source's settings; null for an unknown id. A new schedule counts from now. */
export async function updateHarvestSource(db: Db, id: string, changes: Partial<NewHarvestSource>): Promise<HarvestSourceRow | null> {
  const schedule = 'everyMinutes' in changes ? { nextRunAt: changes.everyMinutes == null ? null : sql`now() + make_interval(mins => ${changes.everyMinutes})` } : {};
  const [row] = await db
    .update(harvestSource)
    .set({ ...changes, ...schedule, updatedAt: sql`now()` })
    .where(eq(harvestSource.id, id))
    .returning();
  return row ?? null;
}

export async function getHarvestSources(db: Db, ids: readonly string[]): Promise<HarvestSourceRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(harvestSource).where(sql`${harvestSource.id} = ANY(${sql.param([...ids])}::text[])`);
}

/** Sources in id order, after `after`, at most `first`. */
export async function listHarvestSources(db: Db, first: number, after: string | undefined): Promise<{ rows: HarvestSourceRow[]; total: number }> {
  const rows = await db
    .select()
    .from(harvestSource)
    .where(after === undefined ? undefined : gt(harvestSource.id, after))
    .orderBy(harvestSource.id)
    .limit(first + 1);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(harvestSource);
  return { rows, total: Number(count?.n ?? 0) };
}

/**
 * Takes the source for one run until `seconds` from now (a lease: a run that dies frees it when it
 * expires). False when another run holds it, in this process or another.
 */
export async function claimHarvestSource(db: Db, id: string, seconds: number): Promise<boolean> {
  const rows = await db
    .update(harvestSource)
    .set({ runningUntil: sql`now() + make_interval(secs => ${seconds})` })
    .where(and(eq(harvestSource.id, id), sql`(${harvestSource.runningUntil} IS NULL OR ${harvestSource.runningUntil} < now())`))
    .returning({ id: harvestSource.id });
  return rows.length > 0;
}

/** Takes the scheduled source most overdue, if any, for one run (as `claimHarvestSource`). */
export async function claimDueHarvestSource(db: Db, graceSeconds: number): Promise<HarvestSourceRow | null> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE catalog.harvest_source SET running_until = now() + make_interval(secs => timeout_seconds + ${graceSeconds})
        WHERE id = (
          SELECT id FROM catalog.harvest_source
          WHERE enabled AND every_minutes IS NOT NULL AND next_run_at <= now() AND (running_until IS NULL OR running_until < now())
          ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  );
  const id = rows[0]?.id;
  if (id === undefined) return null;
  return (await getHarvestSources(db, [id]))[0] ?? null;
}

/** A run's report as it is stored. */
export type RunReport = Omit<typeof harvestRun.$inferInsert, 'id'>;

/**
 * Stores a run's report and updates its source, and frees the source: a success resets the failures,
 * records when the run started (the next incremental run asks for changes since then) and schedules the
 * next run; a failure counts one more and backs the source off, its interval doubled per failure in a
 * row (at most a day).
 */
export async function finishHarvestRun(db: Db, report: RunReport): Promise<HarvestRunRow> {
  return db.transaction(async (tx) => {
    const [run] = await tx.insert(harvestRun).values(report).returning();
    const succeeded = report.status === 'SUCCEEDED';
    await tx
      .update(harvestSource)
      .set(
        succeeded
          ? {
              lastSuccessAt: report.startedAt,
              consecutiveFailures: 0,
              runningUntil: null,
              nextRunAt: sql`CASE WHEN every_minutes IS NULL THEN NULL ELSE now() + make_interval(mins => every_minutes) END`,
            }
          : {
              consecutiveFailures: sql`consecutive_failures + 1`,
              runningUntil: null,
              nextRunAt: sql`CASE WHEN every_minutes IS NULL THEN NULL ELSE now() + make_interval(mins => least(${MAX_BACKOFF_MINUTES}, every_minutes * power(2, least(consecutive_failures + 1, 16))::int)) END`,
            },
      )
      .where(eq(harvestSource.id, report.sourceId));
    await tx.execute(sql`
      DELETE FROM catalog.harvest_run WHERE source_id = ${report.sourceId}
        AND id <= (SELECT id FROM catalog.harvest_run WHERE source_id = ${report.sourceId} ORDER BY id DESC OFFSET ${RUNS_KEPT_PER_SOURCE} LIMIT 1)`);
    if (!run) throw new Error('the run report was not stored');
    return run;
  });
}

/** Frees a source a run claimed without running (nothing is recorded). */
export async function releaseHarvestSource(db: Db, id: string): Promise<void> {
  await db.update(harvestSource).set({ runningUntil: null }).where(eq(harvestSource.id, id));
}

/** A source's runs, newest first, before run `before`, at most `first` (one more is read to tell if more exist). */
export async function listHarvestRuns(db: Db, sourceId: string, first: number, before: number | undefined): Promise<{ rows: HarvestRunRow[]; total: number }> {
  const rows = await db
    .select()
    .from(harvestRun)
    .where(and(eq(harvestRun.sourceId, sourceId), before === undefined ? undefined : lt(harvestRun.id, before)))
    .orderBy(desc(harvestRun.id))
    .limit(first + 1);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(harvestRun).where(eq(harvestRun.sourceId, sourceId));
  return { rows, total: Number(count?.n ?? 0) };
}

export async function getHarvestRun(db: Db, id: number): Promise<HarvestRunRow | null> {
  const [row] = await db.select().from(harvestRun).where(eq(harvestRun.id, id));
  return row ?? null;
}

/** The latest run of each source given. */
export async function latestHarvestRuns(db: Db, sourceIds: readonly string[]): Promise<HarvestRunRow[]> {
  if (sourceIds.length === 0) return [];
  const rows = await queryRows<{ id: number }>(
    db,
    sql`SELECT max(id)::int AS id FROM catalog.harvest_run WHERE source_id = ANY(${sql.param([...sourceIds])}::text[]) GROUP BY source_id`,
  );
  if (rows.length === 0) return [];
  return db.select().from(harvestRun).where(sql`${harvestRun.id} = ANY(${sql.param(rows.map((r) => Number(r.id)))}::bigint[])`);
}
