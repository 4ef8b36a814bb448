/**
 * `npm run keys -- <folder>`: makes the keys every replica must share in production, once, into
 * `folder` (created when missing; existing files are never overwritten):
 * - `gateway.jwk`: the gateway's signing key for the identity tokens it gives subgraphs (a private ES256
 *   JWK, mode 0600): give it to every gateway and subgraph as GATEWAY_KEY_FILE;
 * - `gateway.public.jwk`: its public part, enough for the subgraphs (GATEWAY_KEY_FILE may name it);
 * - `audit.key`: the audit trail's key (32 random bytes, base64, mode 0600): AUDIT_KEY_FILE.
 * Keep them in a secret store; anyone holding gateway.jwk can speak to the subgraphs as the gateway.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { KEY_ALGORITHM } from '../platform/identity/key-pair.js';

const folder = process.argv[2];
if (!folder) {
  console.error('Usage: npm run keys -- <folder>');
  process.exit(2);
}
await mkdir(folder, { recursive: true, mode: 0o700 });
const kid = `gateway-${new Date().toISOString().slice(0, 10)}`;
const { privateKey } = await generateKeyPair(KEY_ALGORITHM, { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid, alg: KEY_ALGORITHM, use: 'sig' };
const { d: _d, ...publicJwk } = jwk;
const write = async (name: string, text: string, mode: number) => {
  const file = path.join(folder, name);
  try {
    await writeFile(file, text, { mode, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      console.error(`${file} exists: keys are never overwritten (move it away to make new ones).`);
      process.exit(1);
    }
    throw error;
  }
  return file;
};
const files = [
  await write('gateway.jwk', `${JSON.stringify(jwk)}\n`, 0o600),
  await write('gateway.public.jwk', `${JSON.stringify(publicJwk)}\n`, 0o644),
  await write('audit.key', `${randomBytes(32).toString('base64')}\n`, 0o600),
];
console.log(`Wrote ${files.join(', ')}.`);
console.log(`Set GATEWAY_KEY_FILE=${files[0]} on every gateway (subgraphs may use ${files[1]}) and AUDIT_KEY_FILE=${files[2]} on the gateways and the access subgraph.`);
