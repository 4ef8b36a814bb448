import { sql } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { queryRows } from '../../../../platform/db/rows.js';

export type WalkDirection = 'UPSTREAM' | 'DOWNSTREAM';

/** The nodes a walk reached, with their distance, the edges it crossed, and whether it was cut short. */
export interface Walk {
  distance: Map<number, number>;
  edges: [number, number][];
  isPartial: boolean;
}

/**
 * Breadth-first walk from `start`, one indexed query per level: each level asks for the edges of the
 * whole frontier at once (`src = ANY(...)` downstream, `dst = ANY(...)` upstream, both indexed), and a
 * node already visited is never expanded again — a global visited set, so cycles and diamonds cost
 * nothing and the work is bounded by the nodes reached, not by the paths to them. The walk stops at
 * `maxDepth` hops or `maxNodes` nodes; `isPartial` tells that something was left beyond either bound.
 */
export async function walkLineage(db: Db, start: readonly number[], direction: WalkDirection, maxDepth: number, maxNodes: number): Promise<Walk> {
  const distance = new Map<number, number>(start.map((id) => [id, 0]));
  const edges: [number, number][] = [];
  let frontier = [...new Set(start)];
  let isPartial = false;
  for (let depth = 1; frontier.length > 0; depth++) {
    const rows = await queryRows<{ src: string | number; dst: string | number }>(
      db,
      direction === 'DOWNSTREAM'
        ? sql`SELECT src, dst FROM lineage.edge WHERE src = ANY(${sql.param(frontier)}::bigint[])`
        : sql`SELECT src, dst FROM lineage.edge WHERE dst = ANY(${sql.param(frontier)}::bigint[])`,
    );
    if (depth > maxDepth) {
      isPartial = rows.some((r) => !distance.has(Number(direction === 'DOWNSTREAM' ? r.dst : r.src)));
      break;
    }
    const next: number[] = [];
    for (const row of rows) {
      const src = Number(row.src);
      const dst = Number(row.dst);
      const reached = direction === 'DOWNSTREAM' ? dst : src;
      if (!distance.has(reached)) {
        if (distance.size >= maxNodes) {
          isPartial = true;
          continue;
        }
        distance.set(reached, depth);
        next.push(reached);
      }
      edges.push([src, dst]);
    }
    if (isPartial && distance.size >= maxNodes) break;
    frontier = next;
  }
  return { distance, edges, isPartial };
}

export interface NodeRow {
  id: number;
  kind: 'DATASET' | 'JOB';
  namespace: string;
  name: string;
  catalog_dataset_id: string | null;
}

/** The nodes with these ids (any order). */
export async function getNodes(db: Db, ids: readonly number[]): Promise<NodeRow[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<NodeRow>(
    db,
    sql`SELECT id, kind, namespace, name, catalog_dataset_id FROM lineage.node WHERE id = ANY(${sql.param([...ids])}::bigint[])`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** The node of a kind and (namespace, name), or null. */
export async function findNode(db: Db, kind: 'DATASET' | 'JOB', namespace: string, name: string): Promise<NodeRow | null> {
  const [row] = await queryRows<NodeRow>(
    db,
    sql`SELECT id, kind, namespace, name, catalog_dataset_id FROM lineage.node WHERE kind = ${kind} AND namespace = ${namespace} AND name = ${name}`,
  );
  return row ? { ...row, id: Number(row.id) } : null;
}

/** The lineage datasets tied to each catalogue dataset, in the order of `datasetIds`. */
export async function nodesForCatalogDatasets(db: Db, datasetIds: readonly string[]): Promise<NodeRow[][]> {
  if (datasetIds.length === 0) return [];
  const rows = await queryRows<NodeRow>(
    db,
    sql`SELECT id, kind, namespace, name, catalog_dataset_id FROM lineage.node WHERE catalog_dataset_id = ANY(${sql.param([...datasetIds])}::text[])`,
  );
  return datasetIds.map((id) => rows.filter((r) => r.catalog_dataset_id === id).map((r) => ({ ...r, id: Number(r.id) })));
}

/** Ties (or unties, with null) a lineage dataset to a catalogue dataset; creates the node when missing. */
export async function mapDataset(db: Db, namespace: string, name: string, datasetId: string | null): Promise<NodeRow> {
  const [row] = await queryRows<NodeRow>(
    db,
    sql`INSERT INTO lineage.node (kind, namespace, name, catalog_dataset_id) VALUES ('DATASET', ${namespace}, ${name}, ${datasetId})
        ON CONFLICT (kind, namespace, name) DO UPDATE SET catalog_dataset_id = EXCLUDED.catalog_dataset_id, updated_at = now()
        RETURNING id, kind, namespace, name, catalog_dataset_id`,
  );
  if (!row) throw new Error('mapping returned nothing');
  return { ...row, id: Number(row.id) };
}

/** The facets of a node the API shows (schema, data source, ownership), as stored. */
export interface NodeFacetsRow {
  id: number;
  schema: unknown;
  data_source: unknown;
  ownership: unknown;
}

/** The shown facets of the nodes with these ids (any order). */
export async function getNodeFacets(db: Db, ids: readonly number[]): Promise<NodeFacetsRow[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<NodeFacetsRow>(
    db,
    sql`SELECT id, facets->'schema' AS schema, facets->'dataSource' AS data_source, facets->'ownership' AS ownership
        FROM lineage.node WHERE id = ANY(${sql.param([...ids])}::bigint[])`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
