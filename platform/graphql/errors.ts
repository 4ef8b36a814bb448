import { GraphQLError } from 'graphql';

/**
 * The stable error codes of the API (`extensions.code`). Partners may switch on them; renaming one is a
 * breaking change.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INVALID_CURSOR: 'INVALID_CURSOR',
  PAGE_SIZE_TOO_LARGE: 'PAGE_SIZE_TOO_LARGE',
  SEARCH_TOO_LONG: 'SEARCH_TOO_LONG',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  /** A subgraph did not answer in time or at all: the rest of the answer stands. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** The caller spent its allowance of resolved fields; `Retry-After` says when to come back. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The caller must send a registered operation (trusted documents), and this one is not. */
  TRUSTED_DOCUMENT_REQUIRED: 'TRUSTED_DOCUMENT_REQUIRED',
  /** A `documentId` or persisted-query hash names no registered operation. */
  TRUSTED_DOCUMENT_NOT_FOUND: 'TRUSTED_DOCUMENT_NOT_FOUND',
  /** The GraphQL document is longer than the gateway accepts. */
  DOCUMENT_TOO_LARGE: 'DOCUMENT_TOO_LARGE',
  /** Schema introspection is closed to this caller (production). */
  INTROSPECTION_DISABLED: 'INTROSPECTION_DISABLED',
  /** A change-feed cursor from before the events kept (CHANGE_RETENTION_DAYS): what it would read next is gone. */
  CHANGES_PRUNED: 'CHANGES_PRUNED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A client-facing error with a stable code; `details` are safe to show (never internal state). */
export function apiError(code: ErrorCode, message: string, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

/** Shorthand for invalid arguments; `argument` names the offending argument or input path. */
export function badInput(message: string, argument?: string): GraphQLError {
  return apiError(ErrorCode.BAD_USER_INPUT, message, argument ? { argument } : undefined);
}
