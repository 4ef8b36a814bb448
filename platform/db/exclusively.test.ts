import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database.js';
import type { Database } from './database.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('work done exclusively across processes (replicas migrating at start)', () => {
  it('answers what the work answers, and passes its failure on', async () => {
    expect(await database.exclusively('hmg-test', async () => 42)).toBe(42);
    await expect(database.exclusively('hmg-test', () => Promise.reject(new Error('migration failed')))).rejects.toThrow('migration failed');
    // The lock was let go: it can be taken again.
    expect(await database.exclusively('hmg-test', async () => 'again')).toBe('again');
  });

  it.runIf(inject('testEngine') === 'postgres')('runs one holder at a time, the others waiting their turn', async () => {
    const events: string[] = [];
    const hold = (who: string) =>
      database.exclusively('hmg-test-turns', async () => {
        events.push(`${who} in`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        events.push(`${who} out`);
      });
    await Promise.all([hold('a'), hold('b'), hold('c')]);
    for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i]?.replace('in', 'out'));
  });
});
