/**
 * `npm start`: the whole platform in one process — the gateway and every subgraph, each on its own HTTP
 * port, the gateway calling them over HTTP exactly as in production. Embedded PGlite under DATA_DIR unless
 * DATABASE_URL is set; migrations applied and missing demo data written at start.
 */
import '../platform/no-telemetry.js';
// Before anything allocates: how far the heap grows between full collections (see heap-growth.ts).
import '../platform/server/heap-growth.js';
// Starts tracing when configured: before anything that loads http, express or pg (see tracing.ts).
import { shutdownTracing } from '../platform/observability/tracing.js';
import { observeDatabasePool } from '../platform/observability/metrics.js';
import { loadConfigOrExit } from './load-config-or-exit.js';
import { loadIdentity } from '../platform/identity/load-identity.js';
import { createLogger } from '../platform/logger.js';
import { openConfiguredDatabase } from '../platform/db/open-configured-database.js';
import { prepareDatabase, startSubgraphs } from '../platform/server/start-services.js';
import { DataGenerations } from '../gateway/response-cache/data-generations.js';
import { readyMessage, startGateway } from '../gateway/start-gateway.js';
import { createAccessService } from '../subgraphs/access/service.js';
import { catalogService } from '../subgraphs/catalog/service.js';
import { createLineageService } from '../subgraphs/lineage/service.js';
import { createAuditWriter } from '../subgraphs/access/audit-writer.js';
import { loadAuditSettings, startAuditCheckpoints } from '../subgraphs/access/audit/checkpoints.js';

const config = loadConfigOrExit();
const logger = createLogger(config.logLevel);
const started = Date.now();
const database = await openConfiguredDatabase(config);
observeDatabasePool(database);
const subgraphUrls: Record<string, string> = {};
const peerUrl = (name: 'catalog' | 'access') => config.subgraphs[name].url ?? subgraphUrls[name];
const auditSettings = await loadAuditSettings(config);
const services = [
  { service: catalogService, port: config.subgraphs.catalog.port },
  { service: createAccessService({ catalogUrl: () => peerUrl('catalog'), audit: auditSettings, webhooks: config.webhooks }), port: config.subgraphs.access.port },
  { service: createLineageService({ peerUrl }), port: config.subgraphs.lineage.port },
];
try {
  await prepareDatabase(database, services.map((s) => s.service), { seed: config.seed === 'demo', logger });
  const identity = await loadIdentity(config);
  const subgraphs = await startSubgraphs(database, services, {
    host: config.host,
    logger,
    gatewayPublicKey: identity.gatewayKey.publicKey,
    production: config.production,
    metricsToken: config.metricsToken,
    shutdownGraceMs: config.shutdownGraceMs,
    changeRetentionDays: config.changeRetentionDays,
  });
  for (const s of subgraphs) subgraphUrls[s.name] = s.url;
  const audit = createAuditWriter(database.db, auditSettings.key);
  const checkpoints = startAuditCheckpoints(database.db, auditSettings, logger, config.audit.checkpointIntervalMs);
  // The subgraphs' changes, heard from the database, keep the gateway's response cache exact.
  const changes = await DataGenerations.hear(database);
  const gateway = await startGateway({ changes, host: config.host, port: config.port, subgraphUrls, logger, identity, audit, production: config.production, rules: config.gateway, metricsToken: config.metricsToken, shutdownGraceMs: config.shutdownGraceMs });
  logger.info({ ...gateway.entryPoints, engine: database.engine, ms: Date.now() - started }, readyMessage(gateway.entryPoints));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // Whatever happens, do not outlive a stuck shutdown: two grace periods (gateway, then subgraphs) and 5 s.
    setTimeout(() => process.exit(1), config.shutdownGraceMs * 2 + 5_000).unref();
    // The gateway first: its requests in flight still need the subgraphs, which drain next.
    await gateway.stop().catch((err: unknown) => logger.error({ err }, 'gateway stop failed'));
    await Promise.allSettled(subgraphs.map((s) => s.stop()));
    await checkpoints.stop();
    await database.close();
    await shutdownTracing().catch((err: unknown) => logger.error({ err }, 'trace export failed'));
    logger.info({ signal }, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  logger.fatal({ err: error }, 'start-up failed');
  await database.close();
  process.exit(1);
}
