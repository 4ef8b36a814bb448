import type { Database } from '../../../platform/db/database.js';
import { organisation } from '../db/schema/organisation.js';
import { demoOrganisations } from './organisations.js';

/** Writes the demo organisations that are missing; idempotent. */
export async function seedDemoAccess(database: Database): Promise<number> {
  const rows = await database.db.insert(organisation).values(demoOrganisations).onConflictDoNothing().returning({ id: organisation.id });
  return rows.length;
}
