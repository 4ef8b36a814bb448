import type { Vocabulary } from './term.js';

const base = 'http://publications.europa.eu/resource/authority/data-theme/';

/** EU data themes (DCAT-AP `dcat:theme`); health datasets carry HEAL and often others. */
export const dataThemes = {
  HEAL: { uri: `${base}HEAL`, en: 'Health', fr: 'Santé' },
  SOCI: { uri: `${base}SOCI`, en: 'Population and society', fr: 'Population et société' },
  ECON: { uri: `${base}ECON`, en: 'Economy and finance', fr: 'Économie et finances' },
  GOVE: { uri: `${base}GOVE`, en: 'Government and public sector', fr: 'Gouvernement et secteur public' },
  ENVI: { uri: `${base}ENVI`, en: 'Environment', fr: 'Environnement' },
  EDUC: { uri: `${base}EDUC`, en: 'Education, culture and sport', fr: 'Éducation, culture et sport' },
  TECH: { uri: `${base}TECH`, en: 'Science and technology', fr: 'Science et technologie' },
  AGRI: { uri: `${base}AGRI`, en: 'Agriculture, fisheries, forestry and food', fr: 'Agriculture, pêche, sylviculture et alimentation' },
  REGI: { uri: `${base}REGI`, en: 'Regions and cities', fr: 'Régions et villes' },
  JUST: { uri: `${base}JUST`, en: 'Justice, legal system and public safety', fr: 'Justice, système juridique et sécurité publique' },
} as const satisfies Vocabulary<string>;

export type DataThemeCode = keyof typeof dataThemes;
