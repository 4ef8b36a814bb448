import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors.js';

/** Codes whose messages are written for clients and may be shown as they are. */
const clientCodes = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
  // graphql-js and Apollo Server's own request errors
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * PostgreSQL's SQLSTATEs for a value the statement could not take (text that is not a number, UUID or date,
 * a date out of range, a character the encoding cannot hold, a value too long). Arguments are validated
 * before any statement; should a value slip through, it is still the caller's input, not a fault here.
 */
const INPUT_SQLSTATES = new Set(['22P02', '22021', '22P05', '22007', '22008', '22003', '22001']);

/** The SQLSTATE of the database error behind `error` (through `originalError` and `cause`), if any. */
export function sqlStateOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== null && typeof current === 'object'; depth++) {
    const { code, originalError, cause } = current as { code?: unknown; originalError?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = originalError ?? cause;
  }
  return undefined;
}

/**
 * Apollo Server `formatError`: keeps client errors as they are, with no stack trace, and replaces anything
 * unexpected by a generic internal error so that no SQL, file path or address leaks. The original is
 * logged by the caller through `onUnexpected`. A database refusal of a value (`INPUT_SQLSTATES`) answers
 * `BAD_USER_INPUT` and is passed to `onBadValue` with its SQLSTATE only, never the statement or values.
 */
export function createFormatError(
  onUnexpected: (formatted: GraphQLFormattedError, error: unknown) => void,
  onBadValue: (formatted: GraphQLFormattedError, sqlState: string) => void = () => undefined,
) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    if (code && clientCodes.has(code)) {
      return { ...formatted, extensions };
    }
    const sqlState = sqlStateOf(error);
    if (sqlState && INPUT_SQLSTATES.has(sqlState)) {
      onBadValue(formatted, sqlState);
      return {
        message: 'A value in the request is not valid here (a malformed id, date or number, or text that cannot be stored).',
        ...(formatted.path ? { path: formatted.path } : {}),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      };
    }
    onUnexpected(formatted, error);
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
