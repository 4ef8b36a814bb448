import type { Db } from '../../platform/db/database.js';
import type { Caller } from '../../platform/identity/caller.js';
import type { Language } from '../../platform/graphql/language.js';
import type { CatalogLoaders } from './loaders.js';
import type { CatalogRecordCache } from './catalog-record-cache.js';
import type { Harvester } from './harvest/harvester.js';

/** What every catalog resolver receives. Built once per request. */
export interface CatalogContext {
  /** The primary: every write, and the reads of a request that writes. */
  readonly db: Db;
  /** The handle for a read-only statement now: the streaming replica when it may answer, else the primary. */
  readonly reads: () => Db;
  readonly loaders: CatalogLoaders;
  /** The language text fields answer in, from the request's Accept-Language. */
  readonly language: Language;
  /** Who is calling, as the gateway vouched for them. */
  readonly caller: Caller;
  /** The gateway's public address, when it stated one (`X-Forwarded-*`): the catalogue's IRIs live under it. */
  readonly publicBase: string | undefined;
  /** What is kept between requests (absent for internal roles, who always read afresh). */
  readonly records?: CatalogRecordCache | undefined;
  /** Runs harvests on demand (and on schedule, in the background). */
  readonly harvester: Harvester;
}
