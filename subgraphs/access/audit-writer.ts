import type { Db } from '../../platform/db/database.js';
import { GroupCommitter } from '../../platform/db/group-commit.js';
import type { AuditKey } from './audit/audit-key.js';
import { writeAuditEntries, type AuditEntryInput } from './db/queries/audit.js';

/**
 * The audit writer the gateway uses: concurrent requests' entries share a transaction (group commit),
 * since every append takes the chain's lock and every commit waits for the disk. Each entry is
 * authenticated by `key`. Each call resolves once its entry is committed and rejects when it could not
 * be, so an operation is never answered without its trace.
 */
export function createAuditWriter(db: Db, key: AuditKey): (entry: AuditEntryInput) => Promise<void> {
  const committer = new GroupCommitter(db, (tx, entries: AuditEntryInput[]) => writeAuditEntries(tx, key, entries), 200);
  return async (entry) => {
    await committer.write([entry]);
  };
}
