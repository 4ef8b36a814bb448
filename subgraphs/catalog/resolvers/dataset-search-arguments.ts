import { ErrorCode, apiError, badInput } from '../../../platform/graphql/errors.js';
import type { Language } from '../../../platform/graphql/language.js';
import { z } from 'zod';
import { cursorDate, cursorScore, cursorSequence, cursorText } from '../../../platform/graphql/cursor-position.js';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/graphql/pagination.js';
import type { DatasetFilterParams, DatasetOrder, SearchPosition } from '../db/queries/search-datasets.js';

/** Longest search string accepted, in characters. */
export const MAX_SEARCH_LENGTH = 200;
/** Most words a search may have. */
export const MAX_SEARCH_WORDS = 20;
/** Most values one filter field may list. */
export const MAX_FILTER_VALUES = 100;

export interface DatasetFilterInput {
  healthCategories?: string[] | null;
  healthThemes?: string[] | null;
  dataThemes?: string[] | null;
  publishers?: string[] | null;
  accessRights?: string[] | null;
  countries?: string[] | null;
  codingSystems?: string[] | null;
  temporal?: { start?: string | null; end?: string | null } | null;
  sources?: string[] | null;
  sourceCountries?: string[] | null;
}

export interface DatasetsArgs {
  search?: string | null;
  filter?: DatasetFilterInput | null;
  orderBy?: DatasetOrder | null;
  first?: number | null;
  after?: string | null;
}

/** The validated form of `Query.datasets` arguments. */
export interface DatasetSearchRequest {
  search: string | undefined;
  filter: DatasetFilterParams;
  order: DatasetOrder;
  first: number;
  after: SearchPosition | undefined;
  /** The cursor namespace: cursors of one ordering (and title language) are refused by another. */
  cursorKind: string;
}

/**
 * Validates the arguments of `Query.datasets` and fills in defaults. Throws a GraphQL error with a stable
 * code for every invalid argument: SEARCH_TOO_LONG, PAGE_SIZE_TOO_LARGE, INVALID_CURSOR, BAD_USER_INPUT.
 */
export function parseDatasetsArgs(args: DatasetsArgs, language: Language): DatasetSearchRequest {
  const search = parseSearch(args.search);
  const order: DatasetOrder = args.orderBy ?? (search ? 'RELEVANCE' : 'TITLE');
  const effectiveOrder: DatasetOrder = order === 'RELEVANCE' && !search ? 'TITLE' : order;
  const cursorKind = effectiveOrder === 'TITLE' ? `datasets:TITLE:${language}` : `datasets:${effectiveOrder}`;
  const first = pageSize(args.first);
  const after =
    args.after === null || args.after === undefined
      ? undefined
      : decodePosition(cursorKind, args.after, effectiveOrder);
  return { search, filter: parseFilter(args.filter), order: effectiveOrder, first, after, cursorKind };
}

/**
 * The validated search words and filter of `search` and `filter` (as `Query.datasets` takes them), for
 * what matches without a page: saved searches. Throws as `parseDatasetsArgs` does.
 */
export function parseSearchCriteria(search: string | null | undefined, filter: DatasetFilterInput | null | undefined): { search: string | undefined; filter: DatasetFilterParams } {
  return { search: parseSearch(search), filter: parseFilter(filter) };
}

/** The cursor of an item at `position` in a list of `kind`. */
export function datasetCursor(kind: string, position: SearchPosition): string {
  return encodeCursor(kind, [position.sortKey, position.seq]);
}

/** The position of each ordering: its sort key (score, title key or day of modification), then the sequence. */
const positions = {
  RELEVANCE: z.tuple([cursorScore, cursorSequence]),
  TITLE: z.tuple([cursorText, cursorSequence]),
  RECENTLY_MODIFIED: z.tuple([cursorDate, cursorSequence]),
} satisfies Record<DatasetOrder, z.ZodType<[string | number, number]>>;

function decodePosition(kind: string, cursor: string, order: DatasetOrder): SearchPosition {
  const [sortKey, seq] = decodeCursor<[string | number, number]>(kind, cursor, positions[order]);
  return { sortKey, seq };
}

function parseSearch(search: string | null | undefined): string | undefined {
  if (search === null || search === undefined) return undefined;
  if (search.length > MAX_SEARCH_LENGTH) {
    throw apiError(ErrorCode.SEARCH_TOO_LONG, `"search" may be at most ${MAX_SEARCH_LENGTH} characters; got ${search.length}.`, {
      argument: 'search',
      max: MAX_SEARCH_LENGTH,
    });
  }
  // Control characters have no place in a search and would only reach the text parser.
  const cleaned = search.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (cleaned === '') return undefined;
  if (cleaned.split(/\s+/).length > MAX_SEARCH_WORDS) {
    throw apiError(ErrorCode.SEARCH_TOO_LONG, `"search" may have at most ${MAX_SEARCH_WORDS} words.`, {
      argument: 'search',
      maxWords: MAX_SEARCH_WORDS,
    });
  }
  return cleaned;
}

function parseFilter(filter: DatasetFilterInput | null | undefined): DatasetFilterParams {
  if (!filter) return {};
  const list = (name: keyof Omit<DatasetFilterInput, 'temporal'>): string[] | undefined => {
    const values = filter[name];
    if (values === null || values === undefined) return undefined;
    if (values.length > MAX_FILTER_VALUES) throw badInput(`"filter.${name}" may list at most ${MAX_FILTER_VALUES} values.`, `filter.${name}`);
    for (const v of values) {
      if (v.length > 200) throw badInput(`"filter.${name}" has a value longer than 200 characters.`, `filter.${name}`);
    }
    return [...new Set(values)];
  };
  const start = parseDate(filter.temporal?.start, 'filter.temporal.start');
  const end = parseDate(filter.temporal?.end, 'filter.temporal.end');
  if (start !== undefined && end !== undefined && start > end) {
    throw badInput('"filter.temporal.start" must not be after "filter.temporal.end".', 'filter.temporal');
  }
  return {
    healthCategories: list('healthCategories'),
    healthThemes: list('healthThemes'),
    dataThemes: list('dataThemes'),
    publishers: list('publishers'),
    accessRights: list('accessRights'),
    countries: list('countries'),
    codingSystems: list('codingSystems'),
    sources: list('sources'),
    sourceCountries: list('sourceCountries'),
    temporalFrom: start,
    temporalTo: end,
  } as DatasetFilterParams;
}

function parseDate(value: string | null | undefined, argument: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badInput(`"${argument}" must be a calendar date written YYYY-MM-DD; got "${value.slice(0, 40)}".`, argument);
  }
  return value;
}
