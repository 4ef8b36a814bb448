/**
 * `npm run bench:lineage`: lineage walks on a stress graph of 1,000,000 edges, full closure (impact
 * analysis), and ingestion throughput through the HTTP API, on PostgreSQL. Prints a Markdown report and
 * writes it to .bench/lineage.md.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/hmg_bench_lineage, created
 * when missing), BENCH_STARTS (random start nodes per walk kind, default 50), BENCH_EVENTS (events sent
 * per ingestion run, default 5000), BENCH_SENDERS (concurrent senders, default 8; single-event requests
 * are also sent with four times as many). Senders run in a child process (`senders.ts`).
 */
import '../../platform/no-telemetry.js';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ensureDatabase } from '../../platform/db/ensure-database.js';
import { openDatabase } from '../../platform/db/open-database.js';
import { queryRows } from '../../platform/db/rows.js';
import { createLogger } from '../../platform/logger.js';
import { prepareDatabase } from '../../platform/server/start-services.js';
import { walkLineage } from '../../subgraphs/lineage/db/queries/walk.js';
import { LineageTopology } from '../../subgraphs/lineage/graph/lineage-topology.js';
import { createLineageService } from '../../subgraphs/lineage/service.js';
import { startTestStack } from '../../test/support/start-stack.js';
import { testServices } from '../../test/support/test-services.js';
import { percentile } from '../catalog/percentiles.js';
import { buildStressGraph, PIPELINE_LENGTH, PIPELINES } from './stress-graph.js';

const env = z
  .object({
    BENCH_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/hmg_bench_lineage'),
    BENCH_STARTS: z.coerce.number().int().positive().default(50),
    BENCH_EVENTS: z.coerce.number().int().positive().default(5000),
    BENCH_SENDERS: z.coerce.number().int().positive().default(8),
  })
  .parse(process.env);


const run = promisify(execFile);
const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};

/** Deterministic pseudo-random start nodes. */
function starts(count: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: count }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s % (PIPELINES * PIPELINE_LENGTH)) + 1;
  });
}

await ensureDatabase(env.BENCH_DATABASE_URL);
const database = await openDatabase({ url: env.BENCH_DATABASE_URL, poolSize: 12 });
const logger = createLogger('warn');
await prepareDatabase(database, [createLineageService({ peerUrl: () => undefined })], { seed: false, logger });
console.log('Building the stress graph (skipped when present)...');
await buildStressGraph(database, (l) => console.log(l));
// Index-only scans need a current visibility map (autovacuum keeps it so in service).
await database.db.execute(sql`VACUUM ANALYZE lineage.edge`);

say(`## Lineage benchmark (${new Date().toISOString().slice(0, 10)})`);
say('');
say(`PostgreSQL; stress graph of ${PIPELINES * PIPELINE_LENGTH} dataset nodes in ${PIPELINES} pipelines of ${PIPELINE_LENGTH}, 1,000,000 edges; ${env.BENCH_STARTS} random start nodes per row, one walk at a time, after 5 warm-up walks.`);
say('');
say('| walk | direction | node cap | p50 ms | p95 ms | mean nodes | partial |');
say('|---|---|---:|---:|---:|---:|---:|');
for (const depth of [5, 20]) {
  for (const direction of ['UPSTREAM', 'DOWNSTREAM'] as const) {
    for (const id of starts(5, 7)) await walkLineage(database.db, [id], direction, depth, 2000);
    const times: number[] = [];
    let nodes = 0;
    let partial = 0;
    for (const id of starts(env.BENCH_STARTS, depth * 31 + (direction === 'UPSTREAM' ? 1 : 2))) {
      const t = performance.now();
      const w = await walkLineage(database.db, [id], direction, depth, 2000);
      times.push(performance.now() - t);
      nodes += w.distance.size;
      if (w.isPartial) partial++;
    }
    say(`| depth ${depth} | ${direction.toLowerCase()} | 2,000 | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${Math.round(nodes / times.length)} | ${partial}/${times.length} |`);
  }
}

// Full closure: the downstream closure of the first node of a pipeline reaches most of the graph.
say('');
const topology = new LineageTopology();
let t0 = performance.now();
await topology.refresh(database.db);
const loadMs = performance.now() - t0;
const heapBefore = process.memoryUsage().heapUsed;
const closureTimes: number[] = [];
let closureSize = 0;
const walkTimes: number[] = [];
const sqlTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  t0 = performance.now();
  await topology.refresh(database.db);
  const c = topology.closure([1], 'DOWNSTREAM', 500_000);
  closureTimes.push(performance.now() - t0);
  closureSize = c.distance.size;
  t0 = performance.now();
  await sqlClosure(1);
  sqlTimes.push(performance.now() - t0);
  t0 = performance.now();
  await walkLineage(database.db, [1], 'DOWNSTREAM', 10_000, 500_000);
  walkTimes.push(performance.now() - t0);
}
say('| full downstream closure of p0.n0 | nodes | median of 5 ms | min ms | max ms |');
say('|---|---:|---:|---:|---:|');
const row = (label: string, times: number[]) =>
  say(`| ${label} | ${closureSize.toLocaleString('en')} | ${percentile(times, 50).toFixed(0)} | ${Math.min(...times).toFixed(0)} | ${Math.max(...times).toFixed(0)} |`);
