import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { accessApplication } from '../schema/access-application.js';
import { inKeyOrder } from '../../../../platform/db/in-key-order.js';

export type ApplicationRow = typeof accessApplication.$inferSelect;
export type ApplicationStatus = ApplicationRow['status'];

/** Inserts a submitted application and returns it. */
export async function insertApplication(db: Db, values: typeof accessApplication.$inferInsert): Promise<ApplicationRow> {
  const [row] = await db.insert(accessApplication).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** The applications with these ids, in the order of `ids`, null for unknown ones. */
export async function getApplicationsByIds(db: Db, ids: readonly string[]): Promise<(ApplicationRow | null)[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return ids.map(() => null);
  const rows = await db.select().from(accessApplication).where(inArray(accessApplication.id, valid));
  return inKeyOrder(ids, rows, (r) => r.id);
}

/**
 * Moves an application from one of `from` to `to` in a single conditional UPDATE, so that of two
 * concurrent transitions exactly one succeeds. Returns the updated row, or null when the application
 * was not in one of `from` (or does not exist).
 */
export async function transitionApplication(
  db: Db,
  id: string,
  from: readonly ApplicationStatus[],
  to: ApplicationStatus,
  changes: Partial<typeof accessApplication.$inferInsert> = {},
): Promise<ApplicationRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .update(accessApplication)
    .set({ ...changes, status: to })
    .where(and(eq(accessApplication.id, id), inArray(accessApplication.status, [...from])))
    .returning();
  return row ?? null;
}

export interface ListApplicationsParams {
  organisationId?: string | undefined;
  datasetId?: string | undefined;
  statuses?: readonly ApplicationStatus[] | undefined;
  limit: number;
  /** Keyset: start after this (submitted_at, id) position, newest first. */
  after?: { submittedAt: string; id: string } | undefined;
}

function listConditions(params: Omit<ListApplicationsParams, 'limit' | 'after'>): SQL[] {
  const conditions: SQL[] = [];
  if (params.organisationId !== undefined) conditions.push(eq(accessApplication.applicantOrganisationId, params.organisationId));
  if (params.datasetId !== undefined) conditions.push(sql`${accessApplication.datasetIds} @> ${sql.param([params.datasetId])}::text[]`);
  if (params.statuses && params.statuses.length > 0) conditions.push(inArray(accessApplication.status, [...params.statuses]));
  return conditions;
}

/** A page of applications, newest first. */
export function listApplications(db: Db, params: ListApplicationsParams): Promise<ApplicationRow[]> {
  const conditions = listConditions(params);
  if (params.after) {
    const at = new Date(params.after.submittedAt);
    const position = or(lt(accessApplication.submittedAt, at), and(eq(accessApplication.submittedAt, at), lt(accessApplication.id, params.after.id)));
    if (position) conditions.push(position);
  }
  return db
    .select()
    .from(accessApplication)
    .where(and(...conditions))
    .orderBy(desc(accessApplication.submittedAt), desc(accessApplication.id))
    .limit(params.limit);
}

/** How many applications match. */
export function countApplications(db: Db, params: Omit<ListApplicationsParams, 'limit' | 'after'>): Promise<number> {
  return db.$count(accessApplication, and(...listConditions(params)));
}

/** The organisation's applications awaiting a decision that name any of `datasetIds`. */
export function pendingApplicationsFor(db: Db, organisationId: string, datasetIds: readonly string[]): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(accessApplication)
    .where(
      and(
        eq(accessApplication.applicantOrganisationId, organisationId),
        inArray(accessApplication.status, ['SUBMITTED', 'UNDER_REVIEW']),
        sql`${accessApplication.datasetIds} && ${sql.param([...datasetIds])}::text[]`,
      ),
    );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a syntactically valid UUID (anything else cannot be an id here). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
