import type { Database } from './database.js';

/**
 * What a cache kept exact by `NOTIFY` needs to know: whether notifications are heard now (`live`), and
 * a `generation` that moves on every notification, loss and return of hearing, so that a value read
 * before a change can be told from one read after it. `onChange` is called each time (the cache drops
 * what it keeps).
 */
export class HeardChanges {
  live = false;
  generation = 0;
  private stopHearing: (() => Promise<void>) | undefined;

  constructor(private readonly onChange: () => void) {}

  /** Starts hearing `channel`; until heard, `live` is false. */
  async start(database: Database, channel: string): Promise<void> {
    this.stopHearing = await database.listen(channel, (live) => this.changed(live));
  }

  async stop(): Promise<void> {
    this.changed(false);
    await this.stopHearing?.();
  }

  /** Whether nothing changed since `generation` was read, and notifications are still heard. */
  unchangedSince(generation: number): boolean {
    return this.live && generation === this.generation;
  }

  private changed(live: boolean): void {
    this.live = live;
    this.generation += 1;
    this.onChange();
  }
}
