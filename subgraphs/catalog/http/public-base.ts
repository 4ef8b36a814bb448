import type express from 'express';

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
const PREFIX = /^(?:\/[A-Za-z0-9._~-]+)*$/;

/**
 * The public address the export mints its IRIs under, such as `https://data.example.org`: the one the
 * gateway states in `X-Forwarded-Proto`, `X-Forwarded-Host` and `X-Forwarded-Prefix` (requests reach this
 * router only with the gateway's identity token, so these headers are the gateway's), else the address
 * this request came to. A malformed header is ignored rather than copied into IRIs.
 */
export function publicBase(req: express.Request): string {
  const proto = req.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const host = req.get('x-forwarded-host')?.split(',')[0]?.trim();
  const prefix = req.get('x-forwarded-prefix')?.trim().replace(/\/$/, '') ?? '';
  if ((proto === 'http' || proto === 'https') && host && HOST.test(host) && PREFIX.test(prefix)) return `${proto}://${host}${prefix}`;
  const ownHost = req.get('host') ?? '';
  return `${req.protocol}://${HOST.test(ownHost) ? ownHost : 'localhost'}`;
}
