import type { Vocabulary } from './term.js';

const base = 'http://publications.europa.eu/resource/authority/frequency/';

/** Update frequencies (EU frequency vocabulary, the subset used by health catalogues). */
export const frequencies = {
  CONT: { uri: `${base}CONT`, en: 'Continuous', fr: 'Continue' },
  UPDATE_CONT: { uri: `${base}UPDATE_CONT`, en: 'Continuously updated', fr: 'Mise à jour continue' },
  DAILY: { uri: `${base}DAILY`, en: 'Daily', fr: 'Quotidienne' },
  WEEKLY: { uri: `${base}WEEKLY`, en: 'Weekly', fr: 'Hebdomadaire' },
  MONTHLY: { uri: `${base}MONTHLY`, en: 'Monthly', fr: 'Mensuelle' },
  QUARTERLY: { uri: `${base}QUARTERLY`, en: 'Quarterly', fr: 'Trimestrielle' },
  ANNUAL_2: { uri: `${base}ANNUAL_2`, en: 'Twice a year', fr: 'Semestrielle' },
  ANNUAL: { uri: `${base}ANNUAL`, en: 'Annual', fr: 'Annuelle' },
  BIENNIAL: { uri: `${base}BIENNIAL`, en: 'Every two years', fr: 'Tous les deux ans' },
  TRIENNIAL: { uri: `${base}TRIENNIAL`, en: 'Every three years', fr: 'Tous les trois ans' },
  QUINQUENNIAL: { uri: `${base}QUINQUENNIAL`, en: 'Every five years', fr: 'Tous les cinq ans' },
  IRREG: { uri: `${base}IRREG`, en: 'Irregular', fr: 'Irrégulière' },
  NEVER: { uri: `${base}NEVER`, en: 'Never (closed)', fr: 'Jamais (close)' },
  UNKNOWN: { uri: `${base}UNKNOWN`, en: 'Unknown', fr: 'Inconnue' },
} as const satisfies Vocabulary<string>;

export type FrequencyCode = keyof typeof frequencies;
