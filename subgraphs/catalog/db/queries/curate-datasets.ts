import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { changedFields } from '../../model/changed-fields.js';
import { datesOnCreate, datesOnUpdate } from '../../model/curation-dates.js';
import type { DatasetRecord } from '../../model/dataset-record.js';
import { dataHolder } from '../schema/data-holder.js';
import { dataset } from '../schema/dataset.js';
import { distribution } from '../schema/distribution.js';
import { appendDatasetVersion, type CurationActor, type DatasetVersionRow } from './dataset-history.js';
import { recordOfRows } from './read-dataset-record.js';
import { refreshSearchEntries } from './search-entries.js';
import { toDatasetRow, toDistributionRows } from './write-catalog.js';

/** What a curation write did: the history entry it wrote, or why it wrote nothing. */
export type CurationOutcome =
  | { ok: true; version: DatasetVersionRow }
  | { ok: false; code: 'NOT_FOUND' | 'ALREADY_EXISTS' | 'UNKNOWN_DATA_HOLDER' | 'HARVESTED_RECORD'; message: string; field?: string };

/** Who may change a dataset: curators change the catalogue's own; only its harvest changes a harvested one. */
export type WriteScope = 'own' | 'harvest';

function harvestedRefusal(id: string): CurationOutcome {
  return {
    ok: false,
    code: 'HARVESTED_RECORD',
    field: 'id',
    message: `The dataset "${id}" is harvested from another catalogue: it is read-only here and changes only with its source.`,
  };
}

/**
 * How `issued` and `modified` are set: `curation` follows `curation-dates.ts` (an edit through the
 * catalogue dates itself); `as-given` keeps the record's own dates, absent ones absent (a record pushed by
 * its publisher states its dates; the catalogue record's dates say when the catalogue changed).
 */
export type DateRule = 'curation' | 'as-given';

/** The first data holder the record names that does not exist, with the field naming it. */
async function unknownDataHolder(db: Db, record: DatasetRecord): Promise<CurationOutcome | null> {
  const named = (['publisher', 'custodian', 'accessBody'] as const).flatMap((field) => {
    const id = record[field];
    return id === undefined ? [] : [{ field, id }];
  });
  const found = await db
    .select({ id: dataHolder.id })
    .from(dataHolder)
    .where(inArray(dataHolder.id, named.map((n) => n.id)));
  const known = new Set(found.map((r) => r.id));
  const missing = named.find((n) => !known.has(n.id));
  return missing ? { ok: false, code: 'UNKNOWN_DATA_HOLDER', field: missing.field, message: `${missing.field}: no data holder "${missing.id}".` } : null;
}

async function writeDistributions(db: Db, record: DatasetRecord): Promise<void> {
  await db.delete(distribution).where(eq(distribution.datasetId, record.id));
  const rows = toDistributionRows(record);
  if (rows.length > 0) await db.insert(distribution).values(rows);
}

/**
 * Creates a dataset from a validated record, with its distributions, search entry and a `CREATED`
 * history entry, in one transaction (a savepoint when `db` is a transaction already). `issued` and
 * `modified` default to `today` unless `dates` is `as-given`. An id already in the
 * catalogue gives `ALREADY_EXISTS`; an id withdrawn earlier may be created again, its history continuing.
 */
export async function createCuratedDataset(db: Db, input: DatasetRecord, actor: CurationActor, today: string, dates: DateRule = 'curation'): Promise<CurationOutcome> {
  const record = dates === 'curation' ? datesOnCreate(input, today) : input;
  return db.transaction(async (tx) => {
    const unknown = await unknownDataHolder(tx, record);
    if (unknown) return unknown;
    // ON CONFLICT makes a concurrent creation of the same id wait for the first, then see it exists.
    const inserted = await tx.insert(dataset).values(toDatasetRow(record)).onConflictDoNothing({ target: dataset.id }).returning({ id: dataset.id });
    if (inserted.length === 0) return { ok: false, code: 'ALREADY_EXISTS', field: 'id', message: `A dataset "${record.id}" already exists.` };
    await writeDistributions(tx, record);
    await refreshSearchEntries(tx, [record.id]);
    const version = await appendDatasetVersion(tx, { datasetId: record.id, action: 'CREATED', actor, changedFields: changedFields(null, record), record });
    return { ok: true, version };
  });
}

