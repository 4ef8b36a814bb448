import type { Database } from '../db/database.js';
import { runMigrations } from '../db/migrate.js';
import type { Logger } from '../logger.js';
import { startSubgraph, type RunningSubgraph, type StartSubgraphOptions } from './start-subgraph.js';
import type { AnySubgraphService } from './subgraph-service.js';

/** Applies every service's pending migrations, then (when asked) writes their missing demo data. */
export async function prepareDatabase(
  database: Database,
  services: readonly AnySubgraphService[],
  options: { seed: boolean; logger: Logger },
): Promise<void> {
  // Replicas starting together (or a migration job) take turns: the second finds the work done.
  await database.exclusively('health-metadata-gateway.prepare', () => prepare(database, services, options));
}

async function prepare(database: Database, services: readonly AnySubgraphService[], options: { seed: boolean; logger: Logger }): Promise<void> {
  for (const service of services) {
    await runMigrations(database, service.migrationsFolder, service.schema);
    await service.afterMigrate?.(database);
  }
  if (!options.seed) return;
  for (const service of services) {
    if (service.seedDemo) {
      const written = await service.seedDemo(database);
      if (written > 0) options.logger.info({ subgraph: service.name, written }, 'demo data seeded');
      else options.logger.info({ subgraph: service.name }, 'demo data already present');
    }
  }
}

/**
 * Starts each service on its port, stopping the ones already started if one fails, so that a failed
 * start leaves nothing listening.
 */
export async function startSubgraphs(
  database: Database,
  services: readonly { service: AnySubgraphService; port: number }[],
  options: Pick<StartSubgraphOptions, 'host' | 'logger' | 'gatewayPublicKey' | 'production' | 'metricsToken' | 'shutdownGraceMs' | 'changeRetentionDays'>,
): Promise<RunningSubgraph[]> {
  const running: RunningSubgraph[] = [];
  try {
    for (const { service, port } of services) {
      running.push(
        await startSubgraph(service, { ...options, database, port }),
      );
    }
  } catch (error) {
    await Promise.allSettled(running.map((r) => r.stop()));
    throw error;
  }
  return running;
}
