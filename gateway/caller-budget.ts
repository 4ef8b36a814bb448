import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { isInternal, type Caller } from '../platform/identity/caller.js';

/** Work a caller may spend per minute, in resolved fields (GraphQL) or their REST equivalent. */
export interface RateLimits {
  /** Partners' researchers and anonymous callers (anonymous ones counted per client address). */
  partnerFieldsPerMinute: number;
  /** Internal roles (pipelines, stewards, reviewers, auditors, admins). */
  internalFieldsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { partnerFieldsPerMinute: 60_000, internalFieldsPerMinute: 600_000 };

/** REST requests a caller may have in flight at once: partners and each anonymous address, internal roles. */
export const MAX_REST_IN_FLIGHT = { partner: 4, internal: 32 } as const;
/** Requests that may wait for a slot, per caller, as a multiple of its slots; beyond, they are refused. */
export const REST_QUEUE_FACTOR = 4;
/** Longest wait for a slot before the request is refused. */
export const REST_SLOT_WAIT_MS = 10_000;
/**
 * How long the refusal of a caller whose budget is spent is held before it is sent, and how many
 * refusals may be held at once, per caller and in all (beyond, they are sent at once). A client that
 * sends its next request when the last is answered is thus slowed to two refusals a second per
 * connection instead of hundreds. A held refusal costs an open socket and a timer, no work.
 */
export const REFUSAL_PAUSE = { ms: 500, heldPerCaller: 256, heldInAll: 4096 } as const;

/**
 * What a REST answer costs, in the unit of the GraphQL budget (resolved fields): one per request, plus one
 * per 256 bytes of body sent or received. A catalogue page of 100 datasets (about 150 KB of Turtle) costs
 * about as much as a GraphQL answer of 600 fields.
 */
export function restCost(requestBytes: number, responseBytes: number): number {
  return 1 + Math.ceil((requestBytes + responseBytes) / 256);
}

/** The key of a caller: its subject, or for anonymous callers the client address. */
export function callerKey(caller: Caller, clientAddress: string | undefined): string {
  return caller.subject !== null ? `sub:${caller.subject}` : `ip:${clientAddress ?? 'unknown'}`;
}

/**
 * One budget per caller shared by every route of a gateway: GraphQL spends it by resolved fields, the
 * REST routes (`/catalogue`, `/api/v1`) by `restCost`, so that neither face is a way around the other's
 * limit. A budget refills over a minute. Budgets live in Redis when `redisUrl` is given, so that N
 * gateways enforce one budget, not N; while Redis cannot be reached (each command waits at most
 * 100 ms), this process's own budgets stand in for it. Without Redis, budgets are this process's. The
 * REST slots (requests in flight) are always this process's: they bound what one replica holds.
 */
export class CallerBudget {
  private readonly partner: RateLimiterMemory | RateLimiterRedis;
  private readonly internal: RateLimiterMemory | RateLimiterRedis;
  private readonly redis: Redis | undefined;
  private readonly inFlight = new Map<string, number>();
  private readonly waiting = new Map<string, ((granted: boolean) => void)[]>();
  private readonly heldRefusals = new Map<string, number>();
  private heldInAll = 0;

