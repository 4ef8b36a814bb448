/**
 * `npm run drill:failover [-- --json]`: builds a PostgreSQL primary and its synchronous standby of its
 * own (`initdb`, `pg_basebackup`, ports 25432 and 25433), puts HAProxy in front of them as the
 * database address (port 25430: the primary, the standby as backup, as a managed database's endpoint
 * follows its primary), starts the cluster topology on them (2 gateways, 2 replicas of each subgraph,
 * behind HAProxy; its own Redis), and under a steady mixed load (partner searches, access decisions,
 * OpenLineage events with unique run ids, dataset creations) in turn: kills a gateway replica with
 * SIGKILL, kills a lineage replica with SIGKILL, then stops the primary abruptly and promotes the
 * standby. Per fault it counts the failed requests and the seconds until answers are normal again
 * (the last failure after the fault); at the end it looks on the new primary for every acknowledged
 * write, and verifies the audit chain. With `--json` the last line is
 * `{"faults": [{"name", "failed", "recoverySeconds"}], "acknowledged": n, "lost": n, "auditChainValid": bool}`.
 *
 * Environment: DRILL_DIR (default .data/drill-failover, removed afterwards unless the drill failed), DRILL_BASE_PORT (27000:
 * the cluster's ports), DRILL_STEADY_SECONDS (5: load before and after each fault).
 */
import '../../platform/no-telemetry.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { ensureDatabase } from '../../platform/db/ensure-database.js';
import { loadDevIssuerKey, mintDevToken } from '../../platform/identity/dev-issuer.js';
import type { Role } from '../../platform/identity/roles.js';
import { ensureHaproxy, startCluster, type RunningCluster } from '../../scripts/cluster/topology.js';
import { startTestRedis, type TestRedis } from '../../test/support/redis-server.js';
import { MixedLoad, type LoadSample } from './mixed-load.js';
import { startPostgresPair, type PostgresPair } from '../../test/support/postgres-pair.js';

const env = z
  .object({
    DRILL_DIR: z.string().default('.data/drill-failover'),
    DRILL_BASE_PORT: z.coerce.number().int().min(1024).max(60_000).default(27_000),
    DRILL_STEADY_SECONDS: z.coerce.number().positive().max(120).default(5),
  })
  .parse(process.env);
const json = process.argv.includes('--json');
const folder = path.resolve(env.DRILL_DIR);
const ports = { primary: 25_432, standby: 25_433, database: 25_430 };
const say = (line: string) => console.log(line);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** HAProxy as the database's address: TCP to the primary, to the standby once the primary is down. */
async function startDatabaseAddress(): Promise<ChildProcess> {
  const config = `global
  maxconn 1024
defaults
  mode tcp
  timeout connect 1s
  timeout client 1h
  timeout server 1h
frontend postgres
  bind 127.0.0.1:${ports.database}
  default_backend postgres_servers
backend postgres_servers
  # The primary while it answers; the standby (promoted by the drill) once it does not.
  server primary 127.0.0.1:${ports.primary} check inter 300 fall 2 rise 2 on-marked-down shutdown-sessions
  server standby 127.0.0.1:${ports.standby} check inter 300 fall 2 rise 2 backup
`;
  const file = path.join(folder, 'database-address.cfg');
  await writeFile(file, config);
  const proxy = spawn(ensureHaproxy(), ['-f', file, '-db'], { stdio: 'ignore' });
  await sleep(500);
  if (proxy.exitCode !== null) throw new Error('HAProxy could not start for the database address (is port 25430 free?)');
  return proxy;
}

/** Failed samples since `since`, and the seconds from `since` to the last of them (0 when none). */
function failuresSince(samples: readonly LoadSample[], since: number): { failed: number; lastFailure: number | undefined } {
  let failed = 0;
  let lastFailure: number | undefined;
  for (const s of samples) {
    if (s.at < since || s.ok) continue;
    failed++;
    lastFailure = s.at;
  }
  return { failed, lastFailure };
}

