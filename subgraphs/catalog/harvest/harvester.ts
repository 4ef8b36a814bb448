import type { Database } from '../../../platform/db/database.js';
import type { Logger } from '../../../platform/logger.js';
import { claimHarvestSource, getHarvestSources, releaseHarvestSource, type HarvestRunRow } from '../db/queries/harvest-sources.js';
import { CLAIM_GRACE_SECONDS, HarvestScheduler } from './harvest-scheduler.js';
import { runHarvest } from './run-harvest.js';

/** Why a run on demand did not happen. */
export type RunRefusal = 'NOT_FOUND' | 'HARVEST_RUNNING';

/**
 * The harvesting of one catalog process: the scheduler of due sources, and runs on demand. Runs of one
 * source never overlap, across processes too: each run claims its source first.
 */
export class Harvester {
  private readonly scheduler: HarvestScheduler;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
  ) {
    this.scheduler = new HarvestScheduler(database, logger);
  }

  start(): void {
    this.scheduler.start();
  }

  stop(): Promise<void> {
    return this.scheduler.stop();
  }

  /** Runs `sourceId` now and answers its report, or why it could not run. */
  async runNow(sourceId: string): Promise<{ run: HarvestRunRow } | { refused: RunRefusal }> {
    const db = this.database.db;
    const [source] = await getHarvestSources(db, [sourceId]);
    if (!source) return { refused: 'NOT_FOUND' };
    if (!(await claimHarvestSource(db, source.id, source.timeoutSeconds + CLAIM_GRACE_SECONDS))) return { refused: 'HARVEST_RUNNING' };
    try {
      return { run: await runHarvest(db, source, 'MANUAL', this.logger) };
    } catch (error) {
      await releaseHarvestSource(db, source.id).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Runs `work` while holding `sourceId` (no run may start meanwhile): false, without running it, when a
   * run holds the source.
   */
  async whileHeld(sourceId: string, seconds: number, work: () => Promise<void>): Promise<boolean> {
    const db = this.database.db;
    if (!(await claimHarvestSource(db, sourceId, seconds))) return false;
    try {
      await work();
    } finally {
      await releaseHarvestSource(db, sourceId).catch(() => undefined);
    }
    return true;
  }
}
