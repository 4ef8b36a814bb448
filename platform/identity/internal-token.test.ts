import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateKeyPairInMemory } from './key-pair.js';
import { createInternalTokenSigner, createInternalTokenVerifier, requestIdOf } from './internal-token.js';

const researcher = { subject: 'alice', organisationId: 'inserm', roles: ['researcher' as const], requestId: 'r-1' };

afterEach(() => {
  vi.useRealTimers();
});

describe('gateway identity tokens shared by requests', () => {
  it('reuses one token per caller identity and audience, whatever the request', async () => {
    const key = await generateKeyPairInMemory('test-1');
    const sign = createInternalTokenSigner(key);
    const first = await sign(researcher, 'catalog');
    expect(await sign({ ...researcher, requestId: 'r-2' }, 'catalog')).toBe(first);
    expect(await sign(researcher, 'access')).not.toBe(first);
    expect(await sign({ ...researcher, roles: ['researcher', 'auditor'] }, 'catalog')).not.toBe(first);
    expect(await sign({ ...researcher, organisationId: 'thl' }, 'catalog')).not.toBe(first);
  });

  it('is re-signed before it expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const key = await generateKeyPairInMemory('test-1');
    const sign = createInternalTokenSigner(key);
    const first = await sign(researcher, 'catalog');
    vi.setSystemTime(Date.now() + 45_000);
    expect(await sign(researcher, 'catalog')).not.toBe(first);
  });

  it('is verified once, carries the request id of each request, and is refused once expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const key = await generateKeyPairInMemory('test-1');
    const token = await createInternalTokenSigner(key)(researcher, 'catalog');
    const verify = createInternalTokenVerifier(key.publicKey, 'catalog');
    expect(await verify(token, 'req-a')).toEqual({ ...researcher, requestId: 'req-a' });
    expect((await verify(token, 'req-b')).requestId).toBe('req-b');
    await expect(createInternalTokenVerifier(key.publicKey, 'access')(token, 'x')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const other = await generateKeyPairInMemory('test-2');
    await expect(createInternalTokenVerifier(other.publicKey, 'catalog')(token, 'x')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    vi.setSystemTime(Date.now() + 70_000);
    await expect(verify(token, 'req-c')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('takes only well-formed request ids from the header', () => {
    expect(requestIdOf('0b6e4c1e-8b8a-4b8e-9b43-1c1f5f0a9e21')).toBe('0b6e4c1e-8b8a-4b8e-9b43-1c1f5f0a9e21');
    expect(requestIdOf('bad id\n')).toBe('unknown');
    expect(requestIdOf(undefined)).toBe('unknown');
    expect(requestIdOf(['a', 'b'])).toBe('unknown');
  });
});
