import type { Db } from '../../platform/db/database.js';
import { GroupCommitter } from '../../platform/db/group-commit.js';
import type { AuditKey } from './audit/audit-key.js';
import { AuditChainAppender, type AuditEntryInput } from './db/queries/audit.js';

/**
 * The audit writer the gateway uses: concurrent requests' entries share one statement (group commit),
 * appended after the head this writer last wrote (`AuditChainAppender`: one round trip per group). Each
 * entry is authenticated by `key`. Each call resolves once its entry is committed and rejects when it
 * could not be, so an operation is never answered without its trace.
 */
export function createAuditWriter(db: Db, key: AuditKey): (entry: AuditEntryInput) => Promise<void> {
  const appender = new AuditChainAppender(db, key);
  // Groups are written one at a time, which the appender's head requires.
  const committer = new GroupCommitter(db, (_db, entries: AuditEntryInput[]) => appender.append(entries), 200, { transaction: false });
  return async (entry) => {
    await committer.write([entry]);
  };
}
