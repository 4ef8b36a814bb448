import type express from 'express';

/** Answers a request refused before GraphQL runs, in the GraphQL error shape with a stable code. */
export function graphqlErrorResponse(res: express.Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
