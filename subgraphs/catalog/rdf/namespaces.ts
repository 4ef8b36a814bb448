import { DataFactory, type NamedNode } from 'n3';

/** Builds the IRIs of one vocabulary: `dcat('Dataset')` is `http://www.w3.org/ns/dcat#Dataset`. */
export type Namespace = (localName: string) => NamedNode;

function namespace(base: string): Namespace {
  return (localName) => DataFactory.namedNode(base + localName);
}

/**
 * The prefixes of every vocabulary the export uses, as DCAT-AP 3 and HealthDCAT-AP Release 8 name them.
 * HealthDCAT-AP still uses its provisional namespace (`http://healthdataportal.eu/ns/health#`): it is the
 * one Release 8's shapes and examples check, so it is the one harvesters expect.
 */
export const PREFIXES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatap: 'http://data.europa.eu/r5r/',
  healthdcatap: 'http://healthdataportal.eu/ns/health#',
  geodcatap: 'http://data.europa.eu/930/',
  dpv: 'https://w3id.org/dpv#',
  adms: 'http://www.w3.org/ns/adms#',
  cv: 'http://data.europa.eu/m8g/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  locn: 'http://www.w3.org/ns/locn#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
} as const;

export const rdf = namespace(PREFIXES.rdf);
export const rdfs = namespace(PREFIXES.rdfs);
export const xsd = namespace(PREFIXES.xsd);
export const dcat = namespace(PREFIXES.dcat);
export const dct = namespace(PREFIXES.dct);
export const dcatap = namespace(PREFIXES.dcatap);
export const healthdcatap = namespace(PREFIXES.healthdcatap);
export const geodcatap = namespace(PREFIXES.geodcatap);
export const dpv = namespace(PREFIXES.dpv);
export const adms = namespace(PREFIXES.adms);
export const cv = namespace(PREFIXES.cv);
export const foaf = namespace(PREFIXES.foaf);
export const vcard = namespace(PREFIXES.vcard);
export const skos = namespace(PREFIXES.skos);
export const locn = namespace(PREFIXES.locn);
export const hydra = namespace(PREFIXES.hydra);
