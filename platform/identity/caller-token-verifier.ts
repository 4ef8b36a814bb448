import { LRUCache } from 'lru-cache';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, jwtVerify, type JWK, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ErrorCode, apiError } from '../graphql/errors.js';
import type { Caller } from './caller.js';
import { INTERNAL_ROLES, ORGANISATION_ROLES, rolesFrom } from './roles.js';

export interface CallerTokenVerifierOptions {
  issuer: string;
  audience: string;
  /** Accepted signature algorithms; `none` and symmetric algorithms are never accepted. */
  algorithms: readonly string[];
  /** Where the issuer's keys come from. */
  keys: { jwksUrl: string } | { discovery: true } | { localKeys: readonly JWK[] };
  /**
   * The organisations this issuer may speak for in the `org` claim; `*` (the default): any. A token
   * naming another organisation is refused with 401, whatever its signature.
   */
  organisations?: readonly string[] | '*';
  /** Whether the issuer may grant internal roles (default true); a partner's issuer may not. */
  grantsInternalRoles?: boolean;
  /**
   * Added to the 401 `extensions` of a token whose signature does not verify (development: why a token
   * made with another data folder's key fails).
   */
  badSignatureHint?: Readonly<Record<string, string>>;
}

/** Verifies callers' bearer tokens. */
export interface CallerTokenVerifier {
  /** The caller a bearer token stands for; throws `UNAUTHENTICATED` (HTTP 401) for any invalid token. */
  verify(token: string, requestId: string): Promise<Caller>;
}

const ASYMMETRIC = /^(RS|PS|ES)(256|384|512)$|^EdDSA$|^Ed25519$/;

/** Verified tokens remembered (by their exact text), and for how long at most. */
const VERIFIED_CACHE_ENTRIES = 10_000;
const VERIFIED_CACHE_MS = 5 * 60_000;

type VerifiedCaller = Omit<Caller, 'requestId'>;

/**
 * Builds the verifier of OIDC access tokens: signature checked against the issuer's JWKS (fetched from
 * `jwksUrl`, or from the issuer's discovery document, or given locally for the development issuer),
 * with issuer, audience and algorithms pinned and `exp`/`nbf` enforced (30 s of clock tolerance).
 * A token that verified is remembered, by its exact text, until its `exp` or for 5 minutes, whichever
 * comes first (10,000 tokens at most, least recently used forgotten first): a caller sending the same
 * token again skips the signature check. A token removed from the issuer's key set is therefore still
 * accepted for at most 5 minutes.
 */
export function createCallerTokenVerifier(options: CallerTokenVerifierOptions): CallerTokenVerifier {
  const algorithms = options.algorithms.filter((a) => ASYMMETRIC.test(a));
  if (algorithms.length === 0) throw new Error('no asymmetric algorithm allowed for caller tokens');
  let getKey: JWTVerifyGetKey | undefined;
  const keys = options.keys;
  const resolveKeys = async (): Promise<JWTVerifyGetKey> => {
    if (getKey) return getKey;
    if ('localKeys' in keys) getKey = createLocalJWKSet({ keys: [...keys.localKeys] });
    else if ('jwksUrl' in keys) getKey = createRemoteJWKSet(new URL(keys.jwksUrl));
    else getKey = createRemoteJWKSet(new URL(await discoverJwksUri(options.issuer)));
    return getKey;
  };
  const verified = new LRUCache<string, VerifiedCaller>({ max: VERIFIED_CACHE_ENTRIES });
  return {
    async verify(token, requestId) {
      const known = verified.get(token);
      if (known) return { ...known, requestId };
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, await resolveKeys(), {
          issuer: options.issuer,
          audience: options.audience,
          algorithms,
          clockTolerance: 30,
          requiredClaims: ['sub', 'exp'],
        }));
      } catch (error) {
        const badSignature = (error as { code?: string }).code === 'ERR_JWKS_NO_MATCHING_KEY' || (error as { code?: string }).code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED';
        throw unauthenticated('The bearer token is not valid here (signature, issuer, audience or lifetime).', badSignature ? options.badSignatureHint : undefined);
      }
      const caller = callerFromClaims(payload, requestId);
      const organisations = options.organisations ?? '*';
      if (caller.organisationId !== null && organisations !== '*' && !organisations.includes(caller.organisationId)) {
        throw unauthenticated(`The token's issuer may not speak for the organisation "${caller.organisationId}".`);
      }
      if (options.grantsInternalRoles === false && caller.roles.some((r) => INTERNAL_ROLES.includes(r))) {
        throw unauthenticated("The token's issuer is a partner's and may not grant the platform's internal roles.");
      }
      const ttl = Math.min(VERIFIED_CACHE_MS, (payload.exp ?? 0) * 1000 - Date.now());
      if (ttl > 0) verified.set(token, { subject: caller.subject, organisationId: caller.organisationId, roles: caller.roles }, { ttl });
      return caller;
    },
  };
}

/**
 * One verifier over several issuers: each token goes to the verifier of its (unverified) `iss` claim,
 * which then checks everything, issuer included; a token of any other issuer is refused with 401.
 */
export function createMultiIssuerVerifier(byIssuer: ReadonlyMap<string, CallerTokenVerifier>): CallerTokenVerifier {
  return {
    async verify(token, requestId) {
      let issuer: unknown;
      try {
        issuer = decodeJwt(token).iss;
      } catch {
        throw unauthenticated('The bearer token is not a JWT.');
      }
      const verifier = typeof issuer === 'string' ? byIssuer.get(issuer) : undefined;
      if (!verifier) throw unauthenticated('The bearer token is not valid here (signature, issuer, audience or lifetime).');
      return verifier.verify(token, requestId);
    },
  };
}

/** The caller of verified claims: roles from `roles`, `realm_access.roles` and `scope`/`scp`; organisation from `org`. */
export function callerFromClaims(payload: JWTPayload, requestId: string): Caller {
  const roleNames = [
    ...stringList(payload.roles),
    ...stringList((payload.realm_access as { roles?: unknown } | undefined)?.roles),
  ];
  const scopes = [...(typeof payload.scope === 'string' ? payload.scope.split(' ') : []), ...stringList(payload.scp)];
  const roles = rolesFrom(roleNames, scopes);
  const organisationId = typeof payload.org === 'string' && payload.org !== '' ? payload.org : null;
  const needsOrganisation = roles.filter((r) => ORGANISATION_ROLES.includes(r));
  if (needsOrganisation.length > 0 && organisationId === null) {
    throw unauthenticated(`A token with the role ${needsOrganisation.join(', ')} must name its organisation (claim "org").`);
  }
  return { subject: payload.sub ?? null, organisationId, roles, requestId };
}

async function discoverJwksUri(issuer: string): Promise<string> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`OIDC discovery failed: HTTP ${response.status}`);
  const document = (await response.json()) as { jwks_uri?: unknown };
  if (typeof document.jwks_uri !== 'string') throw new Error('OIDC discovery document has no jwks_uri');
  return document.jwks_uri;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function unauthenticated(message: string, hint?: Readonly<Record<string, string>>) {
  return apiError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 }, ...hint });
}
