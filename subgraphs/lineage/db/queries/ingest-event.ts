import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { queryRows } from '../../../../platform/db/rows.js';
import { canonicalJson } from '../../openlineage/canonical-json.js';
import type { InputDataset, LineageEvent, OutputDataset } from '../../openlineage/core.js';
import { trustedFacets, type UntrustedFacet } from '../../openlineage/untrusted-facets.js';

/**
 * The documented rule tying an OpenLineage dataset to a catalogue dataset from the event itself: a
 * `symlinks` identifier in this namespace names the catalogue id (type `CATALOG_DATASET`).
 */
export const CATALOG_SYMLINK_NAMESPACE = 'urn:health-metadata-gateway:catalog';

interface NodeSpec {
  kind: 'DATASET' | 'JOB';
  namespace: string;
  name: string;
  facets: Record<string, unknown>;
  catalogDatasetId: string | null;
}

const key = (kind: string, namespace: string, name: string) => `${kind}\u0000${namespace}\u0000${name}`;

function catalogIdOf(facets: Record<string, unknown>): string | null {
  const identifiers = (facets.symlinks as { identifiers?: { namespace?: string; name?: string }[] } | undefined)?.identifiers ?? [];
  return identifiers.find((i) => i.namespace === CATALOG_SYMLINK_NAMESPACE && typeof i.name === 'string')?.name ?? null;
}

/** The hash that makes ingestion idempotent: the same event, whatever its key order, is stored once. */
export function eventHash(raw: unknown): string {
  return createHash('sha256').update(canonicalJson(raw)).digest('hex');
}

/**
 * Records one validated event and applies it to the lineage model: nodes (with their trusted facets),
 * edges input -> job -> output, the run and its state history, the dataset versions it read and wrote,
 * and column lineage. Returns false, writing nothing, when the same event was stored before. Untrusted
 * facets are kept in the stored event only. Run it in a transaction.
 */
