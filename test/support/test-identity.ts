import { anonymousCaller, type Caller } from '../../platform/identity/caller.js';
import { mintDevToken } from '../../platform/identity/dev-issuer.js';
import { generateKeyPairInMemory, type KeyPair } from '../../platform/identity/key-pair.js';
import { devIdentity, type Identity } from '../../platform/identity/load-identity.js';
import type { Role } from '../../platform/identity/roles.js';

/** Audience of callers' tokens in tests. */
export const TEST_AUDIENCE = 'health-metadata-gateway';

/** A development issuer and a gateway key that live in memory, and a way to mint callers' tokens. */
export interface TestIdentity {
  readonly identity: Identity;
  readonly devKey: KeyPair;
  /** A valid access token for these roles (and organisation). */
  token(roles: Role | Role[], organisationId?: string, subject?: string): Promise<string>;
}

export async function createTestIdentity(): Promise<TestIdentity> {
  const devKey = await generateKeyPairInMemory('test-dev-issuer');
  const gatewayKey = await generateKeyPairInMemory('test-gateway');
  return {
    identity: devIdentity(devKey, gatewayKey, TEST_AUDIENCE),
    devKey,
    token: (roles, organisationId, subject) => {
      const list = Array.isArray(roles) ? roles : [roles];
      return mintDevToken(devKey, {
        subject: subject ?? `test-${list.join('+')}${organisationId ? `@${organisationId}` : ''}`,
        roles: list,
        organisationId,
        audience: TEST_AUDIENCE,
      });
    },
  };
}

/** A caller as a subgraph sees it, for in-process tests. */
export function testCaller(roles: Role[] = [], organisationId: string | null = null, subject: string | null = roles.length ? 'test-user' : null): Caller {
  if (subject === null) return anonymousCaller('test-request');
  return { subject, organisationId, roles, requestId: 'test-request' };
}
