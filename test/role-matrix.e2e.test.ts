import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import type { Role } from '../platform/identity/roles.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

let database: Database;
let stack: TestStack;

const callers: Record<string, { roles: Role[]; org?: string } | null> = {
  anonymous: null,
  'researcher A': { roles: ['researcher'], org: 'inserm' },
  'researcher B': { roles: ['researcher'], org: 'aphp' },
  reviewer: { roles: ['hdab-reviewer'] },
  steward: { roles: ['data-steward'] },
  pipeline: { roles: ['pipeline'] },
  auditor: { roles: ['auditor'] },
  admin: { roles: ['admin'] },
};
const tokens: Record<string, string | null> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  stack = await startTestStack(database);
  for (const [name, spec] of Object.entries(callers)) {
    tokens[name] = spec ? await stack.identity.token(spec.roles, spec.org, `matrix-${name.replace(' ', '-')}`) : null;
  }
});

afterAll(async () => {
  await stack?.stop();
  await database?.close();
});

type Who = keyof typeof callers;
const everyone = Object.keys(callers) as Who[];
const signedIn = everyone.filter((w) => w !== 'anonymous');

/** Each operation, and who may run it; everyone else must be refused before any data is returned. */
const matrix: [string, string, Who[]][] = [
  ['catalog: search datasets', `{ datasets(first: 1) { totalCount } }`, everyone],
  ['catalog: data holders', `{ dataHolders(first: 1) { totalCount } }`, everyone],
  ['access: viewer access on a dataset', `{ dataset(id: "pmsi-mco") { viewerAccess { status } } }`, everyone],
  ['access: public permit register', `{ permitRegister(first: 1) { edges { node { id } } } }`, everyone],
  ['access: organisations', `{ organisations(first: 1) { edges { node { id } } } }`, signedIn],
  ['access: applications', `{ accessApplications(first: 1) { totalCount } }`, ['researcher A', 'researcher B', 'reviewer', 'auditor', 'admin']],
  ['access: permits', `{ permits(first: 1) { totalCount } }`, ['researcher A', 'researcher B', 'reviewer', 'auditor', 'admin']],
  ['access: permits on a dataset', `{ dataset(id: "pmsi-mco") { permits { totalCount } } }`, ['researcher A', 'researcher B', 'reviewer', 'auditor', 'admin']],
  ['access: audit trail', `{ auditTrail(first: 1) { edges { node { seq } } } }`, ['auditor', 'admin']],
  ['access: verify the audit chain', `{ verifyAuditChain { ok } }`, ['auditor', 'admin']],
  [
    'access: submit an application',
    `mutation { submitAccessApplication(input: { principalInvestigator: { name: "X" }, authorisedPersons: [{ name: "X" }], purpose: SCIENTIFIC_RESEARCH,
      purposeDescription: "A purpose described at sufficient length.", datasetIds: ["no-such-dataset"], dataForm: ANONYMISED,
      secureProcessingEnvironment: "SPE", requestedDurationMonths: 12 }) { error { code } } }`,
    ['researcher A', 'researcher B'],
  ],
  ['access: start a review', `mutation { startReview(id: "00000000-0000-4000-8000-000000000000") { error { code } } }`, ['reviewer']],
  ['access: revoke a permit', `mutation { revokePermit(id: "00000000-0000-4000-8000-000000000000", reason: "testing roles") { error { code } } }`, ['reviewer']],
  ['lineage: graph around a dataset', `{ dataset(id: "snds-dcir") { lineage(depth: 1) { hiddenCount } } }`, signedIn],
  ['lineage: graph around a node', `{ lineage(nodeId: "dataset:snds:ER_PRS_F", depth: 1) { hiddenCount } }`, signedIn],
  ['lineage: impact analysis', `{ impactAnalysis(datasetId: "snds-dcir", maxNodes: 10) { hiddenCount } }`, signedIn],
  ['lineage: runs of a job', `{ runs(jobNamespace: "snds", jobName: "publish.dcir", first: 1) { edges { node { id state } } } }`, ['reviewer', 'steward', 'pipeline', 'auditor', 'admin']],
  ['lineage: column lineage', `{ columnLineage(datasetNodeId: "dataset:snds:CT_IND_AAAA_GN", field: "x") { field } }`, ['reviewer', 'steward', 'pipeline', 'auditor', 'admin']],
  ['lineage: map a dataset to the catalogue', `mutation { mapLineageDataset(namespace: "matrix", name: "t", datasetId: null) { nodeId } }`, ['steward', 'admin']],
  [
    'catalog: create a dataset',
    `mutation { createDataset(input: { identifier: "x", title: { en: "x" }, description: { en: "x" }, themes: [HEAL], healthCategories: [HRAD],
      accessRights: PUBLIC, publisher: "cnam", contactPoint: { name: "x" }, spatial: [FRA] }) { error { code } } }`,
    ['steward', 'admin'],
  ],
  ['catalog: update a dataset', `mutation { updateDataset(id: "no-such-dataset", input: { identifier: "x", title: { en: "x" }, description: { en: "x" }, themes: [HEAL], healthCategories: [HRAD], accessRights: PUBLIC, publisher: "cnam", contactPoint: { name: "x" }, spatial: [FRA] }) { error { code } } }`, ['steward', 'admin']],
  ['catalog: withdraw a dataset', `mutation { withdrawDataset(id: "no-such-dataset", reason: "testing roles") { error { code } } }`, ['steward', 'admin']],
  ['catalog: history of a dataset', `{ dataset(id: "snds-dcir") { history(first: 1) { totalCount } } }`, ['reviewer', 'steward', 'auditor', 'admin']],
  ['catalog: history of a withdrawn dataset', `{ datasetHistory(id: "snds-dcir", first: 1) { totalCount } }`, ['reviewer', 'steward', 'auditor', 'admin']],
  ['access: create an organisation', `mutation { createOrganisation(input: { id: "Bad Id", name: "X", country: "FRA", type: NGO }) { error { code } } }`, ['admin']],
];

describe('who may do what, through the gateway', () => {
  const cases = matrix.flatMap(([name, query, allowed]) => everyone.map((who) => [name, who, query, allowed.includes(who)] as const));
  it.each(cases)('%s as %s', async (_name, who, query, allowed) => {
    const token = tokens[who];
    const { status, body } = await stack.queryGateway(query, {}, token ? { authorization: `Bearer ${token}` } : {});
    const codes = (body.errors ?? []).map((e) => e.extensions?.code);
    if (allowed) {
      expect(status).toBe(200);
      expect(codes).toEqual([]);
      expect(body.data).toBeTruthy();
    } else {
      expect(codes[0]).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(body.data ?? null).toBeNull();
    }
  });
});
