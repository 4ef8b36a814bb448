import type express from 'express';
import { hasRole, isAuthenticated, type Caller } from '../identity/caller.js';
import type { Role } from '../identity/roles.js';

/**
 * For REST routes behind the gateway: answers 401 `UNAUTHENTICATED` (with `signIn` as the message) for an
 * anonymous caller, or 403 `FORBIDDEN` naming `roles` for a caller holding none of them, and returns true
 * once it has answered; false lets the route go on.
 */
export function refuseUnlessRole(res: express.Response, caller: Caller, roles: readonly Role[], signIn = 'Send a bearer token.'): boolean {
  if (!isAuthenticated(caller)) {
    res.status(401).json({ code: 'UNAUTHENTICATED', message: signIn });
    return true;
  }
  if (!hasRole(caller, ...roles)) {
    res.status(403).json({ code: 'FORBIDDEN', message: `This needs one of the roles: ${roles.join(', ')}.` });
    return true;
  }
  return false;
}
