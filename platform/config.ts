import path from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

const environment = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL').optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  CATALOG_PORT: port.default(4001),
  CATALOG_URL: z.url().optional(),
  SEED: z.enum(['demo', 'none']).default('demo'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
});

/** The validated configuration of every service. Nothing else in the project reads `process.env`. */
export interface Config {
  /** Absent: the embedded PGlite database under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly host: string;
  /** The gateway's public port; 0 picks a free one. */
  readonly port: number;
  readonly subgraphs: Readonly<Record<SubgraphName, { readonly port: number; readonly url: string | undefined }>>;
  readonly seed: 'demo' | 'none';
  readonly logLevel: z.infer<typeof environment>['LOG_LEVEL'];
  readonly dbPoolSize: number;
}

/** The names of the subgraphs, as composition and the gateway know them. */
export type SubgraphName = 'catalog';

/** Raised when the environment is invalid; its message lists every problem at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses and validates the environment once. Unknown variables are ignored; every invalid one is
 * reported in a single `ConfigError` so that an operator fixes them all in one go.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    host: e.HOST,
    port: e.PORT,
    subgraphs: { catalog: { port: e.CATALOG_PORT, url: e.CATALOG_URL } },
    seed: e.SEED,
    logLevel: e.LOG_LEVEL,
    dbPoolSize: e.DB_POOL_SIZE,
  };
}