/**
 * Replaces a dataset's whole description with a validated record (same id), in one transaction: the
 * dataset row (locked first, so concurrent updates of one dataset take turns and each gets its own version
 * number), its distributions and samples, its search entry and an `UPDATED` history entry listing the
 * fields that differ from the stored record. Dates follow `datesOnUpdate` unless `dates` is `as-given`.
 * The fields named in `keep` are taken from the stored record rather than the input. `NOT_FOUND` for an
 * id not in the catalogue; `HARVESTED_RECORD` for a harvested dataset unless `scope` is `harvest` (which
 * changes harvested datasets only).
 */
export async function updateCuratedDataset(
  db: Db,
  input: DatasetRecord,
  actor: CurationActor,
  today: string,
  dates: DateRule = 'curation',
  keep: readonly (keyof DatasetRecord)[] = [],
  scope: WriteScope = 'own',
): Promise<CurationOutcome> {
  return db.transaction(async (tx) => {
    // The row is read as it is locked, and the stored record rebuilt from it and its distributions.
    const [locked] = await tx.select().from(dataset).where(eq(dataset.id, input.id)).for('update');
    if (!locked) return { ok: false, code: 'NOT_FOUND', field: 'id', message: `No dataset "${input.id}".` };
    if ((locked.harvestSourceId !== null) !== (scope === 'harvest')) return scope === 'own' ? harvestedRefusal(input.id) : { ok: false, code: 'NOT_FOUND', field: 'id', message: `No harvested dataset "${input.id}".` };
    const stored = recordOfRows(locked, await tx.select().from(distribution).where(eq(distribution.datasetId, input.id)));
    const kept = Object.fromEntries(keep.flatMap((field) => (stored[field] === undefined ? [] : [[field, stored[field]]])));
    const merged = { ...input, ...kept } as DatasetRecord;
    const record = dates === 'curation' ? datesOnUpdate(merged, stored, today) : merged;
    const unknown = await unknownDataHolder(tx, record);
    if (unknown) return unknown;
    await tx
      .update(dataset)
      .set({ ...toDatasetRow(record), updatedAt: sql`now()` })
      .where(eq(dataset.id, record.id));
    await writeDistributions(tx, record);
    await refreshSearchEntries(tx, [record.id]);
    const version = await appendDatasetVersion(tx, {
      datasetId: record.id,
      action: 'UPDATED',
      actor,
      changedFields: changedFields(stored, record),
      record,
    });
    return { ok: true, version };
  });
}

/**
 * Withdraws a dataset from the catalogue: its rows, distributions and search entry are deleted (so search,
 * `dataset(id)` and the harvestable export no longer show it) and a `WITHDRAWN` history entry with the
 * reason is written, in one transaction. The history stays readable. `NOT_FOUND` for an id not in the
 * catalogue; `HARVESTED_RECORD` as for `updateCuratedDataset`.
 */
export async function withdrawCuratedDataset(db: Db, id: string, reason: string, actor: CurationActor, scope: WriteScope = 'own'): Promise<CurationOutcome> {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: dataset.id, harvestSourceId: dataset.harvestSourceId }).from(dataset).where(eq(dataset.id, id)).for('update');
    if (!locked) return { ok: false, code: 'NOT_FOUND', field: 'id', message: `No dataset "${id}".` };
    if ((locked.harvestSourceId !== null) !== (scope === 'harvest')) return scope === 'own' ? harvestedRefusal(id) : { ok: false, code: 'NOT_FOUND', field: 'id', message: `No harvested dataset "${id}".` };
    // Distributions and the search entry go with the row (ON DELETE CASCADE).
    await tx.delete(dataset).where(eq(dataset.id, id));
    const version = await appendDatasetVersion(tx, { datasetId: id, action: 'WITHDRAWN', actor, changedFields: [], record: null, reason });
    return { ok: true, version };
  });
}
