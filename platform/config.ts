import path from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

/** An organisation id, as tokens' `org` claim and the access subgraph give it. */
const ORGANISATION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const environment = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  TRUSTED_DOCUMENTS: z.enum(['required', 'optional']).optional(),
  RATE_LIMIT_PARTNER_FIELDS_PER_MINUTE: z.coerce.number().int().min(1).default(60_000),
  RATE_LIMIT_INTERNAL_FIELDS_PER_MINUTE: z.coerce.number().int().min(1).default(600_000),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  TRUST_PROXY: z
    .string()
    .regex(/^(\d+|[\w.:/-]+(\s*,\s*[\w.:/-]+)*)$/, 'a number of proxy hops, or a comma-separated list of addresses, subnets or loopback/linklocal/uniquelocal')
    .transform((v) => (/^\d+$/.test(v) ? Number(v) : v))
    .optional(),
  PUBLIC_URL: z
    .url()
    .regex(/^https?:\/\/[^?#]*$/, 'must be an http(s) URL without query or fragment')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL').optional(),
  DATABASE_READ_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL').optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  CATALOG_PORT: port.default(4001),
  CATALOG_URL: z.url().optional(),
  ACCESS_PORT: port.default(4002),
  ACCESS_URL: z.url().optional(),
  LINEAGE_PORT: port.default(4003),
  LINEAGE_URL: z.url().optional(),
  SEED: z.enum(['demo', 'none']).default('demo'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  WEBHOOK_ALLOWED_TARGETS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((t) => t.trim()).filter(Boolean))
    .refine((list) => list.every((t) => /^[A-Za-z0-9.:_\-/]+$/.test(t)), 'a comma-separated list of host names, IP addresses or CIDR ranges'),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(5000),
  WEBHOOK_RETRY_FOR_SECONDS: z.coerce.number().int().min(1).max(7 * 86_400).default(86_400),
  CHANGE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  OIDC_ISSUER: z.url().optional(),
  OIDC_AUDIENCE: z.string().min(1).default('health-metadata-gateway'),
  OIDC_JWKS_URL: z.url().optional(),
  OIDC_ALGORITHMS: z
    .string()
    .default('RS256,PS256,ES256')
    .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
    .refine((list) => list.every((a) => /^(RS|PS|ES)(256|384|512)$|^EdDSA$/.test(a)), 'only asymmetric JWS algorithms (RS*, PS*, ES*, EdDSA)'),
  OIDC_ORGANISATIONS: z
    .string()
    .default('*')
    .transform(organisationList)
    .refine((list) => list === '*' || list.every((o) => ORGANISATION_ID.test(o)), 'a comma-separated list of organisation ids, or *'),
  OIDC_PARTNER_ISSUERS: z
    .string()
    .transform((v, ctx) => {
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(
      z.array(
        z.strictObject({
          issuer: z.url(),
          jwksUrl: z.url().optional(),
          organisations: z.array(z.string().regex(ORGANISATION_ID, 'organisation ids')).min(1),
        }),
      ),
    )
    .optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  AUDIT_KEY: z
    .string()
    .refine((v) => /^[A-Za-z0-9+/=_-]+$/.test(v.trim()) && Buffer.from(v.trim(), 'base64').length >= 32, 'must be the base64 of at least 32 random bytes (openssl rand -base64 32)')
    .optional(),
  AUDIT_KEY_FILE: z.string().optional(),
  GATEWAY_KEY_FILE: z.string().min(1).optional(),
  /** Read by the catalog service itself (see subgraphs/catalog/service.ts); validated here. */
  CATALOG_RECORD_CACHE: z.enum(['on', 'off']).default('on'),
  /** Read by the catalog service itself (see subgraphs/catalog/model/catalogue-country.ts); validated here. */
  CATALOGUE_COUNTRY: z.string().regex(/^[A-Z]{3}$/, 'must be an EU country code such as FRA').default('FRA'),
  AUDIT_CHECKPOINT_FILE: z.string().optional(),
  AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** Read on import by platform/server/heap-growth.ts (every entry point); validated here. */
  HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(300).default(50),
  // Only the switches are read here; the OpenTelemetry SDK reads the rest of its OTEL_* variables itself.
  OTEL_SDK_DISABLED: z.string().optional(),
  OTEL_TRACES_EXPORTER: z.string().optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
});

/** The validated configuration of every service. Nothing else in the project reads `process.env`. */
export interface Config {
  /**
   * `NODE_ENV=production`: hardened defaults (no introspection for partners, no explorer, trusted
   * documents required of partner callers, limits not revealed).
   */
  readonly production: boolean;
  /**
   * The gateway's request rules: whether callers without an internal role must send registered
   * operations (default: required in production only), their budgets of resolved fields per minute,
   * and how long a subgraph call may take. `publicUrl` (`PUBLIC_URL`) is the gateway's public address,
   * such as `https://health-data.example.org`, under which the catalogue export mints its IRIs; absent,
   * the address each request came to.
   */
  readonly gateway: {
    readonly trustedDocuments: 'required' | 'optional';
    readonly rateLimits: { readonly partnerFieldsPerMinute: number; readonly internalFieldsPerMinute: number };
    readonly subgraphTimeoutMs: number;
    /**
     * How long the gateway keeps a query's answer for the same caller scope (`RESPONSE_CACHE_TTL_SECONDS`,
     * 0 turns the response cache off); committed changes drop entries sooner.
     */
    readonly responseCacheTtlSeconds: number;
    /** Redis shared by every gateway for the response cache (`REDIS_URL`); absent, each keeps its own. */
    readonly redisUrl?: string | undefined;
    readonly publicUrl?: string | undefined;
    /**
     * Which proxies in front of the gateway to believe about the client (`TRUST_PROXY`, Express's
     * "trust proxy": a hop count or addresses). Absent, the client is the socket's peer.
     */
    readonly trustProxy?: number | string | undefined;
  };
  /** Absent: the embedded PGlite database under `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** A streaming replica of `databaseUrl` for the catalog's read-only work (see `ReadRouting`). */
  readonly databaseReadUrl: string | undefined;
  readonly dataDir: string;
  readonly host: string;
  /** The gateway's public port; 0 picks a free one. */
  readonly port: number;
  readonly subgraphs: Readonly<Record<SubgraphName, { readonly port: number; readonly url: string | undefined }>>;
  readonly seed: 'demo' | 'none';
  readonly logLevel: z.infer<typeof environment>['LOG_LEVEL'];
  readonly dbPoolSize: number;
  /** Webhook delivery: targets allowed beyond public addresses, and the retry schedule. */
  readonly webhooks: { readonly allowedTargets: readonly string[]; readonly retryBaseMs: number; readonly retryForMs: number; readonly retentionDays: number };
  /**
   * Who issues callers' tokens. Absent issuer: the built-in development issuer (keys in the data folder,
   * tokens from `npm run token`).
   */
  readonly oidc: {
    readonly issuer: string | undefined;
    readonly audience: string;
    readonly jwksUrl: string | undefined;
    readonly algorithms: readonly string[];
    /** The organisations the main issuer may speak for in the `org` claim (`OIDC_ORGANISATIONS`; `*`: any). */
    readonly organisations: readonly string[] | '*';
    /**
     * Partner institutes' own issuers (`OIDC_PARTNER_ISSUERS`, JSON): each may speak only for the
     * organisations listed, and never grants an internal role.
     */
    readonly partnerIssuers: readonly PartnerIssuer[];
  };
  /**
   * The gateway's signing key for the identity tokens it gives subgraphs (`GATEWAY_KEY_FILE`, a JWK; the
   * subgraphs need only its public part). Required in production, so that every replica shares it;
   * absent, a development key under DATA_DIR/keys.
   */
  readonly gatewayKeyFile: string | undefined;
  /** Bearer token `/metrics` requires; absent, `/metrics` is open (keep it off the public network). */
  readonly metricsToken: string | undefined;
  /**
   * The audit trail's key (`AUDIT_KEY`, base64, or `AUDIT_KEY_FILE`; required in production, else a
   * development key under DATA_DIR/keys), and its checkpoints: appended every `checkpointIntervalMs` to
   * `checkpointFile` (`AUDIT_CHECKPOINT_FILE`, default DATA_DIR/audit/checkpoints.jsonl) and to the log.
   */
  readonly audit: {
    readonly key: string | undefined;
    readonly keyFile: string | undefined;
    readonly checkpointFile: string;
    readonly checkpointIntervalMs: number;
  };
  /** How long a stopping service waits for requests in flight before cutting their connections. */
  readonly shutdownGraceMs: number;
  /**
   * How far the JavaScript heap may grow past what the last full collection kept, in percent
   * (`HEAP_GROWING_PERCENT`, 50 by default; 0 leaves it to V8, which lets it grow up to four times).
   */
  readonly heapGrowingPercent: number;
  /** Change events and webhook deliveries are kept this many days (CHANGE_RETENTION_DAYS). */
  readonly changeRetentionDays: number;
  /**
   * OpenTelemetry tracing is on when an OTLP endpoint (`OTEL_EXPORTER_OTLP_ENDPOINT` or
   * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) or `OTEL_TRACES_EXPORTER` (other than `none`) is set, and
   * `OTEL_SDK_DISABLED` is not `true`.
   */
  readonly tracing: { readonly enabled: boolean };
}

/** An identity provider of a partner institute, trusted for its own organisations only. */
export interface PartnerIssuer {
  readonly issuer: string;
  /** Absent: from the issuer's OIDC discovery document. */
  readonly jwksUrl?: string | undefined;
  readonly organisations: readonly string[];
}

function organisationList(value: string): string[] | '*' {
  const list = value.split(',').map((o) => o.trim()).filter(Boolean);
  return list.includes('*') ? '*' : list;
}

/** The names of the subgraphs, as composition and the gateway know them. */
export type SubgraphName = 'catalog' | 'access' | 'lineage';

/** Raised when the environment is invalid; its message lists every problem at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses and validates the environment once. Unknown variables are ignored; every invalid one is
 * reported in a single `ConfigError` so that an operator fixes them all in one go.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  // An empty variable means "not set", as shells and container runtimes often pass them.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environment.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_READ_URL && !e.DATABASE_URL) {
    throw new ConfigError('Invalid configuration:\n- DATABASE_READ_URL: a replica of DATABASE_URL, which is not set (the embedded database has no replica)');
  }
  if (e.NODE_ENV === 'production') {
    const insecure = [
      ...(e.OIDC_ISSUER ? [] : ['- OIDC_ISSUER: required when NODE_ENV=production (the development issuer, whose key lies in the data folder, is for development only)']),
      ...(e.METRICS_TOKEN ? [] : ['- METRICS_TOKEN: required when NODE_ENV=production (/metrics is otherwise open to anyone reaching the port)']),
      ...(e.AUDIT_KEY || e.AUDIT_KEY_FILE ? [] : ['- AUDIT_KEY or AUDIT_KEY_FILE: required when NODE_ENV=production (the audit trail is authenticated with a key kept outside the database)']),
      ...(e.GATEWAY_KEY_FILE ? [] : ['- GATEWAY_KEY_FILE: required when NODE_ENV=production (every gateway and subgraph replica must share the gateway\'s signing key; `npm run keys` makes one)']),
    ];
    if (insecure.length > 0) throw new ConfigError(`Invalid configuration:\n${insecure.join('\n')}`);
  }
  return {
    production: e.NODE_ENV === 'production',
    gateway: {
      trustedDocuments: e.TRUSTED_DOCUMENTS ?? (e.NODE_ENV === 'production' ? 'required' : 'optional'),
      rateLimits: { partnerFieldsPerMinute: e.RATE_LIMIT_PARTNER_FIELDS_PER_MINUTE, internalFieldsPerMinute: e.RATE_LIMIT_INTERNAL_FIELDS_PER_MINUTE },
      subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
      responseCacheTtlSeconds: e.RESPONSE_CACHE_TTL_SECONDS,
      redisUrl: e.REDIS_URL,
      publicUrl: e.PUBLIC_URL,
      trustProxy: e.TRUST_PROXY,
    },
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    dataDir: path.resolve(e.DATA_DIR),
    host: e.HOST,
    port: e.PORT,
    subgraphs: {
      catalog: { port: e.CATALOG_PORT, url: e.CATALOG_URL },
      access: { port: e.ACCESS_PORT, url: e.ACCESS_URL },
      lineage: { port: e.LINEAGE_PORT, url: e.LINEAGE_URL },
    },
    seed: e.SEED,
    logLevel: e.LOG_LEVEL,
    dbPoolSize: e.DB_POOL_SIZE,
    webhooks: { allowedTargets: e.WEBHOOK_ALLOWED_TARGETS, retryBaseMs: e.WEBHOOK_RETRY_BASE_MS, retryForMs: e.WEBHOOK_RETRY_FOR_SECONDS * 1000, retentionDays: e.CHANGE_RETENTION_DAYS },
    oidc: {
      issuer: e.OIDC_ISSUER,
      audience: e.OIDC_AUDIENCE,
      jwksUrl: e.OIDC_JWKS_URL,
      algorithms: e.OIDC_ALGORITHMS,
      organisations: e.OIDC_ORGANISATIONS,
      partnerIssuers: e.OIDC_PARTNER_ISSUERS ?? [],
    },
    metricsToken: e.METRICS_TOKEN,
    gatewayKeyFile: e.GATEWAY_KEY_FILE ? path.resolve(e.GATEWAY_KEY_FILE) : undefined,
    audit: {
      key: e.AUDIT_KEY,
      keyFile: e.AUDIT_KEY_FILE ? path.resolve(e.AUDIT_KEY_FILE) : undefined,
      checkpointFile: path.resolve(e.AUDIT_CHECKPOINT_FILE ?? path.join(e.DATA_DIR, 'audit', 'checkpoints.jsonl')),
      checkpointIntervalMs: e.AUDIT_CHECKPOINT_INTERVAL_MS,
    },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    heapGrowingPercent: e.HEAP_GROWING_PERCENT,
    changeRetentionDays: e.CHANGE_RETENTION_DAYS,
    tracing: { enabled: tracingEnabled(e) },
  };
}

/** Whether the standard OTEL_* switches ask for traces (see `Config.tracing`). */
function tracingEnabled(e: z.infer<typeof environment>): boolean {
  if (e.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (e.OTEL_TRACES_EXPORTER ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  if (exporters.length > 0) return !exporters.includes('none');
  return e.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined || e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined;
}
