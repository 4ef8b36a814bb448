import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('runs on the embedded database with defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('.data'));
    expect(config.port).toBe(4000);
    expect(config.seed).toBe('demo');
  });

  it('lists every invalid variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SEED: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('SEED');
  });
});

describe('loadConfig: a read replica', () => {
  it('takes DATABASE_READ_URL beside DATABASE_URL, and refuses it alone or malformed', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db/hmg', DATABASE_READ_URL: 'postgres://replica/hmg' });
    expect(config.databaseReadUrl).toBe('postgres://replica/hmg');
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://replica/hmg' })).toThrow(/DATABASE_READ_URL: a replica of DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/hmg', DATABASE_READ_URL: 'mysql://replica' })).toThrow(/DATABASE_READ_URL/);
  });
});

describe('loadConfig: operations settings', () => {
  it('leaves tracing off unless a standard OTEL switch asks for it', () => {
    expect(loadConfig({}).tracing.enabled).toBe(false);
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing.enabled).toBe(true);
    expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }).tracing.enabled).toBe(true);
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'console' }).tracing.enabled).toBe(true);
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing.enabled).toBe(false);
    expect(loadConfig({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing.enabled).toBe(false);
  });

  it('reads the metrics token and the shutdown grace period', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({}).shutdownGraceMs).toBe(10_000);
    const config = loadConfig({ METRICS_TOKEN: 'a-long-enough-token', SHUTDOWN_GRACE_MS: '2500' });
    expect(config.metricsToken).toBe('a-long-enough-token');
    expect(config.shutdownGraceMs).toBe(2500);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});

describe('loadConfig: production refuses to run insecurely', () => {
  const secure = {
    NODE_ENV: 'production',
    OIDC_ISSUER: 'https://login.example.org/realms/health',
    METRICS_TOKEN: 'a-long-enough-token',
    AUDIT_KEY: Buffer.alloc(32, 1).toString('base64'),
    GATEWAY_KEY_FILE: '/run/secrets/gateway.jwk',
  };

  it('starts with an external issuer and a metrics token', () => {
    const config = loadConfig(secure);
    expect(config.production).toBe(true);
    expect(config.oidc.issuer).toBe(secure.OIDC_ISSUER);
  });

  it('refuses to start without an external OIDC issuer, naming the variable', () => {
    expect(() => loadConfig({ ...secure, OIDC_ISSUER: undefined })).toThrow(/OIDC_ISSUER: required when NODE_ENV=production/);
  });

  it('refuses to serve /metrics without a token in production', () => {
    expect(() => loadConfig({ ...secure, METRICS_TOKEN: '' })).toThrow(/METRICS_TOKEN: required when NODE_ENV=production/);
  });

  it('refuses to start without an audit key kept outside the database, and refuses a short key', () => {
    expect(() => loadConfig({ ...secure, AUDIT_KEY: undefined })).toThrow(/AUDIT_KEY or AUDIT_KEY_FILE: required when NODE_ENV=production/);
    expect(loadConfig({ ...secure, AUDIT_KEY: undefined, AUDIT_KEY_FILE: '/run/secrets/audit.key' }).audit.keyFile).toBe('/run/secrets/audit.key');
    expect(() => loadConfig({ ...secure, AUDIT_KEY: Buffer.alloc(16, 1).toString('base64') })).toThrow(/AUDIT_KEY: must be the base64 of at least 32/);
  });

  it('refuses to start without the gateway key every replica shares (never one made per process)', () => {
    expect(() => loadConfig({ ...secure, GATEWAY_KEY_FILE: undefined })).toThrow(/GATEWAY_KEY_FILE: required when NODE_ENV=production/);
    expect(loadConfig(secure).gatewayKeyFile).toBe('/run/secrets/gateway.jwk');
    expect(loadConfig({ GATEWAY_KEY_FILE: undefined }).gatewayKeyFile).toBeUndefined();
  });

  it('reads which organisations each issuer may speak for', () => {
    expect(loadConfig(secure).oidc.organisations).toBe('*');
    expect(loadConfig({ ...secure, OIDC_ORGANISATIONS: 'inserm, thl' }).oidc.organisations).toEqual(['inserm', 'thl']);
    const partners = [{ issuer: 'https://idp.thl.example/', organisations: ['thl'] }];
    expect(loadConfig({ ...secure, OIDC_PARTNER_ISSUERS: JSON.stringify(partners) }).oidc.partnerIssuers).toEqual(partners);
    expect(() => loadConfig({ ...secure, OIDC_PARTNER_ISSUERS: '[{"issuer":"https://idp.example/"}]' })).toThrow(/OIDC_PARTNER_ISSUERS/);
    expect(() => loadConfig({ ...secure, OIDC_PARTNER_ISSUERS: 'not json' })).toThrow(/OIDC_PARTNER_ISSUERS/);
  });
});