/**
 * Waits until answers are normal again after a fault injected at `since`: no failure for 3 s, with
 * successes in that window (at most 90 s). Answers the fault's failed requests and recovery seconds.
 */
async function recovery(load: MixedLoad, since: number): Promise<{ failed: number; recoverySeconds: number }> {
  const deadline = since + 90_000;
  for (;;) {
    await sleep(250);
    const now = performance.now();
    const { lastFailure } = failuresSince(load.samples, since);
    const quietFrom = Math.max(lastFailure ?? since, since);
    const successes = load.samples.filter((s) => s.at > quietFrom && s.ok).length;
    if ((now - quietFrom >= 3000 && successes > 0) || now > deadline) break;
  }
  const { failed, lastFailure } = failuresSince(load.samples, since);
  return { failed, recoverySeconds: lastFailure === undefined ? 0 : Math.round((lastFailure - since) / 100) / 10 };
}

let pair: PostgresPair | undefined;
let address: ChildProcess | undefined;
let redis: TestRedis | undefined;
let cluster: RunningCluster | undefined;
let load: MixedLoad | undefined;

/** Stops everything the drill started (once, whichever of the end or an interrupt comes first). */
let stopping: Promise<void> | undefined;
const stopEverything = () =>
  (stopping ??= (async () => {
    await load?.stop();
    await cluster?.stop();
    address?.kill();
    await redis?.stop();
    await pair?.destroy();
  })());
