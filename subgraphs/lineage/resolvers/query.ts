import type { GraphQLResolveInfo } from 'graphql';
import { ErrorCode, apiError, badInput } from '../../../platform/graphql/errors.js';
import { selectsField } from '../../../platform/graphql/selects-field.js';
import { z } from 'zod';
import { cursorPgInstant, cursorUuid } from '../../../platform/graphql/cursor-position.js';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/graphql/pagination.js';
import { hasRole, isAuthenticated, isInternal, type Caller } from '../../../platform/identity/caller.js';
import type { LineageContext } from '../context.js';
import { columnInputs, countRuns, getRun, jobDatasets, listRuns, type RunRow } from '../db/queries/runs.js';
import { findNode, getNodes, mapDataset, nodesForCatalogDatasets, type NodeRow } from '../db/queries/walk.js';
import { parseNodeId } from '../model/node-id.js';
import { INTERNAL_ROLES } from '../../../platform/identity/roles.js';
import { lineageGraph, MAX_IMPACT_NODES, nodeObject, visibleNodes, walkBounds, type Direction } from './graph.js';

function requireSignedIn(caller: Caller): void {
  if (!isAuthenticated(caller)) throw apiError(ErrorCode.UNAUTHENTICATED, 'Sign in to read lineage.');
}

function requireInternal(caller: Caller): void {
  requireSignedIn(caller);
  if (!isInternal(caller)) throw apiError(ErrorCode.FORBIDDEN, `This needs one of the roles: ${INTERNAL_ROLES.join(', ')}.`);
}

/** The node a typed id names, or null. */
async function resolveNodeId(ctx: LineageContext, id: string): Promise<NodeRow | null> {
  const parsed = parseNodeId(id);
  if (!parsed) throw badInput('A node id reads dataset:<namespace>:<name> or job:<namespace>:<name>.', 'nodeId');
  for (const c of parsed.candidates) {
    const node = await findNode(ctx.db, parsed.kind, c.namespace, c.name);
    if (node) return node;
  }
  return null;
}

function runObject(run: RunRow | null) {
  return run ? { ...run, __jobId: Number(run.job_id) } : null;
}

const iso = (t: string | null) => (t ? new Date(t).toISOString() : null);

