import type { IncomingHttpHeaders } from 'node:http';

/**
 * Subgraphs that call other subgraphs on the caller's behalf, and which ones. For each pair the gateway
 * adds a gateway identity token for the callee in the header `onwardIdentityHeader(callee)`; nothing
 * else lets one subgraph call another, so a subgraph can never ask more than its caller could.
 */
export const ONWARD_CALLS: Readonly<Record<string, readonly string[]>> = {
  access: ['catalog'],
  lineage: ['catalog', 'access'],
};

/** The header carrying the identity token for calls to `callee`. */
export function onwardIdentityHeader(callee: string): string {
  return `x-identity-${callee}`;
}

/** The `Bearer …` value the gateway gave for calls to `callee`, if any. */
export function onwardIdentity(headers: IncomingHttpHeaders, callee: string): string | undefined {
  const value = headers[onwardIdentityHeader(callee)];
  return typeof value === 'string' ? value : undefined;
}
