import { and, eq, isNull, like, ne, or, sql } from 'drizzle-orm';
import { canonicalJson } from '../../../../platform/canonical-json.js';
import type { Db } from '../../../../platform/db/database.js';
import type { InputProblem } from '../../model/dataset-input.js';
import { slugOf } from '../../model/slug-of.js';
import { dataHolderRecord, datasetRecord, type DataHolderRecord, type DatasetRecord } from '../../model/dataset-record.js';
import type { AgentFacts } from '../../rdf/import/read-agent.js';
import { AGENT_PROPERTIES, type AgentRole, type DatasetReading } from '../../rdf/import/read-dataset.js';
import { recordFieldProblems } from '../../rdf/import/record-field-problems.js';
import { shortIri } from '../../rdf/short-iri.js';
import { dataHolder } from '../schema/data-holder.js';
import { dataset } from '../schema/dataset.js';
import { createCuratedDataset, updateCuratedDataset, type CurationOutcome } from './curate-datasets.js';
import type { CurationActor, DatasetVersionRow } from './dataset-history.js';
import { toDataHolderRow } from './write-catalog.js';

/** What an import did, or why it stored nothing. */
export type ImportOutcome =
  | {
      ok: true;
      version: DatasetVersionRow;
      createdHolders: string[];
      /** Agents that named an organisation of the catalogue, whose description in the record was not applied. */
      referencedHolders: string[];
    }
  | { ok: false; code: 'INVALID_RECORD' | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'HARVESTED_RECORD'; message: string; problems: InputProblem[] };

/** How an import names its dataset and what it may do. */
export interface ImportTarget {
  /** The dataset's catalogue id. */
  readonly id: string;
  /** `create` refuses an id in use; `replace` refuses an unknown one. */
  readonly mode: 'create' | 'replace';
  /** Tells whether an IRI is one the catalogue minted (and which id it names), so it is not kept as the publisher's. */
  readonly ownId: (iri: string, kind: 'dataset' | 'dataHolder') => string | undefined;
}

class Refused extends Error {
  constructor(readonly outcome: Extract<ImportOutcome, { ok: false }>) {
    super(outcome.message);
  }
}

function refuse(code: Extract<ImportOutcome, { ok: false }>['code'], message: string, problems: InputProblem[] = []): never {
  throw new Refused({ ok: false, code, message, problems });
}

