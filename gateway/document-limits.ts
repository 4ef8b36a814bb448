import type express from 'express';
import { Lexer, Source, TokenKind } from 'graphql';
import { graphqlErrorResponse } from './graphql-error-response.js';

/** How long a GraphQL document may be, whoever sends it: characters, and lexical tokens. */
export const DOCUMENT_LIMITS = { maxCharacters: 20_000, maxTokens: 2_000 } as const;

/**
 * The number of lexical tokens of `source`, counting no further than `max + 1`; null when the text does
 * not lex (the GraphQL parser then reports the syntax error itself).
 */
export function countTokens(source: string, max: number): number | null {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++count > max) break;
    }
  } catch {
    return null;
  }
  return count;
}

/**
 * Express middleware in front of the GraphQL endpoint (after the body is parsed and any trusted-document
 * id resolved): a document above `maxCharacters` gets 413 `DOCUMENT_TOO_LARGE`, one above `maxTokens`
 * lexical tokens 400 `GRAPHQL_VALIDATION_FAILED`, both before any parsing. With `exposeLimits` off
 * (production) the messages do not give the numbers.
 */
export function documentLimitsMiddleware(options: { exposeLimits: boolean }): express.RequestHandler {
  const { maxCharacters, maxTokens } = DOCUMENT_LIMITS;
  return (req, res, next) => {
    const query = (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') return next();
    if (query.length > maxCharacters) {
      graphqlErrorResponse(res, 413, 'DOCUMENT_TOO_LARGE', options.exposeLimits ? `A GraphQL document may hold at most ${maxCharacters} characters.` : 'The GraphQL document is too large.');
      return;
    }
    const tokens = countTokens(query, maxTokens);
    if (tokens !== null && tokens > maxTokens) {
      graphqlErrorResponse(res, 400, 'GRAPHQL_VALIDATION_FAILED', options.exposeLimits ? `A GraphQL document may hold at most ${maxTokens} tokens.` : 'The GraphQL document is too large.');
      return;
    }
    next();
  };
}
