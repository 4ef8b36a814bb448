import { ErrorCode, apiError } from '../../platform/graphql/errors.js';
import { peerDatasets } from '../../platform/server/peer-entities.js';

/** The health data access body that decides on a dataset (its `hdab`), and that body's country. */
export interface DatasetAccessBody {
  datasetId: string;
  /** The catalogue's data holder id of the access body; null when the dataset's record names none. */
  accessBodyId: string | null;
  /** The access body's country (an EU country code); null with no access body. */
  country: string | null;
}

/** Answers which catalogue dataset ids exist. */
export interface DatasetDirectory {
  /** The subset of `ids` that are catalogue datasets. */
  existing(ids: readonly string[]): Promise<Set<string>>;
  /** The access body of each of `ids` that is a catalogue dataset (absent ones are not catalogue datasets). */
  accessBodies(ids: readonly string[]): Promise<Map<string, DatasetAccessBody>>;
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
    async accessBodies(ids) {
      if (ids.length === 0) return new Map();
      if (!catalogUrl || !catalogIdentity) {
        throw apiError(ErrorCode.INTERNAL_SERVER_ERROR, 'The catalogue cannot be reached to check the datasets.');
      }
      type Found = { id: string; accessBody: { id: string; country: { code: string } } | null };
      const found = await peerDatasets<Found>({ url: catalogUrl, identity: catalogIdentity }, 'accessBody { id country { code } }', ids);
      return new Map(
        found
          .filter((e): e is Found => e !== null)
          .map((e) => [e.id, { datasetId: e.id, accessBodyId: e.accessBody?.id ?? null, country: e.accessBody?.country.code ?? null }]),
      );
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
