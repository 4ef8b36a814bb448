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
 * Apollo Server `formatError`: keeps client errors as they are, with no stack trace, and replaces anything
 * unexpected by a generic internal error so that no SQL, file path or address leaks. The original is
 * logged by the caller through `onUnexpected`.
 */
export function createFormatError(onUnexpected: (formatted: GraphQLFormattedError, error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    if (code && clientCodes.has(code)) {
      return { ...formatted, extensions };
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
