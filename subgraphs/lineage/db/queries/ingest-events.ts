import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { queryRows } from '../../../../platform/db/rows.js';
import { canonicalJson } from '../../../../platform/canonical-json.js';
import type { InputDataset, LineageEvent, OutputDataset } from '../../openlineage/core.js';
import { isDeletionMarker } from '../../openlineage/facets.js';
import { trustedFacets, type UntrustedFacet } from '../../openlineage/untrusted-facets.js';
import { edgeWriteLock } from './edge-log.js';

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
  /** Facets the batch deletes (sent with `_deleted: true` and not set again later in the batch). */
  deleted: Set<string>;
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

/** One validated event to ingest, with its untrusted facets. */
export interface IngestItem {
  raw: unknown;
  value: LineageEvent;
  untrusted: readonly UntrustedFacet[];
}

interface RunAggregate {
  id: string;
  jobKey: string;
  state: string;
  stateAt: string;
  startedAt: string | null;
  endedAt: string | null;
  nominalStart: string | null;
  nominalEnd: string | null;
  parent: string | null;
  facets: Record<string, unknown>;
  updatedAt: string;
}

const later = (a: string, b: string) => Date.parse(a) >= Date.parse(b);

/**
 * Records a batch of validated events and applies them to the lineage model (`storeEvents` then
 * `applyEvents`). Returns, for each item in order, 1 when it was stored and 0 when it was a duplicate (of
 * a stored event, or of an earlier item of the batch). Run it in a transaction.
 */
export async function ingestBatch(db: Db, items: readonly IngestItem[]): Promise<number[]> {
  const { flags, fresh } = await storeEvents(db, items, true);
  await applyEvents(db, fresh.map((f) => f.item));
  return flags;
}

/** What `storeEvents` did: a flag per item (1 stored, 0 duplicate) and the stored items with their `seq`. */
export interface StoredEvents {
  flags: number[];
  fresh: { seq: number; item: IngestItem }[];
}

/**
 * Stores the events as received, in one statement: events already stored (same canonical hash), or
 * repeated within the batch, are not stored again. `applied` says whether the caller applies them to the
 * model in the same transaction (true) or leaves them to the event applier (false: they wait, durable, in
 * the intake). Untrusted facets are recorded by path.
 */
export async function storeEvents(db: Db, items: readonly IngestItem[], applied: boolean): Promise<StoredEvents> {
  const itemHashes = items.map((item) => eventHash(item.raw));
  const byHash = new Map<string, IngestItem>();
  itemHashes.forEach((hash, i) => {
    if (!byHash.has(hash)) byHash.set(hash, items[i] as IngestItem);
  });
  const hashes = [...byHash.keys()];
  if (hashes.length === 0) return { flags: [], fresh: [] };
  const all = [...byHash.values()];
  const stored = await queryRows<{ event_hash: string; seq: string | number }>(
    db,
    sql`INSERT INTO lineage.event (event_hash, event_kind, event_time, payload, untrusted_facets, applied)
        SELECT h, k, t::timestamptz, p::jsonb, ARRAY(SELECT jsonb_array_elements_text(u::jsonb)), ${applied}
        FROM unnest(${sql.param(hashes)}::text[], ${sql.param(all.map((i) => i.value.kind))}::text[], ${sql.param(all.map((i) => i.value.event.eventTime))}::text[],
                    ${sql.param(all.map((i) => JSON.stringify(i.raw)))}::text[], ${sql.param(all.map((i) => JSON.stringify(i.untrusted.map((u) => u.path))))}::text[]) AS e(h, k, t, p, u)
        ON CONFLICT (event_hash) DO NOTHING RETURNING event_hash, seq`,
  );
  const seqOf = new Map(stored.map((r) => [r.event_hash, Number(r.seq)]));
  const flags = itemHashes.map((hash, i) => (seqOf.has(hash) && itemHashes.indexOf(hash) === i ? 1 : 0));
  const fresh = hashes.filter((h) => seqOf.has(h)).map((h) => ({ seq: seqOf.get(h) as number, item: byHash.get(h) as IngestItem }));
  return { flags, fresh };
}

/**
 * Applies `events` in order (see `applyStep`), in as few steps as keep every schema change seen: a new
 * step starts at an event that gives a dataset another schema than an earlier event of the same step,
 * since a step writes each dataset once, with its last facets, and a change is told (`SCHEMA_CHANGED`,
 * by the node's trigger) only between what is stored and what is written. Run it in a transaction.
 */