  constructor(limits: RateLimits = DEFAULT_RATE_LIMITS, redisUrl?: string) {
    if (redisUrl) {
      this.redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 100 });
      // Connection errors are retried by the client; meanwhile the insurance budgets answer.
      this.redis.on('error', () => undefined);
    }
    const limiter = (keyPrefix: string, points: number) => {
      const local = new RateLimiterMemory({ keyPrefix, points, duration: 60 });
      if (!this.redis) return local;
      return new RateLimiterRedis({ storeClient: this.redis, keyPrefix: `hmg:budget:${keyPrefix}`, points, duration: 60, rejectIfRedisNotReady: true, insuranceLimiter: local });
    };
    this.partner = limiter('partner', limits.partnerFieldsPerMinute);
    this.internal = limiter('internal', limits.internalFieldsPerMinute);
  }

  /** Closes the connection to Redis, if any. */
  close(): void {
    this.redis?.disconnect();
  }

  private limiter(caller: Caller): RateLimiterMemory | RateLimiterRedis {
    return isInternal(caller) ? this.internal : this.partner;
  }

  /** Seconds until the caller may come back when its budget is spent, else null. */
  async exhausted(caller: Caller, clientAddress: string | undefined): Promise<number | null> {
    const state = await this.limiter(caller).get(callerKey(caller, clientAddress));
    return state && state.remainingPoints <= 0 ? Math.max(1, Math.ceil(state.msBeforeNext / 1000)) : null;
  }

  /**
   * Holds the refusal of a caller whose budget is spent for `REFUSAL_PAUSE.ms`, unless as many refusals
   * as `REFUSAL_PAUSE` allows are held already. Answers when the refusal may be sent.
   */
  async pauseRefusal(caller: Caller, clientAddress: string | undefined): Promise<void> {
    const key = callerKey(caller, clientAddress);
    const held = this.heldRefusals.get(key) ?? 0;
    if (held >= REFUSAL_PAUSE.heldPerCaller || this.heldInAll >= REFUSAL_PAUSE.heldInAll) return;
    this.heldRefusals.set(key, held + 1);
    this.heldInAll += 1;
    await new Promise((resolve) => setTimeout(resolve, REFUSAL_PAUSE.ms));
    this.heldInAll -= 1;
    const left = (this.heldRefusals.get(key) ?? 1) - 1;
    if (left <= 0) this.heldRefusals.delete(key);
    else this.heldRefusals.set(key, left);
  }

  /** Takes `points` from the caller's budget (it may go below zero: the next request is then refused). */
  async spend(caller: Caller, clientAddress: string | undefined, points: number): Promise<void> {
    await this.limiter(caller).penalty(callerKey(caller, clientAddress), Math.max(1, points));
  }

  /**
   * Takes one of the caller's REST slots (`MAX_REST_IN_FLIGHT`), waiting in line for one when all are
   * taken (at most `REST_QUEUE_FACTOR` times as many waiting, at most `REST_SLOT_WAIT_MS`): answers the
   * function that gives the slot back, or null when the line is full or the wait ran out. One caller's
   * burst thus runs a few requests at a time, whatever it sends, and the others' requests are not
   * queued behind it.
   */
  async acquireSlot(caller: Caller, clientAddress: string | undefined): Promise<(() => void) | null> {
    const key = callerKey(caller, clientAddress);
    const max = isInternal(caller) ? MAX_REST_IN_FLIGHT.internal : MAX_REST_IN_FLIGHT.partner;
    const used = this.inFlight.get(key) ?? 0;
    if (used < max) {
      this.inFlight.set(key, used + 1);
      return this.releaser(key);
    }
    const line = this.waiting.get(key) ?? [];
    if (line.length >= max * REST_QUEUE_FACTOR) return null;
    this.waiting.set(key, line);
    const granted = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        const at = line.indexOf(wake);
        if (at >= 0) line.splice(at, 1);
        if (line.length === 0 && this.waiting.get(key) === line) this.waiting.delete(key);
        resolve(false);
      }, REST_SLOT_WAIT_MS);
      const wake = (ok: boolean) => {
        clearTimeout(timer);
        resolve(ok);
      };
      line.push(wake);
    });
    return granted ? this.releaser(key) : null;
  }

  /** Gives a slot back: to the first caller request in line, else to the pool. Idempotent. */
  private releaser(key: string): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const line = this.waiting.get(key);
      const next = line?.shift();
      if (line && line.length === 0) this.waiting.delete(key);
      if (next) {
        next(true);
        return;
      }
      const now = (this.inFlight.get(key) ?? 1) - 1;
      if (now <= 0) this.inFlight.delete(key);
      else this.inFlight.set(key, now);
    };
  }
}
