import DataLoader from 'dataloader';
import type { Db } from '../../platform/db/database.js';
import type { Caller } from '../../platform/identity/caller.js';
import { getApplicationsByIds, pendingApplicationsFor, type ApplicationRow } from './db/queries/applications.js';
import { getMembersByOrganisationIds, getOrganisationsByIds, type OrganisationMemberRow, type OrganisationRow } from './db/queries/organisations.js';
import { activePermitsFor, getPermitsByApplicationIds, getPermitsByIds, type PermitRow } from './db/queries/permits.js';

/** The per-request DataLoaders of the access subgraph. */
export interface AccessLoaders {
  organisation: DataLoader<string, OrganisationRow | null>;
  members: DataLoader<string, OrganisationMemberRow[]>;
  application: DataLoader<string, ApplicationRow | null>;
  permit: DataLoader<string, PermitRow | null>;
  permitOfApplication: DataLoader<string, PermitRow | null>;
  /** The caller's organisation's permit in force covering a dataset (one query for all datasets asked). */
  callerActivePermit: DataLoader<string, PermitRow | null>;
  /** The caller's organisation's pending application naming a dataset. */
  callerPendingApplication: DataLoader<string, ApplicationRow | null>;
}

/** Fresh loaders for one request and caller. */
export function createLoaders(db: Db, caller: Caller, today: string): AccessLoaders {
  const org = caller.organisationId;
  return {
    organisation: new DataLoader((ids) => getOrganisationsByIds(db, ids)),
    members: new DataLoader((ids) => getMembersByOrganisationIds(db, ids)),
    application: new DataLoader((ids) => getApplicationsByIds(db, ids)),
    permit: new DataLoader((ids) => getPermitsByIds(db, ids)),
    permitOfApplication: new DataLoader((ids) => getPermitsByApplicationIds(db, ids)),
    callerActivePermit: new DataLoader(async (datasetIds) => {
      if (!org) return datasetIds.map(() => null);
      const permits = await activePermitsFor(db, org, datasetIds, today);
      return datasetIds.map((id) => permits.filter((p) => p.datasetIds.includes(id)).sort((a, b) => (a.validUntil < b.validUntil ? 1 : -1))[0] ?? null);
    }),
    callerPendingApplication: new DataLoader(async (datasetIds) => {
      if (!org) return datasetIds.map(() => null);
      const applications = await pendingApplicationsFor(db, org, datasetIds);
      return datasetIds.map((id) => applications.find((a) => a.datasetIds.includes(id)) ?? null);
    }),
  };
}
