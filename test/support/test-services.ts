import type { AnySubgraphService } from '../../platform/server/subgraph-service.js';
import { catalogService } from '../../subgraphs/catalog/service.js';

/** The services whose schemas the test template database carries. */
export const testServices: readonly AnySubgraphService[] = [catalogService];
