import { isMutationRequest } from '../../platform/graphql/operation-kind.js';
import type { ApolloServer } from '@apollo/server';
import type { Database } from '../../platform/db/database.js';
import { createLogger } from '../../platform/logger.js';
import { createSubgraphApollo } from '../../platform/server/start-subgraph.js';
import type { SubgraphService } from '../../platform/server/subgraph-service.js';
import type { CatalogContext } from '../../subgraphs/catalog/context.js';
import { catalogService } from '../../subgraphs/catalog/service.js';
import { testCaller } from './test-identity.js';
import type { Caller } from '../../platform/identity/caller.js';

/** A GraphQL answer as a test reads it. */
export interface TestResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[];
}

/** The catalog subgraph, executed in-process (see `subgraphExecutor`). */
export function catalogExecutor(database: Database) {
  return subgraphExecutor<CatalogContext>(catalogService, database);
}

/**
 * A subgraph's Apollo Server, executed in-process through `executeOperation` with a fresh context per
 * call, as the HTTP server would build it for the given caller.
 */
export async function subgraphExecutor<Context extends object>(service: SubgraphService<Context>, database: Database) {
  const apollo: ApolloServer<Context> = createSubgraphApollo(service, createLogger('silent'));
  await apollo.start();
  return {
    async run<T = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown> = {},
      headers: Record<string, string> = {},
      caller: Caller = testCaller(),
    ): Promise<TestResponse<T>> {
      const contextValue = await service.createContext(database, { headers, caller, writes: isMutationRequest({ query }) });
      const response = await apollo.executeOperation<T>({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      return response.body.singleResult as TestResponse<T>;
    },
    stop: () => apollo.stop(),
  };
}
