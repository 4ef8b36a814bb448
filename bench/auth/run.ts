/**
 * `npm run bench:auth`: what authentication costs at the gateway. The same federated query (catalog and
 * access subgraphs) is sent anonymously and with a researcher's token (token verification, the gateway's
 * identity tokens for each subgraph, the audit entry), one request at a time, on PostgreSQL. Prints a
 * Markdown report and writes it to .bench/auth.md.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/hmg_bench_auth, created
 * when missing), BENCH_ROUNDS (default 300).
 */
import '../../platform/no-telemetry.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { ensureDatabase } from '../../platform/db/ensure-database.js';
import { openDatabase } from '../../platform/db/open-database.js';
import { createLogger } from '../../platform/logger.js';
import { prepareDatabase } from '../../platform/server/start-services.js';
import { startTestStack } from '../../test/support/start-stack.js';
import { testServices } from '../../test/support/test-services.js';
import { percentile } from '../catalog/percentiles.js';

const env = z
  .object({
    BENCH_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/hmg_bench_auth'),
    BENCH_ROUNDS: z.coerce.number().int().positive().default(300),
  })
  .parse(process.env);


await ensureDatabase(env.BENCH_DATABASE_URL);
const database = await openDatabase({ url: env.BENCH_DATABASE_URL, poolSize: 10 });
await prepareDatabase(database, testServices, { seed: true, logger: createLogger('warn') });
const stack = await startTestStack(database);
const researcher = await stack.identity.token('researcher', 'inserm', 'bench-researcher');

const queries = {
  'catalog only': `{ dataset(id: "pmsi-mco") { id title publisher { name } } }`,
  'catalog + access (federated)': `{ dataset(id: "pmsi-mco") { id title publisher { name } viewerAccess { status canRequest } } }`,
};

const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};
say(`## Authentication cost at the gateway (${new Date().toISOString().slice(0, 10)})`);
say('');
say(`PostgreSQL; ${env.BENCH_ROUNDS} timed requests per row after 20 warm-up requests, one at a time, alternating anonymous and authenticated.`);
say('');
say('| query | caller | p50 ms | p95 ms |');
say('|---|---|---:|---:|');
for (const [name, query] of Object.entries(queries)) {
  const times: Record<'anonymous' | 'researcher', number[]> = { anonymous: [], researcher: [] };
  for (let i = 0; i < env.BENCH_ROUNDS + 20; i++) {
    for (const who of ['anonymous', 'researcher'] as const) {
      const started = performance.now();
      const { status, body } = await stack.queryGateway(query, {}, who === 'researcher' ? { authorization: `Bearer ${researcher}` } : {});
      const ms = performance.now() - started;
      if (status !== 200 || body.errors) throw new Error(`request failed: ${JSON.stringify(body)}`);
      if (i >= 20) times[who].push(ms);
    }
  }
  for (const who of ['anonymous', 'researcher'] as const) {
    say(`| ${name} | ${who} | ${percentile(times[who], 50).toFixed(2)} | ${percentile(times[who], 95).toFixed(2)} |`);
  }
  say(`| ${name} | added by authentication | ${(percentile(times.researcher, 50) - percentile(times.anonymous, 50)).toFixed(2)} | ${(percentile(times.researcher, 95) - percentile(times.anonymous, 95)).toFixed(2)} |`);
}
await stack.stop();
await database.close();
await mkdir('.bench', { recursive: true });
await writeFile('.bench/auth.md', `${lines.join('\n')}\n`);
