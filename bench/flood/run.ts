/**
 * `npm run bench:flood`: does an anonymous flood of REST pages slow another caller down? The whole stack
 * on PostgreSQL with the default budgets; a researcher sends one GraphQL query at a time, 60 alone, then
 * 60 while an anonymous client fetches `/catalogue.ttl?page_size=100`, 8 at a time (`BENCH_FLOOD_CONNECTIONS`), until it has sent at
 * least 300 and the researcher's 60 are done. Reports
 * the researcher's p50 both ways and what became of the flood. The last line is one JSON object:
 * `{"otherCallerP50Ms": {"alone": a, "duringFlood": b}, "p50Ratio": r, "flood": {"sent": n, "served": n, "refused": n}}`.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/hmg_bench_flood, created
 * when missing); BENCH_FLOOD_CONNECTIONS, the flooder's parallel requests (default 8).
 */
import '../../platform/no-telemetry.js';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { openDatabase } from '../../platform/db/open-database.js';
import { createLogger } from '../../platform/logger.js';
import { prepareDatabase } from '../../platform/server/start-services.js';
import { startTestStack } from '../../test/support/start-stack.js';
import { testServices } from '../../test/support/test-services.js';
import { percentile } from '../catalog/percentiles.js';
import { ensureDatabase } from '../../platform/db/ensure-database.js';

const env = z
  .object({
    BENCH_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/hmg_bench_flood'),
    BENCH_FLOOD_CONNECTIONS: z.coerce.number().int().min(1).max(256).default(8),
  })
  .parse(process.env);

await ensureDatabase(env.BENCH_DATABASE_URL);
const database = await openDatabase({ url: env.BENCH_DATABASE_URL, poolSize: 10 });
await prepareDatabase(database, testServices, { seed: true, logger: createLogger('warn') });
const stack = await startTestStack(database);
const researcher = await stack.identity.token('researcher', 'inserm', 'bench-bystander');
const query = `{ dataset(id: "pmsi-mco") { id title publisher { name } viewerAccess { status } } }`;

/** The researcher's request times (ms), until there are `min` of them or `busy()` is false. */
async function bystander(min: number, busy: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (times.length < min && busy()) {
    const started = performance.now();
    const { status } = await stack.queryGateway(query, {}, { authorization: `Bearer ${researcher}` });
    if (status !== 200) throw new Error(`the researcher was refused (${status})`);
    times.push(performance.now() - started);
  }
  return times;
}

for (let i = 0; i < 20; i++) await stack.queryGateway(query, {}, { authorization: `Bearer ${researcher}` });
const alone = await bystander(60, () => true);

// The flooder is another client, so it runs on a thread of its own (its event loop is not the
// gateway's). It goes on until it has sent 300 pages and the researcher has timed 60 requests under it.
// Shared counters: [stop asked, sent, served, refused].
const counters = new Int32Array(new SharedArrayBuffer(16));
const flooder = new Worker(
  `const { workerData } = require('node:worker_threads');
  const [counters, url, connections] = workerData;
  (async () => {
    await Promise.all(Array.from({ length: connections }, async () => {
      while (Atomics.load(counters, 1) < 300 || Atomics.load(counters, 0) === 0) {
        Atomics.add(counters, 1, 1);
        const response = await fetch(url);
        await response.arrayBuffer();
        Atomics.add(counters, response.status === 200 ? 2 : 3, 1);
      }
    }));
    process.exit(0);
  })();`,
  { eval: true, workerData: [counters, `${stack.url}/catalogue.ttl?page_size=100`, env.BENCH_FLOOD_CONNECTIONS] },
);
const floodDone = new Promise((resolve, reject) => flooder.on('exit', resolve).on('error', reject));
let flooding = true;
void floodDone.finally(() => (flooding = false));
while (Atomics.load(counters, 1) === 0) await new Promise((resolve) => setTimeout(resolve, 1));
const during = await bystander(60, () => flooding);
Atomics.store(counters, 0, 1);
await floodDone;
const flood = { sent: Atomics.load(counters, 1), served: Atomics.load(counters, 2), refused: Atomics.load(counters, 3) };

const p50 = (xs: number[]) => Math.round(percentile(xs, 50) * 10) / 10;
const result = { otherCallerP50Ms: { alone: p50(alone), duringFlood: p50(during) }, p50Ratio: Math.round((percentile(during, 50) / percentile(alone, 50)) * 100) / 100, flood };
console.log(`researcher p50 alone ${result.otherCallerP50Ms.alone} ms, during the flood ${result.otherCallerP50Ms.duringFlood} ms (${during.length} requests); flood: ${flood.served} served, ${flood.refused} refused`);
await stack.stop();
await database.close();
console.log(JSON.stringify(result));
