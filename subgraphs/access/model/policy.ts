import { requireRole } from '../../../platform/graphql/require-role.js';
import { hasRole, type Caller } from '../../../platform/identity/caller.js';
import type { Role } from '../../../platform/identity/roles.js';

/** Roles that see every organisation's applications and permits. */
export const OVERSEEING_ROLES: Role[] = ['hdab-reviewer', 'admin', 'auditor'];

/** True when the caller may see the applications and permits of `organisationId`. */
export function canSeeOrganisation(caller: Caller, organisationId: string): boolean {
  if (hasRole(caller, ...OVERSEEING_ROLES)) return true;
  return hasRole(caller, 'researcher') && caller.organisationId === organisationId;
}

/**
 * Which organisation's records a list shows the caller: all (undefined) for overseeing roles, their own for
 * a researcher; anyone else is refused.
 */
export function visibleOrganisation(caller: Caller): string | undefined {
  requireRole(caller, 'researcher', ...OVERSEEING_ROLES);
  if (hasRole(caller, ...OVERSEEING_ROLES)) return undefined;
  return caller.organisationId ?? '';
}
