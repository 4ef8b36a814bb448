import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/database.js';
import { queryRows } from '../../../platform/db/rows.js';
import { createLogger } from '../../../platform/logger.js';
import { createTestDatabase } from '../../../test/support/test-database.js';
import { appendAuditEntries, verifyAuditChain, type AuditEntryInput } from '../db/queries/audit.js';
import { AuditKey, loadAuditKey } from './audit-key.js';
import { readCheckpoints, writeCheckpoint, type AuditSettings } from './checkpoints.js';
import { entryText } from './entry-mac.js';

/**
 * The attacker of these tests has every right on the database (INSERT, and even disabling the
 * append-only triggers) but not the audit key, nor write access to the checkpoint file.
 */
let database: Database;
let folder: string;
let settings: AuditSettings;
const logger = createLogger('silent');

beforeAll(async () => {
  database = await createTestDatabase();
  folder = await mkdtemp(path.join(tmpdir(), 'audit-'));
  settings = { key: new AuditKey(Buffer.alloc(32, 3)), checkpointFile: path.join(folder, 'checkpoints.jsonl') };
});

afterAll(async () => {
  await database?.close();
  await rm(folder, { recursive: true, force: true });
});

const entry = (action: string, extra: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  requestId: `req-${action}`,
  subject: 'rita',
  organisationId: null,
  roles: ['hdab-reviewer'],
  source: 'access',
  action,
  outcome: 'SUCCESS',
  datasetIds: ['pmsi-mco'],
  detail: { note: action, nested: { b: 2, a: [1, 'x'] } },
  ...extra,
});

