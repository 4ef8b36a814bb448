import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { queryRows } from '../platform/db/rows.js';
import { emitPermitReminders } from '../subgraphs/access/changes/permit-reminders.js';
import { ChangeSequencer } from '../platform/db/change-sequencer.js';
import { createLogger } from '../platform/logger.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

/**
 * The change feed through the gateway: what each kind of change writes to the outboxes (in the
 * change's own transaction), and what each caller may read of it.
 */
let database: Database;
let stack: TestStack;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  stack = await startTestStack(database);
  tokens.steward = await stack.identity.token('data-steward', undefined, 'feed-steward');
  tokens.reviewer = await stack.identity.token('hdab-reviewer', undefined, 'feed-reviewer');
  tokens.pipeline = await stack.identity.token('pipeline', undefined, 'feed-pipeline');
  tokens.inserm = await stack.identity.token('researcher', 'inserm', 'feed-alice');
  tokens.aphp = await stack.identity.token('researcher', 'aphp', 'feed-bob');
});

afterAll(async () => {
  await stack?.stop();
  await database?.close();
});

const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

interface Change {
  id: string;
  stream: string;
  sequence: number;
  type: string;
  datasetIds: string[];
  fields: string[] | null;
  applicationId: string | null;
  permitId: string | null;
  status: string | null;
  previousStatus: string | null;
  daysLeft: number | null;
  runId: string | null;
  job: { namespace: string; name: string } | null;
  source: { namespace: string; name: string } | null;
  schemaChange: { added: { name: string; type: string }[]; removed: { name: string }[]; retyped: { name: string; type: string; previousType: string }[] } | null;
}

const FEED = `query ($after: String, $first: Int, $types: [ChangeType!]) {
  changes(after: $after, first: $first, types: $types) {
    edges { cursor node { id stream sequence type occurredAt datasetIds fields applicationId permitId status previousStatus daysLeft runId
                          job { namespace name } source { namespace name } schemaChange { added { name type } removed { name } retyped { name type previousType } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Every event the caller may read, following the cursors to the end, in pages of `first`. */
async function readAll(who: string, types?: string[], first = 50): Promise<Change[]> {
  const all: Change[] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page++) {
    const { body } = await stack.queryGateway<{ changes: { edges: { node: Change }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(FEED, { after, first, types }, as(who));
    expect(body.errors).toBeUndefined();
    const changes = body.data?.changes;
    if (!changes) throw new Error('no page');
    all.push(...changes.edges.map((e) => e.node));
    after = changes.pageInfo.endCursor;
    if (!changes.pageInfo.hasNextPage) return all;
  }
  throw new Error('the feed did not end within 100 pages');
}

/** Waits until the caller's feed holds an event matching `match` (events are numbered just after commit). */
async function eventually(who: string, match: (c: Change) => boolean, types?: string[]): Promise<Change> {
  let found: Change | undefined;
  await expect
    .poll(
      async () => {
        found = (await readAll(who, types)).find(match);
        return found !== undefined;
      },
      { timeout: 5_000, interval: 50 },
    )
    .toBe(true);
  return found as Change;
}

const DATASET_INPUT = (id: string, title: string) =>
  `{ identifier: "${id}", title: { en: "${title}" }, description: { en: "A cohort built for the feed test." }, themes: [HEAL], healthCategories: [HRAD],
     accessRights: RESTRICTED, publisher: "atih", contactPoint: { name: "ATIH" }, spatial: [FRA] }`;

async function curate(mutation: string): Promise<void> {
  const { body } = await stack.queryGateway<Record<string, { error: unknown }>>(mutation, {}, as('steward'));
  expect(body.errors).toBeUndefined();
  expect(Object.values(body.data ?? {})[0]?.error).toBeNull();
}

async function grantPermit(researcher: string, datasetIds: string[]): Promise<{ applicationId: string; permitId: string }> {
  const submitted = await stack.queryGateway<{ submitAccessApplication: { application: { id: string } } }>(
    `mutation ($ids: [ID!]!) { submitAccessApplication(input: { principalInvestigator: { name: "Alice" }, authorisedPersons: [{ name: "Alice" }], purpose: SCIENTIFIC_RESEARCH,
      purposeDescription: "Outcomes of hospital stays, for the change feed.", datasetIds: $ids, dataForm: ANONYMISED,
      secureProcessingEnvironment: "HDH", requestedDurationMonths: 12 }) { application { id } error { code message } } }`,
    { ids: datasetIds },
    as(researcher),
  );
  const applicationId = submitted.body.data?.submitAccessApplication.application.id as string;
  expect(applicationId).toBeTruthy();
  await stack.queryGateway(`mutation ($id: ID!) { startReview(id: $id) { error { code } } }`, { id: applicationId }, as('reviewer'));
  const decided = await stack.queryGateway<{ decideAccessApplication: { application: { permit: { id: string } } } }>(
    `mutation ($id: ID!) { decideAccessApplication(input: { id: $id, decision: GRANT, reason: "Approved." }) { application { permit { id } } error { code } } }`,
    { id: applicationId },
    as('reviewer'),
  );
  const permitId = decided.body.data?.decideAccessApplication.application.permit.id as string;
  expect(permitId).toBeTruthy();
  return { applicationId, permitId };
}

async function postLineage(events: unknown[]): Promise<void> {
  const response = await fetch(`${stack.url}/api/v1/lineage/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...as('pipeline') },
    body: JSON.stringify(events),
  });
  expect(response.status).toBeLessThan(300);
}

