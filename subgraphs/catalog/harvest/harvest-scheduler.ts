import type { Database } from '../../../platform/db/database.js';
import type { Logger } from '../../../platform/logger.js';
import { CoalescedRun } from '../../../platform/coalesced-run.js';
import { claimDueHarvestSource } from '../db/queries/harvest-sources.js';
import { runHarvest } from './run-harvest.js';

/** How often the scheduler looks for sources that are due. */
export const HARVEST_POLL_MS = 30_000;
/** Seconds a claim outlives a run's time limit, for storing what it found. */
export const CLAIM_GRACE_SECONDS = 120;

/**
 * Runs the scheduled harvests in each catalog replica: every `HARVEST_POLL_MS` it claims the source most
 * overdue (one replica gets it: `FOR UPDATE SKIP LOCKED` and a lease) and runs it, then the next, until
 * none is due. Sources without a schedule run only on demand (`harvestNow`).
 */
export class HarvestScheduler {
  private readonly run: CoalescedRun;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
  ) {
    this.run = new CoalescedRun(
      () => this.runDue(),
      (error) => this.logger.warn({ err: error }, 'scheduled harvests failed; they are tried again at the next poll'),
    );
  }

  start(): void {
    this.timer = setInterval(() => this.run.wake(), HARVEST_POLL_MS);
    this.timer.unref();
    this.run.wake();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.run.stop();
  }

  private async runDue(): Promise<void> {
    for (;;) {
      if (this.run.isStopped) return;
      const source = await claimDueHarvestSource(this.database.db, CLAIM_GRACE_SECONDS);
      if (source === null) return;
      await runHarvest(this.database.db, source, 'SCHEDULE', this.logger);
    }
  }
}
