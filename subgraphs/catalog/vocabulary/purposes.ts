import type { Vocabulary } from './term.js';

const base = 'http://data.europa.eu/eli/reg/2025/327/oj#art_53';

/** Secondary-use purposes a dataset may serve: the list of EHDS Regulation (EU) 2025/327, Art. 53(1). */
export const purposes = {
  PUBLIC_HEALTH: { uri: `${base}-a`, en: 'Public interest in public and occupational health', fr: 'Intérêt public en santé publique et santé au travail' },
  POLICY_MAKING: { uri: `${base}-b`, en: 'Policy-making and regulatory activities', fr: 'Élaboration des politiques et activités réglementaires' },
  OFFICIAL_STATISTICS: { uri: `${base}-c`, en: 'Official statistics', fr: 'Statistiques officielles' },
  EDUCATION: { uri: `${base}-d`, en: 'Education and teaching', fr: 'Éducation et enseignement' },
  SCIENTIFIC_RESEARCH: {
    uri: `${base}-e`,
    en: 'Scientific research, including innovation and training of algorithms',
    fr: "Recherche scientifique, y compris l'innovation et l'entraînement d'algorithmes",
  },
  IMPROVING_CARE: { uri: `${base}-f`, en: 'Improving the delivery of care', fr: "Amélioration de la prestation des soins" },
} as const satisfies Vocabulary<string>;

export type PurposeCode = keyof typeof purposes;
