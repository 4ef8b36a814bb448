import { createCuratedDataset, updateCuratedDataset, withdrawCuratedDataset, type CurationOutcome } from '../db/queries/curate-datasets.js';
import type { CurationActor } from '../db/queries/dataset-history.js';
import type { CatalogContext } from '../context.js';
import { utcToday } from '../model/curation-dates.js';
import { describeProblems, parseDatasetInput, type InputProblem } from '../model/dataset-input.js';
import { CURATOR_ROLES, requireRole } from '../model/curation-roles.js';

/** Longest withdrawal reason accepted, in characters. */
export const MAX_REASON_LENGTH = 5000;

function actorOf(ctx: CatalogContext): CurationActor {
  return { subject: ctx.caller.subject ?? '', organisation: ctx.caller.organisationId };
}

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
  const dataset = outcome.version.action === 'WITHDRAWN' ? null : await ctx.loaders.dataset.load(id);
  return { dataset, version: outcome.version, error: null };
}

/** Resolvers of the catalog's curation mutations. Expected failures come back as `{ error }`. */
export const Mutation = {
  async createDataset(_: unknown, args: { input: unknown }, ctx: CatalogContext) {
    requireRole(ctx.caller, CURATOR_ROLES);
    const parsed = parseDatasetInput(args.input);
    if (!parsed.ok) return invalid(parsed.problems);
    return resultOf(await createCuratedDataset(ctx.db, parsed.record, actorOf(ctx), utcToday()), ctx);
  },

  async updateDataset(_: unknown, args: { id: string; input: unknown }, ctx: CatalogContext) {
    requireRole(ctx.caller, CURATOR_ROLES);
    const parsed = parseDatasetInput(args.input, args.id);
    if (!parsed.ok) return invalid(parsed.problems);
    return resultOf(await updateCuratedDataset(ctx.db, parsed.record, actorOf(ctx), utcToday()), ctx);
  },

  async withdrawDataset(_: unknown, args: { id: string; reason: string }, ctx: CatalogContext) {
    requireRole(ctx.caller, CURATOR_ROLES);
    const reason = args.reason.trim();
    if (reason.length < 5 || reason.length > MAX_REASON_LENGTH) {
      return invalid([{ field: 'reason', message: `give a reason of 5 to ${MAX_REASON_LENGTH} characters` }]);
    }
    return resultOf(await withdrawCuratedDataset(ctx.db, args.id, reason, actorOf(ctx)), ctx);
  },
};
