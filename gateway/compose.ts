import { composeServices } from '@apollo/composition';
import type { SubgraphSdl } from './subgraphs.js';

/** The committed supergraph, relative to the repository root. */
export const supergraphFile = new URL('./supergraph.graphql', import.meta.url);

export type CompositionResult = { ok: true; supergraphSdl: string } | { ok: false; errors: string[] };

/** Composes the subgraphs' SDL into a supergraph with Apollo Federation 2 composition; nothing is introspected. */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): CompositionResult {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: s.url })));
  if (result.errors) {
    return { ok: false, errors: result.errors.map((e) => `${e.extensions?.code ?? 'COMPOSITION_ERROR'}: ${e.message}`) };
  }
  return { ok: true, supergraphSdl: `${result.supergraphSdl.trimEnd()}\n` };
}
