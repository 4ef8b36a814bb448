import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { SignJWT } from 'jose';
import { KEY_ALGORITHM, loadOrCreateKeyPair, type KeyPair } from './key-pair.js';
import { SCOPE_OF_ROLE, type Role } from './roles.js';

/** Issuer name of the development issuer used when no OIDC_ISSUER is configured. */
export const DEV_ISSUER = 'urn:health-metadata-gateway:dev-issuer';

/** The development issuer's key pair, kept in the data folder so that minted tokens survive restarts. */
export function loadDevIssuerKey(dataDir: string): Promise<KeyPair> {
  return loadOrCreateKeyPair(path.join(dataDir, 'keys', 'dev-issuer.jwk'), 'dev-issuer-1');
}

/** The gateway's key pair for the identity tokens it gives subgraphs. */
export function loadGatewayKey(dataDir: string): Promise<KeyPair> {
  return loadOrCreateKeyPair(path.join(dataDir, 'keys', 'gateway.jwk'), 'gateway-1');
}

export interface MintOptions {
  subject: string;
  roles: readonly Role[];
  organisationId?: string | undefined;
  audience: string;
  /** Lifetime in seconds (default 8 hours). */
  ttlSeconds?: number;
}

/** Mints a development access token, shaped like an OIDC provider's (roles as claim and as scopes). */
export function mintDevToken(key: KeyPair, options: MintOptions): Promise<string> {
  return new SignJWT({
    roles: options.roles,
    scope: options.roles.map((r) => SCOPE_OF_ROLE[r]).join(' '),
    ...(options.organisationId ? { org: options.organisationId } : {}),
  })
    .setProtectedHeader({ alg: KEY_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(DEV_ISSUER)
    .setAudience(options.audience)
    .setSubject(options.subject)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${options.ttlSeconds ?? 8 * 3600}s`)
    .sign(key.privateKey);
}
