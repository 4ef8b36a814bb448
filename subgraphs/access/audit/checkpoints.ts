import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../../platform/db/database.js';
import { auditHead } from '../db/queries/audit.js';
import type { Logger } from '../../../platform/logger.js';
import type { Config } from '../../../platform/config.js';
import { loadAuditKey, type AuditKey } from './audit-key.js';
import { checkpointText, type Checkpoint } from './entry-mac.js';

/** What the access service needs to write and verify the audit trail. */
export interface AuditSettings {
  readonly key: AuditKey;
  /** The JSON-lines file checkpoints are appended to and read back from (`AUDIT_CHECKPOINT_FILE`). */
  readonly checkpointFile: string | undefined;
}

/**
 * Writes a checkpoint of the trail's head (sequence number and hash, MAC'd with the key) when the head
 * moved since `after`: one `audit checkpoint` log line, and one JSON line appended to `file` when set.
 * Both are outside the audit table, so cutting its tail later contradicts them. Answers the head's
 * sequence number (or `after` when nothing was written).
 */
export async function writeCheckpoint(db: Db, settings: AuditSettings, logger: Logger, after = 0): Promise<number> {
  const head = await auditHead(db);
  if (!head || head.seq <= after) return after;
  const unsigned = { seq: head.seq, hash: head.hash, at: new Date().toISOString() };
  const checkpoint: Checkpoint = { ...unsigned, mac: settings.key.mac(checkpointText(unsigned)) };
  if (settings.checkpointFile) {
    await mkdir(path.dirname(settings.checkpointFile), { recursive: true });
    await appendFile(settings.checkpointFile, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  }
  logger.info({ auditCheckpoint: checkpoint }, 'audit checkpoint');
  return head.seq;
}

/**
 * Reads the checkpoints of `file` (missing file: none). Lines that are not checkpoints are skipped; the
 * MACs are checked by verification, which reports the ones that do not verify.
 */
export async function readCheckpoints(file: string | undefined): Promise<Checkpoint[]> {
  if (!file) return [];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const checkpoints: Checkpoint[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const value = JSON.parse(line) as Partial<Checkpoint>;
      if (Number.isSafeInteger(value.seq) && typeof value.hash === 'string' && typeof value.at === 'string' && typeof value.mac === 'string') {
        checkpoints.push({ seq: value.seq as number, hash: value.hash, at: value.at, mac: value.mac });
      }
    } catch {
      // A torn last line (a crash mid-write) is not a checkpoint.
    }
  }
  return checkpoints;
}

/**
 * Writes a checkpoint every `intervalMs` when the head moved, and a last one on `stop()`. Failures are
 * logged, never thrown: the trail keeps being written, and the next tick tries again.
 */
export function startAuditCheckpoints(db: Db, settings: AuditSettings, logger: Logger, intervalMs: number): { stop(): Promise<void> } {
  let last = 0;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running.then(async () => {
      try {
        last = await writeCheckpoint(db, settings, logger, last);
      } catch (err) {
        logger.error({ err }, 'audit checkpoint failed');
      }
    });
    return running;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return {
    async stop() {
      clearInterval(timer);
      await tick();
    },
  };
}

/** The audit settings of a configuration: its key (see `loadAuditKey`) and checkpoint file. */
export async function loadAuditSettings(config: Pick<Config, 'audit' | 'dataDir' | 'production'>): Promise<AuditSettings> {
  const key = await loadAuditKey({ key: config.audit.key, keyFile: config.audit.keyFile, dataDir: config.dataDir, production: config.production });
  return { key, checkpointFile: config.audit.checkpointFile };
}
