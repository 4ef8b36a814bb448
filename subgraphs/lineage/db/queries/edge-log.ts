import { sql } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { queryRows } from '../../../../platform/db/rows.js';

/**
 * The advisory lock that orders edge writes against readers of the edge log. Writers hold it shared
 * (many at once); a reader takes it exclusively for an instant to learn the highest `seq` that no
 * unfinished writer can undercut.
 */
const EDGE_LOG_LOCK = 0x6c696e65; // "line"

/**
 * A one-row relation that takes the edge-log lock shared for the rest of the transaction. A statement
 * that adds edges joins it (`FROM ..., ${edgeWriteLock}`), so the lock is held before any edge of the
 * statement is numbered and until the commit: a reader's high-water mark never passes an edge that is
 * not yet committed.
 */
export const edgeWriteLock = sql`(SELECT pg_advisory_xact_lock_shared(${EDGE_LOG_LOCK})) AS edge_write_lock`;

/**
 * The edge log's high-water mark: the highest `seq` such that every edge numbered at or below it is
 * committed (or never will be). It waits, for as long as the in-flight edge writes take, for the
 * exclusive lock, which no edge writer holds; every writer that numbered edges has then finished, and
 * any later writer numbers its edges above the mark. Runs in its own short transaction.
 */
export async function edgeHighWaterMark(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${EDGE_LOG_LOCK})`);
    const [row] = await queryRows<{ seq: string | number }>(tx, sql`SELECT coalesce(max(seq), 0) AS seq FROM lineage.edge`);
    return Number(row?.seq ?? 0);
  });
}

/**
 * Calls `onEdge` for each edge numbered in (`after`, `upTo`], in no particular order. One row comes
 * back however many edges there are: a million edges travel as one string of ids, not a million rows.
 */
export async function forEachEdgeBetween(db: Db, after: number, upTo: number, onEdge: (src: number, dst: number) => void): Promise<void> {
  if (upTo <= after) return;
  const [row] = await queryRows<{ pairs: string | null }>(
    db,
    sql`SELECT string_agg(src::text || ' ' || dst::text, ' ') AS pairs FROM lineage.edge WHERE seq > ${after} AND seq <= ${upTo}`,
  );
  const text = row?.pairs ?? '';
  // Reads "s d s d ..." digit by digit: splitting a string of two million numbers costs ten times more.
  let value = 0;
  let src = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c !== 32) {
      value = value * 10 + (c - 48);
      continue;
    }
    if (src < 0) src = value;
    else {
      onEdge(src, value);
      src = -1;
    }
    value = 0;
  }
}
