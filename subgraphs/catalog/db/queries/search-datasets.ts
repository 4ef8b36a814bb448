import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { queryRows } from '../../../../platform/db/rows.js';
import type { Language } from '../../../../platform/graphql/language.js';
import { codesInMask, maskOf } from '../../model/code-mask.js';
import { codingSystems } from '../../vocabulary/coding-systems.js';
import { countries } from '../../vocabulary/countries.js';
import { dataThemes } from '../../vocabulary/data-themes.js';
import { healthCategories } from '../../vocabulary/health-categories.js';
import { healthThemes } from '../../vocabulary/health-themes.js';
import type { Vocabulary } from '../../vocabulary/term.js';
import { catalogueCountry, LOCAL_SOURCE } from '../../model/catalogue-country.js';

/** The fields the catalogue counts facets for. */
export const FACET_FIELDS = [
  'HEALTH_CATEGORY',
  'HEALTH_THEME',
  'DATA_THEME',
  'PUBLISHER',
  'ACCESS_RIGHTS',
  'COUNTRY',
  'CODING_SYSTEM',
  'SOURCE',
  'SOURCE_COUNTRY',
] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** How many values of one facet are returned at most (the most frequent first). */
export const MAX_FACET_VALUES = 50;

/** Filters, combined with AND; the values inside one filter are combined with OR. */
export interface DatasetFilterParams {
  healthCategories?: readonly string[] | undefined;
  healthThemes?: readonly string[] | undefined;
  dataThemes?: readonly string[] | undefined;
  publishers?: readonly string[] | undefined;
  accessRights?: readonly string[] | undefined;
  countries?: readonly string[] | undefined;
  codingSystems?: readonly string[] | undefined;
  /** Harvest source ids, `local` for the catalogue's own datasets. */
  sources?: readonly string[] | undefined;
  /** Countries of the catalogues datasets come from (`catalogueCountry()` for the catalogue's own). */
  sourceCountries?: readonly string[] | undefined;
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
  /** Compute the total count. */
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

/** Memory for one search's matches, so that 100,000 of them never spill to disk. */
const SEARCH_WORK_MEM = '32MB';

/** Facets stored as bit masks, with the vocabulary that decodes them. */
const maskedFacets: Record<'HEALTH_CATEGORY' | 'HEALTH_THEME' | 'DATA_THEME' | 'COUNTRY' | 'CODING_SYSTEM', { column: string; vocabulary: Vocabulary<string> }> = {
  HEALTH_CATEGORY: { column: 'health_category_mask', vocabulary: healthCategories },
  HEALTH_THEME: { column: 'health_theme_mask', vocabulary: healthThemes },
  DATA_THEME: { column: 'data_theme_mask', vocabulary: dataThemes },
  COUNTRY: { column: 'country_mask', vocabulary: countries },
  CODING_SYSTEM: { column: 'coding_system_mask', vocabulary: codingSystems },
};

/** Facets stored as plain text columns. */
const plainFacets = { PUBLISHER: 'publisher_id', ACCESS_RIGHTS: 'access_rights', SOURCE: 'source_id' } as const;

function filterConditions(filter: DatasetFilterParams): SQL[] {
  const conditions: SQL[] = [];
  const masked = (values: readonly string[] | undefined, field: keyof typeof maskedFacets) => {
    if (!values || values.length === 0) return;
    const { column, vocabulary } = maskedFacets[field];
    conditions.push(sql`(m.${sql.raw(column)} & ${maskOf(vocabulary, values)}::bigint) <> 0`);
  };
  const plain = (values: readonly string[] | undefined, column: string) => {
    if (!values || values.length === 0) return;
    conditions.push(sql`m.${sql.raw(column)} = ANY(${sql.param([...values])}::text[])`);
  };
  masked(filter.healthCategories, 'HEALTH_CATEGORY');
  masked(filter.healthThemes, 'HEALTH_THEME');
  masked(filter.dataThemes, 'DATA_THEME');
  masked(filter.countries, 'COUNTRY');
  masked(filter.codingSystems, 'CODING_SYSTEM');
  plain(filter.publishers, plainFacets.PUBLISHER);
  plain(filter.accessRights, plainFacets.ACCESS_RIGHTS);
  plain(filter.sources, plainFacets.SOURCE);
  if (filter.sourceCountries && filter.sourceCountries.length > 0) {
    const codes = sql.param([...filter.sourceCountries]);
    const ownIncluded = filter.sourceCountries.includes(catalogueCountry());
    conditions.push(
      sql`(m.source_id IN (SELECT h.id FROM catalog.harvest_source h WHERE h.country = ANY(${codes}::text[]))${ownIncluded ? sql` OR m.source_id = ${LOCAL_SOURCE}` : sql``})`,
    );
  }
  if (filter.temporalFrom !== undefined || filter.temporalTo !== undefined) {
    conditions.push(sql`(m.temporal_start IS NOT NULL OR m.temporal_end IS NOT NULL)`);
    if (filter.temporalFrom !== undefined) {
      conditions.push(sql`(m.temporal_end IS NULL OR m.temporal_end >= ${filter.temporalFrom}::date)`);
    }
    if (filter.temporalTo !== undefined) {
      conditions.push(sql`(m.temporal_start IS NULL OR m.temporal_start <= ${filter.temporalTo}::date)`);
    }
  }
  return conditions;
}

/**
 * What a search reads (`from`, the search rows as `m`, with the text query as `q` when there are words)
 * and the conditions a row must meet to match the words and the filter.
 */
function matchesOf(words: string | undefined, filter: DatasetFilterParams): { hasSearch: boolean; from: SQL; conditions: SQL[] } {
  const search = words?.trim() ?? '';
  const hasSearch = search.length > 0;
  const conditions = filterConditions(filter);
  if (hasSearch) conditions.unshift(sql`m.document @@ q.query`);
  const from = hasSearch ? sql`(SELECT catalog.search_query(${search}) AS query) q, catalog.dataset_search m` : sql`catalog.dataset_search m`;
  return { hasSearch, from, conditions };
}

function sortKeyOf(order: DatasetOrder, language: Language, hasSearch: boolean): { key: SQL; cast: SQL; descending: boolean } {
  switch (order) {
    case 'RELEVANCE':
      return { key: hasSearch ? sql`ts_rank(m.head, q.query)::float8` : sql`0::float8`, cast: sql.raw('float8'), descending: true };
    case 'TITLE':
      return { key: sql.raw(language === 'fr' ? 'm.title_key_fr' : 'm.title_key_en'), cast: sql.raw('text'), descending: false };
    case 'RECENTLY_MODIFIED':
      return { key: sql`m.modified_key`, cast: sql.raw('date'), descending: true };
  }
}

/**
 * Ranked, filtered, faceted search over the search rows (`catalog.dataset_search`), in two statements
 * that run at the same time on two connections (one after the other on PGlite): the page, and the
 * counts (total and facets). Each reads the matches once; splitting them lets a broad search use both
 * cores instead of one, for about half the wait.
 *
 * - Matching goes through the GIN index of the full document (titles, keywords, descriptions).
 * - Relevance is `ts_rank` over titles (weight A) and keywords (B); a dataset matching in its description
 *   only scores 0 and comes after, in catalogue order. Ranking this small in-row vector instead of the
 *   whole document is what keeps a search over 60,000 matches fast (docs/decisions.md).
 * - Facets are one GROUPING SETS pass over integer masks and two text columns, decoded here.
 * - Ordering is total (ties broken by insertion sequence), so keyset cursors never skip or repeat.
 * The two statements read separate snapshots: a write landing between them can make the total differ
 * by that write from the page, never more.
 */
export async function searchDatasets(db: Db, params: SearchDatasetsParams): Promise<SearchDatasetsResult> {
  const { hasSearch, from, conditions } = matchesOf(params.search, params.filter);
  const where = conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const sort = sortKeyOf(params.order, params.language, hasSearch);
  const direction = sort.descending ? sql.raw('DESC') : sql.raw('ASC');
  const comparison = sort.descending ? sql.raw('<') : sql.raw('>');
  const pageConditions = params.after
    ? [
        ...conditions,
        sql`(${sort.key} ${comparison} ${params.after.sortKey}::${sort.cast} OR (${sort.key} = ${params.after.sortKey}::${sort.cast} AND m.seq > ${params.after.seq}))`,
      ]
    : conditions;
  const pageWhere = pageConditions.length > 0 ? sql`WHERE ${sql.join(pageConditions, sql` AND `)}` : sql``;

  const pageStatement = sql`
    SELECT coalesce(json_agg(json_build_array(s.id, page.sort_key, page.seq) ORDER BY page.sort_key ${direction}, page.seq ASC), '[]'::json) AS page
    FROM (
      SELECT m.seq, ${sort.key} AS sort_key
      FROM ${from}
      ${pageWhere}
      ORDER BY 2 ${direction}, 1 ASC
      LIMIT ${params.first + 1}
    ) page JOIN catalog.dataset_search s ON s.seq = page.seq`;

  const countStatement = params.withFacets
    ? sql`
    SELECT coalesce(json_agg(json_build_array(g, k, n)), '[]'::json) AS groups FROM (
      SELECT
        GROUPING(publisher_id, access_rights, health_category_mask, health_theme_mask, data_theme_mask, country_mask, coding_system_mask, source_id) AS g,
        coalesce(publisher_id, access_rights, health_category_mask::text, health_theme_mask::text, data_theme_mask::text, country_mask::text, coding_system_mask::text, source_id) AS k,
        count(*)::int AS n
      FROM ${from}
      ${where}
      GROUP BY GROUPING SETS ((), (publisher_id), (access_rights), (health_category_mask), (health_theme_mask), (data_theme_mask), (country_mask), (coding_system_mask), (source_id))
    ) f`
    : sql`SELECT json_build_array(json_build_array(${ALL_GROUPED}::int, ''::text, count(*)::int)) AS groups FROM ${from} ${where}`;

  const [pageRow, countRow] = await Promise.all([
    runSearchStatement<{ page: unknown }>(db, pageStatement, hasSearch),
    params.withTotal || params.withFacets ? runSearchStatement<{ groups: unknown }>(db, countStatement, hasSearch) : undefined,
  ]);
  const page = parseJson<[string, string | number, number][]>(pageRow.page);
  const counts = countRow ? decodeCounts(parseJson<[number, string, number][]>(countRow.groups)) : null;
  if (counts && params.withFacets) counts.facets.SOURCE_COUNTRY = await sourceCountryCounts(db, counts.facets.SOURCE);
  return {
    hits: page.slice(0, params.first).map(([id, sortKey, seq]) => ({
      id,
      position: { sortKey, seq },
      score: params.order === 'RELEVANCE' && typeof sortKey === 'number' ? sortKey : 0,
    })),
    hasNextPage: page.length > params.first,
    total: params.withTotal ? (counts?.total ?? 0) : null,
    facets: params.withFacets ? (counts?.facets ?? null) : null,
  };
}

/**
 * Runs one search statement and returns its single row. With a text search, inside a transaction that
 * makes the planner use the GIN index: it prices a scan matching most rows as cheaper, not knowing that it
 * would then detoast every out-of-line document (ten times slower here); and it gives the statement enough
 * memory to keep 100,000 matches off disk. Parallel workers are turned off: each would start a fresh
 * backend that loads the text-search dictionaries again, which costs more than it saves (the two
 * statements of a search already run side by side). The settings end with the transaction.
 */
async function runSearchStatement<Row>(db: Db, statement: SQL, hasSearch: boolean): Promise<Row> {
  const rows = hasSearch
    ? await db.transaction(async (tx) => {
        await tx.execute(
          sql`SELECT set_config('enable_seqscan', 'off', true), set_config('work_mem', ${SEARCH_WORK_MEM}, true), set_config('max_parallel_workers_per_gather', '0', true)`,
        );
        return queryRows<Row>(tx, statement);
      })
    : await queryRows<Row>(db, statement);
  const [row] = rows;
  if (!row) throw new Error('search statement returned no row');
  return row;
}

/**
 * The GROUPING() bit pattern of each grouping set, in the order of the GROUPING(...) arguments above:
 * the grouped column's bit is 0, the seven others are 1.
 */
const groupingOrder: FacetField[] = ['PUBLISHER', 'ACCESS_RIGHTS', 'HEALTH_CATEGORY', 'HEALTH_THEME', 'DATA_THEME', 'COUNTRY', 'CODING_SYSTEM', 'SOURCE'];
/** GROUPING() of the empty grouping set: every column aggregated away; its count is the total. */
const ALL_GROUPED = 0b11111111;
const fieldOfGrouping = new Map(groupingOrder.map((field, i) => [ALL_GROUPED ^ (1 << (groupingOrder.length - 1 - i)), field]));

/** Turns (grouping, key, count) rows into the total and per-field counts, expanding masks into their codes. */
function decodeCounts(groups: [number, string, number][]): { total: number; facets: Record<FacetField, FacetCount[]> } {
  const counts = Object.fromEntries(FACET_FIELDS.map((f) => [f, new Map<string, number>()])) as Record<FacetField, Map<string, number>>;
  let total = 0;
  for (const [grouping, key, n] of groups) {
    if (grouping === ALL_GROUPED) {
      total = n;
      continue;
    }
    const field = fieldOfGrouping.get(grouping);
    if (!field) continue;
    const values = field in maskedFacets ? codesInMask(maskedFacets[field as keyof typeof maskedFacets].vocabulary, Number(key)) : [key];
    for (const value of values) counts[field].set(value, (counts[field].get(value) ?? 0) + n);
  }
  const facets = Object.fromEntries(
    FACET_FIELDS.map((field) => [
      field,
      [...counts[field].entries()]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
        .slice(0, MAX_FACET_VALUES),
    ]),
  ) as Record<FacetField, FacetCount[]>;
  return { total, facets };
}

/**
 * The SOURCE_COUNTRY facet from the SOURCE one: each source's count under its country, the catalogue's
 * own datasets under `catalogueCountry()`. Sources are read only when a harvested dataset matched.
 */
async function sourceCountryCounts(db: Db, bySource: readonly FacetCount[]): Promise<FacetCount[]> {
  const harvested = bySource.filter((c) => c.value !== LOCAL_SOURCE).map((c) => c.value);
  const countryOf = new Map<string, string>([[LOCAL_SOURCE, catalogueCountry()]]);
  if (harvested.length > 0) {
    const rows = await queryRows<{ id: string; country: string }>(db, sql`SELECT id, country FROM catalog.harvest_source WHERE id = ANY(${sql.param(harvested)}::text[])`);
    for (const row of rows) countryOf.set(row.id, row.country);
  }
  const byCountry = new Map<string, number>();
  for (const { value, count } of bySource) {
    const country = countryOf.get(value);
    if (country !== undefined) byCountry.set(country, (byCountry.get(country) ?? 0) + count);
  }
  return [...byCountry.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

/** node-postgres parses json columns, PGlite may hand back text: accept both. */
function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * The ids of the datasets that `search` and `filter` match now, as `searchDatasets` would find them: of
 * those in `among` when given (a few hundred at most), else of the whole catalogue, at most `limit`, in
 * catalogue order.
 */
export async function matchingDatasetIds(
  db: Db,
  criteria: { search?: string | undefined; filter: DatasetFilterParams },
  options: { among?: readonly string[] | undefined; limit: number },
): Promise<string[]> {
  if (options.among?.length === 0) return [];
  const { hasSearch, from, conditions } = matchesOf(criteria.search, criteria.filter);
  if (options.among) conditions.unshift(sql`m.seq = ANY(SELECT d.seq FROM catalog.dataset d WHERE d.id = ANY(${sql.param([...options.among])}::text[]))`);
  const where = conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const statement = sql`SELECT coalesce(json_agg(id), '[]'::json) AS ids FROM (SELECT m.id FROM ${from} ${where} ORDER BY m.seq LIMIT ${options.limit}) found`;
  // A few named datasets are found by their keys; the whole catalogue as a search is.
  const row = options.among
    ? (await queryRows<{ ids: unknown }>(db, statement))[0]
    : await runSearchStatement<{ ids: unknown }>(db, statement, hasSearch);
  return parseJson<string[]>(row?.ids ?? []);
}
