import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { queryRows } from '../../../../platform/db/rows.js';
import type { Language } from '../../../../platform/graphql/language.js';

/** The fields the catalogue counts facets for. */
export const FACET_FIELDS = [
  'HEALTH_CATEGORY',
  'HEALTH_THEME',
  'DATA_THEME',
  'PUBLISHER',
  'ACCESS_RIGHTS',
  'COUNTRY',
  'CODING_SYSTEM',
] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** How many values of one facet are returned at most (the most frequent first). */
export const MAX_FACET_VALUES = 50;

/** Filters, combined with AND; the values inside one filter are combined with OR. */
export interface DatasetFilterParams {
  healthCategories?: readonly string[];
  healthThemes?: readonly string[];
  dataThemes?: readonly string[];
  publishers?: readonly string[];
  accessRights?: readonly string[];
  countries?: readonly string[];
  codingSystems?: readonly string[];
  /** Keep datasets whose temporal coverage overlaps [temporalFrom, temporalTo] (ISO dates, either may be open). */
  temporalFrom?: string | undefined;
  temporalTo?: string | undefined;
}

export type DatasetOrder = 'RELEVANCE' | 'TITLE' | 'RECENTLY_MODIFIED';

/** Where a page starts: the sort key and insertion sequence of the last item of the previous page. */
export interface SearchPosition {
  sortKey: string | number;
  seq: number;
}

export interface SearchDatasetsParams {
  /** The user's words, already length-checked. Absent or blank: no text condition. */
  search?: string | undefined;
  filter: DatasetFilterParams;
  order: DatasetOrder;
  /** The language whose titles TITLE ordering uses. */
  language: Language;
  /** Page size; one more row is read to tell whether a next page exists. */
  first: number;
  after?: SearchPosition | undefined;
  /** Compute the total count (it costs a count over every match). */
  withTotal: boolean;
  /** Compute facet counts. */
  withFacets: boolean;
}

