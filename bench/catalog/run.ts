/**
 * `npm run bench:catalog`: ranked full-text search with facets over 100,000 synthetic datasets on
 * PostgreSQL, through the gateway and directly on the catalog subgraph, plus the SQL statement counts of a
 * page of 10 and of 100. Prints a Markdown report and writes it to .bench/catalog.md.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/hmg_bench, created when
 * missing), BENCH_DATASETS (default 100000), BENCH_ROUNDS (default 30 timed runs of each query).
 */
import '../../platform/no-telemetry.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { ensureDatabase } from '../../platform/db/ensure-database.js';
import { openDatabase } from '../../platform/db/open-database.js';
import { createLogger } from '../../platform/logger.js';
import { prepareDatabase, startSubgraphs } from '../../platform/server/start-services.js';
import { startGateway } from '../../gateway/start-gateway.js';
import { catalogService } from '../../subgraphs/catalog/service.js';
import { loadSyntheticCatalog } from './load-synthetic.js';
import { createTestIdentity } from '../../test/support/test-identity.js';
import { anonymousCaller } from '../../platform/identity/caller.js';
import { signInternalToken } from '../../platform/identity/internal-token.js';
import { percentile } from './percentiles.js';

const env = z
  .object({
    BENCH_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/hmg_bench'),
    BENCH_DATASETS: z.coerce.number().int().positive().default(100_000),
    BENCH_ROUNDS: z.coerce.number().int().positive().default(30),
  })
  .parse(process.env);

/** The query mix: selective, medium and broad searches (the broad ones match over half the catalogue). */
const searches: { search: string; kind: 'selective' | 'medium' | 'broad'; filter?: Record<string, unknown> }[] = [
  { search: 'mucoviscidose', kind: 'selective' },
  { search: 'tuberculose enfants', kind: 'selective' },
  { search: 'sclérose en plaques', kind: 'selective' },
  { search: 'schizophrenia registry', kind: 'selective' },
  { search: 'cancers du sein', kind: 'medium' },
  { search: 'diabète', kind: 'medium' },
  { search: 'heart failure', kind: 'medium' },
  { search: 'cancer', kind: 'medium', filter: { countries: ['FRA'] } },
  { search: 'santé', kind: 'broad' },
  { search: 'health data', kind: 'broad' },
  { search: 'données de santé', kind: 'broad' },
  { search: 'health', kind: 'broad', filter: { accessRights: ['RESTRICTED', 'NON_PUBLIC'] } },
];

const query = `query Bench($search: String, $filter: DatasetFilter) {
  datasets(search: $search, filter: $filter, first: 20) {
    totalCount
    edges { cursor score node { id title publisher { name } healthCategories { code label } } }
    pageInfo { hasNextPage endCursor }
    facets { field values { value label count } }
  }
}`;


async function post(url: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  // Timing starts after the token is made: a direct subgraph call carries a gateway token like the gateway's.
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'fr', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: { datasets: { totalCount: number } }; errors?: unknown[] };
  const ms = performance.now() - started;
  if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
  return { ms, total: body.data?.datasets.totalCount ?? 0 };
}

const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};

