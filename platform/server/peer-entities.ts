import { REQUEST_ID_HEADER } from '../identity/internal-token.js';

/** A peer subgraph as a subgraph calls it: its GraphQL URL and the `Bearer …` token the gateway gave for it. */
export interface Peer {
  url: string | undefined;
  identity: string | undefined;
  /** The request id the calls belong to, sent as `X-Request-Id` (the peer records it). */
  requestId?: string | undefined;
}

/**
 * Resolves `Dataset` entities (by id) on a peer subgraph with `selection`, as the current caller, in the
 * order of `ids` (null for unknown ones). Throws when the peer cannot be reached or refuses.
 */
export async function peerDatasets<T>(peer: Peer, selection: string, ids: readonly string[]): Promise<(T | null)[]> {
  if (ids.length === 0) return [];
  if (!peer.url || !peer.identity) throw new Error('a peer subgraph cannot be reached');
  const response = await fetch(peer.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: peer.identity, ...(peer.requestId ? { [REQUEST_ID_HEADER]: peer.requestId } : {}) },
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
