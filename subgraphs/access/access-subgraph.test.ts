import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/database.js';
import { subgraphExecutor } from '../../test/support/catalog-client.js';
import { testCaller } from '../../test/support/test-identity.js';
import { createTestDatabase } from '../../test/support/test-database.js';
import type { AccessContext } from './context.js';
import { createAccessService } from './service.js';
import { testAudit } from '../../test/support/test-audit.js';

let database: Database;
let access: Awaited<ReturnType<typeof subgraphExecutor<AccessContext>>>;
const catalogue = new Set(['pmsi-mco', 'snds-dcir']);

beforeAll(async () => {
  database = await createTestDatabase();
  // The catalogue lookup answers from a fixed list here; through the gateway it asks the catalog subgraph.
  const service = createAccessService({ catalogUrl: () => undefined, audit: testAudit, datasets: {
      existing: async (ids) => new Set(ids.filter((id) => catalogue.has(id))),
      accessBodies: async (ids) => new Map(ids.filter((id) => catalogue.has(id)).map((id) => [id, { datasetId: id, accessBodyId: 'health-data-hub', country: 'FRA' }])),
      publicOnes: async () => new Set(),
    },
  });
  access = await subgraphExecutor(service, database);
});

afterAll(async () => {
  await access?.stop();
  await database?.close();
});

const researcherA = testCaller(['researcher'], 'inserm', 'alice');
const researcherB = testCaller(['researcher'], 'aphp', 'bob');

async function submit(): Promise<string> {
  const res = await access.run<{ submitAccessApplication: { application: { id: string } } }>(
    `mutation($i: SubmitAccessApplicationInput!) { submitAccessApplication(input: $i) { application { id } error { code message } } }`,
    {
      i: {
        principalInvestigator: { name: 'Alice' },
        authorisedPersons: [{ name: 'Alice' }],
        purpose: 'SCIENTIFIC_RESEARCH',
        purposeDescription: 'Outcomes of hospital stays for heart failure.',
        datasetIds: ['pmsi-mco'],
        dataForm: 'ANONYMISED',
        secureProcessingEnvironment: 'HDH',
        requestedDurationMonths: 12,
      },
    },
    {},
    researcherA,
  );
  const id = res.data?.submitAccessApplication.application.id;
  if (!id) throw new Error(JSON.stringify(res));
  return id;
}

