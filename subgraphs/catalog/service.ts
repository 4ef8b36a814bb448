import type { SubgraphService } from '../../platform/server/subgraph-service.js';
import { languageFromHeader } from '../../platform/graphql/language.js';
import type { CatalogContext } from './context.js';
import { migrationsFolder, name, resolvers, typeDefs } from './index.js';
import { catalogueRouter } from './http/catalogue-router.js';
import { forwardedBase } from './http/public-base.js';
import { createLoaders } from './loaders.js';
import { refreshSearchEntries } from './db/queries/search-entries.js';
import { seedDemoCatalog } from './seed/seed-demo.js';

/** The catalog subgraph as the shared server code runs it. */
export const catalogService: SubgraphService<CatalogContext> = {
  name,
  typeDefs,
  resolvers: resolvers as unknown as SubgraphService<CatalogContext>['resolvers'],
  migrationsFolder,
  schema: 'catalog',
  createContext: (database, request) => ({
    db: database.db,
    loaders: createLoaders(database.db),
    language: languageFromHeader(request.headers['accept-language']),
    caller: request.caller,
    publicBase: forwardedBase((name) => request.headers[name]),
  }),
  // The harvestable DCAT-AP / HealthDCAT-AP export, served at the gateway's /catalogue.
  http: (database) => catalogueRouter(database),
  afterMigrate: (database) => database.db.transaction((tx) => refreshSearchEntries(tx, 'missing')),
  seedDemo: async (database) => {
    const written = await seedDemoCatalog(database);
    return written.holders + written.datasets;
  },
};