/** Resolvers of the lineage subgraph's root fields. */
export const Query = {
  async lineage(_: unknown, args: { nodeId: string; direction: Direction; depth?: number | null; maxNodes?: number | null }, ctx: LineageContext) {
    requireSignedIn(ctx.caller);
    const bounds = walkBounds(args.depth, args.maxNodes);
    const node = await resolveNodeId(ctx, args.nodeId);
    if (!node) return { nodes: [], edges: [], isPartial: false, hiddenCount: 0, mermaid: 'flowchart LR\n', dot: 'digraph lineage {\n}\n' };
    return lineageGraph(ctx, [node.id], args.direction, bounds.depth, bounds.maxNodes);
  },

  async impactAnalysis(_: unknown, args: { datasetId: string; maxNodes?: number | null }, ctx: LineageContext) {
    requireSignedIn(ctx.caller);
    const maxNodes = args.maxNodes ?? 100_000;
    if (!Number.isInteger(maxNodes) || maxNodes < 1 || maxNodes > MAX_IMPACT_NODES) throw badInput(`"maxNodes" must be between 1 and ${MAX_IMPACT_NODES}.`, 'maxNodes');
    const [start = []] = await nodesForCatalogDatasets(ctx.db, [args.datasetId]);
    const startIds = start.map((n) => n.id);
    // Internal roles see everything: the closure needs no edges. Others need them to place the jobs.
    await ctx.topology.refresh(ctx.db);
    const result = ctx.topology.closure(startIds, 'DOWNSTREAM', maxNodes, !ctx.visibility.seesAll);
    const rows = (await getNodes(ctx.db, [...result.distance.keys()])).filter((r) => !startIds.includes(r.id));
    const visible = await visibleNodes(ctx, rows, result.edges);
    const shown = rows.filter((r) => visible.has(r.id)).map((r) => ({ node: nodeObject(r, result.distance.get(r.id) ?? 0), distance: result.distance.get(r.id) ?? 0 }));
    shown.sort((a, b) => a.distance - b.distance || (a.node.id < b.node.id ? -1 : 1));
    return {
      datasets: shown.filter((s) => s.node.kind === 'DATASET'),
      jobs: shown.filter((s) => s.node.kind === 'JOB'),
      isPartial: result.isPartial,
      hiddenCount: rows.length - shown.length,
    };
  },

  async job(_: unknown, args: { namespace: string; name: string }, ctx: LineageContext) {
    requireInternal(ctx.caller);
    return findNode(ctx.db, 'JOB', args.namespace, args.name);
  },

  async run(_: unknown, args: { id: string }, ctx: LineageContext) {
    requireInternal(ctx.caller);
    return runObject(await getRun(ctx.db, args.id));
  },

  async runs(_: unknown, args: { jobNamespace: string; jobName: string; first?: number | null; after?: string | null }, ctx: LineageContext, info: GraphQLResolveInfo) {
    requireInternal(ctx.caller);
    const first = pageSize(args.first);
    const job = await findNode(ctx.db, 'JOB', args.jobNamespace, args.jobName);
    if (!job) return { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    const after = args.after ? decodeCursor('runs', args.after, z.tuple([cursorPgInstant, cursorUuid])) : undefined;
    const [rows, totalCount] = await Promise.all([
      listRuns(ctx.db, job.id, first + 1, after ? { at: after[0], id: after[1] } : undefined),
      selectsField(info, 'totalCount') ? countRuns(ctx.db, job.id) : undefined,
    ]);
    const edges = rows.slice(0, first).map((r) => ({ cursor: encodeCursor('runs', [r.updated_at, r.id]), node: { ...r, __jobId: job.id } }));
    return { totalCount, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  },

  async columnLineage(_: unknown, args: { datasetNodeId: string; field: string }, ctx: LineageContext) {
    requireInternal(ctx.caller);
    const node = await resolveNodeId(ctx, args.datasetNodeId);
    if (!node || node.kind !== 'DATASET') return [];
    const rows = await columnInputs(ctx.db, node.id, args.field);
    const nodes = new Map((await getNodes(ctx.db, rows.map((r) => Number(r.input_dataset_id)))).map((n) => [n.id, n]));
    return rows.flatMap((r) => {
      const input = nodes.get(Number(r.input_dataset_id));
      const transformations = (typeof r.transformations === 'string' ? JSON.parse(r.transformations) : r.transformations) as unknown[];
      return input ? [{ dataset: nodeObject(input, 1), field: r.input_field, transformations }] : [];
    });
  },
};

export const Mutation = {
  async mapLineageDataset(_: unknown, args: { namespace: string; name: string; datasetId?: string | null }, ctx: LineageContext) {
    requireSignedIn(ctx.caller);
    if (!hasRole(ctx.caller, 'data-steward', 'admin')) throw apiError(ErrorCode.FORBIDDEN, 'This needs one of the roles: data-steward, admin.');
    if (args.namespace.length === 0 || args.namespace.length > 500 || args.name.length === 0 || args.name.length > 1000) {
      throw badInput('namespace and name: 1 to 500 and 1 to 1,000 characters.');
    }
    const node = await ctx.db.transaction((tx) => mapDataset(tx, args.namespace, args.name, args.datasetId ?? null));
    return { nodeId: nodeObject(node, 0).id, dataset: node.catalog_dataset_id ? { __typename: 'Dataset', id: node.catalog_dataset_id } : null };
  },
};

/** `Dataset` as extended by the lineage subgraph. */
export const Dataset = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  async lineage(dataset: { id: string }, args: { direction: Direction; depth?: number | null; maxNodes?: number | null }, ctx: LineageContext) {
    requireSignedIn(ctx.caller);
    const bounds = walkBounds(args.depth, args.maxNodes);
    const [start = []] = await nodesForCatalogDatasets(ctx.db, [dataset.id]);
    return lineageGraph(ctx, start.map((n) => n.id), args.direction, bounds.depth, bounds.maxNodes);
  },
};

export const LineageJob = {
  id: (row: NodeRow) => nodeObject(row, 0).id,
  inputs: async (row: NodeRow, _a: unknown, ctx: LineageContext) => (await getNodes(ctx.db, (await jobDatasets(ctx.db, row.id, 'INPUT')).map((r) => Number(r.id)))).map((n) => nodeObject(n, 1)),
  outputs: async (row: NodeRow, _a: unknown, ctx: LineageContext) => (await getNodes(ctx.db, (await jobDatasets(ctx.db, row.id, 'OUTPUT')).map((r) => Number(r.id)))).map((n) => nodeObject(n, 1)),
  latestRun: async (row: NodeRow, _a: unknown, ctx: LineageContext) => {
    const [latest] = await listRuns(ctx.db, row.id, 1);
    return latest ? { ...latest, __jobId: row.id } : null;
  },
};

export const LineageRun = {
  job: (row: RunRow & { __jobId: number }, _a: unknown, ctx: LineageContext) => ctx.loaders.node.load(row.__jobId),
  startedAt: (row: RunRow) => iso(row.started_at),
  endedAt: (row: RunRow) => iso(row.ended_at),
  nominalStartTime: (row: RunRow) => iso(row.nominal_start_time),
  nominalEndTime: (row: RunRow) => iso(row.nominal_end_time),
  states: async (row: RunRow, _a: unknown, ctx: LineageContext) => (await ctx.loaders.runStates.load(row.id)).map((s) => ({ state: s.state, at: iso(s.at) })),
  inputs: (row: RunRow, _a: unknown, ctx: LineageContext) => versions(ctx, row.id, 'INPUT'),
  outputs: (row: RunRow, _a: unknown, ctx: LineageContext) => versions(ctx, row.id, 'OUTPUT'),
};

async function versions(ctx: LineageContext, runId: string, direction: 'INPUT' | 'OUTPUT') {
  const rows = (await ctx.loaders.runDatasets.load(runId)).filter((r) => r.direction === direction);
  const nodes = await ctx.loaders.node.loadMany(rows.map((r) => Number(r.dataset_id)));
  return rows.flatMap((r, i) => {
    const n = nodes[i];
    return n && !(n instanceof Error) ? [{ node: nodeObject(n, 1), version: r.version }] : [];
  });
}