export async function applyEvents(db: Db, events: readonly IngestItem[]): Promise<void> {
  for (const step of schemaSteps(events)) await applyStep(db, step);
}

/** The schema facets (their fields, as JSON) an event gives datasets, by dataset. */
function schemasOf(value: LineageEvent): Map<string, string> {
  const found = new Map<string, string>();
  const note = (d: { namespace: string; name: string; facets?: Record<string, unknown> | undefined }) => {
    const schema = d.facets?.schema as { fields?: unknown } | undefined;
    if (schema && !isDeletionMarker(schema)) found.set(key('DATASET', d.namespace, d.name), JSON.stringify(schema.fields ?? null));
  };
  if (value.kind === 'DatasetEvent') note(value.event.dataset);
  else for (const d of [...(value.event.inputs ?? []), ...(value.event.outputs ?? [])]) note(d);
  return found;
}

/** `events` cut where a dataset's schema would change twice within one step. */
function schemaSteps(events: readonly IngestItem[]): IngestItem[][] {
  const steps: IngestItem[][] = [];
  let step: IngestItem[] = [];
  let schemas = new Map<string, string>();
  for (const item of events) {
    const given = schemasOf(item.value);
    if ([...given].some(([dataset, fields]) => schemas.has(dataset) && schemas.get(dataset) !== fields)) {
      steps.push(step);
      step = [];
      schemas = new Map();
    }
    step.push(item);
    for (const [dataset, fields] of given) schemas.set(dataset, fields);
  }
  if (step.length > 0) steps.push(step);
  return steps;
}

/**
 * One step of `applyEvents`: applies stored events to the lineage model in one statement per table,
 * whatever their number: nodes (with their trusted facets), edges input -> job -> output, runs with
 * their state history and the dataset versions they read and wrote, and column lineage. Facets apply
 * in the order given; a run's state is that of its latest event by event time. Untrusted facets are
 * never applied.
 */
