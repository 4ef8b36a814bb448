/**
 * `npm run db:migrate`: applies every subgraph's pending migrations to DATABASE_URL and brings derived
 * data up to date, then exits; demo data only with SEED=demo. Run it once per release, before the new
 * processes start (the Kubernetes Job in deploy/kubernetes does). Processes also migrate at start;
 * concurrent runs wait for one another.
 */
import '../platform/no-telemetry.js';
import { loadConfigOrExit } from './load-config-or-exit.js';
import { createLogger } from '../platform/logger.js';
import { openConfiguredDatabase } from '../platform/db/open-configured-database.js';
import { prepareDatabase } from '../platform/server/start-services.js';
import { createAccessService } from '../subgraphs/access/service.js';
import { loadAuditSettings } from '../subgraphs/access/audit/checkpoints.js';
import { catalogService } from '../subgraphs/catalog/service.js';
import { createLineageService } from '../subgraphs/lineage/service.js';

const config = loadConfigOrExit();
const logger = createLogger(config.logLevel);
if (!config.databaseUrl) {
  logger.error('DATABASE_URL is required: the embedded database migrates itself at start');
  process.exit(2);
}
const database = await openConfiguredDatabase(config);
try {
  const services = [catalogService, createAccessService({ catalogUrl: () => undefined, audit: await loadAuditSettings(config) }), createLineageService({ peerUrl: () => undefined })];
  const started = Date.now();
  await prepareDatabase(database, services, { seed: config.seed === 'demo', logger });
  logger.info({ ms: Date.now() - started, subgraphs: services.map((s) => s.name) }, 'database migrated');
} finally {
  await database.close();
}