/** Runs `statement` with the append-only triggers off, as an attacker with owner rights could. */
async function asDatabaseOwner(statement: ReturnType<typeof sql>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE access.audit_event DISABLE TRIGGER audit_event_no_update`);
    await tx.execute(statement);
    await tx.execute(sql`ALTER TABLE access.audit_event ENABLE TRIGGER audit_event_no_update`);
  });
}

const head = async () => (await queryRows<{ seq: number }>(database.db, sql`SELECT max(seq)::int AS seq FROM access.audit_event`))[0] as { seq: number };

describe('the keyed audit chain', () => {
  it('verifies what the service wrote, details included, key order notwithstanding', async () => {
    await appendAuditEntries(database.db, settings.key, [entry('decide'), entry('revoke', { detail: { z: 1, a: null } }), entry('read', { subject: null })]);
    const report = await verifyAuditChain(database.db, settings.key);
    expect(report).toMatchObject({ firstBrokenSeq: null, truncated: false, unkeyedEntries: 0 });
    expect(report.entriesChecked).toBeGreaterThanOrEqual(3);
  });

  it('does not verify under another key', async () => {
    const report = await verifyAuditChain(database.db, new AuditKey(Buffer.alloc(32, 4)));
    expect(report.firstBrokenSeq).not.toBeNull();
  });

  it('catches an entry forged with the unkeyed digest anyone can compute', async () => {
    const before = await head();
    await database.db.execute(sql`
      INSERT INTO access.audit_event (seq, at, request_id, subject, organisation_id, roles, source, action, operation_name, document_hash, dataset_ids, outcome, detail, previous_hash, hash, mac_version)
      SELECT ${before.seq + 1}, now(), 'forged', 'mallory', null, ARRAY['hdab-reviewer'], 'access', 'decideAccessApplication', null, null, ARRAY['pmsi-mco'], 'SUCCESS', null, e.hash,
             access.audit_digest(e.hash, now(), 'forged', 'mallory', null, ARRAY['hdab-reviewer'], 'access', 'decideAccessApplication', null, null, ARRAY['pmsi-mco'], 'SUCCESS', null), 1
      FROM access.audit_event e WHERE e.seq = ${before.seq}`);
    expect((await verifyAuditChain(database.db, settings.key)).firstBrokenSeq).toBe(before.seq + 1);
    await asDatabaseOwner(sql`DELETE FROM access.audit_event WHERE seq = ${before.seq + 1}`);
  });

  it('catches an entry forged with a guessed key, and an altered one', async () => {
    const before = await head();
    const guessed = new AuditKey(Buffer.alloc(32, 9));
    await appendAuditEntries(database.db, guessed, [entry('forged-grant')]);
    expect((await verifyAuditChain(database.db, settings.key)).firstBrokenSeq).toBe(before.seq + 1);
    await asDatabaseOwner(sql`DELETE FROM access.audit_event WHERE seq = ${before.seq + 1}`);
    expect((await verifyAuditChain(database.db, settings.key)).firstBrokenSeq).toBeNull();
    await asDatabaseOwner(sql`UPDATE access.audit_event SET dataset_ids = ARRAY['pmsi-mco', 'snds-dcir'] WHERE seq = ${before.seq}`);
    expect((await verifyAuditChain(database.db, settings.key)).firstBrokenSeq).toBe(before.seq);
    await asDatabaseOwner(sql`UPDATE access.audit_event SET dataset_ids = ARRAY['pmsi-mco'] WHERE seq = ${before.seq}`);
    expect((await verifyAuditChain(database.db, settings.key)).firstBrokenSeq).toBeNull();
  });

  it('encodes fields so that lists, joined text, NULL and empty text never authenticate alike', () => {
    const base = { seq: 1, at: '2026-01-01T00:00:00.000Z', requestId: 'r', subject: 's', organisationId: null, roles: ['a', 'b'], source: 'access', action: 'x', operationName: null, documentHash: null, datasetIds: [], outcome: 'SUCCESS', detail: null, previousHash: 'GENESIS' };
    const texts = new Set([
      entryText(base),
      entryText({ ...base, roles: ['a,b'] }),
      entryText({ ...base, organisationId: '' }),
      entryText({ ...base, subject: null }),
      entryText({ ...base, subject: '' }),
      entryText({ ...base, detail: '' }),
    ]);
    expect(texts.size).toBe(6);
  });
});

describe('checkpoints outside the table', () => {
  it('notice a cut tail, and a tail cut then written again', async () => {
    await appendAuditEntries(database.db, settings.key, [entry('a'), entry('b'), entry('c')]);
    const checkpointed = await writeCheckpoint(database.db, settings, logger);
    expect(checkpointed).toBe((await head()).seq);
    const lines = (await readFile(settings.checkpointFile as string, 'utf8')).trim().split('\n');
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ seq: checkpointed });
    expect(await verifyAuditChain(database.db, settings.key, await readCheckpoints(settings.checkpointFile))).toMatchObject({ firstBrokenSeq: null, truncated: false, checkpointsChecked: 1 });

    // The attacker deletes the last two entries: the links of what remains still hold.
    await asDatabaseOwner(sql`DELETE FROM access.audit_event WHERE seq > ${checkpointed - 2}`);
    expect((await verifyAuditChain(database.db, settings.key)).firstBrokenSeq).toBeNull();
    const cut = await verifyAuditChain(database.db, settings.key, await readCheckpoints(settings.checkpointFile));
    expect(cut).toMatchObject({ truncated: true, firstBrokenSeq: checkpointed - 1 });

    // The service writes on: the checkpointed sequence number now holds another entry.
    await appendAuditEntries(database.db, settings.key, [entry('d'), entry('e')]);
    const rewritten = await verifyAuditChain(database.db, settings.key, await readCheckpoints(settings.checkpointFile));
    expect(rewritten.firstBrokenSeq).toBe(checkpointed);
  });

  it('ignore and report a checkpoint whose MAC does not verify', async () => {
    const file = path.join(folder, 'forged.jsonl');
    await writeFile(file, `${JSON.stringify({ seq: 999_999, hash: 'x', at: '2026-01-01T00:00:00.000Z', mac: '0'.repeat(64) })}\n{torn line\n`);
    const report = await verifyAuditChain(database.db, settings.key, await readCheckpoints(file));
    expect(report).toMatchObject({ checkpointsRefused: 1, checkpointsChecked: 0, truncated: false });
  });
});

describe('the audit key', () => {
  it('is made once per data folder in development, readable by its owner only', async () => {
    const dataDir = path.join(folder, 'data');
    const first = await loadAuditKey({ dataDir, production: false });
    const again = await loadAuditKey({ dataDir, production: false });
    expect(again.mac('x')).toBe(first.mac('x'));
    expect((await stat(path.join(dataDir, 'keys', 'audit.key'))).mode & 0o777).toBe(0o600);
  });

  it('is never made up in production', async () => {
    await expect(loadAuditKey({ dataDir: folder, production: true })).rejects.toThrow(/AUDIT_KEY/);
    const file = path.join(folder, 'given.key');
    await writeFile(file, Buffer.alloc(32, 5).toString('base64'));
    expect((await loadAuditKey({ keyFile: file, dataDir: folder, production: true })).mac('x')).toBe(new AuditKey(Buffer.alloc(32, 5)).mac('x'));
  });
});
