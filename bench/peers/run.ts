/**
 * `npm run bench:peers`: this gateway against Hive Gateway on the same subgraphs, supergraph and queries.
 *
 * Starts the three subgraphs once (PostgreSQL by default, each in its own process; `--pglite`: the
 * embedded database, the subgraphs and this gateway in one process, as `npm start` runs them), then
 * this gateway (on PostgreSQL also a second one with its response cache off) and two Hive Gateways
 * (`--hive-router-runtime`; the same with its response cache), and checks that every target gives the
 * same answer to every query before timing anything. Each round times every query on every target in
 * turn (the order of the targets alternating between rounds), from `--connections` connections for
 * `--seconds` seconds, and the catalog subgraph alone ("direct") on the queries it can answer by
 * itself. Reports requests/s, p50, p99, subgraph fetches per request and peak gateway RSS; ratios are
 * taken within a round and their median across rounds is reported. Hive Gateway is installed apart
 * (`bench/peers/hive`, `npm ci` there on first use).
 *
 * Options: --pglite, --json (the last line is `{"ratios": {...}, "rssMb": n}`), --rounds (2),
 * --seconds (5), --connections (32), --only <text> (only the queries whose name holds it).
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/hmg_bench_peers, created
 * when missing).
 */
import '../../platform/no-telemetry.js';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { z } from 'zod';
import { callerFromClaims } from '../../platform/identity/caller-token-verifier.js';
import type { Caller } from '../../platform/identity/caller.js';
import { loadDevIssuerKey, loadGatewayKey, mintDevToken } from '../../platform/identity/dev-issuer.js';
import { signInternalToken } from '../../platform/identity/internal-token.js';
import { ONWARD_CALLS, onwardIdentityHeader } from '../../platform/identity/onward-identity.js';
import { median } from '../catalog/percentiles.js';
import { ensureDatabase } from '../../platform/db/ensure-database.js';
import { load, type LoadResult } from './load.js';
import { freePort, start, waitUntilReady, type Started } from './processes.js';
import { benchQueries, registeredDocuments, type BenchCaller, type BenchQuery } from './queries.js';