/** An id for a new data holder, made from its name (`union-body`, then `union-body-2`...). */
export async function freeHolderId(db: Db, name: string): Promise<string> {
  const base = slugOf(name, 60) || 'organisation';
  const taken = new Set((await db.select({ id: dataHolder.id }).from(dataHolder).where(like(dataHolder.id, `${base}%`))).map((r) => r.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The facts of a holder an agent description replaces (its id, country and acronym are the catalogue's). */
function describedFacts(agent: AgentFacts): Omit<DataHolderRecord, 'id' | 'country' | 'acronym' | 'isAccessBody' | 'publisherType'> {
  return {
    name: agent.name ?? '',
    ...(agent.iri !== null ? { iri: agent.iri } : {}),
    ...(agent.nameLanguage !== undefined ? { nameLanguage: agent.nameLanguage } : {}),
    ...(agent.homepage !== undefined ? { homepage: agent.homepage } : {}),
    ...(agent.email !== undefined ? { email: agent.email } : {}),
    ...(agent.contactPage !== undefined ? { contactPage: agent.contactPage } : {}),
    ...(agent.telephone !== undefined ? { telephone: agent.telephone } : {}),
    ...(agent.note !== undefined ? { note: agent.note } : {}),
    ...(agent.trustedDataHolder !== undefined ? { trustedDataHolder: agent.trustedDataHolder } : {}),
  };
}

/**
 * The data holder an agent of the record stands for, created or brought up to date:
 * - an IRI the catalogue minted (`/catalogue/data-holders/<id>`) names that holder, left as it is;
 * - an IRI a holder was imported with names that holder, whose described facts (name, type, contact
 *   point, note, trusted status) the agent's replace; when they differ, the datasets naming it count as
 *   changed;
 * - an unnamed agent is the holder of the same name without an IRI, if there is one;
 * - any other agent becomes a new holder, with an id made from its name and country UNKNOWN (agents
 *   state none).
 * Acting as access body makes a holder one. Problems name the role's property.
 */
type HolderRow = typeof dataHolder.$inferSelect;
type HolderInsert = typeof dataHolder.$inferInsert;

/**
 * The row of a holder an agent describes, over `base` (its id, country, type and access-body status,
 * which the catalogue decides): the row, or the first problem, in words.
 */
export function describedHolderRow(agent: AgentFacts, base: Pick<DataHolderRecord, 'id' | 'country' | 'publisherType' | 'isAccessBody'> & { acronym?: string }): { row: HolderInsert } | { problem: string } {
  const parsed = dataHolderRecord.safeParse({ ...base, ...describedFacts(agent) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is not valid'}`.trim() };
  }
  return { row: toDataHolderRow(parsed.data as DataHolderRecord) };
}

/**
 * Writes a holder's row: inserted when new, else updated when a field differs, and then the datasets
 * naming it count as changed (incremental harvests, `modified_since`, must see them). Answers whether
 * it was created.
 */
export async function storeHolderRow(db: Db, existing: HolderRow | undefined, row: HolderInsert): Promise<boolean> {
  if (!existing) {
    await db.insert(dataHolder).values(row);
    return true;
  }
  const stored = existing as Record<string, unknown>;
  const changed = Object.entries(row).some(([field, value]) => canonicalJson(stored[field] ?? null) !== canonicalJson(value ?? null));
  if (!changed) return false;
  await db.update(dataHolder).set(row).where(eq(dataHolder.id, existing.id));
  await db
    .update(dataset)
    .set({ updatedAt: sql`now()` })
    .where(or(eq(dataset.publisherId, existing.id), eq(dataset.custodianId, existing.id), eq(dataset.accessBodyId, existing.id)));
  return false;
}

interface HolderLog {
  readonly created: string[];
  readonly referenced: string[];
}

async function holderOf(db: Db, agent: AgentFacts, role: AgentRole, property: string, target: ImportTarget, log: HolderLog): Promise<string> {
  const reference = (id: string) => {
    log.referenced.push(`${property}: the catalogue's organisation "${id}" (what the record says of it is not applied)`);
    return id;
  };
  const problem = (message: string): never => refuse('INVALID_RECORD', `${property}: ${message}`, [{ field: property, message }]);
  if (agent.iri !== null) {
    const own = target.ownId(agent.iri, 'dataHolder');
    if (own !== undefined) {
      const [found] = await db.select({ id: dataHolder.id }).from(dataHolder).where(eq(dataHolder.id, own));
      if (!found) problem(`no data holder "${own}" in the catalogue`);
      return reference(own);
    }
  }
  const [existing] =
    agent.iri !== null
      ? await db.select().from(dataHolder).where(eq(dataHolder.sourceIri, agent.iri))
      : await db.select().from(dataHolder).where(and(eq(dataHolder.name, agent.name ?? ''), isNull(dataHolder.sourceIri)));
  if (agent.name === undefined) problem('the agent needs a name (foaf:name)');
  if (existing && agent.iri === null) return reference(existing.id);
  const publisherType = agent.publisherType ?? existing?.publisherType;
  if (publisherType === undefined) problem('the catalogue needs the type of a new organisation (dct:type, a HealthDCAT-AP publisher type)');
  const described = describedHolderRow(agent, {
    id: existing?.id ?? (await freeHolderId(db, agent.name ?? '')),
    country: (existing?.country ?? 'UNKNOWN') as DataHolderRecord['country'],
    ...(existing?.acronym ? { acronym: existing.acronym } : {}),
    publisherType: publisherType as DataHolderRecord['publisherType'],
    isAccessBody: (existing?.isAccessBody ?? false) || role === 'accessBody',
  });
  if ('problem' in described) problem(described.problem);
  const { row } = described as { row: HolderInsert };
  if (await storeHolderRow(db, existing, row)) log.created.push(row.id);
  return row.id;
}

/**
 * Stores a record read from RDF, all in one transaction: the data holders its agents stand for (see
 * `holderOf`), then the dataset, created or replaced with its publisher's dates as given, with a history
 * entry by `actor`. Any refusal rolls everything back: nothing is half-stored. Imports hold one advisory
 * lock for their transaction, so concurrent pushes cannot both create one organisation.
 */
export async function importDataset(db: Db, reading: DatasetReading, target: ImportTarget, actor: CurationActor, today: string): Promise<ImportOutcome> {
  try {
    return await db.transaction(async (tx) => {
      // Imports take turns: two records naming the same new organisation (or the same IRI) at once must not
      // both create it. An import takes tens of milliseconds, and stewards push rarely.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('catalog.import'))`);
      if (target.mode === 'replace') {
        const [found] = await tx.select({ id: dataset.id }).from(dataset).where(eq(dataset.id, target.id));
        if (!found) refuse('NOT_FOUND', `No dataset "${target.id}": POST the record to /catalogue/datasets to add it.`);
      }
      const log: HolderLog = { created: [], referenced: [] };
      const holders: Partial<Record<AgentRole, string>> = {};
      // One agent node in two roles is one organisation.
      const byNode = new Map<string, string>();
      for (const role of ['publisher', 'custodian', 'accessBody'] as const) {
        const agent = reading.agents[role];
        if (!agent) continue;
        const key = `${agent.node.termType}:${agent.node.value}`;
        const id = byNode.get(key) ?? (await holderOf(tx, agent, role, shortIri(AGENT_PROPERTIES[role]), target, log));
        // Named as access body, an organisation is one, whichever way it was found.
        if (role === 'accessBody') await tx.update(dataHolder).set({ isAccessBody: true }).where(eq(dataHolder.id, id));
        byNode.set(key, id);
        holders[role] = id;
      }
      const ownIri = reading.iri === null ? undefined : target.ownId(reading.iri, 'dataset');
      const iri = reading.iri !== null && ownIri === undefined ? reading.iri : undefined;
      const parsed = datasetRecord.safeParse({ ...reading.fields, id: target.id, ...holders, ...(iri ? { iri } : {}) });
      if (!parsed.success) {
        const problems = recordFieldProblems(parsed.error);
        refuse('INVALID_RECORD', `The record is refused: ${problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; ')}`, problems);
      }
      const record = parsed.data as DatasetRecord;
      if (iri) {
        const [other] = await tx.select({ id: dataset.id }).from(dataset).where(and(eq(dataset.sourceIri, iri), ne(dataset.id, record.id)));
        if (other) refuse('ALREADY_EXISTS', `The dataset ${shortIri(iri)} is already in the catalogue as "${other.id}"; PUT the record to /catalogue/datasets/${other.id}.`);
      }
      const outcome: CurationOutcome =
        target.mode === 'create' ? await createCuratedDataset(tx, record, actor, today, 'as-given') : await updateCuratedDataset(tx, record, actor, today, 'as-given');
      if (!outcome.ok) {
        const message =
          outcome.code === 'ALREADY_EXISTS'
            ? `The id "${record.id}" (made from dct:identifier "${record.identifier}") is taken. If this record describes that dataset, PUT it to /catalogue/datasets/${record.id}; if not, give it a distinct dct:identifier.`
            : outcome.message;
        refuse(outcome.code === 'UNKNOWN_DATA_HOLDER' ? 'INVALID_RECORD' : outcome.code, message, outcome.field ? [{ field: outcome.field, message }] : []);
      }
      return { ok: true, version: outcome.version, createdHolders: log.created, referencedHolders: log.referenced };
    });
  } catch (error) {
    if (error instanceof Refused) return error.outcome;
    throw error;
  }
}
