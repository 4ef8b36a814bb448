import { INTERNAL_ROLES, type Role } from './roles.js';

/** Who is calling, as every service sees it once the token is verified. */
export interface Caller {
  /** The token's subject; null for an anonymous caller. */
  readonly subject: string | null;
  /** The partner organisation the caller acts for, if any. */
  readonly organisationId: string | null;
  readonly roles: readonly Role[];
  /** Correlates the gateway's and the subgraphs' log lines and audit entries of one request. */
  readonly requestId: string;
}

/** The anonymous caller of a request. */
export function anonymousCaller(requestId: string): Caller {
  return { subject: null, organisationId: null, roles: [], requestId };
}

/** True when the caller holds any of `roles`. */
export function hasRole(caller: Caller, ...roles: Role[]): boolean {
  return roles.some((r) => caller.roles.includes(r));
}

/** True for the platform's own staff and tools (`INTERNAL_ROLES`), as opposed to partners and the public. */
export function isInternal(caller: Caller): boolean {
  return hasRole(caller, ...INTERNAL_ROLES);
}

/** True for a caller with a verified identity. */
export function isAuthenticated(caller: Caller): boolean {
  return caller.subject !== null;
}
