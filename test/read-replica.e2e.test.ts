import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CallerWrites } from '../gateway/caller-writes.js';
import type { Database } from '../platform/db/database.js';
import { ensureDatabase } from '../platform/db/ensure-database.js';
import { openDatabase } from '../platform/db/open-database.js';
import { currentLsn } from '../platform/db/read-replica.js';
import { ReadRouting } from '../platform/db/read-routing.js';
import { createLogger } from '../platform/logger.js';
import { prepareDatabase } from '../platform/server/start-services.js';
import { startPostgresPair, type PostgresPair } from './support/postgres-pair.js';
import { startTestRedis, type TestRedis } from './support/redis-server.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { testServices } from './support/test-services.js';

/**
 * A primary with a real streaming standby of its own (never the machine's shared server), the standby
 * given as DATABASE_READ_URL. Replay on the standby is paused to make it lag as long as the test needs.
 */
const ports = { primary: 26_432, standby: 26_433 };
const onPostgres = inject('testEngine') === 'postgres';

let folder: string;
let pair: PostgresPair | undefined;
let database: Database;
let stack: TestStack;
let standby: pg.Client;

const url = (port: number) => `postgres://postgres@127.0.0.1:${port}/hmg_replica`;

beforeAll(async () => {
  if (!onPostgres) return;
  folder = await mkdtemp(path.join(tmpdir(), 'hmg-replica-'));
  // The servers may run as the postgres user (PostgreSQL refuses root), which must reach their folders.
  await chmod(folder, 0o755);
  pair = await startPostgresPair(path.join(folder, 'pg'), ports.primary, ports.standby);
  await ensureDatabase(url(ports.primary));
  database = await openDatabase({ url: url(ports.primary), readUrl: url(ports.standby), poolSize: 5 });
  await prepareDatabase(database, testServices, { seed: true, logger: createLogger('silent') });
  stack = await startTestStack(database);
  standby = new pg.Client({ connectionString: url(ports.standby) });
  await standby.connect();
}, 120_000);

