import { createCuratedDataset, updateCuratedDataset, withdrawCuratedDataset, type CurationOutcome } from '../db/queries/curate-datasets.js';
import type { CatalogContext } from '../context.js';
import { utcToday } from '../model/curation-dates.js';
import type { DatasetRecord } from '../model/dataset-record.js';
import { describeProblems, parseDatasetInput, type InputProblem } from '../model/dataset-input.js';
import { CURATOR_ROLES, curationActor } from '../model/curation-roles.js';
import { requireRole } from '../../../platform/graphql/require-role.js';
import type { RecordFormat } from '../rdf/import/parse-rdf-document.js';
import { pushRecord, type PushOutcome } from '../rdf/import/push-record.js';
import { readableViolation } from '../rdf/import/readable-violation.js';

/** Longest withdrawal reason accepted, in characters. */
export const MAX_REASON_LENGTH = 5000;

function invalid(problems: readonly InputProblem[]) {
  return { dataset: null, version: null, error: { code: 'INVALID_RECORD', message: describeProblems(problems), field: problems[0]?.field ?? null } };
}

/** The mutation result of a curation outcome; the dataset is read back fresh (not from the request's loader). */
async function resultOf(outcome: CurationOutcome, ctx: CatalogContext) {
  if (!outcome.ok) return { dataset: null, version: null, error: { code: outcome.code, message: outcome.message, field: outcome.field ?? null } };
  const id = outcome.version.datasetId;
  ctx.loaders.dataset.clear(id);
  ctx.loaders.distributions.clear(id);
  ctx.loaders.samples.clear(id);
  ctx.loaders.analytics.clear(id);
  const dataset = outcome.version.action === 'WITHDRAWN' ? null : await ctx.loaders.dataset.load(id);
  return { dataset, version: outcome.version, error: null };
}

/** The mutation result of a pushed record. */
async function importResultOf(outcome: PushOutcome, ctx: CatalogContext) {
  if (!outcome.ok) {
    const violations = outcome.violations.map(readableViolation);
    return {
      dataset: null,
      version: null,
      notKept: [],
      draftForm: false,
      createdDataHolders: [],
      error: { code: outcome.code, message: outcome.message, field: outcome.problems[0]?.field ?? violations[0]?.path ?? null },
      violations,
      problems: outcome.problems,
    };
  }
  const { dataset, version } = await resultOf({ ok: true, version: outcome.version }, ctx);
  return { dataset, version, notKept: outcome.notKept, draftForm: outcome.draftForm, createdDataHolders: outcome.createdDataHolders, error: null, violations: [], problems: [] };
}

/**
 * Record fields `DatasetInput` has no field for: facts of pushed HealthDCAT-AP records. An update through
 * GraphQL keeps them from the stored record rather than erase them.
 */
export const RECORD_ONLY_FIELDS: readonly (keyof DatasetRecord)[] = [
  'iri',
  'otherIdentifiers',
  'codeValues',
  'datasetType',
  'provenance',
  'otherPurposes',
  'otherLegalBases',
  'retentionDates',
  'analytics',
];

const FORMATS: Readonly<Record<string, RecordFormat>> = { TURTLE: 'turtle', JSON_LD: 'jsonld' };

/** Resolvers of the catalog's curation mutations. Expected failures come back as `{ error }`. */
export const Mutation = {
  async createDataset(_: unknown, args: { input: unknown }, ctx: CatalogContext) {
    requireRole(ctx.caller, ...CURATOR_ROLES);
    const parsed = parseDatasetInput(args.input);
    if (!parsed.ok) return invalid(parsed.problems);
    return resultOf(await createCuratedDataset(ctx.db, parsed.record, curationActor(ctx.caller), utcToday()), ctx);
  },

  async updateDataset(_: unknown, args: { id: string; input: unknown }, ctx: CatalogContext) {
    requireRole(ctx.caller, ...CURATOR_ROLES);
    const parsed = parseDatasetInput(args.input, args.id);
    if (!parsed.ok) return invalid(parsed.problems);
    return resultOf(await updateCuratedDataset(ctx.db, parsed.record, curationActor(ctx.caller), utcToday(), 'curation', RECORD_ONLY_FIELDS), ctx);
  },

  async withdrawDataset(_: unknown, args: { id: string; reason: string }, ctx: CatalogContext) {
    requireRole(ctx.caller, ...CURATOR_ROLES);
    const reason = args.reason.trim();
    if (reason.length < 5 || reason.length > MAX_REASON_LENGTH) {
      return invalid([{ field: 'reason', message: `give a reason of 5 to ${MAX_REASON_LENGTH} characters` }]);
    }
    return resultOf(await withdrawCuratedDataset(ctx.db, args.id, reason, curationActor(ctx.caller)), ctx);
  },

  async importDataset(_: unknown, args: { record: string; format: string }, ctx: CatalogContext) {
    requireRole(ctx.caller, ...CURATOR_ROLES);
    const pushed = { text: args.record, format: FORMATS[args.format] ?? 'turtle', mode: 'create' as const, publicBase: ctx.publicBase };
    return importResultOf(await pushRecord(ctx.db, pushed, curationActor(ctx.caller), utcToday()), ctx);
  },

  async replaceDatasetRecord(_: unknown, args: { id: string; record: string; format: string }, ctx: CatalogContext) {
    requireRole(ctx.caller, ...CURATOR_ROLES);
    const pushed = { text: args.record, format: FORMATS[args.format] ?? 'turtle', mode: 'replace' as const, id: args.id, publicBase: ctx.publicBase };
    return importResultOf(await pushRecord(ctx.db, pushed, curationActor(ctx.caller), utcToday()), ctx);
  },
};