// Interrupted (Ctrl-C, a CI timeout): no PostgreSQL, HAProxy or replica is left running.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`${signal}: stopping the drill's processes...`);
    void stopEverything().finally(() => process.exit(130));
  });
}
try {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  say('Building a PostgreSQL primary and its synchronous standby...');
  pair = await startPostgresPair(path.join(folder, 'postgres'), ports.primary, ports.standby);
  address = await startDatabaseAddress();
  const databaseUrl = `postgres://postgres@127.0.0.1:${ports.database}/hmg_drill`;
  await ensureDatabase(databaseUrl);
  redis = await startTestRedis();
  say('Starting the cluster (2 gateways, 2 replicas of each subgraph, HAProxy)...');
  cluster = await startCluster({
    databaseUrl,
    redisUrl: redis.url,
    folder: path.join(folder, 'cluster'),
    basePort: env.DRILL_BASE_PORT,
    checkIntervalMs: 500,
    env: { LOG_LEVEL: 'warn' },
  });
  const key = await loadDevIssuerKey(path.join(folder, 'cluster', 'data'));
  const token = (subject: string, roles: Role[], organisationId?: string) => mintDevToken(key, { subject, roles, organisationId, audience: 'health-metadata-gateway' });
  load = new MixedLoad(cluster.url, {
    researcher: await token('drill-researcher@inserm', ['researcher'], 'inserm'),
    reviewer: await token('drill-reviewer@hdh', ['hdab-reviewer']),
    pipeline: await token('drill-pipeline', ['pipeline']),
    steward: await token('drill-steward@hdh', ['data-steward']),
  });
  load.start();
  await sleep(env.DRILL_STEADY_SECONDS * 1000);
  const steady = failuresSince(load.samples, 0);
  say(`Steady load: ${load.samples.length} requests, ${steady.failed} failed.`);

  const running = cluster;
  const faults: { name: string; inject: () => Promise<void>; repair?: () => Promise<void> }[] = [
    { name: 'gateway replica killed (SIGKILL)', inject: () => running.kill('gateway-1'), repair: () => running.restart('gateway-1') },
    { name: 'lineage replica killed (SIGKILL)', inject: () => running.kill('lineage-1'), repair: () => running.restart('lineage-1') },
    {
      name: 'database primary stopped abruptly, standby promoted',
      inject: async () => {
        await pair?.crashPrimary();
        await pair?.promoteStandby();
      },
    },
  ];
  const results: { name: string; failed: number; recoverySeconds: number }[] = [];
  for (const fault of faults) {
    say(`Fault: ${fault.name}...`);
    const since = performance.now();
    await fault.inject();
    const measured = await recovery(load, since);
    results.push({ name: fault.name, ...measured });
    say(`  ${measured.failed} failed requests; normal again ${measured.recoverySeconds} s after the fault.`);
    if (fault.repair) await fault.repair();
    await sleep(env.DRILL_STEADY_SECONDS * 1000);
  }
  await load.stop();

  // Every acknowledged write, looked for on the new primary once pending lineage events are applied.
  const database = new pg.Client({ host: '127.0.0.1', port: ports.standby, user: 'postgres', database: 'hmg_drill' });
  await database.connect();
  const { events, decisions, imports } = load.acknowledged;
  const settleDeadline = Date.now() + 20_000;
  while (Date.now() < settleDeadline) {
    const pending = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM lineage.event WHERE NOT applied');
    if (pending.rows[0]?.n === 0) break;
    await sleep(200);
  }
  const count = async (text: string, values: unknown[]) => (await database.query<{ n: number }>(text, values)).rows[0]?.n ?? 0;
  const found = {
    events: await count(`SELECT count(*)::int AS n FROM lineage.run WHERE id = ANY($1::uuid[])`, [events]),
    decisions: await count(`SELECT count(*)::int AS n FROM access.access_application WHERE id = ANY($1::uuid[]) AND status = 'GRANTED'`, [decisions]),
    imports: await count(`SELECT count(*)::int AS n FROM catalog.dataset WHERE id = ANY($1::text[])`, [imports]),
  };
  await database.end();
  const acknowledged = events.length + decisions.length + imports.length;
  const lost = acknowledged - found.events - found.decisions - found.imports;

  const auditor = await token('drill-auditor@cnil', ['auditor']);
  const verify = await fetch(`${cluster.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${auditor}` },
    body: JSON.stringify({ query: '{ verifyAuditChain { ok firstBrokenSeq entriesChecked unkeyedEntries checkpointsChecked checkpointsRefused } }' }),
  });
  const chain = ((await verify.json()) as { data?: { verifyAuditChain?: { ok: boolean; firstBrokenSeq: string | null; entriesChecked: number } } }).data?.verifyAuditChain;
  const auditChainValid = chain?.ok === true;
  if (!auditChainValid && chain?.firstBrokenSeq) {
    // What the auditor would look at: the entries around the first one that does not verify.
    const around = new pg.Client({ host: '127.0.0.1', port: ports.standby, user: 'postgres', database: 'hmg_drill' });
    await around.connect();
    const rows = await around.query(
      `SELECT seq, at, source, action, outcome, left(previous_hash, 12) AS previous, left(hash, 12) AS hash FROM access.audit_event WHERE seq BETWEEN $1::bigint - 3 AND $1::bigint + 3 ORDER BY seq`,
      [chain.firstBrokenSeq],
    );
    await around.end();
    say(`Audit entries around ${chain.firstBrokenSeq}:`);
    for (const r of rows.rows) say(`  ${JSON.stringify(r)}`);
    say(`Verification: ${JSON.stringify(chain)}`);
  }

  say('');
  say('| fault | failed requests | seconds until normal |');
  say('|---|---:|---:|');
  for (const r of results) say(`| ${r.name} | ${r.failed} | ${r.recoverySeconds} |`);
  say('');
  say(`Requests: ${load.samples.length}. Acknowledged writes: ${acknowledged} (events ${events.length}, decisions ${decisions.length}, dataset creations ${imports.length}); found on the new primary: events ${found.events}, decisions ${found.decisions}, datasets ${found.imports}; lost: ${lost}.`);
  say(`Audit chain: ${auditChainValid ? `valid (${chain?.entriesChecked} entries)` : `NOT valid (${JSON.stringify(chain)})`}.`);
  if (json) console.log(JSON.stringify({ faults: results, acknowledged, lost, auditChainValid }));
  process.exitCode = lost === 0 && auditChainValid ? 0 : 1;
} finally {
  await stopEverything();
  // The logs stay when the drill failed, for the operator to read.
  if (process.exitCode === 0) await rm(folder, { recursive: true, force: true });
  else console.error(`Logs kept in ${path.join(folder, 'cluster', 'logs')}.`);
}
