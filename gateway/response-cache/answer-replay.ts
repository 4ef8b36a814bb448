import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { DataGenerations } from './data-generations.js';

/** What a query's answer is found by: the fields of its JSON body that Apollo Server reads. */
export interface ReplayRequest {
  readonly query?: unknown;
  readonly operationName?: unknown;
  readonly variables?: unknown;
  readonly extensions?: unknown;
}

/**
 * The key of an answer: the caller scope (`cacheScope`), the request as Apollo Server reads it (after the
 * trusted-documents middleware has put the registered text in place of a hash), the caller's language
 * and the public address. The gateway computes it from the Express request and the response cache
 * plugin from Apollo's request, from the same values, so both find the same entry; the response store
 * keys an answer by it and the data generations.
 */
export function replayKey(scope: string, request: ReplayRequest, acceptLanguage: string | undefined, forwarded: Readonly<Record<string, string>> | undefined): string {
  return createHash('sha256')
    .update(JSON.stringify([scope, request.query ?? null, request.operationName ?? null, request.variables ?? null, request.extensions ?? null, acceptLanguage ?? '', forwarded ?? {}]))
    .digest('base64url');
}

/** An answer this gateway built, with what every later request for it must still pay. */
export interface ReplayEntry {
  /** The response body, as sent. */
  readonly body: string;
  /** The subgraphs it was built from, and their generations (`DataGenerations.of`) before it was. */
  readonly subgraphs: readonly string[];
  readonly generations: string;
  /** Fields it resolved: what it costs the caller's budget (`countResolvedFields`). */
  readonly fields: number;
  /** For the audit trail and the request log: the operation's name and the SHA-256 of its document. */
  readonly operationName: string | null;
  readonly documentHash: string | null;
}

/** Characters of answers kept for replay at most, and of one answer. */
export const ANSWER_REPLAY_LIMITS = { maxChars: 32 * 1024 * 1024, maxEntryChars: 1024 * 1024 } as const;

/**
 * The answers this gateway built for queries without errors, kept in its memory for the response
 * cache's lifetime so that a repeated request is answered before Apollo Server parses, validates and
 * plans it again (`answerReplayMiddleware`). An entry is found only while every subgraph it was built
 * from is at the generation it was built at, exactly like the response cache's own entries; any change
 * heard (or made through this gateway) makes it unreachable, and it is dropped when next looked for.
 * Least recently used entries go first beyond `ANSWER_REPLAY_LIMITS`.
 */
export class AnswerReplay {
  private readonly entries: LRUCache<string, ReplayEntry>;

  constructor(
    private readonly generations: DataGenerations,
    ttlSeconds: number,
  ) {
    this.entries = new LRUCache<string, ReplayEntry>({
      maxSize: ANSWER_REPLAY_LIMITS.maxChars,
      sizeCalculation: (entry) => Math.max(1, entry.body.length),
      ttl: ttlSeconds * 1000,
      ttlAutopurge: false,
    });
  }

  /** Keeps `entry` under `key` for the cache's lifetime (an answer larger than the limit is not kept). */
  remember(key: string, entry: ReplayEntry): void {
    if (entry.body.length > ANSWER_REPLAY_LIMITS.maxEntryChars) return;
    this.entries.set(key, entry);
  }

  /** The entry under `key` when it is still exact: not expired, and its subgraphs at the same generations. */
  find(key: string): ReplayEntry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.generations.of(entry.subgraphs) !== entry.generations) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
