import type { Caller } from '../../../platform/identity/caller.js';
import type { Role } from '../../../platform/identity/roles.js';
import type { CurationActor } from '../db/queries/dataset-history.js';

/** Roles that may create, update and withdraw datasets. */
export const CURATOR_ROLES: readonly Role[] = ['data-steward', 'admin'];

/** Roles that may read the curation history of datasets (the platform's internal reviewers and staff). */
export const HISTORY_READER_ROLES: readonly Role[] = ['data-steward', 'admin', 'auditor', 'hdab-reviewer'];

/** Who makes a curation change, as the history records it: the token's subject and organisation. */
export function curationActor(caller: Caller): CurationActor {
  return { subject: caller.subject ?? '', organisation: caller.organisationId };
}