const { values: options } = parseArgs({
  options: {
    pglite: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '2' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    only: { type: 'string' },
  },
});
const rounds = z.coerce.number().int().min(1).max(10).parse(options.rounds);
const seconds = z.coerce.number().int().min(1).max(120).parse(options.seconds);
const connections = z.coerce.number().int().min(1).max(512).parse(options.connections);
const env = z.object({ BENCH_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/hmg_bench_peers') }).parse(process.env);
const say = (line: string) => console.log(options.json ? `# ${line}` : line);

const root = fileURLToPath(new URL('../../', import.meta.url));
const hiveDir = fileURLToPath(new URL('./hive/', import.meta.url));
const work = `${root}.bench/peers`;
const SUBGRAPHS = ['catalog', 'access', 'lineage'] as const;

if (!existsSync(`${hiveDir}node_modules/@graphql-hive/gateway`)) {
  say('installing Hive Gateway in bench/peers/hive (first run only)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: hiveDir, stdio: options.json ? 'ignore' : 'inherit' });
}
await mkdir(work, { recursive: true });
if (options.pglite) await rm(`${work}/pglite`, { recursive: true, force: true });
else await ensureDatabase(env.BENCH_DATABASE_URL);

const ports = { gateway: await freePort(), uncached: await freePort(), catalog: await freePort(), access: await freePort(), lineage: await freePort(), hiveRust: await freePort(), hiveBest: await freePort() };
const subgraphUrl = (name: (typeof SUBGRAPHS)[number]) => `http://127.0.0.1:${ports[name]}/graphql`;
// Development mode (outside production, documents need not be registered, as with Hive Gateway); no
// rate limit worth the name, as Hive Gateway has none.
const serviceEnv: Record<string, string> = {
  APOLLO_TELEMETRY_DISABLED: 'true',
  NODE_ENV: 'development',
  LOG_LEVEL: 'warn',
  DATA_DIR: options.pglite ? `${work}/pglite` : `${work}/data`,
  HOST: '127.0.0.1',
  PORT: String(ports.gateway),
  CATALOG_PORT: String(ports.catalog),
  ACCESS_PORT: String(ports.access),
  LINEAGE_PORT: String(ports.lineage),
  CATALOG_URL: subgraphUrl('catalog'),
  ACCESS_URL: subgraphUrl('access'),
  LINEAGE_URL: subgraphUrl('lineage'),
  RATE_LIMIT_PARTNER_FIELDS_PER_MINUTE: '1000000000',
  RATE_LIMIT_INTERNAL_FIELDS_PER_MINUTE: '1000000000',
  ...(options.pglite ? {} : { DATABASE_URL: env.BENCH_DATABASE_URL }),
};
const tsx = (script: string, ...args: string[]) => ['--import', 'tsx', `${root}${script}`, ...args];
const services: Started[] = [];
const stopAll = () => Promise.allSettled(services.map((s) => s.stop()));
process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));

try {
  let ours: Started;
  let uncached: Started | undefined;
  if (options.pglite) {
    ours = start('gateway and subgraphs', process.execPath, tsx('scripts/start.ts'), serviceEnv, root);
    services.push(ours);
    await waitUntilReady(ours, `http://127.0.0.1:${ports.gateway}/ready`);
  } else {
    // One after the other: each migrates its schema and writes its demo data first.
    for (const name of SUBGRAPHS) {
      const subgraph = start(name, process.execPath, tsx('scripts/start-subgraph.ts', name), serviceEnv, root);
      services.push(subgraph);
      await waitUntilReady(subgraph, `http://127.0.0.1:${ports[name]}/health`);
    }
    ours = start('gateway', process.execPath, tsx('scripts/start-gateway.ts'), serviceEnv, root);
    services.push(ours);
    await waitUntilReady(ours, `http://127.0.0.1:${ports.gateway}/ready`);
    // The same gateway with its response cache off: what it does when every answer is new.
    uncached = start('gateway without response cache', process.execPath, tsx('scripts/start-gateway.ts'), { ...serviceEnv, PORT: String(ports.uncached), RESPONSE_CACHE_TTL_SECONDS: '0' }, root);
    services.push(uncached);
    await waitUntilReady(uncached, `http://127.0.0.1:${ports.uncached}/ready`);
  }

  // Callers' tokens, and the onward tokens this gateway sends for them, which Hive Gateway is given.
  const issuerKey = await loadDevIssuerKey(serviceEnv.DATA_DIR ?? '');
  const gatewayKey = await loadGatewayKey(serviceEnv.DATA_DIR ?? '');
  const researcherToken = await mintDevToken(issuerKey, { subject: 'bench-researcher', roles: ['researcher'], organisationId: 'inserm', audience: 'health-metadata-gateway' });
  const authorization: Record<BenchCaller, Record<string, string>> = { anonymous: {}, researcher: { authorization: `Bearer ${researcherToken}` } };
  const callers: Record<BenchCaller, Caller> = {
    anonymous: { subject: null, organisationId: null, roles: [], requestId: 'bench' },
    researcher: callerFromClaims(decodeJwt(researcherToken), 'bench'),
  };
  /** For each caller and subgraph, the identity headers this gateway sends: its token, and those for the peers it may call. */
  const onward = async () => {
    const table: Record<string, Record<string, Record<string, string>>> = {};
    for (const caller of ['anonymous', 'researcher'] as const) {
      const signed = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s, `Bearer ${await signInternalToken(gatewayKey, callers[caller], s)}`] as const)));
      table[authorization[caller].authorization ?? 'anonymous'] = Object.fromEntries(
        SUBGRAPHS.map((s) => [s, { authorization: signed[s] ?? '', ...Object.fromEntries((ONWARD_CALLS[s] ?? []).map((peer) => [onwardIdentityHeader(peer), signed[peer] ?? ''])) }]),
      );
    }
    return table;
  };
  let tokens = await onward();
  const writeTokens = async () => {
    tokens = await onward();
    await writeFile(`${work}/onward-tokens.json.tmp`, JSON.stringify(tokens));
    await rename(`${work}/onward-tokens.json.tmp`, `${work}/onward-tokens.json`);
  };
  await writeTokens();
  // Onward tokens live a minute: renewed every 20 s.
  const renewal = setInterval(() => void writeTokens(), 20_000);
  renewal.unref();

  // The committed supergraph, pointed at this run's subgraphs, and the registered operations.
  let supergraph = await readFile(`${root}gateway/supergraph.graphql`, 'utf8');
  for (const name of SUBGRAPHS) supergraph = supergraph.replace(new RegExp(`(name: "${name}", url: ")[^"]+`), `$1${subgraphUrl(name)}`);
  await writeFile(`${work}/supergraph.graphql`, supergraph);
  const documentFiles = ['inserm/dataset-details.graphql', 'inserm/search-datasets.graphql'];
  await writeFile(`${work}/documents.json`, JSON.stringify(registeredDocuments(documentFiles)));
  const hive = (name: string, port: number, responseCache: boolean) =>
    start(
      name,
      process.execPath,
      [`${hiveDir}node_modules/@graphql-hive/gateway/dist/bin.js`, 'supergraph', `${work}/supergraph.graphql`, '--hive-router-runtime', '--port', String(port), '--host', '127.0.0.1', '--config-path', `${hiveDir}gateway.config.ts`],
      { NODE_ENV: 'production', BENCH_ONWARD_TOKENS: `${work}/onward-tokens.json`, BENCH_DOCUMENTS: `${work}/documents.json`, BENCH_RESPONSE_CACHE: responseCache ? '1' : '0' },
      hiveDir,
    );
  const hiveRust = hive('Hive Gateway (Rust planner)', ports.hiveRust, false);
  const hiveBest = hive('Hive Gateway (Rust planner, response cache)', ports.hiveBest, true);
  services.push(hiveRust, hiveBest);
  await Promise.all([
    waitUntilReady(hiveRust, `http://127.0.0.1:${ports.hiveRust}/healthcheck`),
    waitUntilReady(hiveBest, `http://127.0.0.1:${ports.hiveBest}/healthcheck`),
  ]);

  interface Target {
    readonly key: 'ours' | 'uncached' | 'hiveRust' | 'hiveBest' | 'direct';
    readonly label: string;
    readonly url: string;
    readonly pid: number | undefined;
    headers(caller: BenchCaller): Record<string, string>;
  }
  const targets: Target[] = [
    { key: 'ours', label: 'this gateway', url: `http://127.0.0.1:${ports.gateway}/graphql`, pid: ours.child.pid, headers: (c) => authorization[c] },
    ...(uncached ? [{ key: 'uncached' as const, label: 'this gateway, response cache off', url: `http://127.0.0.1:${ports.uncached}/graphql`, pid: uncached.child.pid, headers: (c: BenchCaller) => authorization[c] }] : []),
    { key: 'hiveRust', label: 'Hive Gateway, Rust planner', url: `http://127.0.0.1:${ports.hiveRust}/graphql`, pid: hiveRust.child.pid, headers: (c) => authorization[c] },
    { key: 'hiveBest', label: 'Hive Gateway, Rust planner + response cache', url: `http://127.0.0.1:${ports.hiveBest}/graphql`, pid: hiveBest.child.pid, headers: (c) => authorization[c] },
  ];
  const direct: Target = {
    key: 'direct',
    label: 'catalog subgraph alone',
    url: subgraphUrl('catalog'),
    pid: undefined,
    headers: (c) => tokens[authorization[c].authorization ?? 'anonymous']?.catalog ?? {},
  };
  const queries = benchQueries().filter((q) => options.only === undefined || q.name.includes(options.only));
  const targetsOf = (q: BenchQuery) => (q.oneSubgraph && !('extensions' in q.body) ? [...targets, direct] : targets);

  // The same answer everywhere, or no timing at all.
  const answer = async (target: Target, query: BenchQuery) => {
    const response = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', ...target.headers(query.caller) }, body: JSON.stringify(query.body) });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    return { status: response.status, text: JSON.stringify({ data: body.data ?? null, errors: body.errors?.map((e) => e.message) ?? [] }) };
  };
  for (const query of queries) {
    const reference = await answer(targets[0] as Target, query);
    if (reference.status !== 200 || reference.text.includes('"errors":["')) throw new Error(`this gateway does not answer "${query.name}" cleanly: ${reference.text.slice(0, 500)}`);
    for (const target of targetsOf(query).slice(1)) {
      // Twice: the second answer of a cached target comes from its cache.
      for (let i = 0; i < 2; i++) {
        const other = await answer(target, query);
        if (other.text !== reference.text) throw new Error(`"${query.name}": ${target.label} answers differently:\n${other.text.slice(-800)}\n---\n${reference.text.slice(-800)}`);
      }
    }
  }
  say(`every target gives the same answer to each of ${queries.length} queries`);

  /** GraphQL requests the subgraphs have served so far (their own /metrics). */
  const subgraphRequests = async (): Promise<number> => {
    let total = 0;
    for (const name of SUBGRAPHS) {
      const text = await (await fetch(`http://127.0.0.1:${ports[name]}/metrics`)).text();
      for (const line of text.split('\n')) {
        if (line.startsWith('graphql_requests_total{') && line.includes(`service="${name}"`)) total += Number(line.split(' ').at(-1));
      }
    }
    return total;
  };

  const results = new Map<string, (LoadResult & { fetchesPerRequest: number })[]>();
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const order = targetsOf(query);
      if (round % 2 === 1) order.reverse();
      for (const target of order) {
        const before = await subgraphRequests();
        const result = await load({ url: target.url, headers: target.headers(query.caller), body: JSON.stringify(query.body), connections, seconds, pid: target.pid });
        const fetches = (await subgraphRequests()) - before;
        const key = `${query.name}\u0000${target.key}`;
        results.set(key, [...(results.get(key) ?? []), { ...result, fetchesPerRequest: result.requests ? Math.round((fetches / result.requests) * 100) / 100 : 0 }]);
        say(`round ${round + 1} · ${query.name} · ${target.label}: ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.failures} failed`);
      }
    }
  }

  const of = (query: BenchQuery, key: Target['key']) => results.get(`${query.name}\u0000${key}`) ?? [];
  const ratio = (query: BenchQuery, key: Target['key']) => {
    const mine = of(query, 'ours');
    const theirs = of(query, key);
    if (theirs.length === 0) return null;
    return Math.round(median(mine.map((m, i) => m.requestsPerSecond / Math.max(0.1, theirs[i]?.requestsPerSecond ?? 0.1))) * 100) / 100;
  };

  const lines = [
    `| query | target | req/s | p50 ms | p99 ms | failed | subgraph fetches / request | peak RSS MiB |`,
    `|---|---|---:|---:|---:|---:|---:|---:|`,
  ];
  for (const query of queries) {
    for (const target of targetsOf(query)) {
      const runs = of(query, target.key);
      lines.push(
        `| ${query.name} | ${target.label} | ${median(runs.map((r) => r.requestsPerSecond))} | ${median(runs.map((r) => r.p50Ms))} | ${median(runs.map((r) => r.p99Ms))} | ${runs.reduce((n, r) => n + r.failures, 0)} | ${median(runs.map((r) => r.fetchesPerRequest))} | ${target.pid ? Math.max(...runs.map((r) => r.peakRssMb)) : '—'} |`,
      );
    }
  }
  const ratios = Object.fromEntries(queries.map((q) => [q.name, { vsHiveBest: ratio(q, 'hiveBest'), vsHiveRust: ratio(q, 'hiveRust'), vsDirect: ratio(q, 'direct') }]));
  // The uncached gateway against the catalog subgraph alone (the goal is at least 0.5), in the report only.
  const uncachedVsDirect = Object.fromEntries(
    queries.filter((q) => of(q, 'uncached').length > 0 && of(q, 'direct').length > 0).map((q) => [q.name, Math.round((median(of(q, 'uncached').map((r) => r.requestsPerSecond)) / Math.max(0.1, median(of(q, 'direct').map((r) => r.requestsPerSecond)))) * 100) / 100]),
  );
  say(`this gateway with its response cache off ÷ the catalog subgraph alone: ${JSON.stringify(uncachedVsDirect)}`);
  const rssMb = Math.max(...queries.flatMap((q) => of(q, 'ours').map((r) => r.peakRssMb)));
  say(`${options.pglite ? 'PGlite (this gateway and the subgraphs in one process: its RSS is theirs together)' : 'PostgreSQL'}, ${connections} connections, ${seconds} s per run, ${rounds} rounds`);
  for (const line of lines) say(line);
  const report = { ratios, rssMb };
  await writeFile(`${work}/report.md`, `${lines.join('\n')}\n\n${JSON.stringify(report, null, 2)}\n`);
  clearInterval(renewal);
  await stopAll();
  console.log(JSON.stringify(report));
} catch (error) {
  await stopAll();
  for (const service of services) if (service.output().trim()) console.error(`--- ${service.name}:\n${service.output().slice(-3000)}`);
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
