import type { Db } from '../../platform/db/database.js';
import type { Caller } from '../../platform/identity/caller.js';
import type { DatasetDirectory } from './dataset-directory.js';
import type { AccessLoaders } from './loaders.js';
import type { AuditSettings } from './audit/checkpoints.js';
import type { WebhookTargetPolicy } from './webhooks/webhook-target.js';

/** What every access resolver receives. Built once per request. */
export interface AccessContext {
  readonly db: Db;
  readonly loaders: AccessLoaders;
  readonly caller: Caller;
  /** Tells which catalogue datasets exist (asks the catalog subgraph). */
  readonly datasets: DatasetDirectory;
  /** Today's date (YYYY-MM-DD, UTC): permits expire by it. */
  readonly today: string;
  /** The audit trail's key, and where its checkpoints are read from for verification. */
  readonly audit: AuditSettings;
  /** Where webhooks may be sent. */
  readonly webhooks: { readonly policy: WebhookTargetPolicy };
}
