import type { JWK } from 'jose';
import type { Config } from '../config.js';
import { createCallerTokenVerifier, createMultiIssuerVerifier, type CallerTokenVerifier } from './caller-token-verifier.js';
import { DEV_ISSUER, loadDevIssuerKey, loadGatewayKey } from './dev-issuer.js';
import { KEY_ALGORITHM, readKeyPair, readPublicKey, type KeyPair } from './key-pair.js';
import type { CryptoKey } from 'jose';

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
 * Loads keys and builds the caller-token verifier: the configured OIDC issuer (speaking for the
 * organisations of `OIDC_ORGANISATIONS`) and the partners' issuers (each for its own organisations, no
 * internal roles), or the development issuer whose key lives in the data folder (never in production:
 * `loadConfig` refuses a production configuration without `OIDC_ISSUER`).
 */
export async function loadIdentity(config: Config): Promise<Identity> {
  const gatewayKey = config.gatewayKeyFile ? await readKeyPair(config.gatewayKeyFile) : await loadGatewayKey(config.dataDir);
  if (config.oidc.issuer) {
    const verifiers = new Map<string, CallerTokenVerifier>();
    verifiers.set(
      config.oidc.issuer,
      createCallerTokenVerifier({
        issuer: config.oidc.issuer,
        audience: config.oidc.audience,
        algorithms: config.oidc.algorithms,
        keys: config.oidc.jwksUrl ? { jwksUrl: config.oidc.jwksUrl } : { discovery: true },
        organisations: config.oidc.organisations,
      }),
    );
    for (const partner of config.oidc.partnerIssuers) {
      verifiers.set(
        partner.issuer,
        createCallerTokenVerifier({
          issuer: partner.issuer,
          audience: config.oidc.audience,
          algorithms: config.oidc.algorithms,
          keys: partner.jwksUrl ? { jwksUrl: partner.jwksUrl } : { discovery: true },
          organisations: partner.organisations,
          grantsInternalRoles: false,
        }),
      );
    }
    const [only] = verifiers.values();
    return {
      callers: verifiers.size === 1 && only ? only : createMultiIssuerVerifier(verifiers),
      gatewayKey,
      devIssuerJwks: undefined,
      issuer: config.oidc.issuer,
      audience: config.oidc.audience,
    };
  }
  const devKey = await loadDevIssuerKey(config.dataDir);
  return devIdentity(devKey, gatewayKey, config.oidc.audience, {
    hint: 'This server did not sign this token. Development tokens are signed with the key of the DATA_DIR they are made in: run `npm run token` with the same DATA_DIR as the server.',
  });
}

/**
 * The identity set-up of the development issuer, from its key (tests pass in-memory keys).
 * `badSignatureHint` goes into the 401 of a token signed by another key.
 */
export function devIdentity(devKey: KeyPair, gatewayKey: KeyPair, audience: string, badSignatureHint?: Readonly<Record<string, string>>): Identity {
  return {
    callers: createCallerTokenVerifier({ issuer: DEV_ISSUER, audience, algorithms: [KEY_ALGORITHM], keys: { localKeys: [devKey.publicJwk] }, ...(badSignatureHint ? { badSignatureHint } : {}) }),
    gatewayKey,
    devIssuerJwks: { keys: [devKey.publicJwk] },
    issuer: DEV_ISSUER,
    audience,
  };
}

/**
 * The key subgraphs verify the gateway's identity tokens with: the public part of GATEWAY_KEY_FILE, else
 * (development) of the key under DATA_DIR/keys.
 */
export async function loadGatewayVerificationKey(config: Config): Promise<CryptoKey> {
  return config.gatewayKeyFile ? readPublicKey(config.gatewayKeyFile) : (await loadGatewayKey(config.dataDir)).publicKey;
}
