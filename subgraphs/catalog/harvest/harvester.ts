import type { Database } from '../../../platform/db/database.js';
import type { Logger } from '../../../platform/logger.js';
import { claimHarvestSource, getHarvestSources, releaseHarvestSource, type HarvestRunRow } from '../db/queries/harvest-sources.js';
import { CLAIM_GRACE_SECONDS, HarvestScheduler } from './harvest-scheduler.js';
import { runHarvest } from './run-harvest.js';

/**
 * How long a run on demand is waited for before its caller is answered that it goes on: under the
 * gateway's default subgraph timeout (10 s), so that a long run never looks like a failure.
 */
export const RUN_NOW_WAIT_MS = 5_000;

/** Why a run on demand did not happen. */
export type RunRefusal = 'NOT_FOUND' | 'HARVEST_RUNNING';

/**
 * The harvesting of one catalog process: the scheduler of due sources, and runs on demand. Runs of one
 * source never overlap, across processes too: each run claims its source first.
 */
export class Harvester {
  private readonly scheduler: HarvestScheduler;
  /** Runs on demand still going, awaited by `stop()`. */
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
  ) {
    this.scheduler = new HarvestScheduler(database, logger);
  }

  start(): void {
    this.scheduler.start();
  }

  async stop(): Promise<void> {
    await this.scheduler.stop();
    await Promise.allSettled([...this.running]);
  }

  /**
   * Runs `sourceId` now. Answers its report when the run ends within `waitMs`; otherwise `running` (the
   * run goes on, and its report becomes the source's `lastRun`); or why it could not start.
   */
  async runNow(sourceId: string, waitMs = RUN_NOW_WAIT_MS): Promise<{ run: HarvestRunRow } | { running: true } | { refused: RunRefusal }> {
    const db = this.database.db;
    const [source] = await getHarvestSources(db, [sourceId]);
    if (!source) return { refused: 'NOT_FOUND' };
    if (!(await claimHarvestSource(db, source.id, source.timeoutSeconds + CLAIM_GRACE_SECONDS))) return { refused: 'HARVEST_RUNNING' };
    const run = runHarvest(db, source, 'MANUAL', this.logger).catch(async (error: unknown) => {
      await releaseHarvestSource(db, source.id).catch(() => undefined);
      throw error;
    });
    this.running.add(run);
    void run.then(
      () => this.running.delete(run),
      (error: unknown) => {
        this.running.delete(run);
        this.logger.error({ err: error, source: source.id }, 'a harvest run on demand failed');
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'running'>((resolve) => (timer = setTimeout(() => resolve('running'), waitMs)));
    try {
      const first = await Promise.race([run, waited]);
      return first === 'running' ? { running: true } : { run: first };
    } finally {
      clearTimeout(timer);
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
