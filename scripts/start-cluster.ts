/**
 * `npm run start:cluster`: the production topology on this machine, for PostgreSQL: 2 gateways and 2
 * replicas of each subgraph, each its own process on its own port, behind HAProxy (Debian's `haproxy`,
 * installed when missing), which health-checks every replica's `/ready`. Partners use the balanced
 * gateway at PORT (4000).
 *
 * Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/hmg_cluster, created when
 * missing), REDIS_URL (default redis://127.0.0.1:6379: the gateways share their response cache and
 * rate-limit budgets there; `none` for each its own), PORT, CLUSTER_REPLICAS (2), CLUSTER_DIR (.data/cluster:
 * keys shared by every process, logs, haproxy.cfg), and everything the processes read (LOG_LEVEL, ...).
 */
import '../platform/no-telemetry.js';
import { z } from 'zod';
import { ensureDatabase } from '../platform/db/ensure-database.js';
import { clusterPorts, startCluster } from './cluster/topology.js';

const env = z
  .object({
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL: the cluster needs PostgreSQL').default('postgres://postgres@127.0.0.1:5432/hmg_cluster'),
    REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
    PORT: z.coerce.number().int().min(1).max(65_000).default(4000),
    CLUSTER_REPLICAS: z.coerce.number().int().min(1).max(8).default(2),
    CLUSTER_DIR: z.string().default('.data/cluster'),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(`Invalid configuration:\n${env.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  process.exit(2);
}
const { DATABASE_URL, REDIS_URL, PORT, CLUSTER_REPLICAS, CLUSTER_DIR } = env.data;
await ensureDatabase(DATABASE_URL);
console.log(`Starting ${CLUSTER_REPLICAS} gateways and ${CLUSTER_REPLICAS} replicas of each subgraph (logs in ${CLUSTER_DIR}/logs)...`);
const cluster = await startCluster({
  databaseUrl: DATABASE_URL,
  redisUrl: REDIS_URL === 'none' ? undefined : REDIS_URL,
  folder: CLUSTER_DIR,
  basePort: PORT,
  replicas: CLUSTER_REPLICAS,
});
const ports = clusterPorts(PORT, CLUSTER_REPLICAS);
console.log(`Ready: GraphQL at ${cluster.url}/graphql (HAProxy in front of gateways on ports ${ports.gatewayReplicas.join(', ')}).`);
for (const [name, url] of Object.entries(cluster.subgraphUrls)) console.log(`  ${name}: ${url} (replicas on ports ${ports.subgraphReplicas[name as keyof typeof ports.subgraphReplicas].join(', ')})`);
console.log('Ctrl-C stops every process.');
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await cluster.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
// A replica that dies is left dead (HAProxy routes around it): say so.
for (const p of cluster.processes) p.child?.once('exit', (code, signal) => !stopping && console.error(`${p.name} exited (${signal ?? code}); HAProxy routes around it. See ${CLUSTER_DIR}/logs/${p.name}.log.`));
