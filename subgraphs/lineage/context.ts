import type { Db } from '../../platform/db/database.js';
import type { Caller } from '../../platform/identity/caller.js';
import type { LineageLoaders } from './loaders.js';
import type { LineageVisibility } from './visibility.js';

/** What every lineage resolver receives. Built once per request. */
export interface LineageContext {
  readonly db: Db;
  readonly caller: Caller;
  readonly loaders: LineageLoaders;
  readonly visibility: LineageVisibility;
}
