import { INTERNAL_ROLES, type Role } from '../platform/identity/roles.js';
import { CURATOR_ROLES, HISTORY_READER_ROLES } from '../subgraphs/catalog/model/curation-roles.js';

/** Any authenticated caller, whatever their role. */
export const AUTHENTICATED = 'authenticated' as const;

/**
 * Fields (as `Type.field`) that only some callers can ever see. The gateway refuses an operation that
 * selects one of them before planning it; the subgraph that owns the field enforces the same rule, and
 * finer ones (which organisation's records), where the data lives.
 */
export const fieldPolicy: Readonly<Record<string, readonly Role[] | typeof AUTHENTICATED>> = {
  'Query.organisations': AUTHENTICATED,
  'Query.organisation': AUTHENTICATED,
  'Query.accessApplication': ['researcher', 'hdab-reviewer', 'admin', 'auditor'],
  'Query.accessApplications': ['researcher', 'hdab-reviewer', 'admin', 'auditor'],
  'Query.permit': ['researcher', 'hdab-reviewer', 'admin', 'auditor'],
  'Query.permits': ['researcher', 'hdab-reviewer', 'admin', 'auditor'],
  'Query.auditTrail': ['auditor', 'admin'],
  'Query.verifyAuditChain': ['auditor', 'admin'],
  'Query.changes': ['researcher', ...INTERNAL_ROLES],
  'Query.webhookSubscriptions': ['researcher', ...INTERNAL_ROLES],
  'Query.webhookSubscription': ['researcher', ...INTERNAL_ROLES],
  'Mutation.createWebhookSubscription': ['researcher', ...INTERNAL_ROLES],
  'Mutation.pauseWebhookSubscription': ['researcher', ...INTERNAL_ROLES],
  'Mutation.resumeWebhookSubscription': ['researcher', ...INTERNAL_ROLES],
  'Mutation.rotateWebhookSecret': ['researcher', ...INTERNAL_ROLES],
  'Mutation.deleteWebhookSubscription': ['researcher', ...INTERNAL_ROLES],
  'Mutation.replayWebhookDeliveries': ['researcher', ...INTERNAL_ROLES],
  'Query.savedSearches': ['researcher', ...INTERNAL_ROLES],
  'Query.savedSearch': ['researcher', ...INTERNAL_ROLES],
  'Mutation.saveSearch': ['researcher', ...INTERNAL_ROLES],
  'Mutation.deleteSavedSearch': ['researcher', ...INTERNAL_ROLES],
  'Dataset.permits': ['researcher', 'hdab-reviewer', 'admin', 'auditor'],
  'Dataset.accessApplications': ['researcher', 'hdab-reviewer', 'admin', 'auditor'],
  'Mutation.submitAccessApplication': ['researcher'],
  'Mutation.withdrawAccessApplication': ['researcher'],
  'Mutation.startReview': ['hdab-reviewer'],
  'Mutation.decideAccessApplication': ['hdab-reviewer'],
  'Mutation.revokePermit': ['hdab-reviewer'],
  'Mutation.extendPermit': ['hdab-reviewer'],
  'Mutation.createOrganisation': ['admin'],
  'Mutation.addOrganisationMember': ['admin'],
  'Mutation.removeOrganisationMember': ['admin'],
  'Query.lineage': AUTHENTICATED,
  'Query.impactAnalysis': AUTHENTICATED,
  'Dataset.lineage': AUTHENTICATED,
  'Query.job': INTERNAL_ROLES,
  'Query.run': INTERNAL_ROLES,
  'Query.runs': INTERNAL_ROLES,
  'Query.columnLineage': INTERNAL_ROLES,
  'Mutation.mapLineageDataset': ['data-steward', 'admin'],
  'Mutation.createDataset': CURATOR_ROLES,
  'Mutation.updateDataset': CURATOR_ROLES,
  'Mutation.withdrawDataset': CURATOR_ROLES,
  'Mutation.importDataset': CURATOR_ROLES,
  'Mutation.replaceDatasetRecord': CURATOR_ROLES,
  'Dataset.history': HISTORY_READER_ROLES,
  'Query.datasetHistory': HISTORY_READER_ROLES,
  'Query.harvestSources': ['admin'],
  'Query.harvestSource': ['admin'],
  'Query.harvestRun': ['admin'],
  'Mutation.registerHarvestSource': ['admin'],
  'Mutation.updateHarvestSource': ['admin'],
  'Mutation.deleteHarvestSource': ['admin'],
  'Mutation.harvestNow': ['admin'],
};