afterAll(async () => {
  await standby?.end().catch(() => undefined);
  await stack?.stop();
  await database?.close();
  await pair?.destroy();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const replayPaused = async (paused: boolean) => {
  await standby.query(paused ? 'SELECT pg_wal_replay_pause()' : 'SELECT pg_wal_replay_resume()');
};
const titleOnStandby = async (id: string) => (await standby.query<{ title: string }>(`SELECT title_en AS title FROM catalog.dataset WHERE id = $1`, [id])).rows[0]?.title;

const READ = `query ($id: ID!) { dataset(id: $id) { title } }`;
const UPDATE = `mutation ($id: ID!, $title: String!) {
  updateDataset(id: $id, input: { identifier: "pmsi-mco", title: { en: $title }, description: { en: "Hospital stays." }, themes: [HEAL], healthCategories: [HRAD],
                                  accessRights: RESTRICTED, publisher: "atih", contactPoint: { name: "ATIH" }, spatial: [FRA] }) { error { code message } } }`;

describe.runIf(onPostgres)('reads on a streaming replica (DATABASE_READ_URL)', () => {
  it('serves catalogue reads from the replica while it has replayed every change heard', async () => {
    const steward = { authorization: `Bearer ${await stack.identity.token('data-steward')}` };
    const replica = database.replica;
    if (!replica) throw new Error('no replica opened');
    // Once the routing has heard the catalog and the replica is known to be current, reads go there.
    await expect
      .poll(
        async () => {
          const before = replica.statementCount();
          const answer = await stack.queryGateway<{ dataset: { title: string } }>(READ, { id: 'pmsi-mco' }, steward);
          expect(answer.body.data?.dataset.title).toBeTruthy();
          return replica.statementCount() - before;
        },
        { timeout: 10_000, interval: 50 },
      )
      .toBeGreaterThan(0);
  });

  it('lets a caller read its own write at once while the replica lags, and the replica serves again once it has replayed it', async () => {
    const steward = { authorization: `Bearer ${await stack.identity.token('data-steward', undefined, 'replica-steward@hdh')}` };
    const before = await titleOnStandby('pmsi-mco');
    await replayPaused(true);
    try {
      const written = await stack.queryGateway<{ updateDataset: { error: unknown } }>(UPDATE, { id: 'pmsi-mco', title: 'PMSI, curated on the primary' }, steward);
      expect(written.body.errors).toBeUndefined();
      expect(written.body.data?.updateDataset.error).toBeNull();
      // The standby really is behind...
      expect(await titleOnStandby('pmsi-mco')).toBe(before);
      // ...and yet the writer reads what it wrote, and so does everyone once the change is heard.
      const read = await stack.queryGateway<{ dataset: { title: string } }>(READ, { id: 'pmsi-mco' }, steward);
      expect(read.body.data?.dataset.title).toBe('PMSI, curated on the primary');
      const other = { authorization: `Bearer ${await stack.identity.token('data-steward', undefined, 'another-steward@hdh')}` };
      await expect
        .poll(async () => (await stack.queryGateway<{ dataset: { title: string } }>(READ, { id: 'pmsi-mco' }, other)).body.data?.dataset.title, { timeout: 2_000, interval: 20 })
        .toBe('PMSI, curated on the primary');
    } finally {
      await replayPaused(false);
    }
    const replica = database.replica;
    if (!replica) throw new Error('no replica opened');
    await expect.poll(() => titleOnStandby('pmsi-mco'), { timeout: 10_000, interval: 50 }).toBe('PMSI, curated on the primary');
    await expect
      .poll(
        async () => {
          const count = replica.statementCount();
          await stack.queryGateway(READ, { id: 'pmsi-mco' }, steward);
          return replica.statementCount() - count;
        },
        { timeout: 10_000, interval: 50 },
      )
      .toBeGreaterThan(0);
  });

  it('waits for the replica to replay a write named by X-HMG-Read-After, and reads from the primary when it does not in time', async () => {
    // A routing that hears nothing: only the caller's write position decides.
    const routing = new ReadRouting(database);
    const replica = database.replica;
    if (!replica) throw new Error('no replica opened');
    await replayPaused(true);
    try {
      await database.db.execute(sql`UPDATE catalog.data_holder SET name = name WHERE id = 'cnam'`);
      const after = await currentLsn(database.db);
      expect((await routing.forRequest(undefined))()).toBe(replica.db);
      const started = Date.now();
      expect((await routing.forRequest(after))()).toBe(database.db);
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
      await replayPaused(false);
      expect((await routing.forRequest(after))()).toBe(replica.db);
    } finally {
      await replayPaused(false);
      await routing.stop();
    }
  });
});

describe('callers’ writes told across gateways', () => {
  let redis: TestRedis | undefined;
  afterAll(async () => {
    await redis?.stop();
  });

  it('gives every gateway the latest write position of a caller, and none of another caller', async () => {
    redis = await startTestRedis();
    const [one, two] = [new CallerWrites(redis.url), new CallerWrites(redis.url)];
    try {
      await Promise.all([one.subscribed, two.subscribed]);
      one.noteWrite('steward@hdh', '0/3000060');
      one.noteWrite('steward@hdh', '0/2000000'); // older: kept is the newer one
      await expect.poll(() => two.readAfter('steward@hdh'), { timeout: 2_000, interval: 10 }).toBe('0/3000060');
      expect(one.readAfter('steward@hdh')).toBe('0/3000060');
      expect(two.readAfter('researcher@inserm')).toBeUndefined();
      expect(two.readAfter(null)).toBeUndefined();
      one.noteWrite('steward@hdh', 'not a position');
      expect(one.readAfter('steward@hdh')).toBe('0/3000060');
    } finally {
      one.close();
      two.close();
    }
  });
});
