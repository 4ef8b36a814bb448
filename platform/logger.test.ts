import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('the log', () => {
  it("keeps a failed statement's text but never its parameters", async () => {
    let written = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    const logger = createLogger('info', 'test', sink);
    const failed = new DrizzleQueryError('select * from access.permit where id = $1', ['patient-name-1234'], new Error('boom'));
    logger.error({ err: failed }, 'unexpected error');
    logger.error({ err: new GraphQLError('wrapped', { originalError: failed }) }, 'unexpected error');
    await new Promise((resolve) => setImmediate(resolve));
    expect(written.split('\n').filter(Boolean)).toHaveLength(2);
    expect(written).toContain('select * from access.permit');
    expect(written).not.toContain('patient-name-1234');
  });
});
