import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type CryptoKey } from 'jose';
import { ErrorCode, apiError } from '../graphql/errors.js';
import type { Caller } from './caller.js';
import { KEY_ALGORITHM, type KeyPair } from './key-pair.js';
import { isRole } from './roles.js';

/** Issuer of the identity tokens the gateway gives subgraphs. */
export const GATEWAY_ISSUER = 'urn:health-metadata-gateway:gateway';
/** Lifetime of a gateway identity token, in seconds (the issue allows at most 60). */
export const INTERNAL_TOKEN_TTL_SECONDS = 60;

/**
 * Signs the identity the gateway forwards to one subgraph: subject, organisation, roles and request id,
 * for that subgraph only (`aud`), valid for 60 seconds.
 */
export async function signInternalToken(key: KeyPair, caller: Caller, audience: string): Promise<string> {
  return new SignJWT({ org: caller.organisationId, roles: caller.roles, rid: caller.requestId, anon: caller.subject === null })
    .setProtectedHeader({ alg: KEY_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(GATEWAY_ISSUER)
    .setAudience(audience)
    .setSubject(caller.subject ?? 'anonymous')
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${INTERNAL_TOKEN_TTL_SECONDS}s`)
    .sign(key.privateKey);
}

/** The header carrying the request id from the gateway to subgraphs (identity tokens are shared by requests). */
export const REQUEST_ID_HEADER = 'x-request-id';

/** A request id as the gateway makes them (UUIDs), or `unknown` for anything else a header holds. */
export function requestIdOf(value: string | string[] | undefined): string {
  return typeof value === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : 'unknown';
}

/** How long before its expiry a cached identity token is replaced (so a receiver never gets a stale one). */
const REUSE_MARGIN_SECONDS = 20;
/** Most identities kept by a signer or a verifier (the oldest goes first). */
const MAX_CACHED_IDENTITIES = 10_000;

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= MAX_CACHED_IDENTITIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}

/**
 * `signInternalToken` with reuse: one token per caller identity (subject, organisation, roles) and
 * audience, re-signed once it has less than 20 s left, instead of an ES256 signature per subgraph fetch.
 * The request id travels beside it in `REQUEST_ID_HEADER`.
 */
export function createInternalTokenSigner(key: KeyPair): (caller: Caller, audience: string) => Promise<string> {
  const cache = new Map<string, { token: Promise<string>; renewAt: number }>();
  return (caller, audience) => {
    const id = JSON.stringify([caller.subject, caller.organisationId, caller.roles, audience]);
    const now = Date.now();
    const cached = cache.get(id);
    if (cached && cached.renewAt > now) return cached.token;
    const token = signInternalToken(key, { ...caller, requestId: 'shared' }, audience);
    remember(cache, id, { token, renewAt: now + (INTERNAL_TOKEN_TTL_SECONDS - REUSE_MARGIN_SECONDS) * 1000 });
    token.catch(() => cache.delete(id));
    return token;
  };
}

/**
 * `verifyInternalToken` for one subgraph with a cache of the tokens it verified, until each expires: a
 * token the gateway reuses is checked once, not on every request. The request id comes from
 * `REQUEST_ID_HEADER`, not from the token.
 */
export function createInternalTokenVerifier(publicKey: CryptoKey, audience: string): (token: string, requestId: string) => Promise<Caller> {
  const cache = new Map<string, { caller: Omit<Caller, 'requestId'>; expiresAt: number }>();
  return async (token, requestId) => {
    const cached = cache.get(token);
    if (cached && cached.expiresAt > Date.now()) return { ...cached.caller, requestId };
    const { caller, expiresAt } = await verifyInternalTokenWithExpiry(publicKey, token, audience);
    remember(cache, token, { caller, expiresAt });
    return { ...caller, requestId };
  };
}

/**
 * Verifies a gateway identity token for subgraph `audience` with the gateway's public key (issuer,
 * audience, algorithm and lifetime pinned) and returns the caller it carries. Anything else throws
 * `UNAUTHENTICATED`.
 */
export async function verifyInternalToken(publicKey: CryptoKey, token: string, audience: string): Promise<Caller> {
  return (await verifyInternalTokenWithExpiry(publicKey, token, audience)).caller;
}

async function verifyInternalTokenWithExpiry(publicKey: CryptoKey, token: string, audience: string): Promise<{ caller: Caller; expiresAt: number }> {
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: GATEWAY_ISSUER,
      audience,
      algorithms: [KEY_ALGORITHM],
      maxTokenAge: `${INTERNAL_TOKEN_TTL_SECONDS + 5}s`,
    });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string').filter(isRole) : [];
    const caller = {
      subject: payload.anon === true ? null : (payload.sub ?? null),
      organisationId: typeof payload.org === 'string' ? payload.org : null,
      roles,
      requestId: typeof payload.rid === 'string' ? payload.rid : 'unknown',
    };
    // Never past the token's own expiry, nor past the age `maxTokenAge` allows.
    const expiresAt = Math.min((payload.exp ?? 0) * 1000, ((payload.iat ?? 0) + INTERNAL_TOKEN_TTL_SECONDS + 5) * 1000);
    return { caller, expiresAt };
  } catch {
    throw apiError(ErrorCode.UNAUTHENTICATED, 'This service only answers requests relayed by the gateway.');
  }
}
