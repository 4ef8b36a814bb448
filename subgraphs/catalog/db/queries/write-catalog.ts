import { sql } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import type { DataHolderRecord, DatasetRecord } from '../../model/dataset-record.js';
import { dataHolder } from '../schema/data-holder.js';
import { dataset, type DatasetDetailsJson } from '../schema/dataset.js';
import { distribution } from '../schema/distribution.js';
import { refreshSearchEntries } from './search-entries.js';

/** Rows per INSERT statement when writing many records. */
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Inserts data holders that do not exist yet; existing ones are left as they are (so a re-seed never
 * overwrites what was edited since). Returns how many were inserted. Run it inside a transaction.
 */
export async function insertMissingDataHolders(db: Db, holders: readonly DataHolderRecord[]): Promise<number> {
  let inserted = 0;
  for (const part of chunks(holders)) {
    const rows = await db
      .insert(dataHolder)
      .values(part.map(toDataHolderRow))
      .onConflictDoNothing({ target: dataHolder.id })
      .returning({ id: dataHolder.id });
    inserted += rows.length;
  }
  return inserted;
}

/**
 * Inserts datasets (with their distributions and samples) that do not exist yet; an existing id is left
 * untouched, with its distributions. Returns how many datasets were inserted. Run it inside a transaction.
 */
export async function insertMissingDatasets(db: Db, records: readonly DatasetRecord[]): Promise<number> {
  let inserted = 0;
  for (const part of chunks(records)) {
    const rows = await db
      .insert(dataset)
      .values(part.map(toDatasetRow))
      .onConflictDoNothing({ target: dataset.id })
      .returning({ id: dataset.id });
    inserted += rows.length;
    await refreshSearchEntries(db, rows.map((r) => r.id));
    const fresh = new Set(rows.map((r) => r.id));
    const distributions = part.filter((r) => fresh.has(r.id)).flatMap(toDistributionRows);
    for (const dpart of chunks(distributions)) await db.insert(distribution).values(dpart);
  }
  return inserted;
}

/** Refreshes planner statistics after a bulk load, so the first searches get good plans. */
export async function analyzeCatalog(db: Db): Promise<void> {
  await db.execute(sql`ANALYZE catalog.dataset`);
  await db.execute(sql`ANALYZE catalog.dataset_search`);
  await db.execute(sql`ANALYZE catalog.distribution`);
  await db.execute(sql`ANALYZE catalog.data_holder`);
}

/** The `catalog.data_holder` row of a record. */
export function toDataHolderRow(h: DataHolderRecord): typeof dataHolder.$inferInsert {
  return {
    id: h.id,
    name: h.name,
    acronym: h.acronym ?? null,
    publisherType: h.publisherType,
    country: h.country,
    homepage: h.homepage ?? null,
    email: h.email ?? null,
    isAccessBody: h.isAccessBody,
    sourceIri: h.iri ?? null,
    nameLanguage: h.nameLanguage ?? null,
    contactPage: h.contactPage ?? null,
    telephone: h.telephone ?? null,
    note: h.note ?? null,
    trustedDataHolder: h.trustedDataHolder ?? null,
  };
}

/** The facts of a record kept in `catalog.dataset.details` (absent keys for unknown facts). */
function detailsOf(r: DatasetRecord): DatasetDetailsJson {
  const details: DatasetDetailsJson = {};
  if (r.otherIdentifiers.length > 0) details.otherIdentifiers = r.otherIdentifiers;
  if (r.codeValues.length > 0) details.codeValues = r.codeValues;
  if (r.datasetType !== undefined) details.datasetType = r.datasetType;
  if (r.provenance !== undefined) details.provenance = r.provenance;
  if (r.otherPurposes.length > 0) details.otherPurposes = r.otherPurposes;
  if (r.otherLegalBases.length > 0) details.otherLegalBases = r.otherLegalBases;
  if (r.retentionDates?.start !== undefined) details.retentionStart = r.retentionDates.start;
  if (r.retentionDates?.end !== undefined) details.retentionEnd = r.retentionDates.end;
  return details;
}

/** The `catalog.dataset` row of a record (its distributions and samples are written apart). */
export function toDatasetRow(r: DatasetRecord): typeof dataset.$inferInsert {
  return {
    id: r.id,
    identifier: r.identifier,
    titleFr: r.title.fr ?? null,
    titleEn: r.title.en ?? null,
    descriptionFr: r.description.fr ?? null,
    descriptionEn: r.description.en ?? null,
    keywordsFr: r.keywords.fr,
    keywordsEn: r.keywords.en,
    themes: r.themes,
    healthCategories: r.healthCategories,
    healthThemes: r.healthThemes,
    accessRights: r.accessRights,
    applicableLegislation: r.applicableLegislation,
    publisherId: r.publisher,
    custodianId: r.custodian ?? null,
    accessBodyId: r.accessBody ?? null,
    contactPoint: r.contactPoint,
    temporalStart: r.temporal?.start ?? null,
    temporalEnd: r.temporal?.end ?? null,
    spatial: r.spatial,
    spatialDetail: r.spatialDetail ?? null,
    codingSystems: r.codingSystems,
    numberOfRecords: r.numberOfRecords ?? null,
    numberOfUniqueIndividuals: r.numberOfUniqueIndividuals ?? null,
    minTypicalAge: r.minTypicalAge ?? null,
    maxTypicalAge: r.maxTypicalAge ?? null,
    populationCoverage: r.populationCoverage ?? null,
    personalData: r.personalData,
    legalBasis: r.legalBasis,
    purposes: r.purposes,
    retentionPeriod: r.retentionPeriod ?? null,
    frequency: r.frequency ?? null,
    issued: r.issued ?? null,
    modified: r.modified ?? null,
    version: r.version ?? null,
    landingPage: r.landingPage ?? null,
    sourceIri: r.iri ?? null,
    details: detailsOf(r),
  };
}

/** The `catalog.distribution` rows of a record: its distributions, samples and analytics, each in its order. */
export function toDistributionRows(r: DatasetRecord): (typeof distribution.$inferInsert)[] {
  return [
    ...r.distributions.map((d, position) => ({ ...toDistributionRow(r.id, d, position), kind: 'distribution' as const })),
    ...r.samples.map((s, position) => ({ ...toDistributionRow(r.id, s, position), kind: 'sample' as const })),
    ...r.analytics.map((a, position) => ({ ...toDistributionRow(r.id, a, position), kind: 'analytics' as const })),
  ];
}

function toDistributionRow(datasetId: string, d: DatasetRecord['distributions'][number], position: number) {
  return {
    datasetId,
    position,
    title: d.title,
    accessUrl: d.accessUrl,
    downloadUrl: d.downloadUrl ?? null,
    format: d.format ?? null,
    mediaType: d.mediaType ?? null,
    byteSize: d.byteSize ?? null,
    rights: d.rights ?? null,
    description: d.description ?? null,
    license: d.license ?? null,
  };
}
