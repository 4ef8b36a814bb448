import { LRUCache } from 'lru-cache';
import type { Database } from '../../platform/db/database.js';
import { HeardChanges } from '../../platform/db/heard-changes.js';
import { CATALOGUE_CHANGED_CHANNEL } from './http/catalogue-document-cache.js';

/** Records kept at most, per kind. */
const MAX_KEPT = 20_000;

/** A kind of record kept: its loader's results by key. */
type Kept = LRUCache<string, { value: unknown }>;

/**
 * Catalogue records read by id (datasets, data holders, distributions) and search pages kept in memory
 * between requests, so that a page of 20 datasets asked again costs no statement instead of three and
 * the parsing of full rows. The records are the same for every caller (visibility is decided on them, not
 * by what is read), and they are kept exact as the catalogue export's documents are: every committed
 * change to the catalog's tables notifies `catalog_changed`, and each replica then drops everything it
 * keeps. Nothing is kept while notifications are not heard, and a record read while a change was heard
 * is not kept. Requests of internal roles (curation) never use it, so that a steward reads what it has
 * just written; other callers see a change once it is heard (milliseconds), as on another replica.
 */
export class CatalogRecordCache {
  private readonly kinds = new Map<string, Kept>();
  private readonly changes = new HeardChanges(() => {
    for (const kept of this.kinds.values()) kept.clear();
  });

  /** Starts hearing the catalog's changes; until heard, every record is read afresh. */
  start(database: Database): Promise<void> {
    return this.changes.start(database, CATALOGUE_CHANGED_CHANNEL);
  }

  stop(): Promise<void> {
    return this.changes.stop();
  }

  /** Records kept now, all kinds together (for tests and metrics). */
  get size(): number {
    let n = 0;
    for (const kept of this.kinds.values()) n += kept.size;
    return n;
  }

  /**
   * A DataLoader batch function for `kind` that answers kept keys from memory and asks `load` for the
   * others (in one call), keeping what it answers when no change was heard meanwhile.
   */
  through<V>(kind: string, load: (keys: readonly string[]) => Promise<V[]>): (keys: readonly string[]) => Promise<V[]> {
    return async (keys) => {
      if (!this.changes.live) return load(keys);
      let kept = this.kinds.get(kind);
      if (!kept) this.kinds.set(kind, (kept = new LRUCache({ max: MAX_KEPT })));
      const found = keys.map((k) => kept.get(k));
      const missing = keys.filter((_, i) => found[i] === undefined);
      if (missing.length === 0) return found.map((f) => f?.value as V);
      const generation = this.changes.generation;
      const loaded = await load(missing);
      const byKey = new Map(missing.map((k, i) => [k, loaded[i] as V]));
      if (this.changes.unchangedSince(generation)) for (const [k, value] of byKey) kept.set(k, { value });
      return keys.map((k, i) => (found[i] ? (found[i].value as V) : (byKey.get(k) as V)));
    };
  }

  /** `load()`'s answer for `key` of `kind`, kept on the same terms as records (a search page, say). */
  async remember<V>(kind: string, key: string, load: () => Promise<V>): Promise<V> {
    const [value] = await this.through(kind, async () => [await load()])([key]);
    return value as V;
  }
}
