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
  const forwarded = forwardedBase((name) => req.get(name));
  if (forwarded) return forwarded;
  const ownHost = req.get('host') ?? '';
  return `${req.protocol}://${HOST.test(ownHost) ? ownHost : 'localhost'}`;
}

/**
 * The public address the gateway states in `X-Forwarded-Proto`, `X-Forwarded-Host` and
 * `X-Forwarded-Prefix` (read with `header`), or undefined when they are absent or malformed. The gateway
 * sends them with GraphQL calls too.
 */
export function forwardedBase(header: (name: string) => string | string[] | undefined): string | undefined {
  const first = (name: string) => {
    const value = header(name);
    return (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
  };
  const proto = first('x-forwarded-proto')?.toLowerCase();
  const host = first('x-forwarded-host');
  const prefix = first('x-forwarded-prefix')?.replace(/\/$/, '') ?? '';
  return (proto === 'http' || proto === 'https') && host && HOST.test(host) && PREFIX.test(prefix) ? `${proto}://${host}${prefix}` : undefined;
}
