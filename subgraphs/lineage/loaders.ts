import DataLoader from 'dataloader';
import type { Db } from '../../platform/db/database.js';
import { inKeyOrder } from '../../platform/db/in-key-order.js';
import { runDatasetsByRunIds, runStatesByRunIds } from './db/queries/runs.js';
import { getNodeFacets, getNodes, type NodeFacetsRow, type NodeRow } from './db/queries/walk.js';

/** The per-request DataLoaders of the lineage subgraph. */
export interface LineageLoaders {
  node: DataLoader<number, NodeRow | null>;
  nodeFacets: DataLoader<number, NodeFacetsRow | null>;
  runStates: DataLoader<string, { state: string; at: string }[]>;
  runDatasets: DataLoader<string, { dataset_id: number; direction: 'INPUT' | 'OUTPUT'; version: string | null }[]>;
}

/** Fresh loaders for one request: a page of runs reads its states, datasets and nodes in one statement each. */
export function createLoaders(db: Db): LineageLoaders {
  return {
    node: new DataLoader(async (ids) => inKeyOrder(ids, await getNodes(db, ids), (n) => n.id)),
    nodeFacets: new DataLoader(async (ids) => inKeyOrder(ids, await getNodeFacets(db, ids), (n) => n.id)),
    runStates: new DataLoader((ids) => runStatesByRunIds(db, ids)),
    runDatasets: new DataLoader((ids) => runDatasetsByRunIds(db, ids)),
  };
}
