import type { Vocabulary } from './term.js';

/** Legislation a dataset is subject to (DCAT-AP 3 `applicableLegislation`, ELI IRIs). */
export const legislation = {
  GDPR: { uri: 'http://data.europa.eu/eli/reg/2016/679/oj', en: 'General Data Protection Regulation (EU) 2016/679', fr: 'Règlement général sur la protection des données (UE) 2016/679' },
  EHDS: { uri: 'http://data.europa.eu/eli/reg/2025/327/oj', en: 'European Health Data Space Regulation (EU) 2025/327', fr: "Règlement (UE) 2025/327 relatif à l'espace européen des données de santé" },
  DATA_GOVERNANCE_ACT: { uri: 'http://data.europa.eu/eli/reg/2022/868/oj', en: 'Data Governance Act (EU) 2022/868', fr: 'Règlement sur la gouvernance des données (UE) 2022/868' },
  FR_LOI_2016_41: {
    uri: 'https://www.legifrance.gouv.fr/eli/loi/2016/1/26/AFSX1418355L/jo/texte',
    en: 'French law 2016-41 of 26 January 2016 (health system modernisation; creates the SNDS)',
    fr: 'Loi n° 2016-41 du 26 janvier 2016 de modernisation de notre système de santé (création du SNDS)',
  },
  FR_LOI_2019_774: {
    uri: 'https://www.legifrance.gouv.fr/eli/loi/2019/7/24/SSAX1900401L/jo/texte',
    en: 'French law 2019-774 of 24 July 2019 (OTSS; creates the Health Data Hub)',
    fr: "Loi n° 2019-774 du 24 juillet 2019 relative à l'organisation et à la transformation du système de santé (création du Health Data Hub)",
  },
  FI_SECONDARY_USE_ACT: {
    uri: 'https://www.finlex.fi/en/laki/kaannokset/2019/en20190552',
    en: 'Finnish Act on the Secondary Use of Health and Social Data (552/2019)',
    fr: "Loi finlandaise sur l'utilisation secondaire des données sociales et de santé (552/2019)",
  },
} as const satisfies Vocabulary<string>;

export type LegislationCode = keyof typeof legislation;