// The search itself is measured: the catalog keeps nothing between requests (and the gateway has no response cache).
process.env.CATALOG_RECORD_CACHE = 'off';
await ensureDatabase(env.BENCH_DATABASE_URL);
const logger = createLogger('warn');
const database = await openDatabase({ url: env.BENCH_DATABASE_URL, poolSize: 10 });
try {
  await prepareDatabase(database, [catalogService], { seed: true, logger });
  console.log(`Loading ${env.BENCH_DATASETS} synthetic datasets (skipped when present)...`);
  const load = await loadSyntheticCatalog(database, env.BENCH_DATASETS, (l) => console.log(l));
  const { identity } = await createTestIdentity();
  const [subgraph] = await startSubgraphs(database, [{ service: catalogService, port: 0 }], {
    host: '127.0.0.1',
    logger,
    gatewayPublicKey: identity.gatewayKey.publicKey,
  });
  if (!subgraph) throw new Error('catalog did not start');
  // Only the catalog runs: the other subgraphs get an address nothing listens on (no query here reaches
  // them), and the rate limit is set out of reach of one client sending the whole mix.
  const nowhere = 'http://127.0.0.1:9/graphql';
  const gateway = await startGateway({
    host: '127.0.0.1',
    port: 0,
    subgraphUrls: { catalog: subgraph.url, access: nowhere, lineage: nowhere },
    logger,
    identity,
    rules: { rateLimits: { partnerFieldsPerMinute: 1e9, internalFieldsPerMinute: 1e9 } },
  });
  const targets = { gateway: `${gateway.url}/graphql`, subgraph: subgraph.url };

  say(`## Catalogue search benchmark (${new Date().toISOString().slice(0, 10)})`);
  say('');
  say(`PostgreSQL, ${env.BENCH_DATASETS.toLocaleString('en')} synthetic datasets plus the demo catalogue; ${env.BENCH_ROUNDS} timed runs of each query after 3 warm-up runs, one client at a time.`);
  if (load.inserted > 0) say(`Loading ${load.inserted} datasets took ${(load.ms / 1000).toFixed(0)} s.`);
  say('');
  say('| search | filter | kind | matches | gateway p50 ms | gateway p95 ms | subgraph p50 ms | subgraph p95 ms |');
  say('|---|---|---|---:|---:|---:|---:|---:|');
  const all: Record<'gateway' | 'subgraph', Record<string, number[]>> = { gateway: {}, subgraph: {} };
  for (const s of searches) {
    const variables = { search: s.search, filter: s.filter ?? null };
    const times: Record<'gateway' | 'subgraph', number[]> = { gateway: [], subgraph: [] };
    let total = 0;
    for (const target of ['gateway', 'subgraph'] as const) {
      const headers = async (): Promise<Record<string, string>> =>
        target === 'subgraph' ? { authorization: `Bearer ${await signInternalToken(identity.gatewayKey, anonymousCaller('bench'), 'catalog')}` } : {};
      for (let i = 0; i < 3; i++) await post(targets[target], variables, await headers());
      for (let i = 0; i < env.BENCH_ROUNDS; i++) {
        const r = await post(targets[target], variables, await headers());
        times[target].push(r.ms);
        total = r.total;
      }
      (all[target][s.kind] ??= []).push(...times[target]);
      (all[target].all ??= []).push(...times[target]);
    }
    const f = (v: number) => v.toFixed(1);
    say(
      `| ${s.search} | ${s.filter ? JSON.stringify(s.filter).replace(/"/g, '') : ''} | ${s.kind} | ${total.toLocaleString('en')} | ${f(percentile(times.gateway, 50))} | ${f(percentile(times.gateway, 95))} | ${f(percentile(times.subgraph, 50))} | ${f(percentile(times.subgraph, 95))} |`,
    );
  }
  say('');
  say('| kind | gateway p50 ms | gateway p95 ms | subgraph p50 ms | subgraph p95 ms |');
  say('|---|---:|---:|---:|---:|');
  for (const kind of ['selective', 'medium', 'broad', 'all']) {
    const g = all.gateway[kind] ?? [];
    const s = all.subgraph[kind] ?? [];
    say(`| ${kind} | ${percentile(g, 50).toFixed(1)} | ${percentile(g, 95).toFixed(1)} | ${percentile(s, 50).toFixed(1)} | ${percentile(s, 95).toFixed(1)} |`);
  }

  // Statement counts: a page of 10 and of 100 with publisher, distributions and health categories.
  const pageQuery = `query($n: Int) { datasets(first: $n) { edges { node { id publisher { name } distributions { accessUrl format { code } } healthCategories { code label } } } } }`;
  const statements = async (n: number) => {
    const before = database.statementCount();
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await signInternalToken(identity.gatewayKey, anonymousCaller('bench'), 'catalog')}`,
      },
      body: JSON.stringify({ query: pageQuery, variables: { n } }),
    });
    await response.json();
    return database.statementCount() - before;
  };
  const ten = await statements(10);
  const hundred = await statements(100);
  say('');
  say(`SQL statements for \`datasets(first: 10)\` with publisher, distributions and health categories: ${ten}; for \`first: 100\`: ${hundred}.`);

  await gateway.stop();
  await subgraph.stop();
  await mkdir('.bench', { recursive: true });
  await writeFile('.bench/catalog.md', `${lines.join('\n')}\n`);
} finally {
  await database.close();
}
