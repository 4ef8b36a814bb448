import type { Vocabulary } from './term.js';

const base = 'http://publications.europa.eu/resource/authority/country/';

function term(code: string, en: string, fr: string) {
  return { uri: base + code, en, fr };
}

/** Countries of the European Economic Area (EU country vocabulary, ISO 3166-1 alpha-3 codes), and UNKNOWN. */
export const countries = {
  AUT: term('AUT', 'Austria', 'Autriche'),
  BEL: term('BEL', 'Belgium', 'Belgique'),
  BGR: term('BGR', 'Bulgaria', 'Bulgarie'),
  HRV: term('HRV', 'Croatia', 'Croatie'),
  CYP: term('CYP', 'Cyprus', 'Chypre'),
  CZE: term('CZE', 'Czechia', 'Tchéquie'),
  DNK: term('DNK', 'Denmark', 'Danemark'),
  EST: term('EST', 'Estonia', 'Estonie'),
  FIN: term('FIN', 'Finland', 'Finlande'),
  FRA: term('FRA', 'France', 'France'),
  DEU: term('DEU', 'Germany', 'Allemagne'),
  GRC: term('GRC', 'Greece', 'Grèce'),
  HUN: term('HUN', 'Hungary', 'Hongrie'),
  IRL: term('IRL', 'Ireland', 'Irlande'),
  ITA: term('ITA', 'Italy', 'Italie'),
  LVA: term('LVA', 'Latvia', 'Lettonie'),
  LTU: term('LTU', 'Lithuania', 'Lituanie'),
  LUX: term('LUX', 'Luxembourg', 'Luxembourg'),
  MLT: term('MLT', 'Malta', 'Malte'),
  NLD: term('NLD', 'Netherlands', 'Pays-Bas'),
  POL: term('POL', 'Poland', 'Pologne'),
  PRT: term('PRT', 'Portugal', 'Portugal'),
  ROU: term('ROU', 'Romania', 'Roumanie'),
  SVK: term('SVK', 'Slovakia', 'Slovaquie'),
  SVN: term('SVN', 'Slovenia', 'Slovénie'),
  ESP: term('ESP', 'Spain', 'Espagne'),
  SWE: term('SWE', 'Sweden', 'Suède'),
  ISL: term('ISL', 'Iceland', 'Islande'),
  LIE: term('LIE', 'Liechtenstein', 'Liechtenstein'),
  NOR: term('NOR', 'Norway', 'Norvège'),
  /**
   * Not a country: the explicit "not stated" of an organisation imported from a HealthDCAT-AP record, which
   * gives no country for an agent. The EU authority tables' own code for provisional data stands for it.
   * A dataset's spatial coverage never takes it (`datasetRecord` refuses it).
   */
  UNKNOWN: { uri: 'http://publications.europa.eu/resource/authority/country/OP_DATPRO', en: 'Unknown (not stated)', fr: 'Inconnu (non précisé)' },
} as const satisfies Vocabulary<string>;

export type CountryCode = keyof typeof countries;
