/**
 * `npm run start:subgraph -- <name>`: one subgraph alone, on its configured port (CATALOG_PORT, ...),
 * migrating its schema and writing its missing demo data first.
 */
import '../platform/no-telemetry.js';
// Before anything allocates: how far the heap grows between full collections (see heap-growth.ts).
import '../platform/server/heap-growth.js';
// Starts tracing when configured: before anything that loads http, express or pg (see tracing.ts).
import { shutdownTracing } from '../platform/observability/tracing.js';
import { observeDatabasePool } from '../platform/observability/metrics.js';
import { loadConfigOrExit } from './load-config-or-exit.js';
import { loadGatewayVerificationKey } from '../platform/identity/load-identity.js';
import { createLogger } from '../platform/logger.js';
import { openConfiguredDatabase } from '../platform/db/open-configured-database.js';
import { prepareDatabase, startSubgraphs } from '../platform/server/start-services.js';
import type { AnySubgraphService } from '../platform/server/subgraph-service.js';
import { createAccessService } from '../subgraphs/access/service.js';
import { loadAuditSettings, startAuditCheckpoints } from '../subgraphs/access/audit/checkpoints.js';
import { catalogService } from '../subgraphs/catalog/service.js';
import { createLineageService } from '../subgraphs/lineage/service.js';

const config = loadConfigOrExit();
const subgraphs = config.subgraphs;
const peerUrl = (peer: 'catalog' | 'access') => subgraphs[peer].url ?? `http://127.0.0.1:${subgraphs[peer].port}/graphql`;
const auditSettings = await loadAuditSettings(config);
const services: Record<string, AnySubgraphService> = {
  catalog: catalogService,
  access: createAccessService({ catalogUrl: () => peerUrl('catalog'), audit: auditSettings, webhooks: config.webhooks }),
  lineage: createLineageService({ peerUrl }),
};
const name = process.argv[2] ?? '';
const service = services[name];
if (!service) {
  console.error(`Usage: npm run start:subgraph -- <${Object.keys(services).join('|')}>`);
  process.exit(2);
}
const logger = createLogger(config.logLevel);
const database = await openConfiguredDatabase(config);
observeDatabasePool(database);
const port = config.subgraphs[name as keyof typeof config.subgraphs].port;
await prepareDatabase(database, [service], { seed: config.seed === 'demo', logger });
const gatewayPublicKey = await loadGatewayVerificationKey(config);
const [running] = await startSubgraphs(database, [{ service, port }], {
  host: config.host,
  logger,
  gatewayPublicKey,
  production: config.production,
  metricsToken: config.metricsToken,
  shutdownGraceMs: config.shutdownGraceMs,
});
// The access subgraph keeps the audit trail: it writes the checkpoints of its head.
const checkpoints = name === 'access' ? startAuditCheckpoints(database.db, auditSettings, logger, config.audit.checkpointIntervalMs) : undefined;
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  // Whatever happens, do not outlive a stuck shutdown by more than the grace period and 5 s.
  setTimeout(() => process.exit(1), config.shutdownGraceMs + 5_000).unref();
  await running?.stop().catch((err: unknown) => logger.error({ err }, 'subgraph stop failed'));
  await checkpoints?.stop();
  await database.close();
  await shutdownTracing().catch((err: unknown) => logger.error({ err }, 'trace export failed'));
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
