import { LRUCache } from 'lru-cache';
import { Redis } from 'ioredis';

/** Where cached answers are kept: this process's memory, or Redis shared by every gateway. */
export interface ResponseStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  close?(): Promise<void>;
}

/** Bytes of answers kept in memory at most, and the largest answer kept. */
export const MEMORY_STORE_LIMITS = { maxBytes: 64 * 1024 * 1024, maxEntryBytes: 1024 * 1024 } as const;

/** Answers kept in this process, least recently used dropped first, each for its time to live. */
export class MemoryResponseStore implements ResponseStore {
  private readonly entries = new LRUCache<string, string>({
    maxSize: MEMORY_STORE_LIMITS.maxBytes,
    sizeCalculation: (value) => Math.max(1, value.length),
    ttlAutopurge: false,
  });

  async get(key: string): Promise<string | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    if (value.length > MEMORY_STORE_LIMITS.maxEntryBytes) return;
    this.entries.set(key, value, { ttl: ttlSeconds * 1000 });
  }
}

/**
 * Answers kept in Redis, shared by every gateway (`REDIS_URL`). Entries are keyed under `prefix` and
 * expire by Redis itself. Redis being slow or down never fails a request: a read that fails or takes
 * over 100 ms is a miss, a failed write is skipped.
 */
export class RedisResponseStore implements ResponseStore {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'hmg:answer:',
  ) {
    this.redis = new Redis(url, { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 100 });
    // Connection errors are retried by the client and turn reads into misses; nothing to crash on.
    this.redis.on('error', () => undefined);
  }

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    if (value.length > MEMORY_STORE_LIMITS.maxEntryBytes) return;
    try {
      await this.redis.set(this.prefix + key, value, 'EX', ttlSeconds);
    } catch {
      // skipped: the next request builds the answer again
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
