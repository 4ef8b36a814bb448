import { randomUUID } from 'node:crypto';

/** The tokens of the load's callers (minted by the cluster's development issuer). */
export interface LoadTokens {
  researcher: string;
  reviewer: string;
  pipeline: string;
  steward: string;
}

/** One request of the load: when it ended, what it was, whether it got the answer it should. */
export interface LoadSample {
  at: number;
  kind: 'search' | 'event' | 'decision' | 'import';
  ok: boolean;
}

/** Writes the cluster acknowledged, to be looked for afterwards. */
export interface Acknowledged {
  /** Run ids of OpenLineage events answered 201. */
  events: string[];
  /** Access applications whose GRANT decision was answered. */
  decisions: string[];
  /** Datasets whose creation was answered. */
  imports: string[];
}

const REQUEST_TIMEOUT_MS = 10_000;

const SEARCH = '{ datasets(first: 5, search: "cancer") { totalCount edges { node { id title } } } }';
const SUBMIT = `mutation($input: SubmitAccessApplicationInput!) { submitAccessApplication(input: $input) { application { id status } error { code message } } }`;
const START_REVIEW = `mutation($id: ID!) { startReview(id: $id) { application { status } error { code message } } }`;
const DECIDE = `mutation($input: DecideAccessApplicationInput!) { decideAccessApplication(input: $input) { application { id status } error { code message } } }`;
const CREATE = `mutation($input: DatasetInput!) { createDataset(input: $input) { dataset { id } error { code message } } }`;

/**
 * A steady mixed load on the balanced gateway, one loop per kind, each sending its next request when
 * the last is answered (and pausing `pauseMs`): partner searches, access decisions (a researcher
 * submits, a reviewer starts the review and grants), OpenLineage events with unique run ids, and
 * datasets created by a steward. Every request has a 10 s deadline. A write counts as acknowledged only
 * when its answer says it was done.
 */
export class MixedLoad {
  readonly samples: LoadSample[] = [];
  readonly acknowledged: Acknowledged = { events: [], decisions: [], imports: [] };
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly url: string,
    private readonly tokens: LoadTokens,
    private readonly pauseMs = 20,
  ) {}

  start(): void {
    this.running = true;
    this.loops = [
      this.loop('search', () => this.search()),
      this.loop('search', () => this.search()),
      this.loop('event', () => this.event()),
      this.loop('decision', () => this.decision()),
      this.loop('import', () => this.createDataset()),
    ];
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(kind: LoadSample['kind'], once: () => Promise<boolean>): Promise<void> {
    while (this.running) {
      let ok = false;
      try {
        ok = await once();
      } catch {
        ok = false;
      }
      this.samples.push({ at: performance.now(), kind, ok });
      await new Promise((resolve) => setTimeout(resolve, ok ? this.pauseMs : 100));
    }
  }

  private async graphql(query: string, variables: Record<string, unknown>, token: string | undefined): Promise<Record<string, unknown> | undefined> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    return response.status === 200 && !body.errors ? body.data : undefined;
  }

  private async search(): Promise<boolean> {
    const data = await this.graphql(SEARCH, {}, this.tokens.researcher);
    return typeof (data?.datasets as { totalCount?: unknown } | undefined)?.totalCount === 'number';
  }

  private async event(): Promise<boolean> {
    const runId = randomUUID();
    const response = await fetch(`${this.url}/api/v1/lineage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.tokens.pipeline}` },
      body: JSON.stringify({
        eventType: 'COMPLETE',
        eventTime: new Date().toISOString(),
        run: { runId },
        job: { namespace: 'drill', name: `job_${runId.slice(0, 2)}` },
        inputs: [{ namespace: 'drill', name: `source_${runId.slice(0, 2)}` }],
        outputs: [{ namespace: 'drill', name: `table_${runId.slice(0, 2)}` }],
        producer: 'urn:health-metadata-gateway:drill',
        schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const report = (await response.json()) as { stored?: number };
    if (response.status !== 201 || report.stored !== 1) return false;
    this.acknowledged.events.push(runId);
    return true;
  }

  private async decision(): Promise<boolean> {
    const submitted = await this.graphql(
      SUBMIT,
      {
        input: {
          principalInvestigator: { name: 'Drill Investigator', email: 'drill@example.org' },
          authorisedPersons: [{ name: 'Drill Investigator' }],
          purpose: 'SCIENTIFIC_RESEARCH',
          purposeDescription: 'Failover drill: an application submitted, reviewed and granted under load.',
          datasetIds: ['pmsi-mco'],
          dataForm: 'ANONYMISED',
          secureProcessingEnvironment: 'HDH secure platform',
          requestedDurationMonths: 12,
        },
      },
      this.tokens.researcher,
    );
    const id = (submitted?.submitAccessApplication as { application?: { id?: string } } | undefined)?.application?.id;
    if (!id) return false;
    const review = await this.graphql(START_REVIEW, { id }, this.tokens.reviewer);
    if ((review?.startReview as { application?: { status?: string } } | undefined)?.application?.status !== 'UNDER_REVIEW') return false;
    const decided = await this.graphql(DECIDE, { input: { id, decision: 'GRANT', reason: 'Granted during the failover drill.', conditions: [] } }, this.tokens.reviewer);
    if ((decided?.decideAccessApplication as { application?: { status?: string } } | undefined)?.application?.status !== 'GRANTED') return false;
    this.acknowledged.decisions.push(id);
    return true;
  }

  private async createDataset(): Promise<boolean> {
    const id = `drill-${randomUUID()}`;
    const created = await this.graphql(
      CREATE,
      {
        input: {
          id,
          identifier: `urn:drill:${id}`,
          title: { en: `Drill dataset ${id.slice(6, 14)}` },
          description: { en: 'A dataset created during the failover drill.' },
          themes: ['HEAL'],
          healthCategories: ['HRAD'],
          accessRights: 'RESTRICTED',
          publisher: 'cnam',
          contactPoint: { name: 'Data desk', email: 'data@example.org' },
          spatial: ['FRA'],
        },
      },
      this.tokens.steward,
    );
    if ((created?.createDataset as { dataset?: { id?: string } } | undefined)?.dataset?.id !== id) return false;
    this.acknowledged.imports.push(id);
    return true;
  }
}
