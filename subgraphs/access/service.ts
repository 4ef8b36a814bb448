import { onwardIdentity } from '../../platform/identity/onward-identity.js';
import type { SubgraphService } from '../../platform/server/subgraph-service.js';
import type { AuditSettings } from './audit/checkpoints.js';
import type { AccessContext } from './context.js';
import { catalogDirectory, type DatasetDirectory } from './dataset-directory.js';
import { migrationsFolder, name, resolvers, typeDefs } from './index.js';
import { createLoaders } from './loaders.js';
import { seedDemoAccess } from './seed/seed-demo.js';
import { schedulePermitReminders } from './changes/permit-reminders.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';
import { WebhookTargetPolicy } from './webhooks/webhook-target.js';

export interface AccessServiceOptions {
  /** The catalog subgraph's GraphQL URL, read per request (it may be known only once the catalog listens). */
  catalogUrl: () => string | undefined;
  /** Replaces the catalog lookup (subgraph-level tests). */
  datasets?: DatasetDirectory;
  /** The audit trail's key and checkpoint file (see audit/checkpoints.ts). */
  audit: AuditSettings;
  /** Webhook delivery: targets allowed beyond public addresses (`WEBHOOK_ALLOWED_TARGETS`), and retries. */
  webhooks?: { allowedTargets?: readonly string[]; retryBaseMs?: number; retryForMs?: number; pollMs?: number; retentionDays?: number };
}

/** The access subgraph as the shared server code runs it. */
export function createAccessService(options: AccessServiceOptions): SubgraphService<AccessContext> {
  const policy = new WebhookTargetPolicy(options.webhooks?.allowedTargets ?? []);
  return {
    name,
    typeDefs,
    resolvers: resolvers as unknown as SubgraphService<AccessContext>['resolvers'],
    migrationsFolder,
    schema: 'access',
    changeChannel: 'access_changed',
    // Permits about to expire, or expired: checked at start and every hour (each reminder is written once).
    startBackground: (database, { logger }) => {
      const stopReminders = schedulePermitReminders(database, logger);
      const dispatcher = new WebhookDispatcher(database, { policy, logger, ...options.webhooks });
      const started = dispatcher.start().catch((error: unknown) => logger.warn({ err: error }, 'webhooks will not be dispatched by this process'));
      return async () => {
        await started;
        await dispatcher.stop();
        await stopReminders();
      };
    },
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
        webhooks: { policy },
      };
    },
    seedDemo: (database) => seedDemoAccess(database),
  };
}
