import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/graphql/pagination.js';
import { cursorPositiveInteger, cursorText } from '../../../platform/graphql/cursor-position.js';
import { requireRole } from '../../../platform/graphql/require-role.js';
import type { CatalogContext } from '../context.js';
import { withdrawCuratedDataset } from '../db/queries/curate-datasets.js';
import {
  getHarvestRun,
  getHarvestSources,
  insertHarvestSource,
  listHarvestRuns,
  listHarvestSources,
  updateHarvestSource,
  type HarvestRunRow,
  type HarvestSourceRow,
} from '../db/queries/harvest-sources.js';
import { dataset } from '../db/schema/dataset.js';
import { harvestSource } from '../db/schema/harvest-source.js';
import { harvestActor } from '../harvest/apply-harvest.js';
import { LOCAL_SOURCE } from '../model/catalogue-country.js';
import { SLUG } from '../model/slug-of.js';
import { countries } from '../vocabulary/countries.js';
import { termOf } from './term.js';

/** Most sources one catalogue harvests. */
export const MAX_HARVEST_SOURCES = 100;

type ErrorCode = 'INVALID_INPUT' | 'ALREADY_EXISTS' | 'NOT_FOUND' | 'LIMIT_REACHED' | 'HARVEST_RUNNING';
const sourceFailure = (code: ErrorCode, message: string, field: string | null = null) => ({ source: null, error: { code, message, field } });
const runFailure = (code: ErrorCode, message: string) => ({ run: null, running: false, error: { code, message, field: null } });

const countryCode = z.string().refine((c) => c in countries && c !== 'UNKNOWN', 'must be an EU country code');
const httpUrl = z
  .string()
  .max(2000, 'may be at most 2000 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'must be an absolute http or https address without credentials');
const bounded = (min: number, max: number) => z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const settings = {
  name: z.string().trim().min(1, 'must not be blank').max(200, 'may be at most 200 characters'),
  url: httpUrl,
  format: z.enum(['TURTLE', 'JSON_LD', 'RDF_XML']),
  country: countryCode,
  mode: z.enum(['FULL', 'INCREMENTAL']),
  everyMinutes: bounded(5, 10_080).nullable(),
  enabled: z.boolean(),
  maxPages: bounded(1, 10_000),
  maxPageBytes: bounded(1024, 104_857_600),
  timeoutSeconds: bounded(5, 3600),
};
const registration = z.object({
  id: z
    .string()
    .max(40, 'may be at most 40 characters')
    .regex(SLUG, 'must be a lowercase slug such as "fi-findata"')
    .refine((id) => id !== LOCAL_SOURCE, `"${LOCAL_SOURCE}" stands for the catalogue's own datasets`),
  ...settings,
  format: settings.format.default('TURTLE'),
  mode: settings.mode.default('FULL'),
  everyMinutes: settings.everyMinutes.default(null),
  enabled: settings.enabled.default(true),
  maxPages: settings.maxPages.default(100),
  maxPageBytes: settings.maxPageBytes.default(20_000_000),
  timeoutSeconds: settings.timeoutSeconds.default(300),
});
const update = z.object(settings).partial();

/** The input without GraphQL's nulls for absent fields (`everyMinutes: null` is kept: it removes the schedule). */
function present(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([key, value]) => value !== null || key === 'everyMinutes'));
}

function invalid(error: z.ZodError) {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || null;
  return sourceFailure('INVALID_INPUT', `${field ?? 'input'}: ${issue?.message ?? 'invalid'}.`, field);
}

