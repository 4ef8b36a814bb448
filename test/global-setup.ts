import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../platform/db/open-database.js';
import { createLogger } from '../platform/logger.js';
import { prepareDatabase } from '../platform/server/start-services.js';
import { adminUrl, dropDatabase, templateDatabaseName } from './support/postgres-admin.js';
import { testServices } from './support/test-services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** 'postgres' when DATABASE_URL is set, else 'pglite'. */
    testEngine: 'pglite' | 'postgres';
    /** PGlite: a dump of the migrated and seeded database, loaded by each test file. */
    pgliteDumpFile: string;
    /** PostgreSQL: this run's template database, cloned by each test file. */
    pgTemplateDatabase: string;
  }
}

/**
 * Migrates and seeds one database for the whole run: a PostgreSQL template database that each test file
 * clones, or a PGlite dump that each test file loads. Migrating once keeps files fast and independent.
 */
export default async function setup(project: TestProject) {
  const logger = createLogger('silent');
  const url = process.env.DATABASE_URL;
  if (url) {
    const templateDatabase = templateDatabaseName();
    const admin = await openDatabase({ url: adminUrl(url), poolSize: 1 });
    await admin.db.execute(`CREATE DATABASE ${templateDatabase}` as never);
    await admin.close();
    const template = await openDatabase({ url: adminUrl(url, templateDatabase), poolSize: 1 });
    await prepareDatabase(template, testServices, { seed: true, logger });
    await template.close();
    project.provide('testEngine', 'postgres');
    project.provide('pgliteDumpFile', '');
    project.provide('pgTemplateDatabase', templateDatabase);
    return async () => dropDatabase(url, templateDatabase);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'hmg-test-'));
  const file = path.join(dir, 'template.tar');
  const database = await openDatabase({});
  await prepareDatabase(database, testServices, { seed: true, logger });
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('testEngine', 'pglite');
  project.provide('pgliteDumpFile', file);
  project.provide('pgTemplateDatabase', '');
  return async () => rm(dir, { recursive: true, force: true });
}
