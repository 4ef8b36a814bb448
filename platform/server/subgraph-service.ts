import type { IncomingHttpHeaders } from 'node:http';
import type { Router } from 'express';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { DocumentNode } from 'graphql';
import type { Database } from '../db/database.js';
import type { Caller } from '../identity/caller.js';
import type { Logger } from '../logger.js';

/**
 * Everything the shared server code needs to know about one subgraph. Each subgraph exports one of these;
 * starting it (in its own process or beside the others) is done by `startSubgraph`.
 */
export interface SubgraphService<Context extends object> {
  readonly name: string;
  readonly typeDefs: DocumentNode;
  readonly resolvers: GraphQLResolverMap<Context>;
  /** drizzle-kit migrations folder, and the PostgreSQL schema that owns the subgraph's tables. */
  readonly migrationsFolder: URL;
  readonly schema: string;
  /**
   * Builds the per-request context (fresh loaders every time) for a caller the gateway vouched for.
   * `writes` is true when the request is a mutation: all of its work, reads included, is then the primary's.
   */
  createContext(database: Database, request: { headers: IncomingHttpHeaders; caller: Caller; writes: boolean }): Context | Promise<Context>;
  /**
   * REST endpoints besides GraphQL, mounted at `/api` behind the same gateway identity check; the caller is
   * in `res.locals.caller`.
   */
  http?(database: Database, context: { logger: Logger }): Router;
  /** Stops the background work `http` started for `database` (called when the subgraph stops). */
  close?(database: Database): void | Promise<void>;
  /**
   * The channel its change triggers notify on: the subgraph's change outbox (`<schema>.change_event`) is
   * then numbered by a `ChangeSequencer` while the subgraph runs.
   */
  readonly changeChannel?: string;
  /** Background work of its own (scheduled jobs), started with the subgraph; answers how to stop it. */
  startBackground?(database: Database, context: { logger: Logger }): () => Promise<void>;
  /** Brings derived data up to date after migrations (e.g. search rows); runs at every start, idempotent. */
  afterMigrate?(database: Database): Promise<void>;
  /** Writes the demo data that is missing and answers how many records it wrote (0 when all were present); idempotent. */
  seedDemo?(database: Database): Promise<number>;
}

/**
 * Any subgraph, whatever its context type: lists of services mix contexts, and a context type is both
 * produced (`createContext`) and consumed (resolvers), so no common supertype exists.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySubgraphService = SubgraphService<any>;
