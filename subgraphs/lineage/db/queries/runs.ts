import { sql } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { queryRows } from '../../../../platform/db/rows.js';

export interface RunRow {
  id: string;
  job_id: number;
  state: string;
  started_at: string | null;
  ended_at: string | null;
  nominal_start_time: string | null;
  nominal_end_time: string | null;
  updated_at: string;
}

const runColumns = sql`id::text AS id, job_id, state, started_at::text AS started_at, ended_at::text AS ended_at,
  nominal_start_time::text AS nominal_start_time, nominal_end_time::text AS nominal_end_time, updated_at::text AS updated_at`;

/** A run by id, or null. */
export async function getRun(db: Db, id: string): Promise<RunRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await queryRows<RunRow>(db, sql`SELECT ${runColumns} FROM lineage.run WHERE id = ${id}::uuid`);
  return row ?? null;
}

/** Runs of a job, newest first, after a (updated_at, id) position. */
export function listRuns(db: Db, jobId: number, limit: number, after?: { at: string; id: string }): Promise<RunRow[]> {
  return queryRows<RunRow>(
    db,
    sql`SELECT ${runColumns} FROM lineage.run WHERE job_id = ${jobId}
        ${after ? sql`AND (updated_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
        ORDER BY updated_at DESC, id DESC LIMIT ${limit}`,
  );
}

/** How many runs a job has. */
export async function countRuns(db: Db, jobId: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM lineage.run WHERE job_id = ${jobId}`);
  return row?.n ?? 0;
}

/** Each run's states in event-time order, one list per id of `runIds`. */
export async function runStatesByRunIds(db: Db, runIds: readonly string[]): Promise<{ state: string; at: string }[][]> {
  const rows = await queryRows<{ run_id: string; state: string; at: string }>(
    db,
    sql`SELECT run_id::text AS run_id, state, at::text AS at FROM lineage.run_state WHERE run_id = ANY(${sql.param([...runIds])}::uuid[]) ORDER BY at, state`,
  );
  return runIds.map((id) => rows.filter((r) => r.run_id === id));
}

/** The datasets each run read or wrote (all directions), one list per id of `runIds`. */
export async function runDatasetsByRunIds(
  db: Db,
  runIds: readonly string[],
): Promise<{ dataset_id: number; direction: 'INPUT' | 'OUTPUT'; version: string | null }[][]> {
  const rows = await queryRows<{ run_id: string; dataset_id: number; direction: 'INPUT' | 'OUTPUT'; version: string | null }>(
    db,
    sql`SELECT run_id::text AS run_id, dataset_id, direction, version FROM lineage.run_dataset
        WHERE run_id = ANY(${sql.param([...runIds])}::uuid[]) ORDER BY dataset_id`,
  );
  return runIds.map((id) => rows.filter((r) => r.run_id === id));
}

/** The input fields feeding a field of a dataset. */
export function columnInputs(db: Db, datasetId: number, field: string): Promise<{ input_dataset_id: number; input_field: string; transformations: unknown }[]> {
  return queryRows(
    db,
    sql`SELECT input_dataset_id, input_field, transformations FROM lineage.column_lineage
        WHERE output_dataset_id = ${datasetId} AND output_field = ${field} ORDER BY input_dataset_id, input_field`,
  );
}

/** The dataset neighbours of a job: the datasets it reads (INPUT) or writes (OUTPUT). */
export function jobDatasets(db: Db, jobId: number, direction: 'INPUT' | 'OUTPUT'): Promise<{ id: number }[]> {
  return queryRows(
    db,
    direction === 'INPUT' ? sql`SELECT src AS id FROM lineage.edge WHERE dst = ${jobId} ORDER BY src` : sql`SELECT dst AS id FROM lineage.edge WHERE src = ${jobId} ORDER BY dst`,
  );
}
