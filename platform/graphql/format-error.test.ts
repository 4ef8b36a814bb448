import { DrizzleQueryError } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createFormatError } from './format-error.js';

function failedStatement(sqlState: string) {
  const cause = Object.assign(new Error('invalid input syntax for type uuid: "secret"'), { code: sqlState });
  return new GraphQLError('Failed query', { originalError: new DrizzleQueryError('select 1 where id = $1', ['secret'], cause), path: ['permit'] });
}

describe('formatting errors for clients', () => {
  it('answers BAD_USER_INPUT, without the statement or its values, when the database refuses a value', () => {
    const seen: string[] = [];
    const format = createFormatError(() => seen.push('unexpected'), (_f, sqlState) => seen.push(sqlState));
    for (const sqlState of ['22P02', '22021', '22007', '22008']) {
      const error = failedStatement(sqlState);
      const formatted = format({ message: error.message, path: ['permit'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
      expect(formatted.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(formatted)).not.toMatch(/select|secret|uuid/);
    }
    expect(seen).toEqual(['22P02', '22021', '22007', '22008']);
  });

  it('hides any other failure behind INTERNAL_SERVER_ERROR and reports it', () => {
    const seen: string[] = [];
    const format = createFormatError(() => seen.push('unexpected'));
    const error = failedStatement('23505');
    const formatted = format({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, error);
    expect(formatted).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(seen).toEqual(['unexpected']);
  });

  it('keeps client errors as they are, without stack traces', () => {
    const format = createFormatError(() => undefined);
    const formatted = format({ message: 'Too large', extensions: { code: 'PAGE_SIZE_TOO_LARGE', stacktrace: ['at y'], max: 100 } }, new Error('x'));
    expect(formatted).toEqual({ message: 'Too large', extensions: { code: 'PAGE_SIZE_TOO_LARGE', max: 100 } });
  });
});
