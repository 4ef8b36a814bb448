import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import { ContactPoint } from './resolvers/contact-point.js';
import { Dataset } from './resolvers/dataset.js';
import { DataHolder } from './resolvers/data-holder.js';
import { Distribution } from './resolvers/distribution.js';
import { Mutation } from './resolvers/curation.js';
import { DatasetHistoryEntry } from './resolvers/history.js';
import { Query } from './resolvers/query.js';
import { SavedSearch, savedSearchMutations, savedSearchQueries } from './resolvers/saved-searches.js';
import { HarvestRun, HarvestSource, harvestMutations, harvestQueries } from './resolvers/harvest-sources.js';

/** The subgraph's name in the supergraph. */
export const name = 'catalog';

/** The SDL file composition reads; the same file is served by the subgraph. */
export const schemaFile = new URL('./schema.graphql', import.meta.url);

/** The subgraph's schema, parsed from `schema.graphql`. */
export const typeDefs: DocumentNode = parse(readFileSync(schemaFile, 'utf8'));

/** The subgraph's resolvers, grouped by type. */
export const resolvers = {
  Query: { ...Query, ...savedSearchQueries, ...harvestQueries },
  Mutation: { ...Mutation, ...savedSearchMutations, ...harvestMutations },
  HarvestSource,
  HarvestRun,
  Dataset,
  DataHolder,
  Distribution,
  DatasetHistoryEntry,
  ContactPoint,
  SavedSearch,
};

/** The drizzle-kit migrations of the `catalog` schema. */
export const migrationsFolder = new URL('./db/migrations/', import.meta.url);
