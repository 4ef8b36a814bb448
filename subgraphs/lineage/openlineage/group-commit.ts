import type { Db } from '../../../platform/db/database.js';
import { ingestBatch, type IngestItem } from '../db/queries/ingest-events.js';

interface Waiting {
  items: IngestItem[];
  resolve: (stored: number[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for concurrent requests: events of requests that arrive while a write is in flight are
 * written together in the next transaction (at most `maxEvents` per transaction), and each request is
 * answered once the transaction holding its events has committed. A request is never acknowledged
 * before its events are durable, and a failed transaction fails every request in it. With one sender
 * at a time this is the same as writing each request on its own.
 */
export class GroupCommitter {
  private queue: Waiting[] = [];
  private writing = false;

  constructor(
    private readonly db: Db,
    private readonly maxEvents = 500,
  ) {}

  /** Stores the items; resolves with, for each item, 1 when it was new and 0 when it was a duplicate. */
  write(items: IngestItem[]): Promise<number[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const group: Waiting[] = [];
      let count = 0;
      while (this.queue.length > 0 && (group.length === 0 || count + (this.queue[0]?.items.length ?? 0) <= this.maxEvents)) {
        const next = this.queue.shift() as Waiting;
        group.push(next);
        count += next.items.length;
      }
      try {
        const flags = await this.db.transaction((tx) => ingestBatch(tx, group.flatMap((g) => g.items)));
        let offset = 0;
        for (const g of group) {
          g.resolve(flags.slice(offset, offset + g.items.length));
          offset += g.items.length;
        }
      } catch (error) {
        for (const g of group) g.reject(error);
      }
    }
    this.writing = false;
  }
}
