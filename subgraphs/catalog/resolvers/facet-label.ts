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
import { LOCAL_SOURCE } from '../model/catalogue-country.js';
import { getHarvestSources } from '../db/queries/harvest-sources.js';
import { catalogueDescription } from '../rdf/catalogue-description.js';

const vocabularyOf: Record<Exclude<FacetField, 'PUBLISHER' | 'SOURCE'>, Vocabulary<string>> = {
  HEALTH_CATEGORY: healthCategories,
  HEALTH_THEME: healthThemes,
  DATA_THEME: dataThemes,
  ACCESS_RIGHTS: accessRights,
  COUNTRY: countries,
  CODING_SYSTEM: codingSystems,
  SOURCE_COUNTRY: countries,
};

/**
 * The facets of a search with their labels in the request's language: vocabulary labels for codes, data
 * holder names (one batched load) for publishers, source names for sources (the catalogue's title for `local`).
 */
export async function labelFacets(facets: Record<FacetField, FacetCount[]>, ctx: CatalogContext) {
  const holders = await ctx.loaders.dataHolder.loadMany(facets.PUBLISHER.map((v) => v.value));
  const holderName = new Map<string, string>();
  for (const holder of holders) if (holder && !(holder instanceof Error)) holderName.set(holder.id, holder.name);
  const harvested = facets.SOURCE.map((v) => v.value).filter((v) => v !== LOCAL_SOURCE);
  const sourceName = new Map<string, string>([[LOCAL_SOURCE, catalogueDescription.title[ctx.language]]]);
  for (const source of await getHarvestSources(ctx.reads(), harvested)) sourceName.set(source.id, source.name);
  const labelOf = (field: FacetField, value: string): string => {
    if (field === 'PUBLISHER') return holderName.get(value) || value;
    if (field === 'SOURCE') return sourceName.get(value) ?? value;
    return termOf(vocabularyOf[field], value, ctx.language).label;
  };
  return FACET_FIELDS.map((field) => ({
    field,
    values: facets[field].map(({ value, count }) => ({ value, count, label: labelOf(field, value) })),
  }));
}
