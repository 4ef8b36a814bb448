/**
 * `npm run start:gateway`: the gateway alone, for deployments where each subgraph runs in its own process
 * or container. Subgraph URLs come from CATALOG_URL and ACCESS_URL; the database (DATABASE_URL) only
 * receives the gateway's audit entries, so the access subgraph must have migrated it.
 */
import '../platform/no-telemetry.js';
// Before anything allocates: how far the heap grows between full collections (see heap-growth.ts).
import '../platform/server/heap-growth.js';
// Starts tracing when configured: before anything that loads http, express or pg (see tracing.ts).
import { shutdownTracing } from '../platform/observability/tracing.js';
import { observeDatabasePool } from '../platform/observability/metrics.js';
import type { SubgraphName } from '../platform/config.js';
import { loadConfigOrExit } from './load-config-or-exit.js';
import { loadIdentity } from '../platform/identity/load-identity.js';
import { createLogger } from '../platform/logger.js';
import { DataGenerations } from '../gateway/response-cache/data-generations.js';
import { startGateway } from '../gateway/start-gateway.js';
import { openConfiguredDatabase } from '../platform/db/open-configured-database.js';
import { createAuditWriter } from '../subgraphs/access/audit-writer.js';
import { loadAuditSettings } from '../subgraphs/access/audit/checkpoints.js';

const config = loadConfigOrExit();
const logger = createLogger(config.logLevel);
const subgraphUrls: Record<string, string> = {};
for (const [name, { url, port }] of Object.entries(config.subgraphs) as [SubgraphName, { url: string | undefined; port: number }][]) {
  subgraphUrls[name] = url ?? `http://127.0.0.1:${port}/graphql`;
}
const identity = await loadIdentity(config);
// The gateway writes its audit entries into the access subgraph's audit trail, in the shared database.
const database = await openConfiguredDatabase(config);
observeDatabasePool(database);
const auditSettings = await loadAuditSettings(config);
const audit = createAuditWriter(database.db, auditSettings.key);
// The subgraphs' changes, heard from the database, keep the gateway's response cache exact.
const changes = await DataGenerations.hear(database);
const gateway = await startGateway({ changes, host: config.host, port: config.port, subgraphUrls, logger, identity, audit, production: config.production, rules: config.gateway, metricsToken: config.metricsToken, shutdownGraceMs: config.shutdownGraceMs });
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  // Whatever happens, do not outlive a stuck shutdown by more than the grace period and 5 s.
  setTimeout(() => process.exit(1), config.shutdownGraceMs + 5_000).unref();
  await gateway.stop().catch((err: unknown) => logger.error({ err }, 'gateway stop failed'));
  await database.close();
  await shutdownTracing().catch((err: unknown) => logger.error({ err }, 'trace export failed'));
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
