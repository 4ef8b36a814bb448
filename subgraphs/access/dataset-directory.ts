import { ErrorCode, apiError } from '../../platform/graphql/errors.js';
import { peerDatasets } from '../../platform/server/peer-entities.js';

/** Answers which catalogue dataset ids exist. */
export interface DatasetDirectory {
  /** The subset of `ids` that are catalogue datasets. */
  existing(ids: readonly string[]): Promise<Set<string>>;
  /** The subset of `ids` whose access rights are PUBLIC (their lineage is anyone's to see). */
  publicOnes(ids: readonly string[]): Promise<Set<string>>;
}

/**
 * The catalogue as seen through the catalog subgraph's `_entities`, called with the identity token the
 * gateway made for the catalog on this request (header `x-identity-catalog`): the access subgraph asks
 * nothing the caller could not ask, and reads no table it does not own.
 */
export function catalogDirectory(catalogUrl: string | undefined, catalogIdentity: string | undefined): DatasetDirectory {
  return {
    async existing(ids) {
      if (ids.length === 0) return new Set();
      if (!catalogUrl || !catalogIdentity) {
        throw apiError(ErrorCode.INTERNAL_SERVER_ERROR, 'The catalogue cannot be reached to check the datasets.');
      }
      const found = await peerDatasets<{ id: string }>({ url: catalogUrl, identity: catalogIdentity }, '', ids);
      return new Set(found.filter((e): e is { id: string } => e !== null).map((e) => e.id));
    },
    async publicOnes(ids) {
      if (ids.length === 0) return new Set();
      if (!catalogUrl || !catalogIdentity) {
        throw apiError(ErrorCode.INTERNAL_SERVER_ERROR, 'The catalogue cannot be reached to check the datasets.');
      }
      const found = await peerDatasets<{ id: string; accessRights: { code: string } }>({ url: catalogUrl, identity: catalogIdentity }, 'accessRights { code }', ids);
      return new Set(found.filter((e) => e?.accessRights.code === 'PUBLIC').map((e) => (e as { id: string }).id));
    },
  };
}
