import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import { LineageNode } from './resolvers/lineage-node.js';
import { Dataset, LineageJob, LineageRun, Mutation, Query } from './resolvers/query.js';

/** The subgraph's name in the supergraph. */
export const name = 'lineage';

/** The SDL file composition reads; the same file is served by the subgraph. */
export const schemaFile = new URL('./schema.graphql', import.meta.url);

/** The subgraph's schema, parsed from `schema.graphql`. */
export const typeDefs: DocumentNode = parse(readFileSync(schemaFile, 'utf8'));

/** The subgraph's resolvers, grouped by type. */
export const resolvers = { Query, Mutation, Dataset, LineageJob, LineageRun, LineageNode };

/** The drizzle-kit migrations of the `lineage` schema. */
export const migrationsFolder = new URL('./db/migrations/', import.meta.url);