export interface SearchHit {
  id: string;
  position: SearchPosition;
  /** Relevance score (0 without a search). */
  score: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchDatasetsResult {
  hits: SearchHit[];
  hasNextPage: boolean;
  total: number | null;
  facets: Record<FacetField, FacetCount[]> | null;
}

const facetSources: Record<FacetField, { column: SQL; array: boolean }> = {
  HEALTH_CATEGORY: { column: sql.raw('health_categories'), array: true },
  HEALTH_THEME: { column: sql.raw('health_themes'), array: true },
  DATA_THEME: { column: sql.raw('themes'), array: true },
  PUBLISHER: { column: sql.raw('publisher_id'), array: false },
  ACCESS_RIGHTS: { column: sql.raw('access_rights'), array: false },
  COUNTRY: { column: sql.raw('spatial'), array: true },
  CODING_SYSTEM: { column: sql.raw('coding_systems'), array: true },
};

function filterConditions(filter: DatasetFilterParams): SQL[] {
  const conditions: SQL[] = [];
  const anyOf = (column: string, values: readonly string[] | undefined, array: boolean) => {
    if (!values || values.length === 0) return;
    const list = sql`${sql.param([...values])}::text[]`;
    conditions.push(array ? sql`d.${sql.raw(column)} && ${list}` : sql`d.${sql.raw(column)} = ANY(${list})`);
  };
  anyOf('health_categories', filter.healthCategories, true);
  anyOf('health_themes', filter.healthThemes, true);
  anyOf('themes', filter.dataThemes, true);
  anyOf('publisher_id', filter.publishers, false);
  anyOf('access_rights', filter.accessRights, false);
  anyOf('spatial', filter.countries, true);
  anyOf('coding_systems', filter.codingSystems, true);
  if (filter.temporalFrom !== undefined || filter.temporalTo !== undefined) {
    conditions.push(sql`(d.temporal_start IS NOT NULL OR d.temporal_end IS NOT NULL)`);
    if (filter.temporalFrom !== undefined) {
      conditions.push(sql`(d.temporal_end IS NULL OR d.temporal_end >= ${filter.temporalFrom}::date)`);
    }
    if (filter.temporalTo !== undefined) {
      conditions.push(sql`(d.temporal_start IS NULL OR d.temporal_start <= ${filter.temporalTo}::date)`);
    }
  }
  return conditions;
}

function sortKeyOf(order: DatasetOrder, language: Language, hasSearch: boolean): { key: SQL; cast: SQL; descending: boolean } {
  switch (order) {
    case 'RELEVANCE':
      return hasSearch
        ? { key: sql`(ts_rank(d.search_document, q.query) + d.boost)::float8`, cast: sql.raw('float8'), descending: true }
        : { key: sql`0::float8`, cast: sql.raw('float8'), descending: true };
    case 'TITLE': {
      const [first, second] = language === 'fr' ? ['title_fr', 'title_en'] : ['title_en', 'title_fr'];
      return {
        key: sql`lower(unaccent(coalesce(d.${sql.raw(first)}, d.${sql.raw(second)}, '')))`,
        cast: sql.raw('text'),
        descending: false,
      };
    }
    case 'RECENTLY_MODIFIED':
      return { key: sql`coalesce(d.modified, d.issued, DATE '0001-01-01')::text`, cast: sql.raw('text'), descending: true };
  }
}

/**
 * Ranked, filtered, faceted search in one statement. The matches are computed once (a materialised CTE);
 * the page, the total and the facet counts are all read from them, so totals and facets always describe
 * exactly the set being paged. Ordering is total: ties are broken by insertion sequence, so keyset
 * cursors never skip or repeat an item.
 */
export async function searchDatasets(db: Db, params: SearchDatasetsParams): Promise<SearchDatasetsResult> {
  const search = params.search?.trim() ?? '';
  const hasSearch = search.length > 0;
  const conditions = filterConditions(params.filter);
  if (hasSearch) conditions.unshift(sql`d.search_document @@ q.query`);
  const where = conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const from = hasSearch
    ? sql`catalog.dataset d, (SELECT catalog.search_query(${search}) AS query) q`
    : sql`catalog.dataset d`;
  const sort = sortKeyOf(params.order, params.language, hasSearch);
  const direction = sort.descending ? sql.raw('DESC') : sql.raw('ASC');
  const after = params.after
    ? sort.descending
      ? sql`WHERE (sort_key < ${params.after.sortKey}::${sort.cast} OR (sort_key = ${params.after.sortKey}::${sort.cast} AND seq > ${params.after.seq}))`
      : sql`WHERE (sort_key > ${params.after.sortKey}::${sort.cast} OR (sort_key = ${params.after.sortKey}::${sort.cast} AND seq > ${params.after.seq}))`
    : sql``;

  const facetColumns = params.withFacets ? sql`, d.health_categories, d.health_themes, d.themes, d.publisher_id, d.access_rights, d.spatial, d.coding_systems` : sql``;
  const facetQueries = FACET_FIELDS.map((field) => {
    const { column, array } = facetSources[field];
    const value = array ? sql`v` : column;
    const source = array ? sql`matched, unnest(matched.${column}) AS v` : sql`matched`;
    return sql`(SELECT coalesce(json_agg(json_build_array(value, n) ORDER BY n DESC, value), '[]'::json) FROM (
      SELECT ${value} AS value, count(*)::int AS n FROM ${source} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${MAX_FACET_VALUES}
    ) f) AS ${sql.identifier(`facet_${field}`)}`;
  });

  const statement = sql`
    WITH matched AS MATERIALIZED (
      SELECT d.id, d.seq, ${sort.key} AS sort_key ${facetColumns}
      FROM ${from}
      ${where}
    ),
    page AS (
      SELECT id, seq, sort_key FROM matched ${after} ORDER BY sort_key ${direction}, seq ASC LIMIT ${params.first + 1}
    )
    SELECT
      (SELECT coalesce(json_agg(json_build_array(id, sort_key, seq) ORDER BY sort_key ${direction}, seq ASC), '[]'::json) FROM page) AS page
      ${params.withTotal ? sql`, (SELECT count(*)::int FROM matched) AS total` : sql``}
      ${params.withFacets ? sql`, ${sql.join(facetQueries, sql`, `)}` : sql``}
  `;
  const [row] = await queryRows<Record<string, unknown>>(db, statement);
  if (!row) throw new Error('search returned no row');
  const page = parseJson<[string, string | number, number][]>(row.page);
  const hits = page.slice(0, params.first).map(([id, sortKey, seq]) => ({
    id,
    position: { sortKey, seq },
    score: params.order === 'RELEVANCE' && typeof sortKey === 'number' ? sortKey : 0,
  }));
  let facets: Record<FacetField, FacetCount[]> | null = null;
  if (params.withFacets) {
    facets = Object.fromEntries(
      FACET_FIELDS.map((field) => [
        field,
        parseJson<[string, number][]>(row[`facet_${field}`]).map(([value, count]) => ({ value, count })),
      ]),
    ) as Record<FacetField, FacetCount[]>;
  }
  return {
    hits,
    hasNextPage: page.length > params.first,
    total: params.withTotal ? Number(row.total) : null,
    facets,
  };
}

/** node-postgres parses json columns, PGlite may hand back text: accept both. */
function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
