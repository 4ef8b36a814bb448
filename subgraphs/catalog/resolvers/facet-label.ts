import type { CatalogContext } from '../context.js';
import { FACET_FIELDS, type FacetCount, type FacetField } from '../db/queries/search-datasets.js';
import { accessRights } from '../vocabulary/access-rights.js';
import { codingSystems } from '../vocabulary/coding-systems.js';
import { countries } from '../vocabulary/countries.js';
import { dataThemes } from '../vocabulary/data-themes.js';
import { healthCategories } from '../vocabulary/health-categories.js';
import { healthThemes } from '../vocabulary/health-themes.js';
import type { Vocabulary } from '../vocabulary/term.js';
import { termOf } from './term.js';

const vocabularyOf: Record<Exclude<FacetField, 'PUBLISHER'>, Vocabulary<string>> = {
  HEALTH_CATEGORY: healthCategories,
  HEALTH_THEME: healthThemes,
  DATA_THEME: dataThemes,
  ACCESS_RIGHTS: accessRights,
  COUNTRY: countries,
  CODING_SYSTEM: codingSystems,
};

/**
 * The facets of a search with their labels in the request's language: vocabulary labels for codes, and
 * data holder names (one batched load) for publishers.
 */
export async function labelFacets(facets: Record<FacetField, FacetCount[]>, ctx: CatalogContext) {
  const holders = await ctx.loaders.dataHolder.loadMany(facets.PUBLISHER.map((v) => v.value));
  const holderName = new Map<string, string>();
  for (const holder of holders) if (holder && !(holder instanceof Error)) holderName.set(holder.id, holder.name);
  return FACET_FIELDS.map((field) => ({
    field,
    values: facets[field].map(({ value, count }) => ({
      value,
      count,
      label: field === 'PUBLISHER' ? holderName.get(value) || value : termOf(vocabularyOf[field], value, ctx.language).label,
    })),
  }));
}
