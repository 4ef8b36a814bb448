import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import { Mutation } from './resolvers/mutation.js';
import { Query } from './resolvers/query.js';
import { changesQuery } from './resolvers/changes.js';
import { WebhookDelivery, WebhookSubscription, webhookMutations, webhookQueries } from './resolvers/webhooks.js';
import { AccessApplication, AuditEntry, Dataset, Organisation, Permit, PublicPermit } from './resolvers/types.js';

/** The subgraph's name in the supergraph. */
export const name = 'access';

/** The SDL file composition reads; the same file is served by the subgraph. */
export const schemaFile = new URL('./schema.graphql', import.meta.url);

/** The subgraph's schema, parsed from `schema.graphql`. */
export const typeDefs: DocumentNode = parse(readFileSync(schemaFile, 'utf8'));

/** The subgraph's resolvers, grouped by type. */
export const resolvers = { Query: { ...Query, ...changesQuery, ...webhookQueries }, Mutation: { ...Mutation, ...webhookMutations }, WebhookSubscription, WebhookDelivery, Dataset, Organisation, AccessApplication, Permit, PublicPermit, AuditEntry };

/** The drizzle-kit migrations of the `access` schema. */
export const migrationsFolder = new URL('./db/migrations/', import.meta.url);