row('closure in memory, edge-log refresh included (impact analysis)', closureTimes);
row('closure in SQL, one query of distinct next nodes per level', sqlTimes);
row('walk with edges in SQL (what a graph query does, uncapped)', walkTimes);
say('');
say(`First load of the ${topology.size.toLocaleString('en')} edges into memory: ${loadMs.toFixed(0)} ms (once per process). Heap in use after it: ${Math.round(heapBefore / 2 ** 20)} MiB.`);

/** The closure as one indexed query per level (the approach the in-memory copy replaces), for comparison. */
async function sqlClosure(start: number): Promise<number> {
  const seen = new Set([start]);
  let frontier = [start];
  while (frontier.length > 0) {
    const [r] = await queryRows<{ ids: string | null }>(database.db, sql`SELECT array_agg(DISTINCT dst)::text AS ids FROM lineage.edge WHERE src = ANY(${sql.param(frontier)}::bigint[])`);
    const next: number[] = [];
    for (const id of r?.ids && r.ids.length > 2 ? r.ids.slice(1, -1).split(',').map(Number) : []) {
      if (!seen.has(id)) {
        seen.add(id);
        next.push(id);
      }
    }
    frontier = next;
  }
  return seen.size;
}

// Ingestion through the gateway's HTTP API.
await prepareDatabase(database, testServices, { seed: false, logger });
const stack = await startTestStack(database);
const token = await stack.identity.token('pipeline', undefined, 'bench-pipeline');
const [before] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM lineage.event`);
/** Runs the senders in a child process and returns what they measured. */
async function send(mode: 'single' | 'batch', offset: number, senders: number): Promise<{ seconds: number; acknowledged: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const input = JSON.stringify({ url: stack.url, token, mode, events: env.BENCH_EVENTS, senders, offset });
  const { stdout } = await run(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./senders.ts', import.meta.url)), input], { maxBuffer: 1 << 20 });
  const used = process.cpuUsage(cpu);
  const measured = z.object({ seconds: z.number(), acknowledged: z.number() }).parse(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}'));
  return { ...measured, cpuMs: (used.user + used.system) / 1000 };
}
const runs = [
  { label: 'one event per request (POST /api/v1/lineage)', mode: 'single' as const, senders: env.BENCH_SENDERS },
  { label: 'one event per request (POST /api/v1/lineage)', mode: 'single' as const, senders: env.BENCH_SENDERS * 4 },
  { label: '100 events per request (POST /api/v1/lineage/batch)', mode: 'batch' as const, senders: env.BENCH_SENDERS },
];
const results = [];
for (const [i, r] of runs.entries()) results.push({ ...r, ...(await send(r.mode, i * env.BENCH_EVENTS, r.senders)) });
const [after] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM lineage.event`);
// Acknowledged events are applied to the model a moment later: the time until none is left pending.
const settleStarted = performance.now();
const pending = async () => (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM lineage.event WHERE NOT applied`))[0]?.n ?? 0;
while ((await pending()) > 0 && performance.now() - settleStarted < 30_000) await new Promise((resolve) => setTimeout(resolve, 10));
const settleMs = performance.now() - settleStarted;
const leftPending = await pending();
const stored = (after?.n ?? 0) - (before?.n ?? 0);
const acknowledged = results.reduce((sum, r) => sum + r.acknowledged, 0);
say('');
say('| ingestion through the gateway | events | senders | seconds | events/s | server CPU ms per event |');
say('|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  say(`| ${r.label} | ${env.BENCH_EVENTS} | ${r.senders} | ${r.seconds.toFixed(2)} | ${Math.round(env.BENCH_EVENTS / r.seconds)} | ${(r.cpuMs / env.BENCH_EVENTS).toFixed(2)} |`);
}
say('');
say(`Acknowledged events: ${acknowledged}; events found stored afterwards: ${stored} (${stored === acknowledged ? 'all' : 'MISMATCH'}).`);
say(`Events still waiting to be applied to the model after the last answer: ${leftPending === 0 ? `none after ${settleMs.toFixed(0)} ms` : `${leftPending} after 30 s`}.`);
say('Server CPU: the benchmark process (gateway and subgraphs), not the senders (a child process) nor PostgreSQL.');
await stack.stop();
await database.close();
await mkdir('.bench', { recursive: true });
await writeFile('.bench/lineage.md', `${lines.join('\n')}\n`);
