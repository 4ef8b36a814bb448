import pg from 'pg';

/** Waits between reconnection attempts: doubling from the first to the last. */
const RECONNECT_MS = { first: 250, last: 5_000 } as const;

type OnChange = (live: boolean, payload?: string) => void;

/**
 * `LISTEN` for a node-postgres database: one connection of its own (outside the pool), opened with the
 * first channel and shared by every channel. A listener hears `true` once its channel is heard (never
 * before: until then it must treat notifications as missed). When the connection breaks or cannot be
 * opened, every listener hears `false` at once (from
 * then on notifications may be missed), and the connection is opened again with a growing wait; once
 * every channel is heard again, every listener hears `true`. See `Database.listen` for the contract.
 */
export class NotificationListener {
  private readonly channels = new Map<string, Set<OnChange>>();
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private retryMs: number = RECONNECT_MS.first;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly url: string) {}

  async listen(channel: string, onChange: OnChange): Promise<() => Promise<void>> {
    if (this.closed) throw new Error('The database is closed.');
    const first = !this.channels.has(channel);
    const listeners = this.channels.get(channel) ?? new Set<OnChange>();
    this.channels.set(channel, listeners);
    listeners.add(onChange);
    if (this.client) {
      try {
        if (first) await this.client.query(`LISTEN ${quoteChannel(channel)}`);
        onChange(true);
      } catch {
        // The connection broke: `lost` tells false, and the next connection listens on this channel too.
      }
    } else await this.connect();
    return async () => {
      listeners.delete(onChange);
      if (listeners.size > 0) return;
      this.channels.delete(channel);
      await this.client?.query(`UNLISTEN ${quoteChannel(channel)}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Opens the connection and listens on every channel; on failure, tries again later. */
  private connect(): Promise<void> {
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000, keepAlive: true });
      client.on('error', () => this.lost(client));
      client.on('end', () => this.lost(client));
      client.on('notification', (message) => {
        for (const onChange of this.channels.get(message.channel) ?? []) onChange(true, message.payload ?? '');
      });
      try {
        await client.connect();
        for (const channel of this.channels.keys()) await client.query(`LISTEN ${quoteChannel(channel)}`);
      } catch {
        await client.end().catch(() => undefined);
        if (this.closed) return;
        this.tell(false);
        this.scheduleRetry();
        return;
      }
      if (this.closed) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      this.retryMs = RECONNECT_MS.first;
      this.tell(true);
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.tell(false);
    if (!this.closed) this.scheduleRetry();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    const wait = this.retryMs;
    this.retryMs = Math.min(RECONNECT_MS.last, wait * 2);
    this.retryTimer = setTimeout(() => void this.connect().catch(() => undefined), wait);
    this.retryTimer.unref();
  }

  private tell(live: boolean): void {
    for (const listeners of this.channels.values()) for (const onChange of listeners) onChange(live);
  }
}

/** A channel name as an SQL identifier (channels are ours, but quoting keeps any name safe). */
function quoteChannel(channel: string): string {
  return `"${channel.replaceAll('"', '""')}"`;
}
