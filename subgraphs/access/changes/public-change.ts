import type { VisibleChange } from './change-feed.js';

/** A change event as partners receive it, in the feed (`ChangeEvent`) and in webhook payloads alike. */
export interface PublicChange {
  id: string;
  stream: string;
  sequence: number;
  type: string;
  occurredAt: string;
  datasetIds: string[];
  fields: string[] | null;
  applicationId: string | null;
  permitId: string | null;
  status: string | null;
  previousStatus: string | null;
  validUntil: string | null;
  daysLeft: number | null;
  runId: string | null;
  job: { namespace: string; name: string } | null;
  source: { namespace: string; name: string } | null;
  schemaChange: { added: unknown[]; removed: unknown[]; retyped: unknown[] } | null;
  savedSearch: { id: string; name: string } | null;
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const named = (namespace: unknown, name: unknown) => (typeof namespace === 'string' && typeof name === 'string' ? { namespace, name } : null);

/** The event's fields from its stored detail (null where its type has none, or where the caller may not see them). */
export function publicChange(e: VisibleChange): PublicChange {
  const d = e.detail;
  return {
    id: `${e.stream.toLowerCase()}:${e.seq}`,
    stream: e.stream,
    sequence: e.seq,
    type: e.type,
    occurredAt: e.occurredAt,
    datasetIds: e.datasetIds,
    fields: e.type === 'DATASET_CHANGED' ? apiFields((d.fields as string[] | undefined) ?? []) : null,
    applicationId: text(d.applicationId),
    permitId: text(d.permitId),
    status: text(d.status),
    previousStatus: text(d.previousStatus),
    validUntil: text(d.validUntil),
    daysLeft: typeof d.daysLeft === 'number' ? d.daysLeft : null,
    runId: text(d.runId),
    job: named(d.jobNamespace, d.jobName),
    source: named(d.datasetNamespace, d.datasetName),
    schemaChange:
      e.type === 'SCHEMA_CHANGED'
        ? { added: (d.added as unknown[] | undefined) ?? [], removed: (d.removed as unknown[] | undefined) ?? [], retyped: (d.retyped as unknown[] | undefined) ?? [] }
        : null,
    savedSearch: typeof d.savedSearchId === 'string' ? { id: d.savedSearchId, name: text(d.savedSearchName) ?? '' } : null,
  };
}

/** The catalogue's columns, as the `Dataset` fields partners know (one field for both languages of a text). */
const FIELD_OF_COLUMN: Readonly<Record<string, string>> = {
  title_fr: 'title',
  title_en: 'title',
  description_fr: 'description',
  description_en: 'description',
  keywords_fr: 'keywords',
  keywords_en: 'keywords',
  publisher_id: 'publisher',
  custodian_id: 'custodian',
  access_body_id: 'accessBody',
  temporal_start: 'temporalCoverage',
  temporal_end: 'temporalCoverage',
  spatial: 'spatialCoverage',
  contact_point: 'contactPoint',
  source_iri: 'sourceIri',
};

/** Changed columns as API field names, each once, sorted. */
function apiFields(columns: readonly string[]): string[] {
  const camel = (c: string) => c.replace(/_([a-z])/g, (_, l: string) => l.toUpperCase());
  return [...new Set(columns.map((c) => FIELD_OF_COLUMN[c] ?? camel(c)))].sort();
}
