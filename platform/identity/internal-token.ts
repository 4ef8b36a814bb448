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

/**
 * Verifies a gateway identity token for subgraph `audience` with the gateway's public key (issuer,
 * audience, algorithm and lifetime pinned) and returns the caller it carries. Anything else throws
 * `UNAUTHENTICATED`.
 */
export async function verifyInternalToken(publicKey: CryptoKey, token: string, audience: string): Promise<Caller> {
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: GATEWAY_ISSUER,
      audience,
      algorithms: [KEY_ALGORITHM],
      maxTokenAge: `${INTERNAL_TOKEN_TTL_SECONDS + 5}s`,
    });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string').filter(isRole) : [];
    return {
      subject: payload.anon === true ? null : (payload.sub ?? null),
      organisationId: typeof payload.org === 'string' ? payload.org : null,
      roles,
      requestId: typeof payload.rid === 'string' ? payload.rid : 'unknown',
    };
  } catch {
    throw apiError(ErrorCode.UNAUTHENTICATED, 'This service only answers requests relayed by the gateway.');
  }
}
