/**
 * `npm run start:gateway`: the gateway alone, for deployments where each subgraph runs in its own process
 * or container. Subgraph URLs come from CATALOG_URL and ACCESS_URL; the database (DATABASE_URL) only
 * receives the gateway's audit entries, so the access subgraph must have migrated it.
 */
import '../platform/no-telemetry.js';
import type { SubgraphName } from '../platform/config.js';
import { loadConfigOrExit } from './load-config-or-exit.js';
import { loadIdentity } from '../platform/identity/load-identity.js';
import { createLogger } from '../platform/logger.js';
import { startGateway } from '../gateway/start-gateway.js';
import { openConfiguredDatabase } from '../platform/server/start-services.js';
import { createAuditWriter } from '../subgraphs/access/audit-writer.js';

const config = loadConfigOrExit();
const logger = createLogger(config.logLevel);
const subgraphUrls: Record<string, string> = {};
for (const [name, { url, port }] of Object.entries(config.subgraphs) as [SubgraphName, { url: string | undefined; port: number }][]) {
  subgraphUrls[name] = url ?? `http://127.0.0.1:${port}/graphql`;
}
const identity = await loadIdentity(config);
// The gateway writes its audit entries into the access subgraph's audit trail, in the shared database.
const database = await openConfiguredDatabase(config);
const audit = createAuditWriter(database.db);
const gateway = await startGateway({ host: config.host, port: config.port, subgraphUrls, logger, identity, audit, production: config.production });
const stop = async () => {
  await gateway.stop();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
