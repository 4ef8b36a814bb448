import type { CatalogContext } from '../context.js';
import type { FacetField } from '../db/queries/search-datasets.js';
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

/** The human label of a facet value in the request's language (publisher names go through the loader). */
export async function facetLabel(field: FacetField, value: string, ctx: CatalogContext): Promise<string> {
  if (field === 'PUBLISHER') {
    const holder = await ctx.loaders.dataHolder.load(value);
    return holder?.name ?? value;
  }
  return termOf(vocabularyOf[field], value, ctx.language).label;
}