export async function ingestEvent(db: Db, raw: unknown, value: LineageEvent, untrusted: readonly UntrustedFacet[]): Promise<boolean> {
  const e = value.event;
  const stored = await queryRows<{ seq: number }>(
    db,
    sql`INSERT INTO lineage.event (event_hash, event_kind, event_time, payload, untrusted_facets)
        VALUES (${eventHash(raw)}, ${value.kind}, ${e.eventTime}::timestamptz, ${JSON.stringify(raw)}::jsonb, ${sql.param(untrusted.map((u) => u.path))}::text[])
        ON CONFLICT (event_hash) DO NOTHING RETURNING seq`,
  );
  if (stored.length === 0) return false;

  const nodes = new Map<string, NodeSpec>();
  const addDataset = (namespace: string, name: string, facets: Record<string, unknown>) => {
    const k = key('DATASET', namespace, name);
    const existing = nodes.get(k);
    const merged = { ...(existing?.facets ?? {}), ...facets };
    nodes.set(k, { kind: 'DATASET', namespace, name, facets: merged, catalogDatasetId: catalogIdOf(merged) });
  };
  if (value.kind === 'DatasetEvent') {
    addDataset(value.event.dataset.namespace, value.event.dataset.name, trustedFacets(value.event.dataset.facets, 'dataset.facets', untrusted));
  } else {
    const job = value.event.job;
    nodes.set(key('JOB', job.namespace, job.name), { kind: 'JOB', namespace: job.namespace, name: job.name, facets: trustedFacets(job.facets, 'job.facets', untrusted), catalogDatasetId: null });
  }
  const inputs: InputDataset[] = value.kind === 'DatasetEvent' ? [] : (value.event.inputs ?? []);
  const outputs: OutputDataset[] = value.kind === 'DatasetEvent' ? [] : (value.event.outputs ?? []);
  inputs.forEach((d, i) => addDataset(d.namespace, d.name, trustedFacets(d.facets, `inputs[${i}].facets`, untrusted)));
  outputs.forEach((d, i) => addDataset(d.namespace, d.name, trustedFacets(d.facets, `outputs[${i}].facets`, untrusted)));

  // Column lineage may name input datasets the event does not list: they become nodes too.
  const columns: { output: string; field: string; input: string; inputField: string; transformations: unknown[] }[] = [];
  outputs.forEach((d, i) => {
    const facet = trustedFacets(d.facets, `outputs[${i}].facets`, untrusted).columnLineage as
      | { fields?: Record<string, { inputFields?: { namespace: string; name: string; field: string; transformations?: unknown[] }[] }> }
      | undefined;
    for (const [field, spec] of Object.entries(facet?.fields ?? {})) {
      for (const input of spec.inputFields ?? []) {
        if (!nodes.has(key('DATASET', input.namespace, input.name))) addDataset(input.namespace, input.name, {});
        columns.push({
          output: key('DATASET', d.namespace, d.name),
          field,
          input: key('DATASET', input.namespace, input.name),
          inputField: input.field,
          transformations: input.transformations ?? [],
        });
      }
    }
  });

  const specs = [...nodes.values()];
  const ids = await queryRows<{ id: number; kind: string; namespace: string; name: string }>(
    db,
    sql`INSERT INTO lineage.node (kind, namespace, name, facets, catalog_dataset_id)
        SELECT * FROM unnest(${sql.param(specs.map((s) => s.kind))}::text[], ${sql.param(specs.map((s) => s.namespace))}::text[],
                             ${sql.param(specs.map((s) => s.name))}::text[], ${sql.param(specs.map((s) => JSON.stringify(s.facets)))}::jsonb[],
                             ${sql.param(specs.map((s) => s.catalogDatasetId))}::text[])
        ON CONFLICT (kind, namespace, name) DO UPDATE SET
          facets = lineage.node.facets || EXCLUDED.facets,
          catalog_dataset_id = coalesce(EXCLUDED.catalog_dataset_id, lineage.node.catalog_dataset_id),
          updated_at = now()
        RETURNING id, kind, namespace, name`,
  );
  const idOf = new Map(ids.map((r) => [key(r.kind, r.namespace, r.name), Number(r.id)]));
  const id = (k: string) => {
    const v = idOf.get(k);
    if (v === undefined) throw new Error('node upsert lost a node');
    return v;
  };

  if (value.kind === 'DatasetEvent') return true;
  const jobId = id(key('JOB', value.event.job.namespace, value.event.job.name));
  const src: number[] = [];
  const dst: number[] = [];
  for (const d of inputs) {
    src.push(id(key('DATASET', d.namespace, d.name)));
    dst.push(jobId);
  }
  for (const d of outputs) {
    src.push(jobId);
    dst.push(id(key('DATASET', d.namespace, d.name)));
  }
  if (src.length > 0) {
    await db.execute(
      sql`INSERT INTO lineage.edge (src, dst) SELECT * FROM unnest(${sql.param(src)}::bigint[], ${sql.param(dst)}::bigint[]) ON CONFLICT DO NOTHING`,
    );
  }
  // One row per (output field, input field): a facet listing a pair twice must not update a row twice.
  const uniqueColumns = [...new Map(columns.map((c) => [`${c.output}\u0001${c.field}\u0001${c.input}\u0001${c.inputField}`, c])).values()];
  if (uniqueColumns.length > 0) {
    await db.execute(sql`
      INSERT INTO lineage.column_lineage (output_dataset_id, output_field, input_dataset_id, input_field, transformations)
      SELECT * FROM unnest(${sql.param(uniqueColumns.map((c) => id(c.output)))}::bigint[], ${sql.param(uniqueColumns.map((c) => c.field))}::text[],
                           ${sql.param(uniqueColumns.map((c) => id(c.input)))}::bigint[], ${sql.param(uniqueColumns.map((c) => c.inputField))}::text[],
                           ${sql.param(uniqueColumns.map((c) => JSON.stringify(c.transformations)))}::jsonb[])
      ON CONFLICT (output_dataset_id, output_field, input_dataset_id, input_field) DO UPDATE SET transformations = EXCLUDED.transformations`);
  }
  if (value.kind === 'RunEvent') await recordRun(db, value.event, jobId, untrusted, (k) => id(k), inputs, outputs);
  return true;
}

