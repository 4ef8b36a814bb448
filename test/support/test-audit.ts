import { AuditKey } from '../../subgraphs/access/audit/audit-key.js';
import type { AuditSettings } from '../../subgraphs/access/audit/checkpoints.js';

/** The audit key of test stacks: fixed, so that every module of a test process writes one verifiable chain. */
export const testAudit: AuditSettings = { key: new AuditKey(Buffer.alloc(32, 7)), checkpointFile: undefined };
