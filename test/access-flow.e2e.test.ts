import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { queryRows } from '../platform/db/rows.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

let database: Database;
let stack: TestStack;
let researcherA: string;
let researcherB: string;
let reviewer: string;
let reviewer2: string;
let auditor: string;

beforeAll(async () => {
  database = await createTestDatabase();
  stack = await startTestStack(database);
  researcherA = await stack.identity.token('researcher', 'inserm', 'alice@inserm');
  researcherB = await stack.identity.token('researcher', 'aphp', 'bob@aphp');
  reviewer = await stack.identity.token('hdab-reviewer', undefined, 'rita@hdh');
  reviewer2 = await stack.identity.token('hdab-reviewer', undefined, 'raoul@hdh');
  auditor = await stack.identity.token('auditor', undefined, 'audrey@cnil');
});

afterAll(async () => {
  await stack?.stop();
  await database?.close();
});

const as = (token: string) => ({ authorization: `Bearer ${token}` });

const submit = `mutation($input: SubmitAccessApplicationInput!) {
  submitAccessApplication(input: $input) { application { id status decisionDueAt datasets { id title } } error { code message } }
}`;
const applicationInput = (datasetIds: string[]) => ({
  principalInvestigator: { name: 'Alice Martin', email: 'alice@example.org' },
  authorisedPersons: [{ name: 'Alice Martin' }, { name: 'Paul Durand' }],
  purpose: 'SCIENTIFIC_RESEARCH',
  purposeDescription: 'Study of breast cancer care pathways after diagnosis, 2015-2022.',
  datasetIds,
  dataForm: 'PSEUDONYMISED',
  pseudonymisationJustification: 'Linking hospital stays and outpatient care requires the pseudonymous identifier.',
  secureProcessingEnvironment: 'HDH secure platform',
  requestedDurationMonths: 24,
});
const viewerAccess = `query($id: ID!) { dataset(id: $id) { id viewerAccess { status canRequest activePermit { id validUntil } reasons } } }`;

async function submitted(datasetIds: string[]): Promise<string> {
  const { body } = await stack.queryGateway<{ submitAccessApplication: { application: { id: string } | null; error: unknown } }>(
    submit,
    { input: applicationInput(datasetIds) },
    as(researcherA),
  );
  const id = body.data?.submitAccessApplication.application?.id;
  if (!id) throw new Error(`submission failed: ${JSON.stringify(body)}`);
  return id;
}

