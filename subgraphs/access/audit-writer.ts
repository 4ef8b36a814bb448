import type { Db } from '../../platform/db/database.js';
import { GroupCommitter } from '../../platform/db/group-commit.js';
import { writeAuditEntries, type AuditEntryInput } from './db/queries/audit.js';

/**
 * The audit writer the gateway uses: concurrent requests' entries share a transaction (group commit),
 * since every append takes the chain's lock and every commit waits for the disk. Each call resolves
 * once its entry is committed and rejects when it could not be, so an operation is never answered
 * without its trace.
 */
export function createAuditWriter(db: Db): (entry: AuditEntryInput) => Promise<void> {
  const committer = new GroupCommitter(db, writeAuditEntries, 200);
  return async (entry) => {
    await committer.write([entry]);
  };
}
