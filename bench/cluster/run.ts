/**
 * `npm run bench:cluster [-- --json]`: what 2 gateways behind HAProxy give against 1, on the cluster
 * topology (`npm run start:cluster`: 2 replicas of each subgraph, PostgreSQL, a Redis of its own),
 * with the response cache off so that every request does its work, and the CPU time each tier spends
 * per request (read from /proc), from which a cluster's size for a given load follows. Rounds
 * alternate 2 and 1 gateways (the second is stopped, and HAProxy routes around it).
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/hmg_bench_cluster),
 * BENCH_SECONDS (10 per run), BENCH_CONNECTIONS (32), BENCH_ROUNDS (2).
 * `--json` ends with `{"gateways2vs1": {"<query>": r}, "cpuMsPerRequest": {"<query>": {"<tier>": ms}}}`.
 */
import '../../platform/no-telemetry.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ensureDatabase } from '../../platform/db/ensure-database.js';
import { loadDevIssuerKey, mintDevToken } from '../../platform/identity/dev-issuer.js';
import { startCluster, type RunningCluster } from '../../scripts/cluster/topology.js';
import { startTestRedis } from '../../test/support/redis-server.js';
import { load } from '../peers/load.js';
import { benchQueries } from '../peers/queries.js';

const env = z
  .object({
    BENCH_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/hmg_bench_cluster'),
    BENCH_SECONDS: z.coerce.number().int().positive().default(10),
    BENCH_CONNECTIONS: z.coerce.number().int().positive().default(32),
    BENCH_ROUNDS: z.coerce.number().int().positive().default(2),
  })
  .parse(process.env);
const json = process.argv.includes('--json');
const folder = path.resolve('.data/bench-cluster');

/** CPU time (ms) a process has used so far, user and system, from /proc. */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** Every PostgreSQL server process of the machine (the cluster's backends among them). */
function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** CPU ms used so far by each tier: the gateways, each subgraph's replicas, HAProxy, PostgreSQL. */
function tierCpu(cluster: RunningCluster): Record<string, number> {
  const tiers: Record<string, number> = {};
  for (const p of cluster.processes) tiers[p.kind] = (tiers[p.kind] ?? 0) + cpuMs(p.child?.pid);
  tiers.haproxy = cpuMs(cluster.haproxyPid);
  tiers.postgres = postgresPids().reduce((sum, pid) => sum + cpuMs(pid), 0);
  return tiers;
}

await ensureDatabase(env.BENCH_DATABASE_URL);
const redis = await startTestRedis();
console.log('Starting the cluster (2 gateways, 2 replicas of each subgraph, HAProxy; response cache off)...');
const cluster = await startCluster({
  databaseUrl: env.BENCH_DATABASE_URL,
  redisUrl: redis.url,
  folder,
  basePort: 28_000,
  checkIntervalMs: 500,
  env: { LOG_LEVEL: 'warn', RESPONSE_CACHE_TTL_SECONDS: '0', RATE_LIMIT_PARTNER_FIELDS_PER_MINUTE: '1000000000' },
});
// Interrupted: no replica or HAProxy is left running.
process.once('SIGINT', () => void cluster.stop().then(() => redis.stop()).finally(() => process.exit(130)));
try {
  const key = await loadDevIssuerKey(path.join(folder, 'data'));
  const researcher = await mintDevToken(key, { subject: 'bench-researcher@inserm', roles: ['researcher'], organisationId: 'inserm', audience: 'health-metadata-gateway' });
  const queries = benchQueries().filter((q) => !q.body.extensions);
  const results: Record<string, { two: number[]; one: number[]; cpu: Record<string, number[]>; failures: number }> = {};
  const runOne = async (gateways: 1 | 2) => {
    for (const q of queries) {
      const before = tierCpu(cluster);
      const r = await load({
        url: `${cluster.url}/graphql`,
        headers: q.caller === 'researcher' ? { authorization: `Bearer ${researcher}` } : {},
        body: JSON.stringify(q.body),
        connections: env.BENCH_CONNECTIONS,
        seconds: env.BENCH_SECONDS,
        pid: undefined,
      });
      const after = tierCpu(cluster);
      const entry = (results[q.name] ??= { two: [], one: [], cpu: {}, failures: 0 });
      (gateways === 2 ? entry.two : entry.one).push(r.requestsPerSecond);
      entry.failures += r.failures;
      if (gateways === 2) {
        for (const tier of Object.keys(after)) (entry.cpu[tier] ??= []).push(((after[tier] ?? 0) - (before[tier] ?? 0)) / Math.max(1, r.requests));
      }
      console.log(`  ${gateways} gateway${gateways === 2 ? 's' : ''}, ${q.name}: ${r.requestsPerSecond} req/s, p50 ${r.p50Ms} ms, ${r.failures} failures`);
    }
  };
  for (let round = 0; round < env.BENCH_ROUNDS; round++) {
    const order: (1 | 2)[] = round % 2 === 0 ? [2, 1] : [1, 2];
    for (const gateways of order) {
      if (gateways === 1) {
        await cluster.kill('gateway-2', 'SIGTERM');
        // HAProxy takes it out after two failed checks (500 ms apart).
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
      await runOne(gateways);
      if (gateways === 1) await cluster.restart('gateway-2');
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const tiers = ['gateway', 'catalog', 'access', 'lineage', 'haproxy', 'postgres'];
  console.log('');
  console.log(`| query (${env.BENCH_CONNECTIONS} connections, ${env.BENCH_SECONDS} s per run, median of ${env.BENCH_ROUNDS}) | 2 gateways req/s | 1 gateway req/s | ratio | ${tiers.map((t) => `${t} CPU ms/req`).join(' | ')} |`);
  console.log(`|---|---:|---:|---:|${tiers.map(() => '---:').join('|')}|`);
  const ratios: Record<string, number> = {};
  const cpu: Record<string, Record<string, number>> = {};
  for (const [name, r] of Object.entries(results)) {
    const two = median(r.two);
    const one = median(r.one);
    ratios[name] = Math.round((two / Math.max(one, 0.001)) * 100) / 100;
    cpu[name] = Object.fromEntries(tiers.map((t) => [t, Math.round(median(r.cpu[t] ?? [0]) * 100) / 100]));
    console.log(`| ${name} | ${two} | ${one} | ${ratios[name]} | ${tiers.map((t) => cpu[name]?.[t]).join(' | ')} |`);
  }
  console.log('');
  console.log(`Failures: ${Object.values(results).reduce((sum, r) => sum + r.failures, 0)}. PostgreSQL CPU is the whole server's (the machine's shared one).`);
  if (json) console.log(JSON.stringify({ gateways2vs1: ratios, cpuMsPerRequest: cpu }));
} finally {
  await cluster.stop();
  await redis.stop();
}