async function applyStep(db: Db, events: readonly IngestItem[]): Promise<void> {
  if (events.length === 0) return;
  const nodes = new Map<string, NodeSpec>();
  const addNode = (kind: 'DATASET' | 'JOB', namespace: string, name: string, facets: Record<string, unknown>) => {
    const k = key(kind, namespace, name);
    const merged = new Map(Object.entries(nodes.get(k)?.facets ?? {}));
    const deleted = new Set(nodes.get(k)?.deleted);
    // Facets apply in event order: a deletion marker removes the facet, a later value sets it again.
    for (const [facetName, facet] of Object.entries(facets)) {
      if (isDeletionMarker(facet)) {
        merged.delete(facetName);
        deleted.add(facetName);
      } else {
        merged.set(facetName, facet);
        deleted.delete(facetName);
      }
    }
    const facetsNow = Object.fromEntries(merged);
    nodes.set(k, { kind, namespace, name, facets: facetsNow, deleted, catalogDatasetId: kind === 'DATASET' ? catalogIdOf(facetsNow) : null });
  };
  const edges = new Map<string, [string, string]>();
  const columns = new Map<string, { output: string; field: string; input: string; inputField: string; transformations: unknown[] }>();
  const runs = new Map<string, RunAggregate>();
  const states = new Map<string, { run: string; state: string; at: string }>();
  const versions = new Map<string, { run: string; dataset: string; direction: string; version: string | null }>();

  for (const { value, untrusted } of events) {
    if (value.kind === 'DatasetEvent') {
      addNode('DATASET', value.event.dataset.namespace, value.event.dataset.name, trustedFacets(value.event.dataset.facets, 'dataset.facets', untrusted));
      continue;
    }
    const job = value.event.job;
    const jobKey = key('JOB', job.namespace, job.name);
    addNode('JOB', job.namespace, job.name, trustedFacets(job.facets, 'job.facets', untrusted));
    const inputs: InputDataset[] = value.event.inputs ?? [];
    const outputs: OutputDataset[] = value.event.outputs ?? [];
    inputs.forEach((d, i) => {
      addNode('DATASET', d.namespace, d.name, trustedFacets(d.facets, `inputs[${i}].facets`, untrusted));
      const k = key('DATASET', d.namespace, d.name);
      edges.set(`${k}\u0001${jobKey}`, [k, jobKey]);
    });
    outputs.forEach((d, i) => {
      const facets = trustedFacets(d.facets, `outputs[${i}].facets`, untrusted);
      addNode('DATASET', d.namespace, d.name, facets);
      const k = key('DATASET', d.namespace, d.name);
      edges.set(`${jobKey}\u0001${k}`, [jobKey, k]);
      const lineage = facets.columnLineage as
        | { fields?: Record<string, { inputFields?: { namespace: string; name: string; field: string; transformations?: unknown[] }[] }> }
        | undefined;
      for (const [field, spec] of Object.entries(lineage?.fields ?? {})) {
        for (const input of spec.inputFields ?? []) {
          const inputKey = key('DATASET', input.namespace, input.name);
          if (!nodes.has(inputKey)) addNode('DATASET', input.namespace, input.name, {});
          columns.set(`${k}\u0001${field}\u0001${inputKey}\u0001${input.field}`, { output: k, field, input: inputKey, inputField: input.field, transformations: input.transformations ?? [] });
        }
      }
    });
    if (value.kind !== 'RunEvent') continue;
    const e = value.event;
    const facets = trustedFacets(e.run.facets, 'run.facets', untrusted);
    const state = e.eventType ?? 'OTHER';
    const nominal = facets.nominalTime as { nominalStartTime?: string; nominalEndTime?: string } | undefined;
    // A UUID is the same run whatever its letters' case (the uuid column says so too): one key per run.
    const runId = e.run.runId.toLowerCase();
    const parent = (facets.parent as { run?: { runId?: string } } | undefined)?.run?.runId?.toLowerCase() ?? null;
    const previous = runs.get(runId);
    const newer = !previous || later(e.eventTime, previous.stateAt);
    runs.set(runId, {
      id: runId,
      jobKey,
      state: newer ? state : (previous?.state ?? state),
      stateAt: newer ? e.eventTime : (previous?.stateAt ?? e.eventTime),
      startedAt: previous?.startedAt ?? (state === 'START' ? e.eventTime : null),
      endedAt: ['COMPLETE', 'FAIL', 'ABORT'].includes(state) ? e.eventTime : (previous?.endedAt ?? null),
      nominalStart: nominal?.nominalStartTime ?? previous?.nominalStart ?? null,
      nominalEnd: nominal?.nominalEndTime ?? previous?.nominalEnd ?? null,
      parent: parent ?? previous?.parent ?? null,
      facets: { ...(previous?.facets ?? {}), ...facets },
      updatedAt: newer ? e.eventTime : (previous?.updatedAt ?? e.eventTime),
    });
    states.set(`${runId}\u0001${state}\u0001${e.eventTime}`, { run: runId, state, at: e.eventTime });
    const datasetVersion = (f: Record<string, unknown>) => (f.version as { datasetVersion?: string } | undefined)?.datasetVersion ?? null;
    inputs.forEach((d, i) => {
      const k = key('DATASET', d.namespace, d.name);
      const v = datasetVersion(trustedFacets(d.facets, `inputs[${i}].facets`, untrusted));
      const id = `${runId}\u0001${k}\u0001INPUT`;
      versions.set(id, { run: runId, dataset: k, direction: 'INPUT', version: v ?? versions.get(id)?.version ?? null });
    });
    outputs.forEach((d, i) => {
      const k = key('DATASET', d.namespace, d.name);
      const v = datasetVersion(trustedFacets(d.facets, `outputs[${i}].facets`, untrusted));
      const id = `${runId}\u0001${k}\u0001OUTPUT`;
      versions.set(id, { run: runId, dataset: k, direction: 'OUTPUT', version: v ?? versions.get(id)?.version ?? null });
    });
  }

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
  const deletions = specs.filter((s) => s.deleted.size > 0);
  if (deletions.length > 0) {
    await db.execute(sql`
      UPDATE lineage.node AS n SET facets = n.facets - ARRAY(SELECT jsonb_array_elements_text(d.names)), updated_at = now()
      FROM unnest(${sql.param(deletions.map((s) => id(key(s.kind, s.namespace, s.name))))}::bigint[], ${sql.param(deletions.map((s) => JSON.stringify([...s.deleted])))}::jsonb[]) AS d(id, names)
      WHERE n.id = d.id`);
  }

  const edgeList = [...edges.values()];
  if (edgeList.length > 0) {
    await db.execute(
      sql`INSERT INTO lineage.edge (src, dst)
          SELECT e.src, e.dst FROM unnest(${sql.param(edgeList.map(([a]) => id(a)))}::bigint[], ${sql.param(edgeList.map(([, b]) => id(b)))}::bigint[]) AS e(src, dst), ${edgeWriteLock}
          ON CONFLICT DO NOTHING`,
    );
  }
  const columnList = [...columns.values()];
  if (columnList.length > 0) {
    await db.execute(sql`
      INSERT INTO lineage.column_lineage (output_dataset_id, output_field, input_dataset_id, input_field, transformations)
      SELECT * FROM unnest(${sql.param(columnList.map((c) => id(c.output)))}::bigint[], ${sql.param(columnList.map((c) => c.field))}::text[],
                           ${sql.param(columnList.map((c) => id(c.input)))}::bigint[], ${sql.param(columnList.map((c) => c.inputField))}::text[],
                           ${sql.param(columnList.map((c) => JSON.stringify(c.transformations)))}::jsonb[])
      ON CONFLICT (output_dataset_id, output_field, input_dataset_id, input_field) DO UPDATE SET transformations = EXCLUDED.transformations`);
  }
  const runList = [...runs.values()];
  if (runList.length === 0) return;
  // A run's state is that of its latest event by event time, whatever order events arrive in.
  await db.execute(sql`
    INSERT INTO lineage.run AS r (id, job_id, state, started_at, ended_at, nominal_start_time, nominal_end_time, parent_run_id, facets, updated_at)
    SELECT * FROM unnest(${sql.param(runList.map((r) => r.id))}::uuid[], ${sql.param(runList.map((r) => id(r.jobKey)))}::bigint[],
                         ${sql.param(runList.map((r) => r.state))}::text[], ${sql.param(runList.map((r) => r.startedAt))}::timestamptz[],
                         ${sql.param(runList.map((r) => r.endedAt))}::timestamptz[], ${sql.param(runList.map((r) => r.nominalStart))}::timestamptz[],
                         ${sql.param(runList.map((r) => r.nominalEnd))}::timestamptz[], ${sql.param(runList.map((r) => r.parent))}::uuid[],
                         ${sql.param(runList.map((r) => JSON.stringify(r.facets)))}::jsonb[], ${sql.param(runList.map((r) => r.updatedAt))}::timestamptz[])
    ON CONFLICT (id) DO UPDATE SET
      state = CASE WHEN EXCLUDED.updated_at >= r.updated_at THEN EXCLUDED.state ELSE r.state END,
      started_at = coalesce(r.started_at, EXCLUDED.started_at),
      ended_at = coalesce(EXCLUDED.ended_at, r.ended_at),
      nominal_start_time = coalesce(EXCLUDED.nominal_start_time, r.nominal_start_time),
      nominal_end_time = coalesce(EXCLUDED.nominal_end_time, r.nominal_end_time),
      parent_run_id = coalesce(EXCLUDED.parent_run_id, r.parent_run_id),
      facets = r.facets || EXCLUDED.facets,
      updated_at = greatest(r.updated_at, EXCLUDED.updated_at)`);
  const stateList = [...states.values()];
  await db.execute(sql`
    INSERT INTO lineage.run_state (run_id, state, at)
    SELECT * FROM unnest(${sql.param(stateList.map((s) => s.run))}::uuid[], ${sql.param(stateList.map((s) => s.state))}::text[], ${sql.param(stateList.map((s) => s.at))}::timestamptz[])
    ON CONFLICT DO NOTHING`);
  const versionList = [...versions.values()];
  if (versionList.length > 0) {
    await db.execute(sql`
      INSERT INTO lineage.run_dataset (run_id, dataset_id, direction, version)
      SELECT * FROM unnest(${sql.param(versionList.map((v) => v.run))}::uuid[], ${sql.param(versionList.map((v) => id(v.dataset)))}::bigint[],
                           ${sql.param(versionList.map((v) => v.direction))}::text[], ${sql.param(versionList.map((v) => v.version))}::text[])
      ON CONFLICT (run_id, dataset_id, direction) DO UPDATE SET version = coalesce(EXCLUDED.version, lineage.run_dataset.version)`);
  }
}
