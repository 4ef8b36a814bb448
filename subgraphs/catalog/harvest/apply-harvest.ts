import { and, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { changedFields } from '../model/changed-fields.js';
import { datasetRecord, type DataHolderRecord, type DatasetRecord } from '../model/dataset-record.js';
import { slugOf } from '../model/slug-of.js';
import { createCuratedDataset, updateCuratedDataset, withdrawCuratedDataset } from '../db/queries/curate-datasets.js';
import type { CurationActor } from '../db/queries/dataset-history.js';
import { describedHolderRow, freeHolderId, storeHolderRow } from '../db/queries/import-dataset.js';
import { recordOfRows } from '../db/queries/read-dataset-record.js';
import { refreshSearchEntries } from '../db/queries/search-entries.js';
import { dataHolder } from '../db/schema/data-holder.js';
import { dataset } from '../db/schema/dataset.js';
import { distribution } from '../db/schema/distribution.js';
import type { HarvestRefusalJson } from '../db/schema/harvest-source.js';
import type { AgentFacts } from '../rdf/import/read-agent.js';
import { AGENT_PROPERTIES, type AgentRole } from '../rdf/import/read-dataset.js';
import { recordFieldProblems } from '../rdf/import/record-field-problems.js';
import { shortIri } from '../rdf/short-iri.js';
import type { PageRecord } from './read-source-page.js';

/** The source a harvest writes for. */
export interface HarvestTarget {
  readonly id: string;
  readonly country: string;
}

/** What a run found at the source, all pages together. */
export interface HarvestFindings {
  readonly records: readonly PageRecord[];
  readonly tombstones: readonly string[];
  /** IRIs of records the run refused: their last good version stays. */
  readonly refused: readonly string[];
  /** A full run withdraws the source's datasets it did not find; an incremental one only its tombstones. */
  readonly full: boolean;
}

/** What applying a run did. */
export interface HarvestTally {
  added: number;
  changed: number;
  unchanged: number;
  withdrawn: number;
  refusals: HarvestRefusalJson[];
}

class RecordRefused extends Error {}

/** The history's actor of a source's harvests. */
export function harvestActor(sourceId: string): CurationActor {
  return { subject: `harvest:${sourceId}`, organisation: null };
}

/**
 * The organisation an agent of a harvested record stands for. An IRI the catalogue already knows names
 * that organisation, used as it is unless this source described it (a harvest never changes the
 * catalogue's own organisations, nor another source's). Otherwise the source's organisation of that IRI
 * (or, unnamed, of that name) is created or brought up to date, in the source's country.
 */
async function harvestedHolderOf(db: Db, agent: AgentFacts, role: AgentRole, source: HarvestTarget): Promise<string> {
  const property = shortIri(AGENT_PROPERTIES[role]);
  const problem = (message: string): never => {
    throw new RecordRefused(`${property}: ${message}`);
  };
  const [existing] =
    agent.iri !== null
      ? await db.select().from(dataHolder).where(eq(dataHolder.sourceIri, agent.iri))
      : await db
          .select()
          .from(dataHolder)
          .where(and(eq(dataHolder.name, agent.name ?? ''), isNull(dataHolder.sourceIri), eq(dataHolder.harvestSourceId, source.id)));
  if (existing && existing.harvestSourceId !== source.id) return existing.id;
  if (agent.name === undefined) problem('the agent needs a name (foaf:name)');
  const publisherType = agent.publisherType ?? existing?.publisherType;
  if (publisherType === undefined) problem('the catalogue needs the type of an organisation (dct:type, a HealthDCAT-AP publisher type)');
  const described = describedHolderRow(agent, {
    id: existing?.id ?? (await freeHolderId(db, `${source.id} ${agent.name ?? ''}`)),
    country: source.country as DataHolderRecord['country'],
    publisherType: publisherType as DataHolderRecord['publisherType'],
    isAccessBody: (existing?.isAccessBody ?? false) || role === 'accessBody',
  });
  if ('problem' in described) return problem(described.problem);
  const row = { ...described.row, harvestSourceId: source.id };
  await storeHolderRow(db, existing, row);
  return row.id;
}

/** A new id for a harvested dataset: `<source>--<slug of its identifier>`, numbered when taken. */
async function freeDatasetId(db: Db, source: HarvestTarget, record: DatasetRecord, iri: string): Promise<string> {
  const base = `${source.id}--${slugOf(record.identifier, 80) || slugOf(iri.split(/[/#]/).filter(Boolean).pop() ?? '', 80) || 'dataset'}`;
  const taken = new Set((await db.select({ id: dataset.id }).from(dataset).where(like(dataset.id, `${base}%`))).map((r) => r.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

type Outcome = 'added' | 'changed' | 'unchanged';

/** Stores one harvested record (in a savepoint of the run's transaction): created, changed or as it was. */
async function applyRecord(db: Db, source: HarvestTarget, { iri, reading }: PageRecord, today: string): Promise<{ id: string; outcome: Outcome }> {
  const [existing] = await db.select().from(dataset).where(eq(dataset.sourceIri, iri));
  if (existing && existing.harvestSourceId !== source.id) {
    throw new RecordRefused(
      existing.harvestSourceId === null
        ? `The dataset ${iri} is one of the catalogue's own ("${existing.id}"): a harvest does not replace it.`
        : `The dataset ${iri} is already harvested from the source "${existing.harvestSourceId}" (as "${existing.id}").`,
    );
  }
  const holders: Partial<Record<AgentRole, string>> = {};
  for (const role of ['publisher', 'custodian', 'accessBody'] as const) {
    const agent = reading.dataset.agents[role];
    if (agent) holders[role] = await harvestedHolderOf(db, agent, role, source);
  }
  const parsed = datasetRecord.safeParse({ ...reading.dataset.fields, id: 'harvested', ...holders, iri });
  if (!parsed.success) {
    const problems = recordFieldProblems(parsed.error);
    throw new RecordRefused(problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; '));
  }
  const actor = harvestActor(source.id);
  if (existing) {
    const record = { ...(parsed.data as DatasetRecord), id: existing.id };
    const stored = recordOfRows(existing, await db.select().from(distribution).where(eq(distribution.datasetId, existing.id)));
    if (changedFields(stored, record).length === 0) return { id: existing.id, outcome: 'unchanged' };
    const updated = await updateCuratedDataset(db, record, actor, today, 'as-given', [], 'harvest');
    if (!updated.ok) throw new RecordRefused(updated.message);
    return { id: existing.id, outcome: 'changed' };
  }
  const record = { ...(parsed.data as DatasetRecord), id: await freeDatasetId(db, source, parsed.data as DatasetRecord, iri) };
  const created = await createCuratedDataset(db, record, actor, today, 'as-given');
  if (!created.ok) throw new RecordRefused(created.message);
  await db.update(dataset).set({ harvestSourceId: source.id }).where(eq(dataset.id, record.id));
  await refreshSearchEntries(db, [record.id]);
  return { id: record.id, outcome: 'added' };
}

/**
 * Applies what a run found, in one transaction, so that a run either replaces the source's last good
 * state or leaves it whole: each record is created, changed or found as it was (a record the catalogue
 * cannot take is refused alone, in its savepoint, and its last good version stays); then the source's
 * datasets it no longer lists (a full run) or marks as withdrawn (tombstones) are withdrawn, and every
 * record found gets this run's harvest time. Takes the import lock, as pushed records do, so that two
 * writers never both create one organisation.
 */
export async function applyHarvest(db: Db, source: HarvestTarget, findings: HarvestFindings, today: string): Promise<HarvestTally> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('catalog.import'))`);
    const tally: HarvestTally = { added: 0, changed: 0, unchanged: 0, withdrawn: 0, refusals: [] };
    const found: string[] = [];
    const kept = new Set<string>(findings.refused);
    for (const record of findings.records) {
      try {
        const { id, outcome } = await tx.transaction((savepoint) => applyRecord(savepoint, source, record, today));
        tally[outcome]++;
        found.push(id);
      } catch (error) {
        if (!(error instanceof RecordRefused)) throw error;
        tally.refusals.push({ iri: record.iri, message: error.message, violations: [] });
        kept.add(record.iri);
      }
    }
    if (found.length > 0) await tx.update(dataset).set({ harvestedAt: sql`now()` }).where(inArray(dataset.id, found));
    const ours = await tx.select({ id: dataset.id, iri: dataset.sourceIri }).from(dataset).where(eq(dataset.harvestSourceId, source.id));
    const listed = new Set(findings.records.map((r) => r.iri));
    const gone = new Set(findings.tombstones);
    const withdrawn = ours.filter((d) => d.iri !== null && !kept.has(d.iri) && (findings.full ? !listed.has(d.iri) : gone.has(d.iri) && !listed.has(d.iri)));
    for (const d of withdrawn) {
      const outcome = await withdrawCuratedDataset(tx, d.id, findings.full ? 'No longer listed by its harvest source.' : 'Withdrawn at its harvest source.', harvestActor(source.id), 'harvest');
      if (outcome.ok) tally.withdrawn++;
    }
    return tally;
  });
}