const symlink = (datasetId: string) => ({ symlinks: { _producer: 'urn:test', _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/SymlinksDatasetFacet.json', identifiers: [{ namespace: 'urn:health-metadata-gateway:catalog', name: datasetId, type: 'CATALOG_DATASET' }] } });
const schema = (fields: { name: string; type: string }[]) => ({ schema: { _producer: 'urn:test', _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json', fields } });
const run = (runId: string, eventType: string, at: string, sourceFields: { name: string; type: string }[]) => ({
  eventType,
  eventTime: at,
  run: { runId },
  job: { namespace: 'feed-etl', name: 'build_cohorts' },
  inputs: [{ namespace: 'feed-warehouse', name: 'raw_stays', facets: schema(sourceFields) }],
  outputs: [
    { namespace: 'feed-warehouse', name: 'cohort_restricted', facets: symlink('pmsi-mco') },
    { namespace: 'feed-warehouse', name: 'cohort_public', facets: symlink('cartographie-pathologies') },
  ],
  producer: 'urn:test',
  schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
});

describe('the change feed', () => {
  it('refuses anonymous callers and forged cursors', async () => {
    const anonymous = await stack.queryGateway(FEED, {});
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await stack.queryGateway(FEED, { after: 'bm90LWEtY3Vyc29y' }, as('inserm'));
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
    const tooMany = await stack.queryGateway(FEED, { first: 1000 }, as('inserm'));
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_TOO_LARGE');
  });

  it('tells of a dataset added, changed (naming the fields) and withdrawn, to every signed-in caller, and of nothing rolled back', async () => {
    await curate(`mutation { createDataset(input: ${DATASET_INPUT('feed-cohort', 'Feed cohort').replace('{ identifier', '{ id: "feed-cohort", identifier')}) { error { code message } } }`);
    await curate(`mutation { updateDataset(id: "feed-cohort", input: ${DATASET_INPUT('feed-cohort', 'Feed cohort, renamed')}) { error { code message } } }`);
    await curate(`mutation { withdrawDataset(id: "feed-cohort", reason: "Superseded.") { error { code message } } }`);
    // A change rolled back leaves no event.
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE catalog.dataset SET title_en = 'Never committed' WHERE id = 'pmsi-mco'`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    const withdrawn = await eventually('aphp', (c) => c.type === 'DATASET_WITHDRAWN' && c.datasetIds[0] === 'feed-cohort');
    const mine = (await readAll('aphp', ['DATASET_ADDED', 'DATASET_CHANGED', 'DATASET_WITHDRAWN'])).filter((c) => c.datasetIds.includes('feed-cohort'));
    expect(mine.map((c) => c.type)).toEqual(['DATASET_ADDED', 'DATASET_CHANGED', 'DATASET_WITHDRAWN']);
    expect(mine[1]?.fields).toEqual(['title']);
    expect(mine.every((c) => c.stream === 'CATALOG' && c.id === `catalog:${c.sequence}`)).toBe(true);
    expect(mine.map((c) => c.sequence)).toEqual([...mine.map((c) => c.sequence)].sort((a, b) => a - b));
    expect(withdrawn.fields).toBeNull();
    const all = await readAll('steward');
    expect(all.some((c) => c.datasetIds.includes('pmsi-mco') && c.type === 'DATASET_CHANGED')).toBe(false);
  });

  it("tells an organisation of its own applications and permits, and no other organisation", async () => {
    const { applicationId, permitId } = await grantPermit('inserm', ['pmsi-mco']);
    const revoked = await stack.queryGateway<{ revokePermit: { error: unknown } }>(
      `mutation ($id: ID!) { revokePermit(id: $id, reason: "Breach of the conditions.") { error { code message } } }`,
      { id: permitId },
      as('reviewer'),
    );
    expect(revoked.body.errors).toBeUndefined();
    await eventually('inserm', (c) => c.type === 'PERMIT_REVOKED' && c.permitId === permitId);
    const theirs = (await readAll('inserm', ['APPLICATION_STATUS_CHANGED', 'PERMIT_GRANTED', 'PERMIT_REVOKED'])).filter((c) => c.applicationId === applicationId);
    expect(theirs.map((c) => [c.type, c.status, c.previousStatus])).toEqual([
      ['APPLICATION_STATUS_CHANGED', 'SUBMITTED', null],
      ['APPLICATION_STATUS_CHANGED', 'UNDER_REVIEW', 'SUBMITTED'],
      ['APPLICATION_STATUS_CHANGED', 'GRANTED', 'UNDER_REVIEW'],
      ['PERMIT_GRANTED', null, null],
      ['PERMIT_REVOKED', null, null],
    ]);
    expect(theirs.every((c) => c.datasetIds.join() === 'pmsi-mco')).toBe(true);
    // Another organisation's researcher sees none of it; a reviewer sees all of it.
    expect((await readAll('aphp')).some((c) => c.stream === 'ACCESS')).toBe(false);
    expect((await readAll('reviewer')).filter((c) => c.applicationId === applicationId)).toHaveLength(5);
  });

  it('reminds a permit holder 30 and 7 days before expiry and at expiry, once each', async () => {
    const { permitId } = await grantPermit('aphp', ['cartographie-pathologies']);
    const [permit] = await queryRows<{ valid_until: string }>(database.db, sql`SELECT valid_until::text FROM access.permit WHERE id = ${permitId}::uuid`);
    const until = new Date(`${permit?.valid_until}T00:00:00Z`).getTime();
    const day = (offset: number) => new Date(until + offset * 86_400_000).toISOString().slice(0, 10);
    expect(await emitPermitReminders(database.db, day(-20))).toBeGreaterThanOrEqual(1);
    expect(await emitPermitReminders(database.db, day(-19))).toBe(0);
    await emitPermitReminders(database.db, day(-5));
    await emitPermitReminders(database.db, day(1));
    await emitPermitReminders(database.db, day(2));
    await eventually('aphp', (c) => c.type === 'PERMIT_EXPIRED' && c.permitId === permitId);
    const reminders = (await readAll('aphp', ['PERMIT_EXPIRING', 'PERMIT_EXPIRED'])).filter((c) => c.permitId === permitId);
    expect(reminders.map((c) => [c.type, c.daysLeft])).toEqual([
      ['PERMIT_EXPIRING', 20],
      ['PERMIT_EXPIRING', 5],
      ['PERMIT_EXPIRED', null],
    ]);
    expect((await readAll('inserm', ['PERMIT_EXPIRING', 'PERMIT_EXPIRED'])).some((c) => c.permitId === permitId)).toBe(false);
  });

  it('tells of a failed run and a schema change upstream, to each caller only for the datasets whose lineage it may see', async () => {
    const runId = '0fee0000-0000-4000-8000-000000000001';
    await postLineage([run(runId, 'START', '2026-12-01T08:00:00Z', [{ name: 'stay_id', type: 'string' }, { name: 'los', type: 'int' }])]);
    await postLineage([
      run('0fee0000-0000-4000-8000-000000000002', 'COMPLETE', '2026-12-02T08:00:00Z', [
        { name: 'stay_id', type: 'string' },
        { name: 'los', type: 'bigint' },
        { name: 'ward', type: 'string' },
      ]),
    ]);
    await postLineage([run(runId, 'FAIL', '2026-12-01T09:00:00Z', [{ name: 'stay_id', type: 'string' }, { name: 'los', type: 'bigint' }, { name: 'ward', type: 'string' }])]);

    // Internal roles: every dataset touched, with the job and the source named.
    const failed = await eventually('pipeline', (c) => c.type === 'RUN_FAILED' && c.runId === runId);
    expect(failed.datasetIds).toEqual(['cartographie-pathologies', 'pmsi-mco']);
    expect(failed.job).toEqual({ namespace: 'feed-etl', name: 'build_cohorts' });
    const changed = await eventually('steward', (c) => c.type === 'SCHEMA_CHANGED' && c.source?.name === 'raw_stays');
    expect(changed.datasetIds).toEqual(['cartographie-pathologies', 'pmsi-mco']);
    expect(changed.schemaChange).toEqual({ added: [{ name: 'ward', type: 'string' }], removed: [], retyped: [{ name: 'los', type: 'bigint', previousType: 'int' }] });

    // A researcher without a permit: the public dataset only, and neither job nor source.
    const forAphp = (await readAll('aphp', ['RUN_FAILED', 'SCHEMA_CHANGED'])).filter((c) => c.id === failed.id || c.id === changed.id);
    expect(forAphp.map((c) => [c.type, c.datasetIds])).toEqual([
      ['SCHEMA_CHANGED', ['cartographie-pathologies']],
      ['RUN_FAILED', ['cartographie-pathologies']],
    ]);
    expect(forAphp.every((c) => c.job === null && c.source === null && c.runId === null)).toBe(true);
    expect(forAphp.find((c) => c.type === 'SCHEMA_CHANGED')?.schemaChange?.added).toEqual([{ name: 'ward', type: 'string' }]);

    // With an active permit on the restricted dataset, that one too.
    await grantPermit('inserm', ['pmsi-mco']);
    const forInserm = (await readAll('inserm', ['RUN_FAILED'])).find((c) => c.id === failed.id);
    expect(forInserm?.datasetIds).toEqual(['cartographie-pathologies', 'pmsi-mco']);
  });

  it('tells of a schema change between two events sent in one batch, once per batch', async () => {
    const runId = '0fee0000-0000-4000-8000-000000000003';
    const visits = (eventType: string, at: string, fields: { name: string; type: string }[]) => ({
      ...run(runId, eventType, at, fields),
      job: { namespace: 'feed-etl', name: 'build_visit_cohorts' },
      inputs: [{ namespace: 'feed-warehouse', name: 'raw_visits', facets: schema(fields) }],
    });
    // A dataset the catalogue has never seen, and its schema changed within the same request.
    await postLineage([
      visits('START', '2026-12-03T08:00:00Z', [{ name: 'visit_id', type: 'string' }]),
      visits('COMPLETE', '2026-12-03T09:00:00Z', [{ name: 'visit_id', type: 'string' }, { name: 'ward', type: 'string' }]),
    ]);
    const changed = await eventually('steward', (c) => c.type === 'SCHEMA_CHANGED' && c.source?.name === 'raw_visits');
    expect(changed.schemaChange).toEqual({ added: [{ name: 'ward', type: 'string' }], removed: [], retyped: [] });

    // Changed twice within one batch: told once, from the schema it had to the one it has.
    await postLineage([
      visits('START', '2026-12-04T08:00:00Z', [{ name: 'visit_id', type: 'string' }, { name: 'ward', type: 'string' }, { name: 'los', type: 'int' }]),
      visits('COMPLETE', '2026-12-04T09:00:00Z', [{ name: 'visit_id', type: 'string' }, { name: 'ward', type: 'string' }, { name: 'los', type: 'bigint' }, { name: 'unit', type: 'string' }]),
    ]);
    const twice = await eventually('steward', (c) => c.type === 'SCHEMA_CHANGED' && c.source?.name === 'raw_visits' && c.id !== changed.id);
    expect(twice.schemaChange).toEqual({ added: [{ name: 'los', type: 'bigint' }, { name: 'unit', type: 'string' }], removed: [], retyped: [] });
    // And back where it was, within one batch: nothing to tell.
    await postLineage([
      visits('START', '2026-12-05T08:00:00Z', [{ name: 'visit_id', type: 'string' }]),
      visits('COMPLETE', '2026-12-05T09:00:00Z', [{ name: 'visit_id', type: 'string' }, { name: 'ward', type: 'string' }, { name: 'los', type: 'bigint' }, { name: 'unit', type: 'string' }]),
    ]);
    await postLineage([run('0fee0000-0000-4000-8000-000000000004', 'FAIL', '2026-12-05T10:00:00Z', [{ name: 'stay_id', type: 'string' }, { name: 'los', type: 'bigint' }, { name: 'ward', type: 'string' }])]);
    await eventually('pipeline', (c) => c.type === 'RUN_FAILED' && c.runId === '0fee0000-0000-4000-8000-000000000004');
    expect((await readAll('steward', ['SCHEMA_CHANGED'])).filter((c) => c.source?.name === 'raw_visits')).toHaveLength(2);
  });

  it('gives every event once, in order within each stream, whatever the page size', async () => {
    const whole = await readAll('reviewer', undefined, 100);
    const paged = await readAll('reviewer', undefined, 3);
    expect(paged.map((c) => c.id)).toEqual(whole.map((c) => c.id));
    expect(new Set(whole.map((c) => c.id)).size).toBe(whole.length);
    for (const stream of ['CATALOG', 'ACCESS', 'LINEAGE']) {
      const sequences = whole.filter((c) => c.stream === stream).map((c) => c.sequence);
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    }
    expect(new Set(whole.map((c) => c.stream))).toEqual(new Set(['CATALOG', 'ACCESS', 'LINEAGE']));
  });

  it('forgets events older than the retention, and tells a reader resuming from among them', async () => {
    const before = (await readAll('steward')).filter((c) => c.stream === 'CATALOG');
    expect(before.length).toBeGreaterThan(2);
    const { body } = await stack.queryGateway<{ changes: { edges: { cursor: string; node: Change }[] } }>(FEED, { first: 1, types: ['DATASET_ADDED', 'DATASET_CHANGED', 'DATASET_WITHDRAWN'] }, as('steward'));
    const oldCursor = body.data?.changes.edges[0]?.cursor as string;
    const oldest = before.slice(0, 2).map((c) => c.sequence);
    await database.db.execute(sql`UPDATE catalog.change_event SET occurred_at = now() - interval '91 days' WHERE seq = ANY(${sql.param(oldest)}::bigint[])`);
    const sequencer = new ChangeSequencer(database, 'catalog', createLogger('silent'), 90);
    expect(await sequencer.prune()).toBe(2);
    const [horizon] = await queryRows<{ through: number }>(database.db, sql`SELECT pruned_through::int AS through FROM catalog.change_horizon`);
    expect(horizon?.through).toBe(Math.max(...oldest));

    const resumed = await stack.queryGateway(FEED, { after: oldCursor }, as('steward'));
    expect(resumed.body.errors?.[0]?.extensions?.code).toBe('CHANGES_PRUNED');
    const after = (await readAll('steward')).filter((c) => c.stream === 'CATALOG');
    expect(after.map((c) => c.sequence)).toEqual(before.slice(2).map((c) => c.sequence));
    // Nothing newer than the retention goes.
    expect(await sequencer.prune()).toBe(0);
  });
});
