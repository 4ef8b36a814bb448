import type { ApolloServerPlugin } from '@apollo/server';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { ErrorCode, apiError } from '../platform/graphql/errors.js';
import { isInternal } from '../platform/identity/caller.js';
import type { GatewayContext } from './create-gateway.js';

/** Resolved fields a caller may spend per minute. */
export interface RateLimits {
  /** Partners' researchers and anonymous callers (anonymous ones counted per client address). */
  partnerFieldsPerMinute: number;
  /** Internal roles (pipelines, stewards, reviewers, auditors, admins). */
  internalFieldsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { partnerFieldsPerMinute: 60_000, internalFieldsPerMinute: 600_000 };

/** Every field of a response counts once, whether it holds a scalar, an object or a list. */
export function countResolvedFields(data: unknown): number {
  if (Array.isArray(data)) return data.reduce<number>((n, item) => n + countResolvedFields(item), 0);
  if (data === null || typeof data !== 'object') return 0;
  let n = 0;
  for (const value of Object.values(data)) n += 1 + countResolvedFields(value);
  return n;
}

/**
 * A per-caller rate limit counted in resolved work: each response costs the caller the number of fields
 * it resolved (at least 1), from a budget that refills over a minute. A caller whose budget is spent is
 * refused before planning with 429 `RATE_LIMITED` and a `Retry-After` header (seconds) until it has
 * refilled. Callers are keyed by subject, anonymous ones by client address. Budgets are per gateway
 * process (memory store): with several replicas, each allows its own budget.
 */
export function rateLimitPlugin(limits: RateLimits = DEFAULT_RATE_LIMITS): ApolloServerPlugin<GatewayContext> {
  const partner = new RateLimiterMemory({ keyPrefix: 'partner', points: limits.partnerFieldsPerMinute, duration: 60 });
  const internal = new RateLimiterMemory({ keyPrefix: 'internal', points: limits.internalFieldsPerMinute, duration: 60 });
  const limiterOf = (context: GatewayContext) => {
    const caller = context.caller;
    const key = caller.subject !== null ? `sub:${caller.subject}` : `ip:${context.clientAddress ?? 'unknown'}`;
    return { key, limiter: isInternal(caller) ? internal : partner };
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue }) {
          const { key, limiter } = limiterOf(contextValue);
          const state = await limiter.get(key);
          if (state && state.remainingPoints <= 0) {
            const seconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
            throw apiError(ErrorCode.RATE_LIMITED, `Too much work requested; retry in ${seconds} s.`, {
              retryAfterSeconds: seconds,
              http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
            });
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          const { key, limiter } = limiterOf(contextValue);
          await limiter.penalty(key, Math.max(1, countResolvedFields(response.body.singleResult.data)));
        },
      };
    },
  };
}
