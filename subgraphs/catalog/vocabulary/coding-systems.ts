import type { Vocabulary } from './term.js';

const base = 'https://hdeu-dcat.data.health.europa.eu/resource/authority/coding-system/';

/**
 * Coding systems and terminologies used inside a dataset (HealthDCAT-AP `healthdcatap:hasCodingSystem`).
 * Enum names replace hyphens by underscores; `officialCode` gives the HealthDCAT-AP code.
 */
export const codingSystems = {
  ICD_10: { uri: `${base}ICD-10`, en: 'ICD-10', fr: 'CIM-10' },
  ICD_10_NAT: { uri: `${base}ICD-10-NAT`, en: 'National modification of ICD-10 (e.g. CIM-10 FR)', fr: 'Version nationale de la CIM-10 (CIM-10 FR)' },
  ICD_11: { uri: `${base}ICD-11`, en: 'ICD-11', fr: 'CIM-11' },
  ATC: { uri: `${base}ATC`, en: 'Anatomical Therapeutic Chemical classification (ATC)', fr: 'Classification anatomique, thérapeutique et chimique (ATC)' },
  PROC_CODES_NAT: {
    uri: `${base}PROC-CODES-NAT`,
    en: 'National procedure codes (e.g. CCAM)',
    fr: 'Nomenclature nationale des actes (ex. CCAM)',
  },
  SNOMED_CT: { uri: `${base}SNOMED-CT`, en: 'SNOMED CT', fr: 'SNOMED CT' },
  LOINC: { uri: `${base}LOINC`, en: 'LOINC', fr: 'LOINC' },
  ORPHACODE: { uri: `${base}ORPHACODE`, en: 'ORPHAcodes (rare diseases)', fr: 'ORPHAcodes (maladies rares)' },
  OHDSI_VOCAB: { uri: `${base}OHDSI-VOCAB`, en: 'OHDSI standardised vocabularies (OMOP)', fr: 'Vocabulaires standardisés OHDSI (OMOP)' },
  ICD_O_3: { uri: `${base}ICD-O-3`, en: 'ICD for Oncology (ICD-O-3)', fr: 'CIM pour l’oncologie (CIM-O-3)' },
  NOMESCO: { uri: `${base}NOMESCO`, en: 'NOMESCO classification of surgical procedures', fr: 'Classification NOMESCO des actes chirurgicaux' },
} as const satisfies Vocabulary<string>;

export type CodingSystemCode = keyof typeof codingSystems;

/** The HealthDCAT-AP code of a coding system, as used in IRIs (`ICD_10` -> `ICD-10`). */
export function officialCodingSystemCode(code: CodingSystemCode): string {
  return code.replace(/_/g, '-');
}
