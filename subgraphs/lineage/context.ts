import type { Db } from '../../platform/db/database.js';
import type { Caller } from '../../platform/identity/caller.js';
import type { LineageTopology } from './graph/lineage-topology.js';
import type { LineageLoaders } from './loaders.js';
import type { LineageVisibility } from './visibility.js';

/** What every lineage resolver receives. Built once per request. */
export interface LineageContext {
  readonly db: Db;
  readonly caller: Caller;
  readonly loaders: LineageLoaders;
  readonly visibility: LineageVisibility;
  /** The process's in-memory copy of the edges, for closures (refresh before use). */
  readonly topology: LineageTopology;
}
