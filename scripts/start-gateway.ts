/**
 * `npm run start:gateway`: the gateway alone, for deployments where each subgraph runs in its own process
 * or container. Subgraph URLs come from CATALOG_URL (and the like); nothing touches the database here.
 */
import '../platform/no-telemetry.js';
import { ConfigError, loadConfig, type SubgraphName } from '../platform/config.js';
import { loadIdentity } from '../platform/identity/load-identity.js';
import { createLogger } from '../platform/logger.js';
import { startGateway } from '../gateway/start-gateway.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
const logger = createLogger(config.logLevel);
const subgraphUrls: Record<string, string> = {};
for (const [name, { url, port }] of Object.entries(config.subgraphs) as [SubgraphName, { url: string | undefined; port: number }][]) {
  subgraphUrls[name] = url ?? `http://127.0.0.1:${port}/graphql`;
}
const identity = await loadIdentity(config);
const gateway = await startGateway({ host: config.host, port: config.port, subgraphUrls, logger, identity });
const stop = async () => {
  await gateway.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
