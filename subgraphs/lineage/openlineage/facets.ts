import { z } from 'zod';
import { dateTime, uri, uuid } from './formats.js';

/**
 * The specification's facets, checked beyond BaseFacet. A facet failing its schema is "untrusted": the
 * event is still accepted (losing a run's lineage for one bad facet is worse), the facet is named in the
 * response and kept in the stored event, but never applied to the model. Unknown (custom) facets only get
 * the BaseFacet check of the core model.
 */
export type FacetContainer = 'run' | 'job' | 'dataset' | 'inputDataset' | 'outputDataset';

const str = z.string();
const int = z.number().int();
const num = z.number();
const keyValue = z.looseObject({ key: str, value: str, source: str.optional() });
const transformation = z.looseObject({ type: str, subtype: str.optional(), description: str.optional(), masking: z.boolean().optional() });
const inputField = z.looseObject({ namespace: str, name: str, field: str, transformations: z.array(transformation).optional() });
type SchemaField = { name: string; type?: string | undefined; description?: string | undefined; ordinal_position?: number | undefined; fields?: SchemaField[] | undefined };
const schemaField: z.ZodType<SchemaField> = z.lazy(() =>
  z.looseObject({ name: str, type: str.optional(), description: str.optional(), ordinal_position: int.optional(), fields: z.array(schemaField).optional() }),
);
const owners = z.looseObject({ owners: z.array(z.looseObject({ name: str, type: str.optional() })).optional() });
const qualityMetrics = z.looseObject({
  rowCount: int.optional(),
  bytes: int.optional(),
  fileCount: int.optional(),
  lastUpdated: dateTime.optional(),
  columnMetrics: z.record(
    str,
    z.looseObject({
      nullCount: int.optional(),
      distinctCount: int.optional(),
      sum: num.optional(),
      count: num.optional(),
      min: num.optional(),
      max: num.optional(),
      quantiles: z.record(str, num).optional(),
    }),
  ),
});
const statistics = z.looseObject({ rowCount: int.optional(), size: int.optional(), fileCount: int.optional() });
const documentation = z.looseObject({ description: str, contentType: str.optional() });
const tags = z.looseObject({ tags: z.array(keyValue).optional() });

const runFacets: Record<string, z.ZodType> = {
  parent: z.looseObject({
    run: z.looseObject({ runId: uuid }),
    job: z.looseObject({ namespace: str, name: str }),
    root: z.looseObject({ run: z.looseObject({ runId: uuid }), job: z.looseObject({ namespace: str, name: str }) }).optional(),
  }),
  nominalTime: z.looseObject({ nominalStartTime: dateTime, nominalEndTime: dateTime.optional() }),
  errorMessage: z.looseObject({ message: str, programmingLanguage: str, stackTrace: str.optional() }),
  processing_engine: z.looseObject({ version: str, name: str.optional(), openlineageAdapterVersion: str.optional() }),
  externalQuery: z.looseObject({ externalQueryId: str, source: str }),
  environmentVariables: z.looseObject({ environmentVariables: z.array(z.looseObject({ name: str, value: str })) }),
  extractionError: z.looseObject({ totalTasks: int, failedTasks: int, errors: z.array(z.looseObject({})) }),
  executionParameters: z.looseObject({ parameters: z.array(z.looseObject({ key: str })).optional() }),
  tags,
  test: z.looseObject({ tests: z.array(z.looseObject({ name: str, status: str })) }),
};

const jobFacets: Record<string, z.ZodType> = {
  ownership: owners,
  documentation,
  sql: z.looseObject({ query: str, dialect: str.optional() }),
  jobType: z.looseObject({ processingType: str, integration: str, jobType: str.optional() }),
  sourceCode: z.looseObject({ language: str, sourceCode: str }),
  sourceCodeLocation: z.looseObject({ type: str, url: uri }),
  tags,
};

const datasetFacets: Record<string, z.ZodType> = {
  schema: z.looseObject({ fields: z.array(schemaField).optional() }),
  dataSource: z.looseObject({ name: str.optional(), uri: uri.optional() }),
  ownership: owners,
  documentation,
  columnLineage: z.looseObject({ fields: z.record(str, z.looseObject({ inputFields: z.array(inputField) })), dataset: z.array(inputField).optional() }),
  symlinks: z.looseObject({ identifiers: z.array(z.looseObject({ namespace: str, name: str, type: str })).optional() }),
  version: z.looseObject({ datasetVersion: str }),
  catalog: z.looseObject({ framework: str, type: str, name: str }),
  storage: z.looseObject({ storageLayer: str, fileFormat: str.optional() }),
  lifecycleStateChange: z.looseObject({ lifecycleStateChange: str }),
  datasetType: z.looseObject({ datasetType: str, subType: str.optional() }),
  hierarchy: z.looseObject({ hierarchy: z.array(z.looseObject({ type: str, name: str })) }),
  tags: z.looseObject({ tags: z.array(keyValue.extend({ field: str.optional() })).optional() }),
};

const inputFacets: Record<string, z.ZodType> = {
  dataQualityMetrics: qualityMetrics,
  dataQualityAssertions: z.looseObject({ assertions: z.array(z.looseObject({ assertion: str, success: z.boolean() })) }),
  inputStatistics: statistics,
};

const outputFacets: Record<string, z.ZodType> = { outputStatistics: statistics };

const known: Record<FacetContainer, Record<string, z.ZodType>> = {
  run: runFacets,
  job: jobFacets,
  dataset: datasetFacets,
  inputDataset: inputFacets,
  outputDataset: outputFacets,
};

/** The problem with facet `key` in `container`, or null when it is valid (or not one the specification defines). */
export function facetProblem(container: FacetContainer, key: string, facet: unknown): string | null {
  // A deletion marker (`_deleted: true`, dataset and job facets) carries no content to check.
  if ((container === 'dataset' || container === 'job') && isDeletionMarker(facet)) return null;
  const schema = known[container][key];
  if (!schema) return null;
  const parsed = schema.safeParse(facet);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || '(facet)'}: ${issue?.code === 'invalid_type' && issue.input === undefined ? 'required' : issue?.message}`;
}

/** A dataset or job facet sent as `{ _producer, _schemaURL, _deleted: true }`: it removes the stored facet of its name. */
export function isDeletionMarker(facet: unknown): boolean {
  return typeof facet === 'object' && facet !== null && (facet as { _deleted?: unknown })._deleted === true;
}
