/**
 * `npm run bench:gateway`: what the query limits and the audit trail cost in throughput. One set of
 * subgraphs on PostgreSQL; four gateways over them (limits on or off, audit on or off); the same
 * federated query sent by a data steward (an authenticated caller, so every request is audited) from
 * BENCH_CLIENTS concurrent clients, BENCH_REQUESTS requests per gateway, the gateways taking turns in
 * three rounds. Prints a Markdown report and writes it to .bench/gateway.md.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/hmg_bench_auth, created
 * when missing), BENCH_REQUESTS (default 1000), BENCH_CLIENTS (default 8).
 */
import '../../platform/no-telemetry.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { startGateway, type RunningGateway } from '../../gateway/start-gateway.js';
import { openDatabase } from '../../platform/db/open-database.js';
import { createLogger } from '../../platform/logger.js';
import { testAudit } from '../../test/support/test-audit.js';
import { prepareDatabase } from '../../platform/server/start-services.js';
import { createAuditWriter } from '../../subgraphs/access/audit-writer.js';
import { startTestStack } from '../../test/support/start-stack.js';
import { testServices } from '../../test/support/test-services.js';
import { ensureDatabase } from '../../platform/db/ensure-database.js';

const env = z
  .object({
    BENCH_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/hmg_bench_auth'),
    BENCH_REQUESTS: z.coerce.number().int().positive().default(1000),
    BENCH_CLIENTS: z.coerce.number().int().positive().default(8),
  })
  .parse(process.env);

await ensureDatabase(env.BENCH_DATABASE_URL);
const database = await openDatabase({ url: env.BENCH_DATABASE_URL, poolSize: 12 });
const logger = createLogger('silent');
await prepareDatabase(database, testServices, { seed: true, logger: createLogger('warn') });
const stack = await startTestStack(database);
const token = await stack.identity.token('data-steward', undefined, 'bench-steward');
const query = `{ datasets(first: 10, search: "cancer") { totalCount edges { node { id title publisher { name } } } } dataset(id: "pmsi-mco") { id title viewerAccess { status } } }`;

const configurations = [
  { label: 'no query limits, no audit', queryLimits: false, audit: false },
  { label: 'query limits, no audit', queryLimits: true, audit: false },
  { label: 'no query limits, audit', queryLimits: false, audit: true },
  { label: 'query limits and audit (as shipped)', queryLimits: true, audit: true },
];
const gateways: RunningGateway[] = [];
for (const c of configurations) {
  gateways.push(
    await startGateway({
      host: '127.0.0.1',
      port: 0,
      subgraphUrls: stack.subgraphUrls,
      logger,
      identity: stack.identity.identity,
      audit: c.audit ? createAuditWriter(database.db, testAudit.key) : undefined,
      queryLimits: c.queryLimits,
      rules: { rateLimits: { partnerFieldsPerMinute: 1e9, internalFieldsPerMinute: 1e9 } },
    }),
  );
}

/** Requests per second from `BENCH_CLIENTS` concurrent clients. */
async function throughput(url: string, requests: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: env.BENCH_CLIENTS }, async () => {
      while (next++ < requests) {
        const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
        const body = (await response.json()) as { errors?: unknown };
        if (response.status !== 200 || body.errors) throw new Error(`request failed: ${JSON.stringify(body)}`);
      }
    }),
  );
  return requests / ((performance.now() - started) / 1000);
}

for (const g of gateways) await throughput(g.url, 100);
const rates = configurations.map(() => [] as number[]);
for (let round = 0; round < 3; round++) {
  for (const [i, g] of gateways.entries()) rates[i]?.push(await throughput(g.url, env.BENCH_REQUESTS));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const base = median(rates[0] ?? []);

const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};
say(`## Cost of the query limits and the audit trail (${new Date().toISOString().slice(0, 10)})`);
say('');
say(`PostgreSQL; one federated query (catalog search and a dataset with its access status) sent by a data steward; ${env.BENCH_CLIENTS} concurrent clients; ${env.BENCH_REQUESTS} requests per gateway per round, 3 rounds taking turns; median of the rounds.`);
say('');
say('| gateway | requests/s (median) | rounds | relative to no limits, no audit |');
say('|---|---:|---|---:|');
for (const [i, c] of configurations.entries()) {
  const r = rates[i] ?? [];
  say(`| ${c.label} | ${median(r).toFixed(0)} | ${r.map((x) => x.toFixed(0)).join(', ')} | ${(median(r) / base).toFixed(2)} |`);
}
for (const g of gateways) await g.stop();
await stack.stop();
await database.close();
await mkdir('.bench', { recursive: true });
await writeFile('.bench/gateway.md', `${lines.join('\n')}\n`);
