import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../platform/db/database.js';
import { createTestDatabase } from '../../../../test/support/test-database.js';
import {
  claimDueHarvestSource,
  claimHarvestSource,
  finishHarvestRun,
  getHarvestSources,
  insertHarvestSource,
  listHarvestRuns,
  RUNS_KEPT_PER_SOURCE,
  type RunReport,
} from './harvest-sources.js';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const source = (id: string, everyMinutes: number | null) => ({
  id,
  name: id,
  url: `https://${id}.example.eu/catalogue.ttl`,
  format: 'TURTLE',
  country: 'FIN',
  mode: 'FULL',
  everyMinutes,
  enabled: true,
  maxPages: 10,
  maxPageBytes: 1_000_000,
  timeoutSeconds: 60,
});

const report = (sourceId: string, status: 'SUCCEEDED' | 'FAILED'): RunReport => ({
  sourceId,
  mode: 'FULL',
  trigger: 'SCHEDULE',
  status,
  startedAt: new Date(),
  finishedAt: new Date(),
  pages: 1,
  seen: 0,
  added: 0,
  changed: 0,
  unchanged: 0,
  withdrawn: 0,
  refused: 0,
  skipped: 0,
  refusals: [],
  errors: status === 'FAILED' ? [{ kind: 'HTTP', url: 'https://x.example.eu/', message: 'The source answered 503.', status: 503 }] : [],
});

describe('harvest sources as the scheduler takes them', () => {
  it('gives a due source to one claimant at a time, and backs a failing one off', async () => {
    const db = database.db;
    expect(await insertHarvestSource(db, source('due', 5))).not.toBeNull();
    expect(await insertHarvestSource(db, source('due', 5))).toBeNull();
    expect(await insertHarvestSource(db, source('manual', null))).not.toBeNull();
    const claimed = await claimDueHarvestSource(db, 60);
    expect(claimed?.id).toBe('due');
    // Held: neither the scheduler of another replica nor a run on demand gets it.
    expect(await claimDueHarvestSource(db, 60)).toBeNull();
    expect(await claimHarvestSource(db, 'due', 60)).toBe(false);
    await finishHarvestRun(db, report('due', 'FAILED'));
    await finishHarvestRun(db, report('due', 'FAILED'));
    const [after] = await getHarvestSources(db, ['due']);
    expect(after?.consecutiveFailures).toBe(2);
    expect(after?.runningUntil).toBeNull();
    // 5 minutes doubled per failure: 20 minutes after two.
    const wait = (after?.nextRunAt?.getTime() ?? 0) - Date.now();
    expect(wait).toBeGreaterThan(19 * 60_000);
    expect(wait).toBeLessThan(21 * 60_000);
    expect(await claimDueHarvestSource(db, 60)).toBeNull();
    await finishHarvestRun(db, report('due', 'SUCCEEDED'));
    const [recovered] = await getHarvestSources(db, ['due']);
    expect(recovered?.consecutiveFailures).toBe(0);
    expect(recovered?.lastSuccessAt).not.toBeNull();
    // A source without a schedule is never taken by the scheduler.
    expect((await getHarvestSources(db, ['manual']))[0]?.nextRunAt).toBeNull();
  });

  it(`keeps the last ${RUNS_KEPT_PER_SOURCE} reports of a source`, async () => {
    const db = database.db;
    await insertHarvestSource(db, source('busy', null));
    for (let i = 0; i < RUNS_KEPT_PER_SOURCE + 3; i++) await finishHarvestRun(db, report('busy', 'SUCCEEDED'));
    const { rows, total } = await listHarvestRuns(db, 'busy', 100, undefined);
    expect(total).toBe(RUNS_KEPT_PER_SOURCE);
    expect(rows[0]?.id).toBeGreaterThan(rows[1]?.id ?? Infinity);
  });
});
