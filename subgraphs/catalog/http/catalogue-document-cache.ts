import { LRUCache } from 'lru-cache';
import type { Database } from '../../../platform/db/database.js';
import { HeardChanges } from '../../../platform/db/heard-changes.js';

/** The channel the catalog's triggers notify on each committed change (migration 0006). */
export const CATALOGUE_CHANGED_CHANNEL = 'catalog_changed';

/** Bytes of documents kept at most. */
const MAX_CACHED_BYTES = 64 * 1024 * 1024;

/** An answer of the catalogue export: a document (200) or a refusal, the same for every caller. */
export interface CatalogueAnswer {
  readonly status: number;
  readonly mediaType: string;
  readonly body: string;
}

/**
 * The export's answers kept in memory, so that harvesters paging through the catalogue, and floods of the
 * same page, cost a lookup instead of a page built again. The catalogue is public and the same for every
 * caller, so an answer depends only on its key (format, query, public address). Correctness rests on the
 * catalog's triggers: each committed change notifies `catalog_changed` and every replica drops all it
 * keeps. Answers are kept only while notifications are heard, and only when no change was heard while
 * they were being built, so no answer older than the last heard commit is ever served. Identical
 * requests arriving while an answer is being built wait for that one build. Refusals are not kept.
 */
export class CatalogueDocumentCache {
  private readonly answers = new LRUCache<string, CatalogueAnswer>({
    maxSize: MAX_CACHED_BYTES,
    sizeCalculation: (answer) => Math.max(1, answer.body.length),
  });
  private readonly building = new Map<string, Promise<CatalogueAnswer>>();
  private readonly changes = new HeardChanges(() => {
    this.answers.clear();
    this.building.clear();
  });

  /** Starts hearing the catalog's changes; until heard, every answer is built afresh. */
  start(database: Database): Promise<void> {
    return this.changes.start(database, CATALOGUE_CHANGED_CHANNEL);
  }

  stop(): Promise<void> {
    return this.changes.stop();
  }

  /** Answers kept now (for tests and metrics). */
  get size(): number {
    return this.answers.size;
  }

  /** The kept answer for `key`, else the one `build` gives (kept when it is a 200 and still current). */
  async answer(key: string, build: () => Promise<CatalogueAnswer>): Promise<CatalogueAnswer> {
    if (!this.changes.live) return build();
    const kept = this.answers.get(key);
    if (kept) return kept;
    const pending = this.building.get(key);
    if (pending) return pending;
    const generation = this.changes.generation;
    const built = build().finally(() => {
      if (this.building.get(key) === built) this.building.delete(key);
    });
    this.building.set(key, built);
    const answer = await built;
    if (answer.status === 200 && this.changes.unchangedSince(generation)) this.answers.set(key, answer);
    return answer;
  }
}
