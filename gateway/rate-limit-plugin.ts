import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, apiError } from '../platform/graphql/errors.js';
import { CallerBudget } from './caller-budget.js';
import type { GatewayContext } from './create-gateway.js';

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
 * it resolved (at least 1), from its `CallerBudget` (shared with the REST routes). A caller whose budget is
 * spent is refused before planning with 429 `RATE_LIMITED` and a `Retry-After` header (seconds) until it
 * has refilled; the refusal is held a moment first (`CallerBudget.pauseRefusal`). Callers are keyed by subject, anonymous ones by client address.
 */
export function rateLimitPlugin(budget: CallerBudget = new CallerBudget()): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue }) {
          const seconds = await budget.exhausted(contextValue.caller, contextValue.clientAddress);
          if (seconds !== null) {
            await budget.pauseRefusal(contextValue.caller, contextValue.clientAddress);
            throw apiError(ErrorCode.RATE_LIMITED, `Too much work requested; retry in ${seconds} s.`, {
              retryAfterSeconds: seconds,
              http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
            });
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          await budget.spend(contextValue.caller, contextValue.clientAddress, countResolvedFields(response.body.singleResult.data));
        },
      };
    },
  };
}