describe('an access application from submission to permit', () => {
  it('is submitted by a researcher, granted by a reviewer, and shows as a permit to that organisation only', async () => {
    const before = await stack.queryGateway<{ dataset: { viewerAccess: { status: string; canRequest: boolean } } }>(viewerAccess, { id: 'pmsi-mco' }, as(researcherA));
    expect(before.body.data?.dataset.viewerAccess).toMatchObject({ status: 'NONE', canRequest: true });

    const { body } = await stack.queryGateway<{ submitAccessApplication: { application: { id: string; status: string; datasets: { id: string; title: string }[] } } }>(
      submit,
      { input: applicationInput(['pmsi-mco', 'snds-dcir']) },
      as(researcherA),
    );
    const application = body.data?.submitAccessApplication.application;
    expect(application?.status).toBe('SUBMITTED');
    expect(application?.datasets.map((d) => d.id)).toEqual(['pmsi-mco', 'snds-dcir']);
    expect(application?.datasets[0]?.title).toBeTruthy();
    const id = application?.id ?? '';

    const pending = await stack.queryGateway<{ dataset: { viewerAccess: { status: string } } }>(viewerAccess, { id: 'snds-dcir' }, as(researcherA));
    expect(pending.body.data?.dataset.viewerAccess.status).toBe('PENDING');

    const review = await stack.queryGateway<{ startReview: { application: { status: string } } }>(`mutation($id: ID!) { startReview(id: $id) { application { status } error { code } } }`, { id }, as(reviewer));
    expect(review.body.data?.startReview.application?.status).toBe('UNDER_REVIEW');

    const decision = await stack.queryGateway<{ decideAccessApplication: { application: { status: string; permit: { id: string; status: string } } } }>(
      `mutation($input: DecideAccessApplicationInput!) { decideAccessApplication(input: $input) { application { status permit { id status } } error { code message } } }`,
      { input: { id, decision: 'GRANT', reason: 'Purpose and safeguards meet the requirements.', conditions: ['Publish results within 18 months'] } },
      as(reviewer),
    );
    const permit = decision.body.data?.decideAccessApplication.application?.permit;
    expect(decision.body.data?.decideAccessApplication.application?.status).toBe('GRANTED');
    expect(permit?.status).toBe('ACTIVE');

    const granted = await stack.queryGateway<{ dataset: { viewerAccess: { status: string; activePermit: { id: string } } } }>(viewerAccess, { id: 'pmsi-mco' }, as(researcherA));
    expect(granted.body.data?.dataset.viewerAccess.status).toBe('GRANTED');
    expect(granted.body.data?.dataset.viewerAccess.activePermit.id).toBe(permit?.id);

    const other = await stack.queryGateway<{ dataset: { viewerAccess: { status: string; activePermit: null } } }>(viewerAccess, { id: 'pmsi-mco' }, as(researcherB));
    expect(other.body.data?.dataset.viewerAccess).toMatchObject({ status: 'NONE', activePermit: null });
    const othersPermits = await stack.queryGateway<{ dataset: { permits: { totalCount: number } } }>(`{ dataset(id: "pmsi-mco") { permits { totalCount } } }`, {}, as(researcherB));
    expect(othersPermits.body.data?.dataset.permits.totalCount).toBe(0);
    const reviewersView = await stack.queryGateway<{ dataset: { permits: { totalCount: number } } }>(`{ dataset(id: "pmsi-mco") { permits { totalCount } } }`, {}, as(reviewer));
    expect(reviewersView.body.data?.dataset.permits.totalCount).toBeGreaterThanOrEqual(1);

    const register = await stack.queryGateway<{ permitRegister: { edges: { node: { id: string; organisation: { name: string }; purpose: string } }[] } }>(
      `{ permitRegister { edges { node { id organisation { name } purpose datasets { id } validFrom validUntil } } } }`,
    );
    expect(register.body.data?.permitRegister.edges.some((e) => e.node.id === permit?.id)).toBe(true);

    const trail = await stack.queryGateway<{ auditTrail: { edges: { node: { action: string; subject: string } }[] }; verifyAuditChain: { ok: boolean; entriesChecked: number } }>(
      `{ auditTrail(first: 100) { edges { node { action subject datasetIds } } } verifyAuditChain { ok entriesChecked } }`,
      {},
      as(auditor),
    );
    const actions = trail.body.data?.auditTrail.edges.map((e) => e.node.action) ?? [];
    expect(actions).toEqual(expect.arrayContaining(['submitAccessApplication', 'startReview', 'decideAccessApplication']));
    expect(trail.body.data?.verifyAuditChain.ok).toBe(true);
  });

  it("records the gateway's entry and the access subgraph's entry of one request under one request id, request after request", async () => {
    const reviewer = await stack.identity.token('hdab-reviewer', undefined, 'rid-reviewer');
    for (let i = 0; i < 2; i++) await stack.queryGateway(`{ accessApplications(first: 1) { totalCount } }`, {}, as(reviewer));
    const trail = await stack.queryGateway<{ auditTrail: { edges: { node: { requestId: string; source: string; action: string } }[] } }>(
      `{ auditTrail(first: 20, filter: { subject: "rid-reviewer" }) { edges { node { requestId source action } } } }`,
      {},
      as(auditor),
    );
    const entries = trail.body.data?.auditTrail.edges.map((e) => e.node) ?? [];
    const byRequest = new Map<string, string[]>();
    for (const e of entries) byRequest.set(e.requestId, [...(byRequest.get(e.requestId) ?? []), e.source]);
    // Two requests, each with one gateway entry and one access entry, under two distinct ids.
    expect([...byRequest.values()].map((sources) => sources.sort())).toEqual([
      ['access', 'gateway'],
      ['access', 'gateway'],
    ]);
    expect([...byRequest.keys()].every((id) => id !== 'unknown' && id !== 'shared')).toBe(true);
  });

  it('refuses an application for a dataset that is not in the catalogue', async () => {
    const { body } = await stack.queryGateway<{ submitAccessApplication: { error: { code: string; message: string } } }>(
      submit,
      { input: applicationInput(['pmsi-mco', 'no-such-dataset']) },
      as(researcherA),
    );
    expect(body.data?.submitAccessApplication.error).toMatchObject({ code: 'UNKNOWN_DATASET' });
    expect(body.data?.submitAccessApplication.error.message).toContain('no-such-dataset');
  });

  it('refuses pseudonymised data without a justification', async () => {
    const input = { ...applicationInput(['pmsi-had']), pseudonymisationJustification: null };
    const { body } = await stack.queryGateway<{ submitAccessApplication: { error: { code: string } } }>(submit, { input }, as(researcherA));
    expect(body.data?.submitAccessApplication.error.code).toBe('INVALID_INPUT');
  });

  it('types illegal transitions as INVALID_TRANSITION', async () => {
    const id = await submitted(['pmsi-had']);
    const decide = await stack.queryGateway<{ decideAccessApplication: { error: { code: string } } }>(
      `mutation($input: DecideAccessApplicationInput!) { decideAccessApplication(input: $input) { error { code } } }`,
      { input: { id, decision: 'GRANT', reason: 'Too early to decide.' } },
      as(reviewer),
    );
    expect(decide.body.data?.decideAccessApplication.error.code).toBe('INVALID_TRANSITION');
    const withdraw = await stack.queryGateway<{ withdrawAccessApplication: { application: { status: string } } }>(
      `mutation($id: ID!) { withdrawAccessApplication(id: $id) { application { status } error { code } } }`,
      { id },
      as(researcherA),
    );
    expect(withdraw.body.data?.withdrawAccessApplication.application.status).toBe('WITHDRAWN');
    const review = await stack.queryGateway<{ startReview: { error: { code: string } } }>(`mutation($id: ID!) { startReview(id: $id) { error { code } } }`, { id }, as(reviewer));
    expect(review.body.data?.startReview.error.code).toBe('INVALID_TRANSITION');
  });

  it('lets exactly one of two reviewers deciding at the same moment win', async () => {
    const id = await submitted(['pmsi-ssr']);
    await stack.queryGateway(`mutation($id: ID!) { startReview(id: $id) { error { code } } }`, { id }, as(reviewer));
    const decide = (token: string, decision: string) =>
      stack.queryGateway<{ decideAccessApplication: { application: { status: string } | null; error: { code: string } | null } }>(
        `mutation($input: DecideAccessApplicationInput!) { decideAccessApplication(input: $input) { application { status } error { code } } }`,
        { input: { id, decision, reason: `Decision by ${decision}.` } },
        as(token),
      );
    const results = await Promise.all([decide(reviewer, 'GRANT'), decide(reviewer2, 'REFUSE')]);
    const outcomes = results.map((r) => r.body.data?.decideAccessApplication);
    expect(outcomes.filter((o) => o?.application).length).toBe(1);
    expect(outcomes.filter((o) => o?.error?.code === 'INVALID_TRANSITION').length).toBe(1);
    const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM access.permit WHERE application_id = ${id}`);
    const permits = row?.n;
    const winner = outcomes.find((o) => o?.application)?.application?.status;
    expect(permits).toBe(winner === 'GRANTED' ? 1 : 0);
  });
});

describe('the audit trail', () => {
  it('refuses UPDATE and DELETE in the database', async () => {
    await expect(database.db.execute(sql`UPDATE access.audit_event SET subject = 'mallory'`)).rejects.toThrow();
    await expect(database.db.execute(sql`DELETE FROM access.audit_event`)).rejects.toThrow();
  });

  it('reports the first broken link after a row is altered behind the API', async () => {
    await stack.queryGateway(`{ verifyAuditChain { ok } }`, {}, as(auditor));
    const { body: before } = await stack.queryGateway<{ verifyAuditChain: { ok: boolean } }>(`{ verifyAuditChain { ok } }`, {}, as(auditor));
    expect(before.data?.verifyAuditChain.ok).toBe(true);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE access.audit_event DISABLE TRIGGER audit_event_no_update`);
      await tx.execute(sql`UPDATE access.audit_event SET subject = 'mallory' WHERE seq = (SELECT min(seq) + 1 FROM access.audit_event)`);
      await tx.execute(sql`ALTER TABLE access.audit_event ENABLE TRIGGER audit_event_no_update`);
    });
    const { body } = await stack.queryGateway<{ verifyAuditChain: { ok: boolean; firstBrokenSeq: string } }>(`{ verifyAuditChain { ok firstBrokenSeq } }`, {}, as(auditor));
    expect(body.data?.verifyAuditChain.ok).toBe(false);
    const [first] = await queryRows<{ s: number }>(database.db, sql`SELECT (min(seq) + 1)::int AS s FROM access.audit_event`);
    expect(Number(body.data?.verifyAuditChain.firstBrokenSeq)).toBe(first?.s);
  });
});
