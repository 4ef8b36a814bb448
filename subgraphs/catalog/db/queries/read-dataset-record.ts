import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import type { DatasetRecord } from '../../model/dataset-record.js';
import { dataset, type DescribedTermJson, type LocalizedJson } from '../schema/dataset.js';
import { distribution } from '../schema/distribution.js';
import type { DatasetRow } from './datasets.js';
import type { DistributionRow } from './distributions.js';

/** An object without the keys whose value is null or undefined: record fields are absent when unknown. */
function present<T extends Record<string, unknown>>(fields: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined)) as never;
}

function localized(text: LocalizedJson | null): LocalizedJson | null {
  return text === null ? null : present({ fr: text.fr, en: text.en });
}

function describedTerm(term: DescribedTermJson) {
  return present({ description: localized(term.description), source: term.source });
}

function distributionRecordOf(row: DistributionRow) {
  return present({
    title: localized(row.title),
    accessUrl: row.accessUrl,
    downloadUrl: row.downloadUrl,
    format: row.format,
    mediaType: row.mediaType,
    byteSize: row.byteSize,
    rights: localized(row.rights),
    description: localized(row.description),
    license: row.license,
  });
}

/**
 * Rebuilds the `DatasetRecord` a dataset's rows were written from: the inverse of `write-catalog.ts`'s
 * `toDatasetRow` and `toDistributionRows`, so `readDatasetRecord(db, r.id)` equals `r` (defaults applied,
 * unknown optional fields absent rather than null) for every record written. Null for an unknown id.
 */
export async function readDatasetRecord(db: Db, id: string): Promise<DatasetRecord | null> {
  const [row] = await db.select().from(dataset).where(eq(dataset.id, id));
  if (!row) return null;
  const parts = await db
    .select()
    .from(distribution)
    .where(eq(distribution.datasetId, id))
    .orderBy(asc(distribution.kind), asc(distribution.position));
  return recordOfRows(row, parts);
}

/** The record of a dataset row and its distribution rows (any order). */
export function recordOfRows(row: DatasetRow, parts: readonly DistributionRow[]): DatasetRecord {
  const ordered = [...parts].sort((a, b) => a.position - b.position);
  const details = row.details;
  const temporal = row.temporalStart !== null || row.temporalEnd !== null ? present({ start: row.temporalStart, end: row.temporalEnd }) : null;
  return present({
    id: row.id,
    identifier: row.identifier,
    title: present({ fr: row.titleFr, en: row.titleEn }),
    description: present({ fr: row.descriptionFr, en: row.descriptionEn }),
    keywords: { fr: row.keywordsFr, en: row.keywordsEn },
    themes: row.themes,
    healthCategories: row.healthCategories,
    healthThemes: row.healthThemes,
    accessRights: row.accessRights,
    applicableLegislation: row.applicableLegislation,
    publisher: row.publisherId,
    custodian: row.custodianId,
    accessBody: row.accessBodyId,
    contactPoint: present({ name: row.contactPoint.name, email: row.contactPoint.email, url: row.contactPoint.url }),
    temporal,
    spatial: row.spatial,
    spatialDetail: localized(row.spatialDetail),
    codingSystems: row.codingSystems,
    numberOfRecords: row.numberOfRecords,
    numberOfUniqueIndividuals: row.numberOfUniqueIndividuals,
    minTypicalAge: row.minTypicalAge,
    maxTypicalAge: row.maxTypicalAge,
    populationCoverage: localized(row.populationCoverage),
    personalData: row.personalData,
    legalBasis: row.legalBasis,
    purposes: row.purposes,
    otherPurposes: (details.otherPurposes ?? []).map(describedTerm),
    otherLegalBases: (details.otherLegalBases ?? []).map(describedTerm),
    retentionPeriod: localized(row.retentionPeriod),
    retentionDates:
      details.retentionStart !== undefined || details.retentionEnd !== undefined ? present({ start: details.retentionStart, end: details.retentionEnd }) : null,
    frequency: row.frequency,
    issued: row.issued,
    modified: row.modified,
    version: row.version,
    landingPage: row.landingPage,
    otherIdentifiers: (details.otherIdentifiers ?? []).map((i) => present({ notation: i.notation, schemaAgency: i.schemaAgency })),
    codeValues: details.codeValues ?? [],
    datasetType: details.datasetType,
    provenance: details.provenance === undefined ? null : localized(details.provenance),
    iri: row.sourceIri,
    distributions: ordered.filter((p) => p.kind === 'distribution').map(distributionRecordOf),
    samples: ordered.filter((p) => p.kind === 'sample').map(distributionRecordOf),
    analytics: ordered.filter((p) => p.kind === 'analytics').map(distributionRecordOf),
  }) as DatasetRecord;
}
