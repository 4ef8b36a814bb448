import type { JWK } from 'jose';
import type { Config } from '../config.js';
import { createCallerTokenVerifier, type CallerTokenVerifier } from './caller-token-verifier.js';
import { DEV_ISSUER, loadDevIssuerKey, loadGatewayKey } from './dev-issuer.js';
import { KEY_ALGORITHM, type KeyPair } from './key-pair.js';

/** Everything the gateway and the subgraphs need to authenticate requests. */
export interface Identity {
  /** Verifies callers' bearer tokens (gateway). */
  readonly callers: CallerTokenVerifier;
  /** Signs the identity tokens the gateway gives subgraphs; subgraphs verify with its public key. */
  readonly gatewayKey: KeyPair;
  /** The development issuer's public keys, served at /.well-known/jwks.json; absent with a real issuer. */
  readonly devIssuerJwks: { keys: JWK[] } | undefined;
  /** The issuer and audience callers' tokens must carry. */
  readonly issuer: string;
  readonly audience: string;
}

/**
 * Loads keys and builds the caller-token verifier: the configured OIDC issuer, or the development issuer
 * whose key lives in the data folder.
 */
export async function loadIdentity(config: Config): Promise<Identity> {
  const gatewayKey = await loadGatewayKey(config.dataDir);
  if (config.oidc.issuer) {
    return {
      callers: createCallerTokenVerifier({
        issuer: config.oidc.issuer,
        audience: config.oidc.audience,
        algorithms: config.oidc.algorithms,
        keys: config.oidc.jwksUrl ? { jwksUrl: config.oidc.jwksUrl } : { discovery: true },
      }),
      gatewayKey,
      devIssuerJwks: undefined,
      issuer: config.oidc.issuer,
      audience: config.oidc.audience,
    };
  }
  const devKey = await loadDevIssuerKey(config.dataDir);
  return devIdentity(devKey, gatewayKey, config.oidc.audience);
}

/** The identity set-up of the development issuer, from its key (tests pass in-memory keys). */
export function devIdentity(devKey: KeyPair, gatewayKey: KeyPair, audience: string): Identity {
  return {
    callers: createCallerTokenVerifier({ issuer: DEV_ISSUER, audience, algorithms: [KEY_ALGORITHM], keys: { localKeys: [devKey.publicJwk] } }),
    gatewayKey,
    devIssuerJwks: { keys: [devKey.publicJwk] },
    issuer: DEV_ISSUER,
    audience,
  };
}
