/**
 * The roles of the platform and the OAuth scopes that grant them. An identity provider grants a role
 * either as a `roles` claim (or Keycloak's `realm_access.roles`) or as the matching scope in `scope`.
 */
export const ROLES = ['researcher', 'hdab-reviewer', 'data-steward', 'pipeline', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The scope that grants each role. */
export const SCOPE_OF_ROLE: Readonly<Record<Role, string>> = {
  researcher: 'hmg:research',
  'hdab-reviewer': 'hmg:review',
  'data-steward': 'hmg:curate',
  pipeline: 'hmg:lineage:write',
  auditor: 'hmg:audit:read',
  admin: 'hmg:admin',
};

/** The platform's own staff and tools, as opposed to partners' researchers and anonymous callers. */
export const INTERNAL_ROLES: readonly Role[] = ['pipeline', 'data-steward', 'hdab-reviewer', 'auditor', 'admin'];

/** Roles that act for a partner organisation and so need one (`org` claim). */
export const ORGANISATION_ROLES: readonly Role[] = ['researcher'];

/** True for a known role name. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles granted by a token's role names and scopes, unknown ones ignored. */
export function rolesFrom(roleNames: readonly string[], scopes: readonly string[]): Role[] {
  const granted = new Set<Role>(roleNames.filter(isRole));
  for (const role of ROLES) if (scopes.includes(SCOPE_OF_ROLE[role])) granted.add(role);
  return ROLES.filter((r) => granted.has(r));
}
