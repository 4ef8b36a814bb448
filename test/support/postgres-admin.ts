import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The name of the database every test file's database is cloned from, one per run (`hmg_test_template_`
 * and a random suffix), so that two runs on one server never drop each other's template.
 */
export function templateDatabaseName(): string {
  return `hmg_test_template_${randomBytes(6).toString('hex')}`;
}

/** `url` with its database name replaced (default: the `postgres` maintenance database). */
export function adminUrl(url: string, database = 'postgres'): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs one statement on the maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Drops a database if it exists, disconnecting its sessions. */
export async function dropDatabase(url: string, name: string): Promise<void> {
  await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
