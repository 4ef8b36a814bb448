import type { Database, Db } from './database.js';
import { primaryLsn, READ_AFTER_HEADER, isLsn, lsnValue } from './read-replica.js';

/** Longest wait for the replica to replay a caller's own write before reading from the primary instead. */
export const READ_YOUR_WRITES_WAIT_MS = 500;

/** How soon to ask the primary again where its log stands, when it could not say after a change. */
const RETRY_MS = 1000;

/**
 * Decides, read by read, whether a subgraph's read-only work goes to the streaming replica or to the
 * primary, so that the replica never answers older than what the process already knows:
 * - a change heard (`NOTIFY` after a commit, on the channels given to `start`) holds reads on the primary
 *   until the replica has replayed the primary's log as it stood when the change was heard. Caches
 *   filled after a change are therefore never filled from a replica that has not seen it.
 * - a caller who wrote lately (the gateway sends `X-HMG-Read-After` with where the primary's log stood
 *   after that write) reads from the replica once it has replayed that far, waiting at most 500 ms, else
 *   from the primary: a caller reads its own writes whichever replica and process answer.
 * Without a replica every read goes to the primary.
 */
export class ReadRouting {
  /** Where the primary's log stood at the last change heard. */
  private required = 0n;
  /** Changes heard whose position in the log is still being asked: reads stay on the primary meanwhile. */
  private learning = 0;
  private readonly stops: (() => Promise<void>)[] = [];
  private stopped = false;

  constructor(private readonly database: Database) {}

  /** Hears `channels` (and, until heard, keeps reads on the primary). Does nothing without a replica. */
  async start(channels: readonly string[]): Promise<void> {
    if (!this.database.replica) return;
    this.learning++;
    try {
      // Heard, lost and heard again alike: each may hide a change this process did not hear.
      for (const channel of channels) this.stops.push(await this.database.listen(channel, () => this.heard()));
    } finally {
      this.learning--;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const stop of this.stops.splice(0)) await stop();
  }

  /** The handle for one read now: the replica when it is known to have replayed every change heard. */
  current(): Db {
    const replica = this.database.replica;
    if (!replica || this.learning > 0) return this.database.db;
    if (replica.known(this.required)) return replica.db;
    // Behind (or not known yet): the primary now, and look again so that the next reads may go back.
    void replica.replayed(this.required, 0);
    return this.database.db;
  }

  /**
   * The handle chooser for one request. With `readAfter` (the request's `X-HMG-Read-After`), waits for the
   * replica to replay it (at most 500 ms) and otherwise keeps the whole request on the primary.
   */
  async forRequest(readAfter: string | undefined): Promise<() => Db> {
    const replica = this.database.replica;
    if (!replica) return () => this.database.db;
    if (readAfter !== undefined && !(await replica.replayed(lsnValue(readAfter), READ_YOUR_WRITES_WAIT_MS))) return () => this.database.db;
    return () => this.current();
  }

  private heard(): void {
    if (this.stopped) return;
    this.learning++;
    void (async () => {
      try {
        for (;;) {
          try {
            const lsn = await primaryLsn(this.database.db);
            if (lsn > this.required) this.required = lsn;
            return;
          } catch {
            // Not known where the change stands: reads stay on the primary, and the primary is asked again.
            if (this.stopped) return;
            await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref());
          }
        }
      } finally {
        this.learning--;
      }
    })();
  }
}

/** The `X-HMG-Read-After` of a request when it is a well-formed log position (anything else is ignored). */
export function readAfterOf(headers: Readonly<Record<string, string | string[] | undefined>>): string | undefined {
  const value = headers[READ_AFTER_HEADER];
  return typeof value === 'string' && isLsn(value) ? value : undefined;
}
