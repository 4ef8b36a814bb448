import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/database.js';
import { queryRows } from '../../../platform/db/rows.js';
import { createTestDatabase } from '../../../test/support/test-database.js';
import { createAuditWriter } from '../audit-writer.js';
import { AUDIT_HEAD_QUERY, AuditChainAppender, appendAuditEntries, verifyAuditChain, type AuditEntryInput } from '../db/queries/audit.js';
import { AuditKey } from './audit-key.js';

let database: Database;
const key = new AuditKey(Buffer.alloc(32, 7));

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const entry = (action: string): AuditEntryInput => ({
  requestId: `req-${action}`,
  subject: 'rita',
  organisationId: 'org-inserm',
  roles: ['researcher'],
  source: 'gateway',
  action,
  outcome: 'SUCCESS',
  datasetIds: ['pmsi-mco'],
  detail: { action },
});

const actions = async () =>
  (await queryRows<{ action: string }>(database.db, sql`SELECT action FROM access.audit_event ORDER BY seq`)).map((r) => r.action);

describe('appending to the audit chain without a transaction', () => {
  it('keeps one valid chain when two writers (two gateways) and locked appends interleave', async () => {
    const [first, second] = [new AuditChainAppender(database.db, key), new AuditChainAppender(database.db, key)];
    // Three writers at once, each one group at a time (as group commit uses an appender).
    const run = async (write: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < 20; i++) await write(i);
    };
    await Promise.all([
      run((i) => first.append([entry(`a${i}`), entry(`a${i}'`)])),
      run((i) => second.append([entry(`b${i}`)])),
      run((i) => (i % 5 === 0 ? appendAuditEntries(database.db, key, [entry(`locked${i}`)]) : Promise.resolve())),
    ]);
    const written = await actions();
    expect(written).toHaveLength(20 * 3 + 4);
    expect(new Set(written).size).toBe(written.length);
    expect(await verifyAuditChain(database.db, key)).toMatchObject({ firstBrokenSeq: null, entriesChecked: written.length });
  });

  it('answers each group once committed, in order, through the group-commit writer', async () => {
    const before = (await actions()).length;
    const write = createAuditWriter(database.db, key);
    await Promise.all(Array.from({ length: 30 }, (_, i) => write(entry(`w${i}`))));
    const written = (await actions()).slice(before);
    expect(written).toEqual(Array.from({ length: 30 }, (_, i) => `w${i}`));
    expect((await verifyAuditChain(database.db, key)).firstBrokenSeq).toBeNull();
  });

  it('costs one statement per group alone, and after losing a race appends under the lock for a second', async () => {
    let now = 1_000_000;
    const mine = new AuditChainAppender(database.db, key, () => now);
    const other = new AuditChainAppender(database.db, key);
    const statements = async (work: () => Promise<unknown>) => {
      const before = database.statementCount();
      await work();
      return database.statementCount() - before;
    };
    await mine.append([entry('warm')]);
    expect(await statements(() => mine.append([entry('alone')]))).toBe(1);
    await other.append([entry('other')]);
    // Its head is stale: refused by the key, then appended under the lock.
    expect(await statements(() => mine.append([entry('raced')]))).toBeGreaterThan(2);
    // Within the second, straight to the lock (no refused attempt first).
    const locked = await statements(() => mine.append([entry('contended')]));
    expect(locked).toBeGreaterThan(1);
    now += 1500;
    await mine.append([entry('reads-head')]);
    expect(await statements(() => mine.append([entry('alone-again')]))).toBe(1);
    expect((await actions()).slice(-7)).toEqual(['warm', 'alone', 'other', 'raced', 'contended', 'reads-head', 'alone-again']);
    expect((await verifyAuditChain(database.db, key)).firstBrokenSeq).toBeNull();
  });

  it('reads the head by the primary key, never by sorting the whole trail', async () => {
    const plan = await database.db.transaction(async (tx) => {
      // Without sequential scans on offer, a query the index cannot serve shows a Sort.
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      const rows = await queryRows<Record<string, string>>(tx, sql`EXPLAIN ${AUDIT_HEAD_QUERY}`);
      return rows.map((r) => Object.values(r).join(' ')).join('\n');
    });
    expect(plan).toMatch(/Index (Only )?Scan Backward using audit_event_pkey/);
    expect(plan).not.toMatch(/Sort/);
  });

  it('leaves no gap when the head it knows was lost (a failover that lost the tail of the trail)', async () => {
    const appender = new AuditChainAppender(database.db, key);
    await appender.append([entry('kept')]);
    await appender.append([entry('lost')]);
    // What a lossy failover leaves: the last entry this writer wrote is gone from the table.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE access.audit_event DISABLE TRIGGER audit_event_no_update`);
      await tx.execute(sql`DELETE FROM access.audit_event WHERE seq = (SELECT max(seq) FROM access.audit_event)`);
      await tx.execute(sql`ALTER TABLE access.audit_event ENABLE TRIGGER audit_event_no_update`);
    });
    await appender.append([entry('after-loss')]);
    await appender.append([entry('next')]);
    expect((await actions()).slice(-3)).toEqual(['kept', 'after-loss', 'next']);
    expect(await verifyAuditChain(database.db, key)).toMatchObject({ firstBrokenSeq: null });
  });

  it('refuses nothing silently: a value the table refuses fails the write and leaves the chain intact', async () => {
    const appender = new AuditChainAppender(database.db, key);
    const bad = { ...entry('bad'), requestId: 'x\u0000y' };
    await expect(appender.append([bad])).rejects.toThrow();
    await appender.append([entry('after-bad')]);
    expect((await actions()).at(-1)).toBe('after-bad');
    expect((await verifyAuditChain(database.db, key)).firstBrokenSeq).toBeNull();
  });
});
