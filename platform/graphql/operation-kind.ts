import { getOperationAST, parse } from 'graphql';
import { LRUCache } from 'lru-cache';

/** Documents already classified (texts up to 20,000 characters; longer ones are parsed each time). */
const known = new LRUCache<string, boolean>({ max: 1000 });
const KEPT_LENGTH = 20_000;

/**
 * True when a GraphQL request body (`{ query, operationName }`) asks for a mutation. A document without
 * the word `mutation` is not parsed at all; one that does not parse is not a mutation (it is refused
 * later, by the server's own validation).
 */
export function isMutationRequest(body: unknown): boolean {
  const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string' || !query.includes('mutation')) return false;
  const name = typeof operationName === 'string' ? operationName : undefined;
  const key = `${name ?? ''}\u0000${query}`;
  const cached = query.length <= KEPT_LENGTH ? known.get(key) : undefined;
  if (cached !== undefined) return cached;
  let mutation: boolean;
  try {
    mutation = getOperationAST(parse(query), name)?.operation === 'mutation';
  } catch {
    mutation = false;
  }
  if (query.length <= KEPT_LENGTH) known.set(key, mutation);
  return mutation;
}
