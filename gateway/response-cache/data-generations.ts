import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';

/**
 * The channel each subgraph's triggers notify on when a change commits (their migrations), and the
 * channel of the change feed (`changes`), notified when its events are numbered and so become readable.
 */
export const CHANGE_CHANNELS = { catalog: 'catalog_changed', access: 'access_changed', lineage: 'lineage_changed', changes: 'change_feed' } as const;

interface Generation {
  live: boolean;
  id: string;
}

/**
 * The generation of each subgraph's data, as this process last heard it: the payload of the last
 * notification (the id of the transaction that changed it, so every gateway hearing it agrees), or a
 * fresh random id once hearing (re)starts, when notifications may have been missed; a gateway whose
 * hearing starts then notifies a new generation to all (`resync:<uuid>`), so that they agree again. A cached answer is keyed by the
 * generations of the subgraphs it was built from, so a committed change makes every older entry
 * unreachable on every gateway as soon as each hears of it. While a subgraph's changes are not heard,
 * answers built on it are not cached at all.
 */
export class DataGenerations {
  private readonly generations = new Map<string, Generation>();
  private readonly stops: (() => Promise<void>)[] = [];

  /** Starts hearing every subgraph's changes on `database`. */
  static async hear(database: Database): Promise<DataGenerations> {
    const generations = new DataGenerations();
    for (const [subgraph, channel] of Object.entries(CHANGE_CHANNELS)) {
      generations.generations.set(subgraph, { live: false, id: randomUUID() });
      generations.stops.push(
        await database.listen(channel, (live, payload) => {
          generations.generations.set(subgraph, { live, id: live && payload ? payload : randomUUID() });
          // Hearing (re)started: tell every gateway to move to one new generation, so that all agree
          // again (and share entries in Redis) without waiting for the next change.
          if (live && payload === undefined) {
            database.db.execute(sql`SELECT pg_notify(${channel}, ${`resync:${randomUUID()}`})`).catch(() => undefined);
          }
        }),
      );
    }
    return generations;
  }

  /** The generations of `subgraphs`, one string, or null when one of them is not heard right now. */
  of(subgraphs: Iterable<string>): string | null {
    const parts: string[] = [];
    for (const subgraph of [...subgraphs].sort()) {
      const generation = this.generations.get(subgraph);
      if (!generation?.live) return null;
      parts.push(`${subgraph}=${generation.id}`);
    }
    return parts.join(',');
  }

  /**
   * Moves `subgraphs` to a new generation of this process's own, at once: after a write through this
   * gateway, so that its caller reads what it wrote before the notification arrives.
   */
  changed(subgraphs: Iterable<string>): void {
    for (const subgraph of subgraphs) {
      const generation = this.generations.get(subgraph);
      if (generation) generation.id = randomUUID();
    }
  }

  async stop(): Promise<void> {
    for (const generation of this.generations.values()) generation.live = false;
    await Promise.allSettled(this.stops.map((stop) => stop()));
  }
}
