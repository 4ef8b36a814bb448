import type { Vocabulary } from './term.js';

const base = 'https://w3id.org/dpv/dpv-pd#';

function term(name: string, en: string, fr: string) {
  return { uri: base + name, en, fr };
}

/** Categories of personal data a dataset holds (DPV personal-data vocabulary, HealthDCAT-AP `personalData`). */
export const personalData = {
  AGE: term('Age', 'Age', 'Âge'),
  BIRTH_DATE: term('BirthDate', 'Birth date', 'Date de naissance'),
  GENDER: term('Gender', 'Gender', 'Sexe'),
  DOMICILE: term('Domicile', 'Place of residence', 'Lieu de résidence'),
  DEMOGRAPHIC: term('Demographic', 'Demographic data', 'Données démographiques'),
  IDENTIFIER: term('Identifier', 'Pseudonymous identifier', 'Identifiant pseudonyme'),
  OFFICIAL_ID: term('OfficialID', 'Official identifier (e.g. social security number)', 'Identifiant officiel (ex. NIR)'),
  MEDICAL_HEALTH: term('MedicalHealth', 'Medical and health data', 'Données médicales et de santé'),
  HEALTH_RECORD: term('HealthRecord', 'Health record', 'Dossier médical'),
  GENETIC: term('Genetic', 'Genetic data', 'Données génétiques'),
  BEHAVIORAL: term('Behavioral', 'Behavioural data', 'Données comportementales'),
  PHYSICAL_CHARACTERISTIC: term('PhysicalCharacteristic', 'Physical characteristics', 'Caractéristiques physiques'),
  JOB: term('Job', 'Occupation', 'Profession'),
  EDUCATION: term('Education', 'Education', 'Éducation'),
  MARITAL_STATUS: term('MaritalStatus', 'Marital status', 'Situation familiale'),
} as const satisfies Vocabulary<string>;

export type PersonalDataCode = keyof typeof personalData;
