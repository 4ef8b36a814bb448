import type { AnySubgraphService } from '../../platform/server/subgraph-service.js';
import { createAccessService } from '../../subgraphs/access/service.js';
import { catalogService } from '../../subgraphs/catalog/service.js';
import { createLineageService } from '../../subgraphs/lineage/service.js';
import { testAudit } from './test-audit.js';

/** Subgraph URLs of the running test stack, by name (filled in once they listen). */
export const runningSubgraphUrls: Record<string, string> = {};

/**
 * The services of the supergraph, as tests run them, calling each other at the addresses `urls` holds
 * once they listen (a stack of its own per node when a test runs two nodes).
 */
export function createTestServices(urls: Readonly<Record<string, string>>): readonly AnySubgraphService[] {
  return [
    catalogService,
    // Webhooks may reach the tests' own receivers on loopback, and retry quickly.
    createAccessService({ catalogUrl: () => urls.catalog, audit: testAudit, webhooks: { allowedTargets: ['127.0.0.1'], retryBaseMs: 100, pollMs: 250 } }),
    // No polling for other processes' leftovers: it would add statements to what tests count.
    createLineageService({ peerUrl: (name) => urls[name], strayPollMs: 0 }),
  ];
}

/** The services of the supergraph, as tests run them, at the addresses of `runningSubgraphUrls`. */
export const testServices: readonly AnySubgraphService[] = createTestServices(runningSubgraphUrls);
