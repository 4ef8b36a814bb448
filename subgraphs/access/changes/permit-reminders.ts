import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../../platform/db/database.js';
import { queryRows } from '../../../platform/db/rows.js';
import type { Logger } from '../../../platform/logger.js';

/** How often permits are checked for reminders. */
const EVERY_MS = 60 * 60 * 1000;

/**
 * Writes the change events of permits about to expire (30 days, then 7 days before) or expired on
 * `today` (YYYY-MM-DD), each once however often it runs, one process at a time. Answers how many it wrote.
 */
export async function emitPermitReminders(db: Db, today: string): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('access.permit_reminders'))`);
    const [row] = await queryRows<{ written: number }>(tx, sql`SELECT access.emit_permit_reminders(${today}::date) AS written`);
    return Number(row?.written ?? 0);
  });
}

/** Runs `emitPermitReminders` now and every hour; answers how to stop. */
export function schedulePermitReminders(database: Database, logger: Logger): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = emitPermitReminders(database.background, new Date().toISOString().slice(0, 10))
      .then((written) => written > 0 && logger.info({ written }, 'permit reminders written to the change feed'))
      .catch((error: unknown) => logger.warn({ err: error }, 'could not check permits for reminders; will try again within the hour'));
  };
  run();
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