describe('the access subgraph enforces roles where the data lives', () => {
  it('refuses applications to anonymous callers and to roles that never see them', async () => {
    const anonymous = await access.run(`{ accessApplications { totalCount } }`, {}, {}, testCaller());
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const steward = await access.run(`{ accessApplications { totalCount } }`, {}, {}, testCaller(['data-steward'], null, 'steve'));
    expect(steward.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("hides an organisation's application from another organisation, in _entities too", async () => {
    const id = await submit();
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on AccessApplication { id status } } }`;
    const own = await access.run<{ _entities: unknown[] }>(query, { r: [{ __typename: 'AccessApplication', id }] }, {}, researcherA);
    expect(own.data?._entities[0]).toEqual({ id, status: 'SUBMITTED' });
    const other = await access.run<{ _entities: unknown[] }>(query, { r: [{ __typename: 'AccessApplication', id }] }, {}, researcherB);
    expect(other.data?._entities[0]).toBeNull();
    const list = await access.run<{ accessApplications: { totalCount: number } }>(`{ accessApplications { totalCount } }`, {}, {}, researcherB);
    expect(list.data?.accessApplications.totalCount).toBe(0);
  });

  it('keeps the public register to organisation, datasets, purpose and dates', async () => {
    const res = await access.run(`{ permitRegister { edges { node { id authorisedPersons { name } } } } }`, {}, {}, testCaller());
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('reserves the public-sector purposes to public bodies', async () => {
    const res = await access.run<{ submitAccessApplication: { error: { code: string } } }>(
      `mutation($i: SubmitAccessApplicationInput!) { submitAccessApplication(input: $i) { error { code } } }`,
      {
        i: {
          principalInvestigator: { name: 'Alice' },
          authorisedPersons: [{ name: 'Alice' }],
          purpose: 'OFFICIAL_STATISTICS',
          purposeDescription: 'Producing official statistics on hospital use.',
          datasetIds: ['pmsi-mco'],
          dataForm: 'ANONYMISED',
          secureProcessingEnvironment: 'HDH',
          requestedDurationMonths: 12,
        },
      },
      {},
      researcherA,
    );
    expect(res.data?.submitAccessApplication.error.code).toBe('INVALID_INPUT');
  });

  it('extends a permit once and refuses a second extension', async () => {
    const id = await submit();
    const reviewer = testCaller(['hdab-reviewer'], null, 'rita');
    await access.run(`mutation($id: ID!) { startReview(id: $id) { error { code } } }`, { id }, {}, reviewer);
    const granted = await access.run<{ decideAccessApplication: { application: { permit: { id: string; validUntil: string } } } }>(
      `mutation($id: ID!) { decideAccessApplication(input: { id: $id, decision: GRANT, reason: "All good here." }) { application { permit { id validUntil } } error { code } } }`,
      { id },
      {},
      reviewer,
    );
    const permit = granted.data?.decideAccessApplication.application.permit;
    const extend = (validUntil: string) =>
      access.run<{ extendPermit: { permit: { extended: boolean } | null; error: { code: string } | null } }>(
        `mutation($id: ID!, $v: String!) { extendPermit(id: $id, validUntil: $v) { permit { extended } error { code } } }`,
        { id: permit?.id, v: validUntil },
        {},
        reviewer,
      );
    const first = await extend('2099-01-01');
    expect(first.data?.extendPermit.permit?.extended).toBe(true);
    const second = await extend('2099-06-01');
    expect(second.data?.extendPermit.error?.code).toBe('ALREADY_EXTENDED');
    const revoked = await access.run<{ revokePermit: { permit: { status: string; revocationReason: string } } }>(
      `mutation($id: ID!) { revokePermit(id: $id, reason: "Breach of conditions.") { permit { status revocationReason } error { code } } }`,
      { id: permit?.id },
      {},
      reviewer,
    );
    expect(revoked.data?.revokePermit.permit).toEqual({ status: 'REVOKED', revocationReason: 'Breach of conditions.' });
  });
});

/** Walks a connection one node at a time and answers [nodes walked, totalCount of each page]. */
async function walk(field: string, args: string, caller: ReturnType<typeof testCaller>): Promise<[number, number[]]> {
  let after: string | null = null;
  let walked = 0;
  const totals: number[] = [];
  for (let page = 0; page < 200; page++) {
    type Page = { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const res: { data?: Record<string, Page> | null; errors?: unknown } = await access.run<Record<string, Page>>(
      `query($after: String) { ${field}(${args} first: 1, after: $after) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`,
      { after },
      {},
      caller,
    );
    const connection: Page | undefined = res.data?.[field];
    if (!connection) throw new Error(JSON.stringify(res.errors));
    walked += connection.edges.length;
    totals.push(connection.totalCount);
    if (!connection.pageInfo.hasNextPage) return [walked, totals];
    after = connection.pageInfo.endCursor;
  }
  throw new Error(`${field} did not end`);
}

describe('every list of the access subgraph counts what it pages through', () => {
  const reviewer = testCaller(['hdab-reviewer'], null, 'rita');

  it('gives the public permit register a totalCount equal to the permits listed', async () => {
    const id = await submit();
    await access.run(`mutation($id: ID!) { startReview(id: $id) { error { code } } }`, { id }, {}, reviewer);
    await access.run(`mutation($id: ID!) { decideAccessApplication(input: { id: $id, decision: GRANT, reason: "Granted for the register." }) { error { code } } }`, { id }, {}, reviewer);
    const [walked, totals] = await walk('permitRegister', '', testCaller());
    expect(walked).toBeGreaterThan(0);
    expect(new Set(totals)).toEqual(new Set([walked]));
  });

  it('counts organisations and the filtered audit trail the same way', async () => {
    const [organisations, organisationTotals] = await walk('organisations', '', reviewer);
    expect(organisations).toBeGreaterThan(1);
    expect(new Set(organisationTotals)).toEqual(new Set([organisations]));
    const auditor = testCaller(['auditor'], null, 'audrey');
    // Filtered on the reviewer's own entries, which the walk itself does not add to.
    const [entries, entryTotals] = await walk('auditTrail', 'filter: { subject: "rita" },', auditor);
    expect(entries).toBeGreaterThan(0);
    expect(new Set(entryTotals)).toEqual(new Set([entries]));
  });
});
