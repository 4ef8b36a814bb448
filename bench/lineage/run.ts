/**
 * `npm run bench:lineage`: lineage walks on a stress graph of 1,000,000 edges, full closure (impact
 * analysis), and ingestion throughput through the HTTP API, on PostgreSQL. Prints a Markdown report and
 * writes it to .bench/lineage.md.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/hmg_bench_lineage, created
 * when missing), BENCH_STARTS (random start nodes per walk kind, default 50), BENCH_EVENTS (events sent
 * in the ingestion run, default 5000), BENCH_SENDERS (concurrent senders, default 8).
 */
import '../../platform/no-telemetry.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ensureDatabase } from '../support/ensure-database.js';
import { openDatabase } from '../../platform/db/open-database.js';
import { queryRows } from '../../platform/db/rows.js';
import { createLogger } from '../../platform/logger.js';
import { prepareDatabase } from '../../platform/server/start-services.js';
import { closureLineage, walkLineage } from '../../subgraphs/lineage/db/queries/walk.js';
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
const closureTimes: number[] = [];
let closureSize = 0;
const walkTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  let t = performance.now();
  const c = await closureLineage(database.db, [1], 'DOWNSTREAM', 500_000);
  closureTimes.push(performance.now() - t);
  closureSize = c.distance.size;
  t = performance.now();
  await walkLineage(database.db, [1], 'DOWNSTREAM', 10_000, 500_000);
  walkTimes.push(performance.now() - t);
}
say('| full downstream closure of p0.n0 | nodes | median of 5 ms | min ms | max ms |');
say('|---|---:|---:|---:|---:|');
say(`| closure (impact analysis: distinct next nodes per level) | ${closureSize.toLocaleString('en')} | ${percentile(closureTimes, 50).toFixed(0)} | ${Math.min(...closureTimes).toFixed(0)} | ${Math.max(...closureTimes).toFixed(0)} |`);
say(`| walk with edges (what a graph query does, uncapped) | ${closureSize.toLocaleString('en')} | ${percentile(walkTimes, 50).toFixed(0)} | ${Math.min(...walkTimes).toFixed(0)} | ${Math.max(...walkTimes).toFixed(0)} |`);

// Ingestion through the gateway's HTTP API.
await prepareDatabase(database, testServices, { seed: false, logger });
const stack = await startTestStack(database);
const token = await stack.identity.token('pipeline', undefined, 'bench-pipeline');
const [before] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM lineage.event`);
const stamp = Date.now();
const event = (i: number) => ({
  eventType: 'COMPLETE',
  eventTime: new Date(stamp + i).toISOString(),
  run: { runId: `${(stamp % 1e8).toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}` },
  job: { namespace: 'bench', name: `job_${i % 200}` },
  inputs: [{ namespace: 'bench', name: `table_${i % 1000}` }],
  outputs: [{ namespace: 'bench', name: `table_${(i % 1000) + 1}` }],
  producer: 'urn:health-metadata-gateway:bench',
  schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
});
async function send(mode: 'single' | 'batch', offset: number): Promise<{ seconds: number; acknowledged: number }> {
  let next = 0;
  let acknowledged = 0;
  const per = mode === 'batch' ? 100 : 1;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: env.BENCH_SENDERS }, async () => {
      for (;;) {
        const i = next;
        next += per;
        if (i >= env.BENCH_EVENTS) return;
        const events = Array.from({ length: Math.min(per, env.BENCH_EVENTS - i) }, (_, k) => event(offset + i + k));
        const response = await fetch(`${stack.url}/api/v1/lineage${mode === 'batch' ? '/batch' : ''}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(mode === 'batch' ? events : events[0]),
        });
        if (response.status === 201) acknowledged += ((await response.json()) as { stored: number }).stored;
        else throw new Error(`ingestion answered ${response.status}: ${await response.text()}`);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, acknowledged };
}
const single = await send('single', 0);
const batch = await send('batch', env.BENCH_EVENTS);
const [after] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM lineage.event`);
const stored = (after?.n ?? 0) - (before?.n ?? 0);
say('');
say('| ingestion through the gateway | events | senders | seconds | events/s |');
say('|---|---:|---:|---:|---:|');
say(`| one event per request (POST /api/v1/lineage) | ${env.BENCH_EVENTS} | ${env.BENCH_SENDERS} | ${single.seconds.toFixed(2)} | ${Math.round(env.BENCH_EVENTS / single.seconds)} |`);
say(`| 100 events per request (POST /api/v1/lineage/batch) | ${env.BENCH_EVENTS} | ${env.BENCH_SENDERS} | ${batch.seconds.toFixed(2)} | ${Math.round(env.BENCH_EVENTS / batch.seconds)} |`);
say('');
say(`Acknowledged events: ${single.acknowledged + batch.acknowledged}; events found stored afterwards: ${stored} (${stored === single.acknowledged + batch.acknowledged ? 'all' : 'MISMATCH'}).`);
await stack.stop();
await database.close();
await mkdir('.bench', { recursive: true });
await writeFile('.bench/lineage.md', `${lines.join('\n')}\n`);
