import { hasRole, isInternal, type Caller } from '../../platform/identity/caller.js';
import { peerDatasets, type Peer } from '../../platform/server/peer-entities.js';

/** Decides which catalogue datasets a caller may see the lineage of. */
export interface LineageVisibility {
  /** True when the caller sees every node. */
  readonly seesAll: boolean;
  /** Of `datasetIds`, those whose lineage the caller may see. */
  visibleDatasets(datasetIds: readonly string[]): Promise<Set<string>>;
}

/**
 * Internal roles see everything. A researcher sees the lineage of catalogue datasets that are PUBLIC or
 * that their organisation holds an active permit for: the catalog subgraph says which are public, the
 * access subgraph which are granted, both asked as the caller. Anyone else sees nothing.
 */
export function lineageVisibility(caller: Caller, catalog: Peer, access: Peer): LineageVisibility {
  if (isInternal(caller)) return { seesAll: true, visibleDatasets: async (ids) => new Set(ids) };
  if (!hasRole(caller, 'researcher')) return { seesAll: false, visibleDatasets: async () => new Set() };
  return {
    seesAll: false,
    async visibleDatasets(ids) {
      if (ids.length === 0) return new Set();
      const [rights, access_] = await Promise.all([
        peerDatasets<{ id: string; accessRights: { code: string } }>(catalog, 'accessRights { code }', ids),
        peerDatasets<{ id: string; viewerAccess: { status: string } }>(access, 'viewerAccess { status }', ids),
      ]);
      const visible = new Set<string>();
      rights.forEach((r) => r?.accessRights.code === 'PUBLIC' && visible.add(r.id));
      access_.forEach((a) => a?.viewerAccess.status === 'GRANTED' && visible.add(a.id));
      return visible;
    },
  };
}
