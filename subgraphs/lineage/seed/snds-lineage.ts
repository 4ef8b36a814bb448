import { createHash } from 'node:crypto';
import { CATALOG_SYMLINK_NAMESPACE } from '../db/queries/ingest-events.js';
import { sndsTables, type SndsProduct } from './snds-tables.js';

/**
 * The real lineage of the SNDS, as OpenLineage events (sent through the ingestion API at seed time):
 * - each product's tables publish the product (DCIR, the four PMSI branches, causes of death, ...);
 * - DCIRS is built from DCIR's tables (and the beneficiary reference);
 * - the Cartographie des pathologies is computed from DCIR and PMSI MCO tables;
 * - the base principale is assembled from DCIR, the PMSI branches, the causes of death and MDPH data.
 * Product-level datasets name their catalogue dataset through a symlink (the documented mapping rule).
 * Events are deterministic (fixed run ids and times), so seeding twice stores them once.
 */
const NAMESPACE = 'snds';
const PRODUCER = 'urn:health-metadata-gateway:demo-seed';
const SCHEMA_URL = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
const EVENT_TIME = '2024-01-15T02:00:00Z';

/** Product-level dataset names and the catalogue datasets they stand for. */
const products: Record<string, string> = {
  DCIR: 'snds-dcir',
  DCIRS: 'snds-dcirs',
  PMSI_MCO: 'pmsi-mco',
  PMSI_SSR: 'pmsi-ssr',
  PMSI_HAD: 'pmsi-had',
  PMSI_RIMP: 'pmsi-rimp',
  CAUSES_DE_DECES: 'cepidc-bcmd',
  MDPH: 'mdph',
  CARTOGRAPHIE_PATHOLOGIES: 'cartographie-pathologies',
  BASE_PRINCIPALE: 'snds-base-principale',
};

function runId(job: string): string {
  const h = createHash('sha256').update(`snds-demo:${job}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The facet tying a lineage dataset to a catalogue dataset (the documented symlink rule). */
const catalogLink = (catalogId: string) => ({
  symlinks: {
    _producer: PRODUCER,
    _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/SymlinksDatasetFacet.json#/$defs/SymlinksDatasetFacet',
    identifiers: [{ namespace: CATALOG_SYMLINK_NAMESPACE, name: catalogId, type: 'CATALOG_DATASET' }],
  },
});

const table = (name: string) => ({ namespace: NAMESPACE, name });
const product = (name: string) => {
  const catalogId = products[name];
  return { namespace: NAMESPACE, name, ...(catalogId ? { facets: catalogLink(catalogId) } : {}) };
};
/**
 * A product's own tables, tied to the product's catalogue dataset: they are that dataset, table by table,
 * so an impact analysis of the catalogue dataset starts from them too (DCIRS and the Cartographie are
 * built from DCIR's tables, not from its published whole). Tables shared by two products stay untied.
 */
const ownTable = (p: SndsProduct, name: string) => {
  const catalogId = products[p];
  return { namespace: NAMESPACE, name, ...(catalogId ? { facets: catalogLink(catalogId) } : {}) };
};

function run(job: string, inputs: object[], outputs: object[]) {
  return {
    eventType: 'COMPLETE',
    eventTime: EVENT_TIME,
    run: { runId: runId(job) },
    job: { namespace: NAMESPACE, name: job },
    inputs,
    outputs,
    producer: PRODUCER,
    schemaURL: SCHEMA_URL,
  };
}

const tablesOf = (p: SndsProduct) => sndsTables[p].map((name) => ownTable(p, name));

/** The demo SNDS lineage events. */
export function sndsLineageEvents(): object[] {
  const publish = (p: SndsProduct, extra: object[] = []) => run(`publish.${p.toLowerCase()}`, [...tablesOf(p), ...extra], [product(p)]);
  const reference = tablesOf('DCIR_DCIRS');
  return [
    publish('DCIR', reference),
    publish('PMSI_MCO'),
    publish('PMSI_SSR'),
    publish('PMSI_HAD'),
    publish('PMSI_RIMP'),
    publish('CAUSES_DE_DECES'),
    run('cnsa.publish_mdph', [], [product('MDPH')]),
    run('cnam.build_dcirs', [...sndsTables.DCIR.filter((t) => t !== 'ER_ANO_F').map(table), table('IR_BEN_R')], [...tablesOf('DCIRS'), table('IR_IBA_R')]),
    publish('DCIRS', [...reference, table('IR_IBA_R')]),
    run(
      'cnam.cartographie_pathologies',
      [table('ER_PRS_F'), table('ER_PHA_F'), table('ER_CAM_F'), table('ER_BIO_F'), table('IR_BEN_R'), table('T_MCOaa_nnB'), table('T_MCOaa_nnC'), table('T_MCOaa_nnD'), table('T_MCOaa_nnA')],
      tablesOf('CARTOGRAPHIE_PATHOLOGIES'),
    ),
    publish('CARTOGRAPHIE_PATHOLOGIES'),
    run(
      'hdh.assemble_base_principale',
      ['DCIR', 'PMSI_MCO', 'PMSI_SSR', 'PMSI_HAD', 'PMSI_RIMP', 'CAUSES_DE_DECES', 'MDPH'].map(product),
      [product('BASE_PRINCIPALE')],
    ),
  ];
}
