/**
 * The federation drill (`npm run drill:federation [-- --json]`). It starts two nodes of the project in this
 * process, each with its own embedded database (or, with DRILL_DATABASE_URL, two PostgreSQL databases of
 * its own it creates afresh, dropping them first: the URL's and the same name with `_peer`): node A holds the demo catalogue; node B
 * is another country's node, seeded with HealthDCAT-AP records pushed by its stewards. Each node registers
 * the other as a harvest source (A follows B incrementally, B harvests A in full) and harvests it. Then,
 * on B, records are changed, withdrawn and added; A harvests B again, incrementally; and the drill checks
 * that A's copy of B matches B record for record (by the source's IRI: titles, descriptions, keywords,
 * access rights, modification date), that what B withdrew is gone from A, and that B did not take A's
 * copies of its own records back. The last line (with --json):
 * {"sourceRecords": n, "harvested": n, "mismatches": n, "withdrawnPropagated": bool}
 */
import '../../platform/no-telemetry.js';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { ensureDatabase } from '../../platform/db/ensure-database.js';
import { openDatabase } from '../../platform/db/open-database.js';
import { createLogger } from '../../platform/logger.js';
import { prepareDatabase } from '../../platform/server/start-services.js';
import { exampleRecord } from '../../test/support/example-records.js';
import { dropDatabase } from '../../test/support/postgres-admin.js';
import { startTestStack, type TestStack } from '../../test/support/start-stack.js';
import { testServices } from '../../test/support/test-services.js';

const env = z
  .object({
    DRILL_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional(),
    DRILL_PEER_RECORDS: z.coerce.number().int().min(10).max(2000).default(60),
  })
  .parse(process.env);
const json = process.argv.includes('--json');
const say = (line: string) => {
  if (!json) console.log(line);
  else console.error(line);
};

/** The peer's records are Finnish registries under this address. */
const PEER_IRI = 'https://findata.example.fi/registry';
const CHANGED = 5;
const WITHDRAWN = 3;
const ADDED = 2;

interface Node {
  readonly database: Database;
  readonly stack: TestStack;
  readonly tokens: { admin: string; steward: string };
}

function peerUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname.replace(/\/$/, '')}_peer`;
  return parsed.toString();
}

async function startNode(url: string | undefined, seed: boolean): Promise<Node> {
  if (url) {
    // The drill's databases are its own: each run starts them afresh.
    await dropDatabase(url, new URL(url).pathname.slice(1));
    await ensureDatabase(url);
  }
  const database = await openDatabase({ url });
  await prepareDatabase(database, testServices, { seed, logger: createLogger('silent') });
  const stack = await startTestStack(database);
  return {
    database,
    stack,
    tokens: { admin: await stack.identity.token('admin', undefined, 'drill-admin'), steward: await stack.identity.token('data-steward', undefined, 'drill-steward') },
  };
}

async function gql<T>(node: Node, query: string, variables: Record<string, unknown> = {}, who: 'admin' | 'steward' | null = null): Promise<T> {
  const { body } = await node.stack.queryGateway<T>(query, variables, who === null ? {} : { authorization: `Bearer ${node.tokens[who]}` });
  if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data as T;
}

async function push(node: Node, method: 'POST' | 'PUT' | 'DELETE', path: string, body?: string): Promise<void> {
  const response = await fetch(`${node.stack.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${node.tokens.steward}`, ...(body === undefined ? {} : { 'content-type': 'text/turtle' }) },
    ...(body === undefined ? {} : { body }),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
}

const peerRecord = (n: number, title = `Finnish registry ${n}`) => exampleRecord(`${PEER_IRI}/${n}`, `FI-REG-${n}`, title);

interface Run {
  status: string;
  mode: string;
  seen: number;
  added: number;
  changed: number;
  withdrawn: number;
  refused: number;
  skipped: number;
  durationMs: number;
  errors: { message: string }[];
}

async function register(node: Node, input: Record<string, unknown>): Promise<void> {
  const data = await gql<{ registerHarvestSource: { error: { message: string } | null } }>(
    node,
    `mutation ($input: HarvestSourceInput!) { registerHarvestSource(input: $input) { error { message } } }`,
    { input },
    'admin',
  );
  if (data.registerHarvestSource.error) throw new Error(data.registerHarvestSource.error.message);
}

const RUN = 'status mode seen added changed withdrawn refused skipped durationMs errors { message }';

/** Runs a harvest now and answers its report, waiting for it when it outlives the answer. */
async function harvest(node: Node, id: string): Promise<Run> {
  const data = await gql<{ harvestNow: { run: Run | null; running: boolean; error: { message: string } | null } }>(
    node,
    `mutation ($id: ID!) { harvestNow(id: $id) { run { ${RUN} } running error { message } } }`,
    { id },
    'admin',
  );
  if (data.harvestNow.run) return data.harvestNow.run;
  if (!data.harvestNow.running) throw new Error(data.harvestNow.error?.message ?? 'no run');
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const state = await gql<{ harvestSource: { running: boolean; lastRun: Run | null } }>(node, `query ($id: ID!) { harvestSource(id: $id) { running lastRun { ${RUN} } } }`, { id }, 'admin');
    if (!state.harvestSource.running && state.harvestSource.lastRun) return state.harvestSource.lastRun;
  }
}

/** What is compared of a record, by its IRI at the source. */
interface Facts {
  titles: unknown;
  descriptions: unknown;
  keywords: unknown;
  accessRights: string;
  modified: string | null;
}

async function recordsOf(node: Node, sources: string[], iriOf: (d: { sourceIri: string | null; source: { iri: string } | null }) => string | null): Promise<Map<string, Facts>> {
  const out = new Map<string, Facts>();
  let after: string | null = null;
  for (;;) {
    const data: { datasets: { edges: { node: Record<string, unknown> & { sourceIri: string | null; source: { iri: string } | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
      await gql(
        node,
        `query ($s: [ID!], $after: String) { datasets(filter: { sources: $s }, first: 100, after: $after) {
           edges { node { sourceIri source { iri } titleTranslations { fr en } descriptionTranslations { fr en } keywordTranslations { fr en } accessRights { code } modified } }
           pageInfo { hasNextPage endCursor } } }`,
        { s: sources, after },
      );
    for (const { node: d } of data.datasets.edges) {
      const iri = iriOf(d);
      if (iri === null) continue;
      out.set(iri, {
        titles: d.titleTranslations,
        descriptions: d.descriptionTranslations,
        keywords: d.keywordTranslations,
        accessRights: (d.accessRights as { code: string }).code,
        modified: (d.modified as string | null) ?? null,
      });
    }
    if (!data.datasets.pageInfo.hasNextPage) return out;
    after = data.datasets.pageInfo.endCursor;
  }
}

async function main(): Promise<void> {
  say('Starting node A (the demo catalogue) and node B (a Finnish node)...');
  const nodeA = await startNode(env.DRILL_DATABASE_URL, true);
  const nodeB = await startNode(env.DRILL_DATABASE_URL ? peerUrl(env.DRILL_DATABASE_URL) : undefined, false);
  try {
    for (let n = 1; n <= env.DRILL_PEER_RECORDS; n++) await push(nodeB, 'POST', '/catalogue/datasets', peerRecord(n));
    say(`Node B holds ${env.DRILL_PEER_RECORDS} records pushed by its stewards.`);

    await register(nodeA, { id: 'fi-node', name: 'Finnish node', url: `${nodeB.stack.url}/catalogue.ttl?page_size=50`, country: 'FIN', mode: 'INCREMENTAL' });
    await register(nodeB, { id: 'fr-node', name: 'French node', url: `${nodeA.stack.url}/catalogue.ttl?page_size=100`, country: 'FRA' });
    const first = await harvest(nodeA, 'fi-node');
    say(`A harvests B (${first.mode}): ${first.status}, seen ${first.seen}, added ${first.added}, refused ${first.refused}, in ${first.durationMs} ms.`);
    const back = await harvest(nodeB, 'fr-node');
    say(`B harvests A (${back.mode}): ${back.status}, seen ${back.seen}, added ${back.added}, refused ${back.refused} (demo records naming no access body), skipped ${back.skipped} (A's copies of B's records), in ${back.durationMs} ms.`);

    // Changes on B: titles changed, records withdrawn, records added.
    for (let n = 1; n <= CHANGED; n++) {
      const id = `fi-reg-${n}`;
      await push(nodeB, 'PUT', `/catalogue/datasets/${id}`, peerRecord(n, `Finnish registry ${n}, revised`));
    }
    const withdrawnIris: string[] = [];
    for (let n = CHANGED + 1; n <= CHANGED + WITHDRAWN; n++) {
      await push(nodeB, 'DELETE', `/catalogue/datasets/fi-reg-${n}?reason=closed`);
      withdrawnIris.push(`${PEER_IRI}/${n}`);
    }
    for (let n = env.DRILL_PEER_RECORDS + 1; n <= env.DRILL_PEER_RECORDS + ADDED; n++) await push(nodeB, 'POST', '/catalogue/datasets', peerRecord(n));
    say(`On B: ${CHANGED} records changed, ${WITHDRAWN} withdrawn, ${ADDED} added.`);

    const second = await harvest(nodeA, 'fi-node');
    say(`A harvests B again (${second.mode}): ${second.status}, seen ${second.seen}, added ${second.added}, changed ${second.changed}, withdrawn ${second.withdrawn}, in ${second.durationMs} ms.`);
    for (const error of [...first.errors, ...second.errors, ...back.errors]) say(`  source error: ${error.message}`);

    const atSource = await recordsOf(nodeB, ['local'], (d) => d.sourceIri);
    const atA = await recordsOf(nodeA, ['fi-node'], (d) => d.source?.iri ?? null);
    let mismatches = 0;
    for (const [iri, facts] of atSource) {
      const copy = atA.get(iri);
      if (copy === undefined || JSON.stringify(copy) !== JSON.stringify(facts)) {
        mismatches++;
        say(`  mismatch: ${iri} ${copy === undefined ? 'is missing at A' : 'differs at A'}`);
      }
    }
    for (const iri of atA.keys()) {
      if (!atSource.has(iri)) {
        mismatches++;
        say(`  mismatch: ${iri} is at A but no longer at B`);
      }
    }
    const backAgain = await recordsOf(nodeB, ['fr-node'], (d) => d.source?.iri ?? null);
    const takenBack = [...backAgain.keys()].filter((iri) => iri.startsWith(PEER_IRI)).length;
    if (takenBack > 0) {
      mismatches += takenBack;
      say(`  mismatch: B took ${takenBack} of its own records back from A`);
    }
    const withdrawnPropagated = second.withdrawn === WITHDRAWN && withdrawnIris.every((iri) => !atA.has(iri));
    say(`B lists ${atSource.size} records of its own; A holds ${atA.size} from B; ${mismatches} mismatches; withdrawals propagated: ${withdrawnPropagated}.`);
    const line = JSON.stringify({ sourceRecords: atSource.size, harvested: atA.size, mismatches, withdrawnPropagated });
    console.log(line);
    if (mismatches > 0 || !withdrawnPropagated) process.exitCode = 1;
  } finally {
    await nodeA.stack.stop();
    await nodeB.stack.stop();
    await nodeA.database.close();
    await nodeB.database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
