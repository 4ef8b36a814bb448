import { onwardIdentity } from '../../platform/identity/onward-identity.js';
import type { SubgraphService } from '../../platform/server/subgraph-service.js';
import type { LineageContext } from './context.js';
import { openLineageRouter } from './http/openlineage-router.js';
import { migrationsFolder, name, resolvers, typeDefs } from './index.js';
import { LineageTopology } from './graph/lineage-topology.js';
import { createLoaders } from './loaders.js';
import { lineageVisibility } from './visibility.js';
import { ingestEvents } from './openlineage/ingest.js';
import { EventIntake } from './openlineage/event-intake.js';
import { sndsLineageEvents } from './seed/snds-lineage.js';

export interface LineageServiceOptions {
  /** GraphQL URLs of the subgraphs lineage asks for visibility decisions, read per request. */
  peerUrl: (name: 'catalog' | 'access') => string | undefined;
  /**
   * How often to look for events another process acknowledged and did not apply (it crashed); 5 s by
   * default, 0 never (a process applies its own at start either way). Tests turn it off, so that no
   * background statement lands in what they count.
   */
  strayPollMs?: number;
}

/** The lineage subgraph as the shared server code runs it. */
export function createLineageService(options: LineageServiceOptions): SubgraphService<LineageContext> {
  // One in-memory edge copy per database the service serves (a test may run several).
  const topologies = new WeakMap<object, LineageTopology>();
  const topologyOf = (database: object) => {
    let topology = topologies.get(database);
    if (!topology) topologies.set(database, (topology = new LineageTopology()));
    return topology;
  };
  // The OpenLineage API's intake, per database; lineage reads wait for what it acknowledged (read your writes).
  const intakes = new WeakMap<object, EventIntake>();
  return {
    name,
    typeDefs,
    resolvers: resolvers as unknown as SubgraphService<LineageContext>['resolvers'],
    migrationsFolder,
    schema: 'lineage',
    changeChannel: 'lineage_changed',
    createContext: async (database, request) => {
      await intakes.get(database)?.settled();
      return {
        db: database.db,
        caller: request.caller,
        loaders: createLoaders(database.db),
        topology: topologyOf(database),
        visibility: lineageVisibility(
          request.caller,
          { url: options.peerUrl('catalog'), identity: onwardIdentity(request.headers, 'catalog'), requestId: request.caller.requestId },
          { url: options.peerUrl('access'), identity: onwardIdentity(request.headers, 'access'), requestId: request.caller.requestId },
        ),
      };
    },
    http: (database, { logger }) => {
      let intake = intakes.get(database);
      if (!intake) intakes.set(database, (intake = new EventIntake(database.db, { logger, pollMs: options.strayPollMs ?? 5000 })));
      return openLineageRouter(database, intake);
    },
    close: (database) => {
      intakes.get(database)?.close();
      intakes.delete(database);
    },
    // The demo lineage goes through the ingestion path of the OpenLineage API (validation included).
    seedDemo: async (database) => (await ingestEvents(database.db, sndsLineageEvents())).stored,
  };
}
