import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

let database: Database;
let stack: TestStack;
let steward: string;
let researcher: string;
let reviewer: string;

beforeAll(async () => {
  database = await createTestDatabase();
  stack = await startTestStack(database);
  steward = await stack.identity.token('data-steward', undefined, 'steward');
  researcher = await stack.identity.token('researcher', 'univ-bordeaux', 'rachel');
  reviewer = await stack.identity.token('hdab-reviewer', undefined, 'rita');
});

afterAll(async () => {
  await stack?.stop();
  await database?.close();
});

const as = (token: string) => ({ authorization: `Bearer ${token}` });

interface Graph {
  nodes: { id: string; kind: string; distance: number; dataset: { id: string } | null }[];
  edges: { from: string; to: string; job: string | null }[];
  isPartial: boolean;
  hiddenCount: number;
}

const datasetLineage = `query($id: ID!, $dir: LineageDirection) {
  dataset(id: $id) { id lineage(direction: $dir, depth: 10) { nodes { id kind distance dataset { id } } edges { from to job } isPartial hiddenCount } }
}`;

describe('the demo SNDS lineage', () => {
  it('shows DCIR feeding DCIRS, the Cartographie and the base principale, down to the tables', async () => {
    const { body } = await stack.queryGateway<{ dataset: { lineage: Graph } }>(datasetLineage, { id: 'snds-dcir', dir: 'BOTH' }, as(steward));
    const graph = body.data?.dataset.lineage;
    const catalogued = new Set(graph?.nodes.flatMap((n) => (n.dataset ? [n.dataset.id] : [])));
    for (const id of ['snds-dcir', 'snds-base-principale']) expect(catalogued.has(id), id).toBe(true);
    const ids = graph?.nodes.map((n) => n.id) ?? [];
    expect(ids).toContain('dataset:snds:ER_PRS_F');
    expect(ids).toContain('job:snds:publish.dcir');
    expect(graph?.hiddenCount).toBe(0);

    const down = await stack.queryGateway<{ dataset: { lineage: Graph } }>(datasetLineage, { id: 'snds-dcir', dir: 'DOWNSTREAM' }, as(steward));
    const downstream = new Set(down.body.data?.dataset.lineage.nodes.flatMap((n) => (n.dataset ? [n.dataset.id] : [])));
    expect(downstream.has('snds-base-principale')).toBe(true);

    const dcirs = await stack.queryGateway<{ dataset: { lineage: Graph } }>(datasetLineage, { id: 'snds-dcirs', dir: 'UPSTREAM' }, as(steward));
    const upstream = dcirs.body.data?.dataset.lineage.nodes.map((n) => n.id) ?? [];
    expect(upstream).toEqual(expect.arrayContaining(['job:snds:cnam.build_dcirs', 'dataset:snds:ER_PHA_F', 'dataset:snds:NS_PRS_F']));

    const carto = await stack.queryGateway<{ dataset: { lineage: Graph } }>(datasetLineage, { id: 'cartographie-pathologies', dir: 'UPSTREAM' }, as(steward));
    const cartoUp = carto.body.data?.dataset.lineage.nodes.map((n) => n.id) ?? [];
    expect(cartoUp).toEqual(expect.arrayContaining(['dataset:snds:ER_PRS_F', 'dataset:snds:T_MCOaa_nnB', 'dataset:snds:CT_IND_AAAA_GN']));
  });

  it('lists what is downstream of DCIR, with distances', async () => {
    const { body } = await stack.queryGateway<{ impactAnalysis: { datasets: { node: { id: string; dataset: { id: string } | null }; distance: number }[]; jobs: unknown[] } }>(
      `{ impactAnalysis(datasetId: "snds-dcir") { datasets { distance node { id dataset { id } } } jobs { distance node { id } } } }`,
      {},
      as(steward),
    );
    const base = body.data?.impactAnalysis.datasets.find((d) => d.node.dataset?.id === 'snds-base-principale');
    expect(base?.distance).toBe(2);
    // DCIRS and the Cartographie des pathologies are built from DCIR's tables.
    const downstream = new Set(body.data?.impactAnalysis.datasets.map((d) => d.node.dataset?.id));
    for (const id of ['snds-dcirs', 'cartographie-pathologies']) expect(downstream.has(id), id).toBe(true);
    expect(body.data?.impactAnalysis.jobs.length).toBeGreaterThan(0);
  });

  it('shows a researcher without permits only the public part, counting the rest as hidden', async () => {
    const { body } = await stack.queryGateway<{ dataset: { lineage: Graph } }>(datasetLineage, { id: 'cartographie-pathologies', dir: 'BOTH' }, as(researcher));
    const graph = body.data?.dataset.lineage;
    expect(graph?.hiddenCount).toBeGreaterThan(0);
    const visibleDatasets = graph?.nodes.filter((n) => n.kind === 'DATASET') ?? [];
    expect(visibleDatasets.every((n) => n.dataset?.id === 'cartographie-pathologies')).toBe(true);
    expect(graph?.nodes.map((n) => n.id)).not.toContain('dataset:snds:ER_PRS_F');
  });

  it('refuses lineage to anonymous callers', async () => {
    const { status, body } = await stack.queryGateway(datasetLineage, { id: 'snds-dcir', dir: 'BOTH' });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers "which organisations hold active permits on datasets downstream of DCIR?" in one query', async () => {
    const researcherA = await stack.identity.token('researcher', 'inserm', 'alice');
    const submitted = await stack.queryGateway<{ submitAccessApplication: { application: { id: string } } }>(
      `mutation { submitAccessApplication(input: { principalInvestigator: { name: "Alice" }, authorisedPersons: [{ name: "Alice" }], purpose: SCIENTIFIC_RESEARCH,
        purposeDescription: "Hospital outcomes of chronic disease, nationwide.", datasetIds: ["snds-base-principale"], dataForm: ANONYMISED,
        secureProcessingEnvironment: "HDH", requestedDurationMonths: 12 }) { application { id } error { code message } } }`,
      {},
      as(researcherA),
    );
    const id = submitted.body.data?.submitAccessApplication.application.id;
    await stack.queryGateway(`mutation($id: ID!) { startReview(id: $id) { error { code } } }`, { id }, as(reviewer));
    await stack.queryGateway(`mutation($id: ID!) { decideAccessApplication(input: { id: $id, decision: GRANT, reason: "Approved for the study." }) { error { code } } }`, { id }, as(reviewer));

    const { body } = await stack.queryGateway<{ dataset: { lineage: { nodes: { dataset: { id: string; permits: { edges: { node: { status: string; holderOrganisation: { id: string } } }[] } } | null }[] } } }>(
      `{ dataset(id: "snds-dcir") { lineage(direction: DOWNSTREAM, depth: 10) { nodes { dataset { id permits { edges { node { status holderOrganisation { id name } } } } } } } } }`,
      {},
      as(reviewer),
    );
    const holders = new Set(
      body.data?.dataset.lineage.nodes.flatMap((n) => n.dataset?.permits.edges.filter((e) => e.node.status === 'ACTIVE').map((e) => e.node.holderOrganisation.id) ?? []),
    );
    expect(holders.has('inserm')).toBe(true);
  });

  it('lets a steward tie an uncatalogued table to a catalogue dataset', async () => {
    const { body } = await stack.queryGateway<{ mapLineageDataset: { nodeId: string; dataset: { id: string; title: string } } }>(
      `mutation { mapLineageDataset(namespace: "snds", name: "IR_BEN_R", datasetId: "snds-esnd") { nodeId dataset { id title } } }`,
      {},
      as(steward),
    );
    expect(body.data?.mapLineageDataset.nodeId).toBe('dataset:snds:IR_BEN_R');
    expect(body.data?.mapLineageDataset.dataset.title).toBeTruthy();
    const refused = await stack.queryGateway(`mutation { mapLineageDataset(namespace: "snds", name: "IR_BEN_R", datasetId: null) { nodeId } }`, {}, as(researcher));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
