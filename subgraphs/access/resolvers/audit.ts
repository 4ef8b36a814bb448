import type { AccessContext } from '../context.js';
import { appendAuditEntry, type AuditEntryInput } from '../db/queries/audit.js';
import type { Db } from '../../../platform/db/database.js';

/**
 * Records what the caller did here, in `db` (pass the mutation's transaction so the entry commits or
 * rolls back with the change). Anonymous reads of public data are not recorded.
 */
export async function audit(
  ctx: AccessContext,
  action: string,
  outcome: AuditEntryInput['outcome'],
  datasetIds: readonly string[] = [],
  detail: Record<string, unknown> | null = null,
  db: Db = ctx.db,
): Promise<void> {
  if (ctx.caller.subject === null) return;
  await appendAuditEntry(db, ctx.audit.key, {
    requestId: ctx.caller.requestId,
    subject: ctx.caller.subject,
    organisationId: ctx.caller.organisationId,
    roles: ctx.caller.roles,
    source: 'access',
    action,
    datasetIds,
    outcome,
    detail,
  });
}
