import type express from 'express';

/** The JSON body every REST refusal has: `{ code, message, ...extra }`. */
export function refusalBody(code: string, message: string, extra: object = {}): object {
  return { code, message, ...extra };
}

/** Answers a refused request: `status` with `refusalBody`. */
export function refuse(res: express.Response, status: number, code: string, message: string, extra: object = {}): void {
  res.status(status).json(refusalBody(code, message, extra));
}
