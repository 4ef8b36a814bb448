import type { Database } from '../../platform/db/database.js';
import { createLogger } from '../../platform/logger.js';
import { startSubgraphs } from '../../platform/server/start-services.js';
import { DataGenerations } from '../../gateway/response-cache/data-generations.js';
import { startGateway, type RunningGateway, type StartGatewayOptions } from '../../gateway/start-gateway.js';
import { createAuditWriter } from '../../subgraphs/access/audit-writer.js';
import { createTestServices, runningSubgraphUrls } from './test-services.js';
import { testAudit } from './test-audit.js';
import type { TestResponse } from './catalog-client.js';
import { createTestIdentity, type TestIdentity } from './test-identity.js';

/** The whole supergraph on free ports, for end-to-end tests. */
export interface TestStack {
  /** The gateway's base URL. */
  readonly url: string;
  /** What the start-up log names: the GraphQL endpoint and (development only) the explorer. */
  readonly entryPoints: RunningGateway['entryPoints'];
  /** The keys behind the stack, to mint callers' tokens. */
  readonly identity: TestIdentity;
  /** Each subgraph's GraphQL URL, for tests that call one directly. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** POSTs a GraphQL operation to the gateway and returns the HTTP status and the parsed body. */
  queryGateway<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: TestResponse<T> }>;
  stop(): Promise<void>;
}

/**
 * Starts every subgraph on port 0 over `database`, then the gateway over the committed supergraph with the
 * subgraphs' real URLs — the same HTTP hops as production. `gatewayOptions` switch on production
 * hardening or change the gateway's request rules.
 */
export async function startTestStack(
  database: Database,
  testIdentity?: TestIdentity,
  gatewayOptions: Pick<StartGatewayOptions, 'production' | 'rules' | 'store'> = {},
): Promise<TestStack> {
  const logger = createLogger('silent');
  const ids = testIdentity ?? (await createTestIdentity());
  // Each stack's subgraphs call each other, whatever other stack the test runs.
  const urls: Record<string, string> = {};
  const subgraphs = await startSubgraphs(database, createTestServices(urls).map((service) => ({ service, port: 0 })), {
    host: '127.0.0.1',
    logger,
    gatewayPublicKey: ids.identity.gatewayKey.publicKey,
  });
  for (const s of subgraphs) runningSubgraphUrls[s.name] = urls[s.name] = s.url;
  const changes = await DataGenerations.hear(database);
  const gateway = await startGateway({
    changes,
    host: '127.0.0.1',
    port: 0,
    subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
    logger,
    identity: ids.identity,
    audit: createAuditWriter(database.db, testAudit.key),
    ...gatewayOptions,
  });
  return {
    url: gateway.url,
    entryPoints: gateway.entryPoints,
    identity: ids,
    subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
    async queryGateway(query, variables = {}, headers = {}) {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as TestResponse<never> };
    },
    async stop() {
      await gateway.stop();
      await Promise.allSettled(subgraphs.map((s) => s.stop()));
      await changes.stop();
    },
  };
}
