import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createCallerTokenVerifier, createMultiIssuerVerifier } from './caller-token-verifier.js';
import { DEV_ISSUER, mintDevToken } from './dev-issuer.js';
import { generateKeyPairInMemory, type KeyPair } from './key-pair.js';
import { loadIdentity } from './load-identity.js';

const AUDIENCE = 'health-metadata-gateway';

function sign(key: KeyPair, issuer: string, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setIssuer(issuer)
    .setAudience(AUDIENCE)
    .setSubject('someone')
    .setExpirationTime('5m')
    .sign(key.privateKey);
}

async function refusal(promise: Promise<unknown>): Promise<{ message: string; extensions: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { message: string; extensions: Record<string, unknown> };
  }
  throw new Error('the token was accepted');
}

describe('issuers speak only for the organisations they are trusted for', () => {
  it("refuses a partner issuer's token naming another organisation, and one granting an internal role", async () => {
    const thlKey = await generateKeyPairInMemory('thl-idp');
    const thl = createCallerTokenVerifier({
      issuer: 'https://idp.thl.example',
      audience: AUDIENCE,
      algorithms: ['ES256'],
      keys: { localKeys: [thlKey.publicJwk] },
      organisations: ['thl'],
      grantsInternalRoles: false,
    });
    const own = await thl.verify(await sign(thlKey, 'https://idp.thl.example', { roles: ['researcher'], org: 'thl' }), 'r1');
    expect(own).toMatchObject({ organisationId: 'thl', roles: ['researcher'] });
    const other = await refusal(thl.verify(await sign(thlKey, 'https://idp.thl.example', { roles: ['researcher'], org: 'inserm' }), 'r2'));
    expect(other.extensions.code).toBe('UNAUTHENTICATED');
    expect(other.message).toMatch(/may not speak for the organisation "inserm"/);
    const admin = await refusal(thl.verify(await sign(thlKey, 'https://idp.thl.example', { roles: ['admin'], org: 'thl' }), 'r3'));
    expect(admin.message).toMatch(/internal roles/);
  });

  it('sends each token to the verifier of its issuer, and refuses unknown issuers', async () => {
    const mainKey = await generateKeyPairInMemory('main');
    const thlKey = await generateKeyPairInMemory('thl-idp');
    const verifier = createMultiIssuerVerifier(
      new Map([
        ['https://login.example.org', createCallerTokenVerifier({ issuer: 'https://login.example.org', audience: AUDIENCE, algorithms: ['ES256'], keys: { localKeys: [mainKey.publicJwk] } })],
        [
          'https://idp.thl.example',
          createCallerTokenVerifier({ issuer: 'https://idp.thl.example', audience: AUDIENCE, algorithms: ['ES256'], keys: { localKeys: [thlKey.publicJwk] }, organisations: ['thl'] }),
        ],
      ]),
    );
    expect(await verifier.verify(await sign(mainKey, 'https://login.example.org', { roles: ['researcher'], org: 'inserm' }), 'a')).toMatchObject({ organisationId: 'inserm' });
    expect(await verifier.verify(await sign(thlKey, 'https://idp.thl.example', { roles: ['researcher'], org: 'thl' }), 'b')).toMatchObject({ organisationId: 'thl' });
    // The THL issuer's key cannot sign for the main issuer, nor the THL issuer for Inserm.
    expect((await refusal(verifier.verify(await sign(thlKey, 'https://login.example.org', { roles: ['researcher'], org: 'inserm' }), 'c'))).extensions.code).toBe('UNAUTHENTICATED');
    expect((await refusal(verifier.verify(await sign(thlKey, 'https://idp.thl.example', { roles: ['researcher'], org: 'inserm' }), 'd'))).extensions.code).toBe('UNAUTHENTICATED');
    expect((await refusal(verifier.verify(await sign(thlKey, 'https://elsewhere.example', { roles: ['researcher'], org: 'thl' }), 'e'))).extensions.code).toBe('UNAUTHENTICATED');
    expect((await refusal(verifier.verify('not-a-jwt', 'f'))).extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('the development issuer', () => {
  it('says, in development, that a token made with another data folder was not signed by this server', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hmg-identity-'));
    try {
      const identity = await loadIdentity(loadConfig({ DATA_DIR: path.join(dir, 'server') }));
      const elsewhere = await generateKeyPairInMemory('dev-issuer');
      const token = await mintDevToken(elsewhere, { subject: 'me', roles: ['admin'], audience: AUDIENCE });
      const error = await refusal(identity.callers.verify(token, 'r'));
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      expect(String(error.extensions.hint)).toMatch(/DATA_DIR/);
      expect(identity.issuer).toBe(DEV_ISSUER);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
