import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { loadGatewayVerificationKey, loadIdentity } from './load-identity.js';
import { readKeyPair } from './key-pair.js';

const run = promisify(execFile);
let folder: string;
const makeKeys = (into: string) => run(process.execPath, ['--import', 'tsx', 'scripts/make-keys.ts', into]);

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'keys-'));
  await makeKeys(path.join(folder, 'keys'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the keys every replica shares (npm run keys, GATEWAY_KEY_FILE)', () => {
  it('are made once, private files readable by their owner only, never overwritten', async () => {
    expect((await stat(path.join(folder, 'keys', 'gateway.jwk'))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(folder, 'keys', 'audit.key'))).mode & 0o777).toBe(0o600);
    expect(Buffer.from((await readFile(path.join(folder, 'keys', 'audit.key'), 'utf8')).trim(), 'base64')).toHaveLength(32);
    await expect(makeKeys(path.join(folder, 'keys'))).rejects.toMatchObject({ code: 1 });
  });

  it('let a gateway sign what a subgraph given only the public part verifies, across processes', async () => {
    const gateway = await loadIdentity(loadConfig({ GATEWAY_KEY_FILE: path.join(folder, 'keys', 'gateway.jwk'), DATA_DIR: path.join(folder, 'data-gateway') }));
    const subgraphKey = await loadGatewayVerificationKey(loadConfig({ GATEWAY_KEY_FILE: path.join(folder, 'keys', 'gateway.public.jwk'), DATA_DIR: path.join(folder, 'data-subgraph') }));
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).setAudience('catalog').setExpirationTime('1m').sign(gateway.gatewayKey.privateKey);
    await expect(jwtVerify(token, subgraphKey, { audience: 'catalog' })).resolves.toBeTruthy();
    // Nothing was generated in the data folders: the key came from the file.
    await expect(stat(path.join(folder, 'data-gateway', 'keys', 'gateway.jwk'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuse a signer without a private key, and name a missing file', async () => {
    await expect(readKeyPair(path.join(folder, 'keys', 'gateway.public.jwk'))).rejects.toThrow(/holds no private key/);
    await expect(readKeyPair(path.join(folder, 'nowhere.jwk'))).rejects.toThrow(/Cannot read the key file .*nowhere\.jwk: ENOENT/);
  });
});
