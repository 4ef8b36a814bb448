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

/** Reads a JWK file, naming the file in any error (never its content). */
async function readJwk(file: string): Promise<JWK> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the key file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { cause: error });
  }
  try {
    return JSON.parse(text) as JWK;
  } catch (error) {
    throw new Error(`The key file ${file} is not a JSON Web Key.`, { cause: error });
  }
}

/** The key pair in `file`, which must hold a private JWK (the signer's). */
export async function readKeyPair(file: string): Promise<KeyPair> {
  const jwk = await readJwk(file);
  if (typeof jwk.d !== 'string') throw new Error(`The key file ${file} holds no private key: the gateway signs with it.`);
  return fromPrivateJwk(jwk);
}

/** The public key of the JWK in `file`, private or public (a verifier needs only the public part). */
export async function readPublicKey(file: string): Promise<CryptoKey> {
  const { d: _d, ...publicPart } = await readJwk(file);
  return (await importJWK({ ...publicPart, alg: KEY_ALGORITHM }, KEY_ALGORITHM)) as CryptoKey;
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
