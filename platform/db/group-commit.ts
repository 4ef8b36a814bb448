import type { Db } from './database.js';

interface Waiting<Item, Result> {
  items: Item[];
  resolve: (results: Result[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for concurrent requests: the items of requests that arrive while a write is in flight
 * are written together in the next transaction (at most `maxItems` per transaction, a request's items
 * never split), and each request is answered once the transaction holding its items has committed. A
 * request is never answered before its items are durable, and a failed transaction fails every request
 * in it. With one request at a time this is the same as writing each on its own. `writeGroup` gets the
 * items of the group in request order and returns one result per item, in the same order. With
 * `transaction: false`, `writeGroup` gets the database itself: for a group written by one statement,
 * which is atomic on its own, this saves the BEGIN and COMMIT round trips.
 */
export class GroupCommitter<Item, Result> {
  private queue: Waiting<Item, Result>[] = [];
  private writing = false;

  constructor(
    private readonly db: Db,
    private readonly writeGroup: (tx: Db, items: Item[]) => Promise<Result[]>,
    private readonly maxItems = 500,
    private readonly options: { transaction?: boolean } = {},
  ) {}

  /** Writes the items; resolves with their results, in order, after the commit. */
  write(items: Item[]): Promise<Result[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const group: Waiting<Item, Result>[] = [];
      let count = 0;
      while (this.queue.length > 0 && (group.length === 0 || count + (this.queue[0]?.items.length ?? 0) <= this.maxItems)) {
        const next = this.queue.shift() as Waiting<Item, Result>;
        group.push(next);
        count += next.items.length;
      }
      try {
        const items = group.flatMap((g) => g.items);
        const results = this.options.transaction === false
          ? await this.writeGroup(this.db, items)
          : await this.db.transaction((tx) => this.writeGroup(tx, items));
        let offset = 0;
        for (const g of group) {
          g.resolve(results.slice(offset, offset + g.items.length));
          offset += g.items.length;
        }
      } catch (error) {
        for (const g of group) g.reject(error);
      }
    }
    this.writing = false;
  }
}
