import type { DocumentNode } from 'graphql';
import type { SubgraphName } from '../platform/config.js';
import * as access from '../subgraphs/access/index.js';
import * as catalog from '../subgraphs/catalog/index.js';
import * as lineage from '../subgraphs/lineage/index.js';

/** A subgraph as composition sees it: its name, its SDL and the URL written into the supergraph. */
export interface SubgraphSdl {
  readonly name: SubgraphName;
  readonly typeDefs: DocumentNode;
  /** The default URL in the committed supergraph; the gateway overrides it with the configured one. */
  readonly url: string;
}

/** Every subgraph of the supergraph, in composition order. */
export const subgraphSdls: readonly SubgraphSdl[] = [
  { name: 'catalog', typeDefs: catalog.typeDefs, url: 'http://127.0.0.1:4001/graphql' },
  { name: 'access', typeDefs: access.typeDefs, url: 'http://127.0.0.1:4002/graphql' },
  { name: 'lineage', typeDefs: lineage.typeDefs, url: 'http://127.0.0.1:4003/graphql' },
];
