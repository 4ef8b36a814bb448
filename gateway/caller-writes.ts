import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { isLsn, lsnValue } from '../platform/db/read-replica.js';

/** How long a caller's write is remembered: far longer than any replica should lag. */
const REMEMBERED_MS = 60_000;
/** The Redis channel on which gateways tell each other of their callers' writes. */
const CHANNEL = 'hmg:caller-writes';

/**
 * Where the primary's log stood after each caller's latest write (`X-HMG-Write-LSN` of a subgraph's
 * answer to a mutation), for a minute, so that the caller's next subgraph calls carry it as
 * `X-HMG-Read-After` and a subgraph with a read replica answers them no older than that write
 * (read-your-writes). With `REDIS_URL`, every gateway tells the others (Redis publish/subscribe), so
 * the next request may go through any of them; Redis being down only loses that, never a request.
 */
export class CallerWrites {
  private readonly latest = new LRUCache<string, string>({ max: 100_000, ttl: REMEMBERED_MS });
  private readonly publisher: Redis | undefined;
  private readonly subscriber: Redis | undefined;

  constructor(redisUrl?: string) {
    if (!redisUrl) return;
    const options = { maxRetriesPerRequest: 1, commandTimeout: 200 } as const;
    this.publisher = new Redis(redisUrl, { ...options, enableOfflineQueue: false });
    this.publisher.on('error', () => undefined);
    this.subscriber = new Redis(redisUrl, options);
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, message: string) => {
      const [subject, lsn] = splitMessage(message);
      if (subject && lsn) this.keep(subject, lsn);
    });
    this.subscribed = this.subscriber.subscribe(CHANNEL).then(
      () => undefined,
      () => undefined,
    );
  }

  /** Settles once this gateway hears the others (at once without Redis; also when Redis refused). */
  readonly subscribed: Promise<void> = Promise.resolve();

  /** The position a caller's reads must not be older than, when it wrote in the last minute. */
  readAfter(subject: string | null): string | undefined {
    return subject ? this.latest.get(subject) : undefined;
  }

  /** Remembers (and tells the other gateways) that `subject` wrote, the log then standing at `lsn`. */
  noteWrite(subject: string | null, lsn: string): void {
    if (!subject || !isLsn(lsn)) return;
    this.keep(subject, lsn);
    this.publisher?.publish(CHANNEL, `${lsn} ${subject}`).catch(() => undefined);
  }

  close(): void {
    this.publisher?.disconnect();
    this.subscriber?.disconnect();
  }

  private keep(subject: string, lsn: string): void {
    const known = this.latest.get(subject);
    if (known === undefined || lsnValue(lsn) > lsnValue(known)) this.latest.set(subject, lsn);
  }
}

/** `<lsn> <subject>` (a subject may hold spaces; a log position does not). */
function splitMessage(message: string): [string | undefined, string | undefined] {
  const at = message.indexOf(' ');
  if (at < 0) return [undefined, undefined];
  const lsn = message.slice(0, at);
  return isLsn(lsn) ? [message.slice(at + 1), lsn] : [undefined, undefined];
}
