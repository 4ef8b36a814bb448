import { onwardIdentity } from '../../platform/identity/onward-identity.js';
import type { SubgraphService } from '../../platform/server/subgraph-service.js';
import type { AuditSettings } from './audit/checkpoints.js';
import type { AccessContext } from './context.js';
import { catalogDirectory, type DatasetDirectory } from './dataset-directory.js';
import { migrationsFolder, name, resolvers, typeDefs } from './index.js';
import { createLoaders } from './loaders.js';
import { seedDemoAccess } from './seed/seed-demo.js';
import { schedulePermitReminders } from './changes/permit-reminders.js';

export interface AccessServiceOptions {
  /** The catalog subgraph's GraphQL URL, read per request (it may be known only once the catalog listens). */
  catalogUrl: () => string | undefined;
  /** Replaces the catalog lookup (subgraph-level tests). */
  datasets?: DatasetDirectory;
  /** The audit trail's key and checkpoint file (see audit/checkpoints.ts). */
  audit: AuditSettings;
}

/** The access subgraph as the shared server code runs it. */
export function createAccessService(options: AccessServiceOptions): SubgraphService<AccessContext> {
  return {
    name,
    typeDefs,
    resolvers: resolvers as unknown as SubgraphService<AccessContext>['resolvers'],
    migrationsFolder,
    schema: 'access',
    changeChannel: 'access_changed',
    // Permits about to expire, or expired: checked at start and every hour (each reminder is written once).
    startBackground: (database, { logger }) => schedulePermitReminders(database, logger),
    createContext: (database, request) => {
      const today = new Date().toISOString().slice(0, 10);
      const header = onwardIdentity(request.headers, 'catalog');
      return {
        db: database.db,
        caller: request.caller,
        loaders: createLoaders(database.db, request.caller, today),
        datasets: options.datasets ?? catalogDirectory(options.catalogUrl(), header),
        today,
        audit: options.audit,
      };
    },
    seedDemo: (database) => seedDemoAccess(database),
  };
}
