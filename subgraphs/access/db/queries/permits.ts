import { and, desc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { permit } from '../schema/permit.js';
import { isUuid } from './applications.js';
import { inKeyOrder } from '../../../../platform/db/in-key-order.js';

export type PermitRow = typeof permit.$inferSelect;

/** ACTIVE, REVOKED, or EXPIRED once `validUntil` has passed (`today` as YYYY-MM-DD). */
export function permitStatus(row: Pick<PermitRow, 'revokedAt' | 'validUntil'>, today: string): 'ACTIVE' | 'EXPIRED' | 'REVOKED' {
  if (row.revokedAt) return 'REVOKED';
  return row.validUntil < today ? 'EXPIRED' : 'ACTIVE';
}

/** Inserts a permit and returns it. */
export async function insertPermit(db: Db, values: typeof permit.$inferInsert): Promise<PermitRow> {
  const [row] = await db.insert(permit).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** The permits with these ids, in the order of `ids`, null for unknown ones. */
export async function getPermitsByIds(db: Db, ids: readonly string[]): Promise<(PermitRow | null)[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return ids.map(() => null);
  const rows = await db.select().from(permit).where(inArray(permit.id, valid));
  return inKeyOrder(ids, rows, (r) => r.id);
}

/** The permit of each application, in the order of `applicationIds`, null when none was issued. */
export async function getPermitsByApplicationIds(db: Db, applicationIds: readonly string[]): Promise<(PermitRow | null)[]> {
  if (applicationIds.length === 0) return [];
  const rows = await db.select().from(permit).where(inArray(permit.applicationId, [...applicationIds]));
  return inKeyOrder(applicationIds, rows, (r) => r.applicationId);
}

export interface ListPermitsParams {
  holderOrganisationId?: string | undefined;
  datasetId?: string | undefined;
  /** Only permits in force today (not revoked, not expired). */
  activeOn?: string | undefined;
  limit: number;
  after?: { createdAt: string; id: string } | undefined;
}

function listConditions(params: Omit<ListPermitsParams, 'limit' | 'after'>): SQL[] {
  const conditions: SQL[] = [];
  if (params.holderOrganisationId !== undefined) conditions.push(eq(permit.holderOrganisationId, params.holderOrganisationId));
  if (params.datasetId !== undefined) conditions.push(sql`${permit.datasetIds} @> ${sql.param([params.datasetId])}::text[]`);
  if (params.activeOn !== undefined) {
    conditions.push(isNull(permit.revokedAt), lte(permit.validFrom, params.activeOn), gte(permit.validUntil, params.activeOn));
  }
  return conditions;
}

/** A page of permits, newest first. */
export function listPermits(db: Db, params: ListPermitsParams): Promise<PermitRow[]> {
  const conditions = listConditions(params);
  if (params.after) {
    const at = new Date(params.after.createdAt);
    const position = or(lt(permit.createdAt, at), and(eq(permit.createdAt, at), lt(permit.id, params.after.id)));
    if (position) conditions.push(position);
  }
  return db
    .select()
    .from(permit)
    .where(and(...conditions))
    .orderBy(desc(permit.createdAt), desc(permit.id))
    .limit(params.limit);
}

/** How many permits match. */
export function countPermits(db: Db, params: Omit<ListPermitsParams, 'limit' | 'after'>): Promise<number> {
  return db.$count(permit, and(...listConditions(params)));
}

/** The organisation's permits in force on `today` that cover any of `datasetIds`. */
export function activePermitsFor(db: Db, organisationId: string, datasetIds: readonly string[], today: string): Promise<PermitRow[]> {
  return db
    .select()
    .from(permit)
    .where(
      and(
        eq(permit.holderOrganisationId, organisationId),
        isNull(permit.revokedAt),
        lte(permit.validFrom, today),
        gte(permit.validUntil, today),
        sql`${permit.datasetIds} && ${sql.param([...datasetIds])}::text[]`,
      ),
    );
}

/** Revokes a permit in force; null when it does not exist or is already revoked or expired. */
export async function revokePermit(db: Db, id: string, reason: string, today: string): Promise<PermitRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .update(permit)
    .set({ revokedAt: new Date(), revocationReason: reason })
    .where(and(eq(permit.id, id), isNull(permit.revokedAt), gte(permit.validUntil, today)))
    .returning();
  return row ?? null;
}

/**
 * Extends a permit in force to `validUntil`, once: the conditional UPDATE only matches a permit never
 * extended, so two concurrent extensions cannot both succeed. Null when the permit cannot be extended.
 */
export async function extendPermit(db: Db, id: string, validUntil: string, today: string): Promise<PermitRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .update(permit)
    .set({ validUntil, extensionCount: sql`${permit.extensionCount} + 1` })
    .where(and(eq(permit.id, id), isNull(permit.revokedAt), gte(permit.validUntil, today), eq(permit.extensionCount, 0), lt(permit.validUntil, validUntil)))
    .returning();
  return row ?? null;
}
