import type { Vocabulary } from './term.js';

const base = 'http://publications.europa.eu/resource/authority/file-type/';

/** Distribution formats (EU file-type vocabulary). */
export const fileTypes = {
  CSV: { uri: `${base}CSV`, en: 'CSV', fr: 'CSV' },
  JSON: { uri: `${base}JSON`, en: 'JSON', fr: 'JSON' },
  PARQUET: { uri: `${base}PARQUET`, en: 'Apache Parquet', fr: 'Apache Parquet' },
  SAS: { uri: `${base}SAS`, en: 'SAS dataset', fr: 'Table SAS' },
  XLSX: { uri: `${base}XLSX`, en: 'Excel workbook', fr: 'Classeur Excel' },
  PDF: { uri: `${base}PDF`, en: 'PDF', fr: 'PDF' },
  HTML: { uri: `${base}HTML`, en: 'HTML', fr: 'HTML' },
  RDF_TURTLE: { uri: `${base}RDF_TURTLE`, en: 'RDF Turtle', fr: 'RDF Turtle' },
  SQL: { uri: `${base}SQL`, en: 'SQL database', fr: 'Base de données SQL' },
  FHIR: { uri: 'http://hl7.org/fhir', en: 'HL7 FHIR resources', fr: 'Ressources HL7 FHIR' },
} as const satisfies Vocabulary<string>;

export type FileTypeCode = keyof typeof fileTypes;
