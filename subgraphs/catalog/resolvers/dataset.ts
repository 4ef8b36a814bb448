import type { GraphQLResolveInfo } from 'graphql';
import { pick } from '../../../platform/graphql/language.js';
import type { CatalogContext } from '../context.js';
import type { DatasetRow } from '../db/queries/datasets.js';
import type { DescribedTermJson } from '../db/schema/dataset.js';
import { accessRights } from '../vocabulary/access-rights.js';
import { codingSystems, officialCodingSystemCode, type CodingSystemCode } from '../vocabulary/coding-systems.js';
import { countries } from '../vocabulary/countries.js';
import { dataThemes } from '../vocabulary/data-themes.js';
import { frequencies } from '../vocabulary/frequencies.js';
import { healthCategories } from '../vocabulary/health-categories.js';
import { healthThemes } from '../vocabulary/health-themes.js';
import { legalBases } from '../vocabulary/legal-bases.js';
import { legislation } from '../vocabulary/legislation.js';
import { personalData } from '../vocabulary/personal-data.js';
import { purposes } from '../vocabulary/purposes.js';
import { historyConnection } from './history.js';
import { termOf, termsOf } from './term.js';

type Resolver<T> = (row: DatasetRow, args: unknown, ctx: CatalogContext) => T;

/** Purposes or legal bases described in words, in the request's language. */
function described(terms: readonly DescribedTermJson[] | undefined, ctx: CatalogContext) {
  return (terms ?? []).map((t) => ({ description: pick(t.description, ctx.language) ?? '', source: t.source ?? null }));
}

/** Resolvers of `Dataset`; the parent is a row of `catalog.dataset`. */
export const Dataset = {
  __resolveReference: (ref: { id: string }, ctx: CatalogContext) => ctx.loaders.dataset.load(ref.id),
  title: ((row, _args, ctx) => pick({ fr: row.titleFr, en: row.titleEn }, ctx.language) ?? row.id) satisfies Resolver<string>,
  description: ((row, _args, ctx) => pick({ fr: row.descriptionFr, en: row.descriptionEn }, ctx.language) ?? '') satisfies Resolver<string>,
  titleTranslations: (row: DatasetRow) => ({ fr: row.titleFr, en: row.titleEn }),
  descriptionTranslations: (row: DatasetRow) => ({ fr: row.descriptionFr, en: row.descriptionEn }),
  keywords: ((row, _args, ctx) => {
    const [mine, other] = ctx.language === 'fr' ? [row.keywordsFr, row.keywordsEn] : [row.keywordsEn, row.keywordsFr];
    return mine.length > 0 ? mine : other;
  }) satisfies Resolver<string[]>,
  keywordTranslations: (row: DatasetRow) => ({ fr: row.keywordsFr, en: row.keywordsEn }),
  themes: ((row, _a, ctx) => termsOf(dataThemes, row.themes, ctx.language)) satisfies Resolver<unknown>,
  healthCategories: ((row, _a, ctx) => termsOf(healthCategories, row.healthCategories, ctx.language)) satisfies Resolver<unknown>,
  healthThemes: ((row, _a, ctx) => termsOf(healthThemes, row.healthThemes, ctx.language)) satisfies Resolver<unknown>,
  accessRights: ((row, _a, ctx) => termOf(accessRights, row.accessRights, ctx.language)) satisfies Resolver<unknown>,
  applicableLegislation: ((row, _a, ctx) => termsOf(legislation, row.applicableLegislation, ctx.language)) satisfies Resolver<unknown>,
  publisher: ((row, _a, ctx) => ctx.loaders.dataHolder.load(row.publisherId)) satisfies Resolver<unknown>,
  custodian: ((row, _a, ctx) => (row.custodianId ? ctx.loaders.dataHolder.load(row.custodianId) : null)) satisfies Resolver<unknown>,
  accessBody: ((row, _a, ctx) => (row.accessBodyId ? ctx.loaders.dataHolder.load(row.accessBodyId) : null)) satisfies Resolver<unknown>,
  temporalCoverage: (row: DatasetRow) =>
    row.temporalStart || row.temporalEnd ? { start: row.temporalStart, end: row.temporalEnd } : null,
  spatialCoverage: ((row, _a, ctx) => termsOf(countries, row.spatial, ctx.language)) satisfies Resolver<unknown>,
  spatialDetail: ((row, _a, ctx) => pick(row.spatialDetail, ctx.language)) satisfies Resolver<unknown>,
  codingSystems: ((row, _a, ctx) =>
    termsOf(codingSystems, row.codingSystems, ctx.language).map((t) => ({
      ...t,
      officialCode: officialCodingSystemCode(t.code as CodingSystemCode),
    }))) satisfies Resolver<unknown>,
  populationCoverage: ((row, _a, ctx) => pick(row.populationCoverage, ctx.language)) satisfies Resolver<unknown>,
  personalData: ((row, _a, ctx) => termsOf(personalData, row.personalData, ctx.language)) satisfies Resolver<unknown>,
  legalBasis: ((row, _a, ctx) => termsOf(legalBases, row.legalBasis, ctx.language)) satisfies Resolver<unknown>,
  purposes: ((row, _a, ctx) => termsOf(purposes, row.purposes, ctx.language)) satisfies Resolver<unknown>,
  retentionPeriod: ((row, _a, ctx) => pick(row.retentionPeriod, ctx.language)) satisfies Resolver<unknown>,
  frequency: ((row, _a, ctx) => (row.frequency ? termOf(frequencies, row.frequency, ctx.language) : null)) satisfies Resolver<unknown>,
  distributions: ((row, _a, ctx) => ctx.loaders.distributions.load(row.id)) satisfies Resolver<unknown>,
  samples: ((row, _a, ctx) => ctx.loaders.samples.load(row.id)) satisfies Resolver<unknown>,
  analytics: ((row, _a, ctx) => ctx.loaders.analytics.load(row.id)) satisfies Resolver<unknown>,
  otherIdentifiers: (row: DatasetRow) => row.details.otherIdentifiers ?? [],
  codeValues: (row: DatasetRow) => row.details.codeValues ?? [],
  datasetType: (row: DatasetRow) => row.details.datasetType ?? null,
  provenance: ((row, _a, ctx) => pick(row.details.provenance ?? null, ctx.language)) satisfies Resolver<unknown>,
  otherPurposes: ((row, _a, ctx) => described(row.details.otherPurposes, ctx)) satisfies Resolver<unknown>,
  otherLegalBases: ((row, _a, ctx) => described(row.details.otherLegalBases, ctx)) satisfies Resolver<unknown>,
  retentionDates: (row: DatasetRow) =>
    row.details.retentionStart || row.details.retentionEnd ? { start: row.details.retentionStart ?? null, end: row.details.retentionEnd ?? null } : null,
  sourceIri: (row: DatasetRow) => row.sourceIri,
  source: (async (row, _a, ctx) => {
    if (row.harvestSourceId === null) return null;
    const source = await ctx.loaders.harvestSource.load(row.harvestSourceId);
    if (!source) return null;
    return {
      id: source.id,
      name: source.name,
      country: termOf(countries, source.country, ctx.language),
      iri: row.sourceIri ?? '',
      harvestedAt: row.harvestedAt?.toISOString() ?? null,
    };
  }) satisfies Resolver<unknown>,
  history: (row: DatasetRow, args: { first?: number | null; after?: string | null }, ctx: CatalogContext, info: GraphQLResolveInfo) =>
    historyConnection(row.id, args, ctx, info),
};
