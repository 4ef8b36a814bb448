import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { organisation } from '../schema/organisation.js';
import { organisationMember } from '../schema/organisation-member.js';
import { inKeyOrder } from '../../../../platform/db/in-key-order.js';

export type OrganisationRow = typeof organisation.$inferSelect;
export type OrganisationMemberRow = typeof organisationMember.$inferSelect;

/** The organisations with these ids, in the order of `ids`, null for unknown ones. */
export async function getOrganisationsByIds(db: Db, ids: readonly string[]): Promise<(OrganisationRow | null)[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(organisation).where(inArray(organisation.id, [...ids]));
  return inKeyOrder(ids, rows, (r) => r.id);
}

/** A page of organisations ordered by id. */
export function listOrganisations(db: Db, limit: number, afterId?: string): Promise<OrganisationRow[]> {
  return db
    .select()
    .from(organisation)
    .where(afterId === undefined ? undefined : gt(organisation.id, afterId))
    .orderBy(asc(organisation.id))
    .limit(limit);
}

/** How many organisations there are. */
export function countOrganisations(db: Db): Promise<number> {
  return db.$count(organisation);
}

/** The members of each organisation, in the order of `ids`. */
export async function getMembersByOrganisationIds(db: Db, ids: readonly string[]): Promise<OrganisationMemberRow[][]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(organisationMember)
    .where(inArray(organisationMember.organisationId, [...ids]))
    .orderBy(asc(organisationMember.subject));
  return ids.map((id) => rows.filter((r) => r.organisationId === id));
}

/** Inserts an organisation; returns null when the id is taken. */
export async function insertOrganisation(db: Db, values: typeof organisation.$inferInsert): Promise<OrganisationRow | null> {
  const [row] = await db.insert(organisation).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Adds or updates a member. */
export async function upsertMember(db: Db, values: typeof organisationMember.$inferInsert): Promise<void> {
  await db
    .insert(organisationMember)
    .values(values)
    .onConflictDoUpdate({ target: [organisationMember.organisationId, organisationMember.subject], set: { name: values.name, email: values.email ?? null } });
}

/** Removes a member; returns whether one was removed. */
export async function deleteMember(db: Db, organisationId: string, subject: string): Promise<boolean> {
  const rows = await db
    .delete(organisationMember)
    .where(and(eq(organisationMember.organisationId, organisationId), eq(organisationMember.subject, subject)))
    .returning({ subject: organisationMember.subject });
  return rows.length > 0;
}
