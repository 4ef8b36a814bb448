import { badInput } from '../../../platform/graphql/errors.js';
import type { LineageContext } from '../context.js';
import { getNodes, walkLineage, type NodeRow, type Walk } from '../db/queries/walk.js';
import { nodeId } from '../model/node-id.js';
import { toDot, toMermaid } from '../model/render-graph.js';

export type Direction = 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH';

/** Default and largest node cap of a lineage graph. */
export const DEFAULT_MAX_NODES = 2000;
export const MAX_GRAPH_NODES = 10_000;
/** Largest closure impact analysis computes. */
export const MAX_IMPACT_NODES = 500_000;

/** Validates depth (1 to 50) and node cap (1 to `max`). */
export function walkBounds(depth: number | null | undefined, maxNodes: number | null | undefined, max = MAX_GRAPH_NODES) {
  const d = depth ?? 3;
  const n = maxNodes ?? Math.min(DEFAULT_MAX_NODES, max);
  if (!Number.isInteger(d) || d < 1 || d > 50) throw badInput('"depth" must be between 1 and 50.', 'depth');
  if (!Number.isInteger(n) || n < 1 || n > max) throw badInput(`"maxNodes" must be between 1 and ${max}.`, 'maxNodes');
  return { depth: d, maxNodes: n };
}

/** Walks one or both directions from `start` and merges the results (the nearer distance wins). */
export async function walk(ctx: LineageContext, start: number[], direction: Direction, depth: number, maxNodes: number): Promise<Walk> {
  const directions = direction === 'BOTH' ? (['UPSTREAM', 'DOWNSTREAM'] as const) : ([direction] as const);
  const walks = await Promise.all(directions.map((d) => walkLineage(ctx.db, start, d, depth, maxNodes)));
  const distance = new Map<number, number>();
  for (const w of walks) for (const [id, d] of w.distance) distance.set(id, Math.min(d, distance.get(id) ?? Infinity));
  return { distance, edges: walks.flatMap((w) => w.edges), isPartial: walks.some((w) => w.isPartial) };
}

/**
 * The nodes of a walk the caller may see: everything for internal roles; for others, the catalogue
 * datasets the visibility rules allow and the jobs that touch them. Returns the visible ids.
 */
export async function visibleNodes(ctx: LineageContext, nodes: NodeRow[], edges: [number, number][]): Promise<Set<number>> {
  if (ctx.visibility.seesAll) return new Set(nodes.map((n) => n.id));
  const catalogIds = [...new Set(nodes.map((n) => n.catalog_dataset_id).filter((id): id is string => id !== null))];
  const allowed = await ctx.visibility.visibleDatasets(catalogIds);
  const visible = new Set(nodes.filter((n) => n.kind === 'DATASET' && n.catalog_dataset_id !== null && allowed.has(n.catalog_dataset_id)).map((n) => n.id));
  const jobs = new Set(nodes.filter((n) => n.kind === 'JOB').map((n) => n.id));
  for (const [src, dst] of edges) {
    if (jobs.has(src) && visible.has(dst)) visible.add(src);
    if (jobs.has(dst) && visible.has(src)) visible.add(dst);
  }
  return visible;
}

/** A node as the API returns it. */
export function nodeObject(n: NodeRow, distance: number) {
  return {
    id: nodeId(n.kind, n.namespace, n.name),
    __nodeId: n.id,
    kind: n.kind,
    namespace: n.namespace,
    name: n.name,
    distance,
    dataset: n.catalog_dataset_id ? { __typename: 'Dataset', id: n.catalog_dataset_id } : null,
  };
}

/** Builds the `LineageGraph` around `start`, with visibility applied and Mermaid and DOT renderings. */
export async function lineageGraph(ctx: LineageContext, start: number[], direction: Direction, depth: number, maxNodes: number) {
  const result = await walk(ctx, start, direction, depth, maxNodes);
  const rows = await getNodes(ctx.db, [...result.distance.keys()]);
  const visible = await visibleNodes(ctx, rows, result.edges);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const nodes = rows
    .filter((r) => visible.has(r.id))
    .map((r) => nodeObject(r, result.distance.get(r.id) ?? 0))
    .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1));
  const typed = (id: number) => {
    const n = byId.get(id);
    return n ? nodeId(n.kind, n.namespace, n.name) : '';
  };
  const seen = new Set<string>();
  const edges = result.edges
    .filter(([src, dst]) => visible.has(src) && visible.has(dst))
    .map(([src, dst]) => ({
      from: typed(src),
      to: typed(dst),
      job: byId.get(src)?.kind === 'JOB' ? typed(src) : byId.get(dst)?.kind === 'JOB' ? typed(dst) : null,
    }))
    .filter((e) => {
      const k = `${e.from}\u0000${e.to}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  return {
    nodes,
    edges,
    isPartial: result.isPartial,
    hiddenCount: rows.length - nodes.length,
    mermaid: toMermaid({ nodes, edges }),
    dot: toDot({ nodes, edges }),
  };
}
