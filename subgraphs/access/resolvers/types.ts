import type { DatasetAccessBody } from '../dataset-directory.js';
import { hasRole } from '../../../platform/identity/caller.js';
import type { AccessContext } from '../context.js';
import type { ApplicationRow } from '../db/queries/applications.js';
import type { AuditEntryRow } from '../db/queries/audit.js';
import type { OrganisationRow } from '../db/queries/organisations.js';
import { permitStatus, type PermitRow } from '../db/queries/permits.js';
import { canSeeOrganisation } from '../model/policy.js';
import { applicationsConnection, permitsConnection } from './query.js';

const datasetRefs = (ids: string[]) => ids.map((id) => ({ __typename: 'Dataset', id }));

/**
 * Each dataset of an application or permit with its deciding access body, in the order of `datasetIds`;
 * rows from before access bodies were recorded give null bodies.
 */
function partsOf(row: { datasetIds: string[]; datasetAccessBodies: DatasetAccessBody[] }) {
  const byDataset = new Map(row.datasetAccessBodies.map((b) => [b.datasetId, b]));
  return row.datasetIds.map((id) => {
    const body = byDataset.get(id);
    return {
      dataset: { __typename: 'Dataset', id },
      accessBody: body?.accessBodyId ? { __typename: 'DataHolder', id: body.accessBodyId } : null,
      country: body?.country ?? null,
    };
  });
}
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** `Dataset` as extended by the access subgraph: what the caller may do with it. */
export const Dataset = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),

  async viewerAccess(dataset: { id: string }, _a: unknown, ctx: AccessContext) {
    const caller = ctx.caller;
    if (caller.subject === null) {
      return { status: 'ANONYMOUS', canRequest: false, activePermit: null, reasons: ['Sign in as a researcher of a partner organisation to apply for access.'] };
    }
    if (!hasRole(caller, 'researcher') || !caller.organisationId) {
      return { status: 'NOT_APPLICABLE', canRequest: false, activePermit: null, reasons: ['Only researchers of partner organisations apply for access.'] };
    }
    const [active, pending] = await Promise.all([ctx.loaders.callerActivePermit.load(dataset.id), ctx.loaders.callerPendingApplication.load(dataset.id)]);
    if (active) {
      return {
        status: 'GRANTED',
        canRequest: false,
        activePermit: { id: active.id, validUntil: active.validUntil },
        reasons: [`Your organisation holds permit ${active.id}, valid until ${active.validUntil}.`],
      };
    }
    if (pending) {
      return { status: 'PENDING', canRequest: false, activePermit: null, reasons: [`Application ${pending.id} is ${pending.status}; the decision is due by ${pending.decisionDueAt}.`] };
    }
    return { status: 'NONE', canRequest: true, activePermit: null, reasons: ['No permit or pending application: you may apply.'] };
  },

  permits: (dataset: { id: string }, args: { first?: number | null; after?: string | null }, ctx: AccessContext) => permitsConnection(ctx, args, dataset.id),
  accessApplications: (dataset: { id: string }, args: { first?: number | null; after?: string | null }, ctx: AccessContext) =>
    applicationsConnection(ctx, args, dataset.id),
};

export const Organisation = {
  __resolveReference: (ref: { id: string }, ctx: AccessContext) => ctx.loaders.organisation.load(ref.id),
  async members(row: OrganisationRow, _a: unknown, ctx: AccessContext) {
    const mayList = hasRole(ctx.caller, 'hdab-reviewer', 'admin') || (hasRole(ctx.caller, 'researcher') && ctx.caller.organisationId === row.id);
    return mayList ? ctx.loaders.members.load(row.id) : [];
  },
};

export const AccessApplication = {
  async __resolveReference(ref: { id: string }, ctx: AccessContext) {
    const row = await ctx.loaders.application.load(ref.id);
    return row && canSeeOrganisation(ctx.caller, row.applicantOrganisationId) ? row : null;
  },
  applicantOrganisation: (row: ApplicationRow, _a: unknown, ctx: AccessContext) => ctx.loaders.organisation.load(row.applicantOrganisationId),
  datasets: (row: ApplicationRow) => datasetRefs(row.datasetIds),
  parts: (row: ApplicationRow) => partsOf(row),
  multiCountry: (row: ApplicationRow) => new Set(row.datasetAccessBodies.map((b) => b.country).filter((c) => c !== null)).size > 1,
  submittedAt: (row: ApplicationRow) => iso(row.submittedAt),
  reviewStartedAt: (row: ApplicationRow) => iso(row.reviewStartedAt),
  decidedAt: (row: ApplicationRow) => iso(row.decidedAt),
  permit: (row: ApplicationRow, _a: unknown, ctx: AccessContext) => ctx.loaders.permitOfApplication.load(row.id),
};

export const Permit = {
  async __resolveReference(ref: { id: string }, ctx: AccessContext) {
    const row = await ctx.loaders.permit.load(ref.id);
    return row && canSeeOrganisation(ctx.caller, row.holderOrganisationId) ? row : null;
  },
  status: (row: PermitRow, _a: unknown, ctx: AccessContext) => permitStatus(row, ctx.today),
  holderOrganisation: (row: PermitRow, _a: unknown, ctx: AccessContext) => ctx.loaders.organisation.load(row.holderOrganisationId),
  datasets: (row: PermitRow) => datasetRefs(row.datasetIds),
  parts: (row: PermitRow) => partsOf(row),
  revokedAt: (row: PermitRow) => iso(row.revokedAt),
  extended: (row: PermitRow) => row.extensionCount > 0,
  application: (row: PermitRow, _a: unknown, ctx: AccessContext) => ctx.loaders.application.load(row.applicationId),
};

/** The public register's view of a permit: organisation, datasets, purpose and dates, nothing else. */
export const PublicPermit = {
  async organisation(row: PermitRow, _a: unknown, ctx: AccessContext) {
    const org = await ctx.loaders.organisation.load(row.holderOrganisationId);
    return { id: row.holderOrganisationId, name: org?.name ?? row.holderOrganisationId, country: org?.country ?? '' };
  },
  datasets: (row: PermitRow) => datasetRefs(row.datasetIds),
  parts: (row: PermitRow) => partsOf(row),
  status: (row: PermitRow, _a: unknown, ctx: AccessContext) => permitStatus(row, ctx.today),
};

export const AuditEntry = {
  requestId: (row: AuditEntryRow) => row.request_id,
  organisationId: (row: AuditEntryRow) => row.organisation_id,
  operationName: (row: AuditEntryRow) => row.operation_name,
  documentHash: (row: AuditEntryRow) => row.document_hash,
  datasetIds: (row: AuditEntryRow) => row.dataset_ids,
  previousHash: (row: AuditEntryRow) => row.previous_hash,
};
