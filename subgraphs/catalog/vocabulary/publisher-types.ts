import type { Vocabulary } from './term.js';

const base = 'http://healthdataportal.eu/resource/authority/publisher-type/';

/**
 * HealthDCAT-AP publisher types (the kind of organisation that holds a dataset), from the list of the
 * HealthDCAT-AP draft the Health Data Hub uses; `rdf/publisher-type-iris.ts` gives each one's Release 8
 * concept.
 */
export const publisherTypes = {
  NATIONAL_STATISTICS_INSTITUTE: { uri: `${base}statitics`, en: 'National statistics institute', fr: 'Institut national de statistique' },
  REGISTRY: { uri: `${base}registry`, en: 'Registry', fr: 'Registre' },
  NATIONAL_PUBLIC_HEALTH_INSTITUTE: {
    uri: `${base}nationalPublicHealthInstitute`,
    en: 'National public health institute',
    fr: 'Institut national de santé publique',
  },
  BIOBANK: { uri: `${base}biobank`, en: 'Biobank', fr: 'Biobanque' },
  RESEARCH_INSTITUTION: { uri: `${base}researchInstitution`, en: 'Research institution', fr: 'Institution de recherche' },
  HEALTHCARE_SYSTEM: { uri: `${base}healthcareSystem`, en: 'Hospital or healthcare system', fr: 'Hôpital ou système de soins' },
  GOVERNMENT_HEALTH_DEPARTMENT: {
    uri: `${base}govHealth`,
    en: 'Government health department',
    fr: 'Administration publique de la santé',
  },
  NGO: { uri: `${base}ngo`, en: 'Non-governmental organisation', fr: 'Organisation non gouvernementale' },
  PHARMA_BIOTECH: { uri: `${base}pharmaBiotech`, en: 'Pharmaceutical or biotechnology company', fr: 'Entreprise pharmaceutique ou de biotechnologie' },
  HEALTH_ORGANISATION: { uri: `${base}healthOrganisation`, en: 'International health organisation', fr: 'Organisation internationale de santé' },
  HEALTH_INSURANCE: { uri: `${base}healthInsurance`, en: 'Health insurance', fr: 'Assurance maladie' },
  /**
   * Release 8 only (the EU institutions and bodies the European registries name as publisher): the older
   * list has no such concept, so its IRI is the Release 8 one.
   */
  ADMINISTRATIVE_INSTITUTION: {
    uri: 'https://hdeu-dcat.data.health.europa.eu/resource/authority/publisher-type/administrative-institution',
    en: 'Administrative institution',
    fr: 'Institution administrative',
  },
} as const satisfies Vocabulary<string>;

export type PublisherTypeCode = keyof typeof publisherTypes;
