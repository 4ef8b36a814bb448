import type { Db } from '../../../platform/db/database.js';
import { activePermitsFor } from '../db/queries/permits.js';
import { ErrorCode, apiError } from '../../../platform/graphql/errors.js';
import { CHANGE_STREAMS, CHANGE_TYPES, readStream, streamHorizons, type ChangeRow, type ChangeStream, type ChangeType } from './change-streams.js';

/** How far the reader has read in each stream (the last sequence number consumed). */
export type FeedPosition = Record<ChangeStream, number>;

export const FEED_START: FeedPosition = { CATALOG: 0, ACCESS: 0, LINEAGE: 0 };

/** What a caller may see of the streams. */
export interface ChangeVisibility {
  /** Internal roles: every event, with every name. */
  readonly seesAll: boolean;
  /** The organisation whose access events the caller sees (undefined: every organisation's). */
  readonly organisationId: string | undefined;
  /** Of lineage events' datasets, those whose lineage the caller may see. */
  visibleDatasets(ids: readonly string[]): Promise<Set<string>>;
}

/** An event as a caller receives it, with the position just after it. */
export interface VisibleChange extends ChangeRow {
  position: FeedPosition;
}

export interface FeedPage {
  events: VisibleChange[];
  /** Where the next page starts: past every row read for this page, visible or not. */
  position: FeedPosition;
  hasNextPage: boolean;
  /** Streams whose pruned events the page skipped (with `pruned: 'skip'`). */
  skippedPruned: ChangeStream[];
}

/** Rows read from each stream per page, at least. */
const SCAN = 200;

/**
 * One page of the change feed after `after`: the three streams merged by time, each in its own
 * sequence order (a k-way merge: an event never overtakes an earlier one of its stream), filtered by
 * what the caller may see. An access event reaches only its organisation; a lineage event reaches a
 * researcher only when it touches a dataset whose lineage they may see, and then names only those
 * datasets and neither job nor source; catalogue events (public metadata) reach every caller, but for
 * those of a saved search, which reach its organisation only.
 *
 * The page reads at most a few hundred rows per stream, so a page may hold fewer than `first` events
 * (even none) while `hasNextPage` is true: the position still moves past what was read.
 */
export async function readFeed(
  db: Db,
  visibility: ChangeVisibility,
  options: { after: FeedPosition; first: number; types: readonly ChangeType[]; pruned?: 'fail' | 'skip' },
): Promise<FeedPage> {
  const scan = Math.max(SCAN, options.first + 1);
  const wanted = (stream: ChangeStream) => options.types.filter((t) => CHANGE_TYPES[t] === stream);
  const streams = CHANGE_STREAMS.filter((s) => wanted(s).length > 0);
  const after = { ...options.after };
  // A position inside what was pruned (0 is the start: from the oldest event kept) cannot resume.
  const horizons = await streamHorizons(db);
  const skippedPruned = streams.filter((s) => after[s] > 0 && after[s] < horizons[s]);
  if (skippedPruned.length > 0 && options.pruned !== 'skip') {
    throw apiError(ErrorCode.CHANGES_PRUNED, 'Events after this cursor are no longer kept; read the feed again from its start (no `after`).', {
      streams: skippedPruned,
    });
  }
  for (const s of skippedPruned) after[s] = horizons[s];
  const read = await Promise.all(
    streams.map(async (stream) => ({
      stream,
      rows: await readStream(db, stream, {
        afterSeq: after[stream],
        limit: scan,
        types: wanted(stream),
        organisationId: stream === 'LINEAGE' ? undefined : visibility.organisationId,
      }),
    })),
  );
  const visibleOf = await lineageFilter(visibility, read.find((r) => r.stream === 'LINEAGE')?.rows ?? []);

  const position: FeedPosition = { ...after };
  const heads = read.map((r) => ({ ...r, next: 0, truncated: r.rows.length === scan }));
  const events: VisibleChange[] = [];
  let stoppedShort = false;
  for (;;) {
    // A stream read only in part, and used up: what it holds next may be older than the others' heads.
    if (heads.some((h) => h.truncated && h.next === h.rows.length)) {
      stoppedShort = true;
      break;
    }
    const live = heads.filter((h) => h.next < h.rows.length);
    if (live.length === 0) break;
    const head = live.reduce((a, b) => (earlier(b.rows[b.next] as ChangeRow, a.rows[a.next] as ChangeRow) ? b : a));
    const row = head.rows[head.next++] as ChangeRow;
    const shown = visibleOf(row);
    if (shown && events.length === options.first) {
      // One more than asked: there is a next page, which starts after the last event given.
      return { events, position: (events.at(-1) as VisibleChange).position, hasNextPage: true, skippedPruned };
    }
    position[row.stream] = row.seq;
    if (shown) events.push({ ...shown, position: { ...position } });
  }
  return { events, position, hasNextPage: stoppedShort, skippedPruned };
}

/** Earlier in the merged feed: by time, then stream, then sequence. */
function earlier(a: ChangeRow, b: ChangeRow): boolean {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt;
  if (a.stream !== b.stream) return CHANGE_STREAMS.indexOf(a.stream) < CHANGE_STREAMS.indexOf(b.stream);
  return a.seq < b.seq;
}

/** For lineage rows: the row as the caller may see it, or undefined. Other streams pass as they are. */
async function lineageFilter(visibility: ChangeVisibility, lineageRows: readonly ChangeRow[]): Promise<(row: ChangeRow) => ChangeRow | undefined> {
  if (visibility.seesAll) return (row) => row;
  const visible = await visibility.visibleDatasets([...new Set(lineageRows.flatMap((r) => r.datasetIds))]);
  return (row) => {
    if (row.stream !== 'LINEAGE') return row;
    const datasetIds = row.datasetIds.filter((id) => visible.has(id));
    if (datasetIds.length === 0) return undefined;
    // What the event says that is not a visible dataset (the job, an uncatalogued source) stays hidden.
    const { added, removed, retyped } = row.detail;
    return { ...row, datasetIds, detail: row.type === 'SCHEMA_CHANGED' ? { added, removed, retyped } : {} };
  };
}

/** Internal roles' view: every event, with every name. */
export const SEES_ALL: ChangeVisibility = { seesAll: true, organisationId: undefined, visibleDatasets: async (ids) => new Set(ids) };

/**
 * An organisation's view: its own access events, and lineage events through the datasets that are
 * PUBLIC (`publicOnes`) or that it holds a permit in force for on `today`.
 */
export function organisationVisibility(db: Db, organisationId: string, today: string, publicOnes: (ids: readonly string[]) => Promise<Set<string>>): ChangeVisibility {
  return {
    seesAll: false,
    organisationId,
    async visibleDatasets(ids) {
      if (ids.length === 0) return new Set();
      const [open, permits] = await Promise.all([publicOnes(ids), activePermitsFor(db, organisationId, ids, today)]);
      const asked = new Set(ids);
      return new Set([...open, ...permits.flatMap((p) => p.datasetIds).filter((id) => asked.has(id))]);
    },
  };
}
