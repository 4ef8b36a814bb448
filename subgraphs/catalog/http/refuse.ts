import type express from 'express';

/** Answers a refused request: `status` with the JSON `{ code, message, ...extra }` every REST refusal has. */
export function refuse(res: express.Response, status: number, code: string, message: string, extra: object = {}): void {
  res.status(status).json({ code, message, ...extra });
}