export const harvestMutations = {
  async registerHarvestSource(_: unknown, args: { input: Record<string, unknown> }, ctx: CatalogContext) {
    requireRole(ctx.caller, 'admin');
    const parsed = registration.safeParse(present(args.input));
    if (!parsed.success) return invalid(parsed.error);
    return ctx.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('catalog.harvest_source'))`);
      const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(harvestSource);
      if (Number(count?.n ?? 0) >= MAX_HARVEST_SOURCES) return sourceFailure('LIMIT_REACHED', `At most ${MAX_HARVEST_SOURCES} harvest sources; remove one first.`);
      const source = await insertHarvestSource(tx, parsed.data);
      return source ? { source, error: null } : sourceFailure('ALREADY_EXISTS', `A harvest source "${parsed.data.id}" is already registered.`, 'id');
    });
  },

  async updateHarvestSource(_: unknown, args: { id: string; input: Record<string, unknown> }, ctx: CatalogContext) {
    requireRole(ctx.caller, 'admin');
    const parsed = update.safeParse(present(args.input));
    if (!parsed.success) return invalid(parsed.error);
    const source = await ctx.db.transaction((tx) => updateHarvestSource(tx, args.id, parsed.data));
    if (!source) return sourceFailure('NOT_FOUND', `No harvest source "${args.id.slice(0, 100)}".`, 'id');
    return { source, error: null };
  },

  async deleteHarvestSource(_: unknown, args: { id: string }, ctx: CatalogContext) {
    requireRole(ctx.caller, 'admin');
    const [source] = await getHarvestSources(ctx.db, [args.id]);
    if (!source) return sourceFailure('NOT_FOUND', `No harvest source "${args.id.slice(0, 100)}".`, 'id');
    const done = await ctx.harvester.whileHeld(source.id, 600, () =>
      ctx.db.transaction(async (tx) => {
        const ids = await tx.select({ id: dataset.id }).from(dataset).where(eq(dataset.harvestSourceId, source.id));
        for (const { id } of ids) await withdrawCuratedDataset(tx, id, 'Its harvest source was removed.', harvestActor(source.id), 'harvest');
        await tx.delete(harvestSource).where(eq(harvestSource.id, source.id));
      }),
    );
    return done ? { source, error: null } : sourceFailure('HARVEST_RUNNING', `A run of "${source.id}" is in progress; remove the source once it is done.`);
  },

  async harvestNow(_: unknown, args: { id: string }, ctx: CatalogContext) {
    requireRole(ctx.caller, 'admin');
    const outcome = await ctx.harvester.runNow(args.id);
    if ('run' in outcome) return { run: outcome.run, running: false, error: null };
    if ('running' in outcome) return { run: null, running: true, error: null };
    return outcome.refused === 'NOT_FOUND'
      ? runFailure('NOT_FOUND', `No harvest source "${args.id.slice(0, 100)}".`)
      : runFailure('HARVEST_RUNNING', `A run of "${args.id.slice(0, 100)}" is in progress; its report will be in the source's runs.`);
  },
};

const sourcePosition = z.tuple([cursorText]);
const runPosition = z.tuple([cursorPositiveInteger]);

export const harvestQueries = {
  async harvestSources(_: unknown, args: { first?: number | null; after?: string | null }, ctx: CatalogContext) {
    requireRole(ctx.caller, 'admin');
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor('harvestSources', args.after, sourcePosition)[0] : undefined;
    const { rows, total } = await listHarvestSources(ctx.db, first, after);
    const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor('harvestSources', [node.id]), node }));
    return { totalCount: total, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  },
  async harvestSource(_: unknown, args: { id: string }, ctx: CatalogContext) {
    requireRole(ctx.caller, 'admin');
    return (await getHarvestSources(ctx.db, [args.id]))[0] ?? null;
  },
  async harvestRun(_: unknown, args: { id: string }, ctx: CatalogContext) {
    requireRole(ctx.caller, 'admin');
    const id = Number(args.id);
    return Number.isSafeInteger(id) && id > 0 ? await getHarvestRun(ctx.db, id) : null;
  },
};

export const HarvestSource = {
  country: (row: HarvestSourceRow, _: unknown, ctx: CatalogContext) => termOf(countries, row.country, ctx.language),
  lastSuccessAt: (row: HarvestSourceRow) => row.lastSuccessAt?.toISOString() ?? null,
  nextRunAt: (row: HarvestSourceRow) => row.nextRunAt?.toISOString() ?? null,
  running: (row: HarvestSourceRow) => row.runningUntil !== null && row.runningUntil.getTime() > Date.now(),
  datasetCount: async (row: HarvestSourceRow, _: unknown, ctx: CatalogContext) => {
    const [count] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(dataset).where(eq(dataset.harvestSourceId, row.id));
    return Number(count?.n ?? 0);
  },
  lastRun: (row: HarvestSourceRow, _: unknown, ctx: CatalogContext) => ctx.loaders.lastHarvestRun.load(row.id),
  async runs(row: HarvestSourceRow, args: { first?: number | null; after?: string | null }, ctx: CatalogContext) {
    const first = pageSize(args.first);
    const before = args.after ? decodeCursor('harvestRuns', args.after, runPosition)[0] : undefined;
    const { rows, total } = await listHarvestRuns(ctx.db, row.id, first, before);
    const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor('harvestRuns', [node.id]), node }));
    return { totalCount: total, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  },
};

export const HarvestRun = {
  id: (row: HarvestRunRow) => String(row.id),
  source: (row: HarvestRunRow, _: unknown, ctx: CatalogContext) => ctx.loaders.harvestSource.load(row.sourceId),
  startedAt: (row: HarvestRunRow) => row.startedAt.toISOString(),
  finishedAt: (row: HarvestRunRow) => row.finishedAt.toISOString(),
  durationMs: (row: HarvestRunRow) => row.finishedAt.getTime() - row.startedAt.getTime(),
  errors: (row: HarvestRunRow) => row.errors.map((e) => ({ ...e, status: e.status ?? null, line: e.line ?? null })),
};
