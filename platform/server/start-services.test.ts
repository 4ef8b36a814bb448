import { Writable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database.js';
import { testServices } from '../../test/support/test-services.js';
import { organisation } from '../../subgraphs/access/db/schema/organisation.js';
import type { Database } from '../db/database.js';
import { prepareDatabase } from './start-services.js';

/** A logger whose lines are kept, to read what start-up said. */
function recordingLogger() {
  const lines: { subgraph?: string; msg: string; written?: number }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('preparing the database at start', () => {
  it('says the demo data is already present when nothing was written', async () => {
    const { logger, lines } = recordingLogger();
    await prepareDatabase(database, testServices, { seed: true, logger });
    const seedLines = lines.filter((l) => l.msg.startsWith('demo data'));
    expect(seedLines.map((l) => [l.subgraph, l.msg])).toEqual([
      ['catalog', 'demo data already present'],
      ['access', 'demo data already present'],
      ['lineage', 'demo data already present'],
    ]);
  });

  it('says the demo data was seeded, with how much, when records were missing', async () => {
    await database.db.execute(sql`DELETE FROM access.organisation WHERE id = 'thl'`);
    const remaining = await database.db.select({ id: organisation.id }).from(organisation).where(eq(organisation.id, 'thl'));
    expect(remaining).toEqual([]);
    const { logger, lines } = recordingLogger();
    await prepareDatabase(database, testServices, { seed: true, logger });
    const access = lines.find((l) => l.subgraph === 'access' && l.msg.startsWith('demo data'));
    expect(access).toMatchObject({ msg: 'demo data seeded', written: 1 });
  });
});
