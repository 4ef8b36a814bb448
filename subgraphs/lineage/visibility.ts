import { hasRole, type Caller } from '../../platform/identity/caller.js';
import type { Role } from '../../platform/identity/roles.js';

/** Roles that see the whole lineage graph. */
export const INTERNAL_ROLES: Role[] = ['pipeline', 'data-steward', 'hdab-reviewer', 'auditor', 'admin'];

/** Decides which catalogue datasets a caller may see the lineage of. */
export interface LineageVisibility {
  /** True when the caller sees every node. */
  readonly seesAll: boolean;
  /** Of `datasetIds`, those whose lineage the caller may see. */
  visibleDatasets(datasetIds: readonly string[]): Promise<Set<string>>;
}

interface Peer {
  url: string | undefined;
  identity: string | undefined;
}

async function entities<T>(peer: Peer, selection: string, ids: readonly string[]): Promise<(T | null)[]> {
  if (!peer.url || !peer.identity) throw new Error('a peer subgraph cannot be reached to decide lineage visibility');
  const response = await fetch(peer.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: peer.identity },
    body: JSON.stringify({
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Dataset { id ${selection} } } }`,
      variables: { r: ids.map((id) => ({ __typename: 'Dataset', id })) },
    }),
    signal: AbortSignal.timeout(5000),
  });
  const body = (await response.json()) as { data?: { _entities: (T | null)[] } };
  if (!response.ok || !body.data) throw new Error(`peer subgraph answered HTTP ${response.status}`);
  return body.data._entities;
}

/**
 * Internal roles see everything. A researcher sees the lineage of catalogue datasets that are PUBLIC or
 * that their organisation holds an active permit for: the catalog subgraph says which are public, the
 * access subgraph which are granted, both asked as the caller. Anyone else sees nothing.
 */
export function lineageVisibility(caller: Caller, catalog: Peer, access: Peer): LineageVisibility {
  if (hasRole(caller, ...INTERNAL_ROLES)) return { seesAll: true, visibleDatasets: async (ids) => new Set(ids) };
  if (!hasRole(caller, 'researcher')) return { seesAll: false, visibleDatasets: async () => new Set() };
  return {
    seesAll: false,
    async visibleDatasets(ids) {
      if (ids.length === 0) return new Set();
      const [rights, access_] = await Promise.all([
        entities<{ id: string; accessRights: { code: string } }>(catalog, 'accessRights { code }', ids),
        entities<{ id: string; viewerAccess: { status: string } }>(access, 'viewerAccess { status }', ids),
      ]);
      const visible = new Set<string>();
      rights.forEach((r) => r?.accessRights.code === 'PUBLIC' && visible.add(r.id));
      access_.forEach((a) => a?.viewerAccess.status === 'GRANTED' && visible.add(a.id));
      return visible;
    },
  };
}
