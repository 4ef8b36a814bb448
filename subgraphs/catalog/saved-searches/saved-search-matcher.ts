import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../../platform/db/database.js';
import { queryRows } from '../../../platform/db/rows.js';
import type { Logger } from '../../../platform/logger.js';
import { CoalescedRun } from '../../../platform/coalesced-run.js';
import { matchingDatasetIds } from '../db/queries/search-datasets.js';
import { allSavedSearches, currentMembers, pruneLeftMembers, updateMembers, type SavedSearchRow } from '../db/queries/saved-searches.js';
import { parseSearchCriteria } from '../resolvers/dataset-search-arguments.js';

/** The change type a dataset starting to match a saved search raises. */
export const MATCHED_TYPE = 'DATASET_MATCHED_SAVED_SEARCH';

/** Catalogue events read per matching transaction, at most. */
const BATCH = 500;
/** How often the matcher looks for work besides notifications, and forgets old departures. */
const POLL_MS = 5000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Keeps each saved search's members current from the catalogue's numbered change events, and raises a
 * DATASET_MATCHED_SAVED_SEARCH event (owned by the search's organisation) when datasets start to match
 * one: in one transaction per batch of events, with the matcher's position, so that a crash neither
 * skips a change nor raises an event twice. One matcher works at a time across replicas (its position
 * row is locked, `SKIP LOCKED`; the others find nothing to do). Datasets are matched as they are now,
 * not as they were at the event: a change read late is judged by what followed it, never wrongly.
 */
export class SavedSearchMatcher {
  private readonly run: CoalescedRun;
  private readonly stops: (() => Promise<void>)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastPrune = 0;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
  ) {
    this.run = new CoalescedRun(
      () => this.matchAll(),
      (error) => logger.warn({ err: error }, 'saved searches could not be matched; they will be tried again'),
    );
  }

  /** Starts: hears `change_feed` (events numbered), and looks every 5 s besides. */
  async start(): Promise<void> {
    this.stops.push(await this.database.listen('change_feed', (live) => live && this.run.wake()));
    this.timer = setInterval(() => this.run.wake(), POLL_MS);
    this.timer.unref();
    this.run.wake();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (const stop of this.stops.splice(0)) await stop();
    await this.run.stop();
  }

  /** Matches until every numbered event is read (or another replica holds the position). Tests call it. */
  async matchAll(): Promise<void> {
    while (!this.run.isStopped && (await this.database.background.transaction((tx) => this.matchBatch(tx)))) {
      // One batch per transaction, so that a long backlog does not hold one long transaction.
    }
    if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
      await pruneLeftMembers(this.database.background);
      this.lastPrune = Date.now();
    }
  }

  /** One batch; true when a full batch was read (there may be more). */
  private async matchBatch(tx: Db): Promise<boolean> {
    const [watch] = await queryRows<{ position: string | number }>(tx, sql`SELECT position FROM catalog.saved_search_watch FOR UPDATE SKIP LOCKED`);
    if (!watch) return false;
    const events = await queryRows<{ seq: string | number; type: string; dataset_ids: string[] }>(
      tx,
      sql`SELECT seq, type, dataset_ids FROM catalog.change_event WHERE seq > ${Number(watch.position)} ORDER BY seq LIMIT ${BATCH}`,
    );
    const last = events.at(-1);
    if (!last) return false;
    const touched = [...new Set(events.filter((e) => e.type !== MATCHED_TYPE).flatMap((e) => e.dataset_ids))];
    if (touched.length > 0) {
      for (const search of await allSavedSearches(tx)) await this.matchOne(tx, search, touched);
    }
    await tx.execute(sql`UPDATE catalog.saved_search_watch SET position = ${Number(last.seq)}`);
    return events.length === BATCH;
  }

  /** Brings one search's members up to date for `touched`, raising the event of those that joined. */
  private async matchOne(tx: Db, search: SavedSearchRow, touched: readonly string[]): Promise<void> {
    let criteria: ReturnType<typeof parseSearchCriteria>;
    try {
      criteria = parseSearchCriteria(search.search, search.filter);
    } catch (error) {
      // Stored searches were valid when saved; one that no longer is (a limit lowered) is left alone.
      this.logger.warn({ savedSearchId: search.id, err: error }, 'a saved search is no longer valid and is not matched');
      return;
    }
    const now = await matchingDatasetIds(tx, criteria, { among: touched, limit: touched.length });
    const before = await currentMembers(tx, search.id, touched);
    const matching = new Set(now);
    const joined = now.filter((id) => !before.has(id));
    const left = [...before].filter((id) => !matching.has(id));
    if (joined.length === 0 && left.length === 0) return;
    await updateMembers(tx, search.id, joined, left);
    if (joined.length > 0) {
      await tx.execute(sql`
        INSERT INTO catalog.change_event (type, dataset_ids, organisation_id, detail)
        VALUES (${MATCHED_TYPE}, ${sql.param(joined.sort())}::text[], ${search.owner},
                jsonb_build_object('savedSearchId', ${search.id}::text, 'savedSearchName', ${search.name}::text))`);
    }
  }
}