async function recordRun(
  db: Db,
  e: Extract<LineageEvent, { kind: 'RunEvent' }>['event'],
  jobId: number,
  untrusted: readonly UntrustedFacet[],
  id: (k: string) => number,
  inputs: InputDataset[],
  outputs: OutputDataset[],
) {
  const facets = trustedFacets(e.run.facets, 'run.facets', untrusted);
  const state = e.eventType ?? 'OTHER';
  const nominal = facets.nominalTime as { nominalStartTime?: string; nominalEndTime?: string } | undefined;
  const parent = (facets.parent as { run?: { runId?: string } } | undefined)?.run?.runId ?? null;
  const started = state === 'START' ? e.eventTime : null;
  const ended = ['COMPLETE', 'FAIL', 'ABORT'].includes(state) ? e.eventTime : null;
  // The run's state is that of its latest event by event time, whatever order events arrive in.
  await db.execute(sql`
    INSERT INTO lineage.run AS r (id, job_id, state, started_at, ended_at, nominal_start_time, nominal_end_time, parent_run_id, facets, updated_at)
    VALUES (${e.run.runId}::uuid, ${jobId}, ${state}, ${started}::timestamptz, ${ended}::timestamptz, ${nominal?.nominalStartTime ?? null}::timestamptz,
            ${nominal?.nominalEndTime ?? null}::timestamptz, ${parent}::uuid, ${JSON.stringify(facets)}::jsonb, ${e.eventTime}::timestamptz)
    ON CONFLICT (id) DO UPDATE SET
      state = CASE WHEN EXCLUDED.updated_at >= r.updated_at THEN EXCLUDED.state ELSE r.state END,
      started_at = coalesce(r.started_at, EXCLUDED.started_at),
      ended_at = coalesce(EXCLUDED.ended_at, r.ended_at),
      nominal_start_time = coalesce(EXCLUDED.nominal_start_time, r.nominal_start_time),
      nominal_end_time = coalesce(EXCLUDED.nominal_end_time, r.nominal_end_time),
      parent_run_id = coalesce(EXCLUDED.parent_run_id, r.parent_run_id),
      facets = r.facets || EXCLUDED.facets,
      updated_at = greatest(r.updated_at, EXCLUDED.updated_at)`);
  await db.execute(sql`INSERT INTO lineage.run_state (run_id, state, at) VALUES (${e.run.runId}::uuid, ${state}, ${e.eventTime}::timestamptz) ON CONFLICT DO NOTHING`);
  const all = [
    ...inputs.map((d, i) => ({ d, direction: 'INPUT', facets: trustedFacets(d.facets, `inputs[${i}].facets`, untrusted) })),
    ...outputs.map((d, i) => ({ d, direction: 'OUTPUT', facets: trustedFacets(d.facets, `outputs[${i}].facets`, untrusted) })),
  ];
  const rows = [...new Map(all.map((r) => [`${r.direction}\u0001${key('DATASET', r.d.namespace, r.d.name)}`, r])).values()];
  if (rows.length === 0) return;
  await db.execute(sql`
    INSERT INTO lineage.run_dataset (run_id, dataset_id, direction, version)
    SELECT ${e.run.runId}::uuid, * FROM unnest(${sql.param(rows.map((r) => id(key('DATASET', r.d.namespace, r.d.name))))}::bigint[],
                                               ${sql.param(rows.map((r) => r.direction))}::text[],
                                               ${sql.param(rows.map((r) => (r.facets.version as { datasetVersion?: string } | undefined)?.datasetVersion ?? null))}::text[])
    ON CONFLICT (run_id, dataset_id, direction) DO UPDATE SET version = coalesce(EXCLUDED.version, lineage.run_dataset.version)`);
}
