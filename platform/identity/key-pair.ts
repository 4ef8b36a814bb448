import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** The signing algorithm of the platform's own keys (gateway identity tokens, development issuer). */
export const KEY_ALGORITHM = 'ES256';

/** An asymmetric key pair with its public JWK (carrying `kid`, `alg` and `use`). */
export interface KeyPair {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
  readonly kid: string;
}

async function fromPrivateJwk(jwk: JWK): Promise<KeyPair> {
  const kid = jwk.kid ?? 'key';
  const { d: _d, ...publicPart } = jwk;
  const publicJwk: JWK = { ...publicPart, kid, alg: KEY_ALGORITHM, use: 'sig' };
  return {
    privateKey: (await importJWK(jwk, KEY_ALGORITHM)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, KEY_ALGORITHM)) as CryptoKey,
    publicJwk,
    kid,
  };
}

/** A fresh key pair that lives only in memory (tests). */
export async function generateKeyPairInMemory(kid: string): Promise<KeyPair> {
  const { privateKey } = await generateKeyPair(KEY_ALGORITHM, { extractable: true });
  return fromPrivateJwk({ ...(await exportJWK(privateKey)), kid });
}

/**
 * The key pair stored at `file` (a private JWK), generated and written (mode 0600) on first use, so that
 * tokens stay valid across restarts. The folder is created when missing.
 */
export async function loadOrCreateKeyPair(file: string, kid: string): Promise<KeyPair> {
  try {
    return await fromPrivateJwk(JSON.parse(await readFile(file, 'utf8')) as JWK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = await generateKeyPair(KEY_ALGORITHM, { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid };
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    // Another process created it first: use theirs.
    if (error.code !== 'EEXIST') throw error;
  });
  return fromPrivateJwk(JSON.parse(await readFile(file, 'utf8')) as JWK);
}
