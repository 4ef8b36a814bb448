/**
 * `npm run bench:flood`: does an anonymous flood of REST pages slow another caller down? The whole stack
 * on PostgreSQL with the default budgets; a researcher sends one GraphQL query at a time, first alone,
 * then while an anonymous client fetches `/catalogue.ttl?page_size=100` 300 times, 8 at a time. Reports
 * the researcher's p50 both ways and what became of the flood. The last line is one JSON object:
 * `{"otherCallerP50Ms": {"alone": a, "duringFlood": b}, "p50Ratio": r, "flood": {"sent": n, "served": n, "refused": n}}`.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/hmg_bench_flood, created
 * when missing).
 */
import '../../platform/no-telemetry.js';
import { z } from 'zod';
import { openDatabase } from '../../platform/db/open-database.js';
import { createLogger } from '../../platform/logger.js';
import { prepareDatabase } from '../../platform/server/start-services.js';
import { startTestStack } from '../../test/support/start-stack.js';
import { testServices } from '../../test/support/test-services.js';
import { percentile } from '../catalog/percentiles.js';
import { ensureDatabase } from '../support/ensure-database.js';

const env = z.object({ BENCH_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/hmg_bench_flood') }).parse(process.env);

await ensureDatabase(env.BENCH_DATABASE_URL);
const database = await openDatabase({ url: env.BENCH_DATABASE_URL, poolSize: 10 });
await prepareDatabase(database, testServices, { seed: true, logger: createLogger('warn') });
const stack = await startTestStack(database);
const researcher = await stack.identity.token('researcher', 'inserm', 'bench-bystander');
const query = `{ dataset(id: "pmsi-mco") { id title publisher { name } viewerAccess { status } } }`;

/** The researcher's request times (ms) while `busy()` is true, at least `min` of them. */
async function bystander(min: number, busy: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (times.length < min || busy()) {
    const started = performance.now();
    const { status } = await stack.queryGateway(query, {}, { authorization: `Bearer ${researcher}` });
    if (status !== 200) throw new Error(`the researcher was refused (${status})`);
    times.push(performance.now() - started);
  }
  return times;
}

for (let i = 0; i < 20; i++) await stack.queryGateway(query, {}, { authorization: `Bearer ${researcher}` });
const alone = await bystander(60, () => false);

const flood = { sent: 0, served: 0, refused: 0 };
let flooding = true;
const floodDone = (async () => {
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (flood.sent < 300) {
        flood.sent += 1;
        const response = await fetch(`${stack.url}/catalogue.ttl?page_size=100`);
        await response.arrayBuffer();
        if (response.status === 200) flood.served += 1;
        else flood.refused += 1;
      }
    }),
  );
  flooding = false;
})();
const during = await bystander(20, () => flooding);
await floodDone;

const p50 = (xs: number[]) => Math.round(percentile(xs, 50) * 10) / 10;
const result = { otherCallerP50Ms: { alone: p50(alone), duringFlood: p50(during) }, p50Ratio: Math.round((percentile(during, 50) / percentile(alone, 50)) * 100) / 100, flood };
console.log(`researcher p50 alone ${result.otherCallerP50Ms.alone} ms, during the flood ${result.otherCallerP50Ms.duringFlood} ms (${during.length} requests); flood: ${flood.served} served, ${flood.refused} refused`);
await stack.stop();
await database.close();
console.log(JSON.stringify(result));
