import { hasRole, isAuthenticated, type Caller } from '../identity/caller.js';
import type { Role } from '../identity/roles.js';
import { ErrorCode, apiError } from './errors.js';

/**
 * Throws unless the caller holds one of `roles`: `UNAUTHENTICATED` for an anonymous caller, `FORBIDDEN`
 * otherwise, with a message naming the roles that would do. The gateway refuses such callers first
 * (`gateway/field-policy.ts`); this is each subgraph's own check, for whoever reaches it directly.
 */
export function requireRole(caller: Caller, ...roles: readonly Role[]): void {
  if (!isAuthenticated(caller)) throw apiError(ErrorCode.UNAUTHENTICATED, 'Sign in: this needs an access token.');
  if (!hasRole(caller, ...roles)) throw apiError(ErrorCode.FORBIDDEN, `This needs one of the roles: ${roles.join(', ')}.`);
}
