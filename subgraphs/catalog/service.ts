import type { SubgraphService } from '../../platform/server/subgraph-service.js';
import { languageFromHeader } from '../../platform/graphql/language.js';
import type { CatalogContext } from './context.js';
import { migrationsFolder, name, resolvers, typeDefs } from './index.js';
import { catalogueRouter } from './http/catalogue-router.js';
import { forwardedBase } from './http/public-base.js';
import { createLoaders } from './loaders.js';
import { CatalogRecordCache } from './catalog-record-cache.js';
import { isInternal } from '../../platform/identity/caller.js';
import { refreshSearchEntries } from './db/queries/search-entries.js';
import { seedDemoCatalog } from './seed/seed-demo.js';
import { ReadRouting, readAfterOf } from '../../platform/db/read-routing.js';
import { CATALOGUE_CHANGED_CHANNEL } from './http/catalogue-document-cache.js';
import { SavedSearchMatcher } from './saved-searches/saved-search-matcher.js';
import { Harvester } from './harvest/harvester.js';
import type { Database } from '../../platform/db/database.js';
import { createLogger, type Logger } from '../../platform/logger.js';

/** The logger of harvests run on demand where no background work was started (tests of the schema alone). */
const quietLogger = createLogger('silent');

/** Records kept between requests, per database served (started with the subgraph's HTTP face). */
const recordCaches = new WeakMap<object, CatalogRecordCache>();
/** The harvesting of each database served (its scheduler started with the subgraph's background work). */
const harvesters = new WeakMap<object, Harvester>();

function harvesterOf(database: Database, logger: Logger): Harvester {
  let harvester = harvesters.get(database);
  if (!harvester) harvesters.set(database, (harvester = new Harvester(database, logger)));
  return harvester;
}

/** Where reads go, per database served with a read replica (started with the subgraph's HTTP face). */
const readRoutings = new WeakMap<object, ReadRouting>();

/** The catalog subgraph as the shared server code runs it. */
export const catalogService: SubgraphService<CatalogContext> = {
  name,
  typeDefs,
  resolvers: resolvers as unknown as SubgraphService<CatalogContext>['resolvers'],
  migrationsFolder,
  schema: 'catalog',
  changeChannel: CATALOGUE_CHANGED_CHANNEL,
  // Saved searches kept current, and datasets that start to match them announced.
  // Scheduled harvests of other catalogues run here too.
  startBackground: (database, { logger }) => {
    const matcher = new SavedSearchMatcher(database, logger);
    const started = matcher.start().catch((error: unknown) => logger.warn({ err: error }, 'saved searches will not be matched by this process'));
    const harvester = harvesterOf(database, logger);
    harvester.start();
    return async () => {
      await started;
      await matcher.stop();
      await harvester.stop();
      harvesters.delete(database);
    };
  },
  createContext: async (database, request) => {
    const readAfter = readAfterOf(request.headers);
    // Internal roles curate, and a caller who wrote lately reads its writes: both read what is committed
    // now, never what is kept.
    const records = isInternal(request.caller) || readAfter !== undefined ? undefined : recordCaches.get(database);
    // A request that writes reads from the primary too; others from the replica when it may answer.
    const routing = request.writes ? undefined : readRoutings.get(database);
    const reads = routing ? await routing.forRequest(readAfter) : () => database.db;
    return {
      db: database.db,
      reads,
      records,
      loaders: createLoaders(reads, records, () => database.db),
      language: languageFromHeader(request.headers['accept-language']),
      caller: request.caller,
      publicBase: forwardedBase((name) => request.headers[name]),
      harvester: harvesterOf(database, quietLogger),
    };
  },
  // The harvestable DCAT-AP / HealthDCAT-AP export, served at the gateway's /catalogue.
  http: (database) => {
    // CATALOG_RECORD_CACHE=off (validated by loadConfig) reads everything afresh: benchmarks of the search itself.
    if (!recordCaches.has(database) && process.env.CATALOG_RECORD_CACHE !== 'off') {
      const records = new CatalogRecordCache();
      recordCaches.set(database, records);
      // Until it hears the catalog (or if it cannot), nothing is kept.
      records.start(database).catch(() => undefined);
    }
    if (database.replica && !readRoutings.has(database)) {
      const routing = new ReadRouting(database);
      readRoutings.set(database, routing);
      // Until it hears the catalog, every read stays on the primary.
      routing.start([CATALOGUE_CHANGED_CHANNEL]).catch(() => undefined);
    }
    return catalogueRouter(database);
  },
  close: async (database) => {
    await recordCaches.get(database)?.stop();
    recordCaches.delete(database);
    await readRoutings.get(database)?.stop();
    readRoutings.delete(database);
  },
  afterMigrate: (database) => database.db.transaction((tx) => refreshSearchEntries(tx, 'missing')),
  seedDemo: async (database) => {
    const written = await seedDemoCatalog(database);
    return written.holders + written.datasets;
  },
};
